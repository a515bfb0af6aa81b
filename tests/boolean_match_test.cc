// BooleanMatch (searcher/boolean_match.h): the documents a query of terms
// matches, from posting lists alone, must be exactly those Xapian's
// matcher finds; a query it cannot evaluate gets none.

#include "searcher/boolean_match.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::MakeArticle;
using testing_util::SampleArticles;
using testing_util::TempDir;
using testing_util::WriteIndex;

class BooleanMatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    // The sample articles, and more whose words overlap in many ways, so
    // that unions and intersections have runs, gaps and skips.
    std::vector<Article> articles = SampleArticles();
    const char* words[] = {"budget", "pay", "hospital", "strike", "deficit"};
    for (int i = 0; i < 300; ++i) {
      std::string text = "The NHS";
      for (int w = 0; w < 5; ++w) {
        if ((i >> w) % 2 == 1 || i % (w + 7) == 0)
          text += std::string(" ") + words[w];
      }
      articles.push_back(
          MakeArticle("g" + std::to_string(i), "Story " + std::to_string(i),
                      std::to_string(2010 + i % 4) + "-0" +
                          std::to_string(1 + i % 9) + "-15",
                      i % 3 == 0 ? "Pulse" : "Health Service Journal", {}, {},
                      {text + "."}));
    }
    WriteIndex(dir_->path() + "/db", articles);
    db_ = new Xapian::Database(dir_->path() + "/db");
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }

  // The docids Xapian's matcher finds for `query`, ascending.
  static std::vector<Xapian::docid> Matcher(const Xapian::Query& query) {
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, db_->get_doccount());
    return std::vector<Xapian::docid>(mset.begin(), mset.end());
  }

  // The docids BooleanMatch finds for `query`, ascending, from `first`.
  static std::vector<Xapian::docid> Walk(BooleanMatch* match,
                                         Xapian::docid first = 1) {
    std::vector<Xapian::docid> out;
    for (Xapian::docid did = match->Advance(first); did != 0;
         did = match->Advance(did + 1))
      out.push_back(did);
    return out;
  }

  static TempDir* dir_;
  static Xapian::Database* db_;
};

TempDir* BooleanMatchTest::dir_ = nullptr;
Xapian::Database* BooleanMatchTest::db_ = nullptr;

TEST_F(BooleanMatchTest, UserQueriesMatchWhatXapiansMatcherMatches) {
  const char* kQueries[] = {
      "budget",
      "budget OR pay",
      "budget pay",
      "budget pay hospital strike",
      "budget -pay",
      "budget -pay -strike",
      "NOT budget",
      "budget OR (pay AND strike) OR deficit",
      "(budget OR pay) AND (strike OR deficit) -hospital",
      "budget outlet:pulse",
      "pay 2011..2012",
      "pay date:2012-03",
      "reorganisation",
      "ccg",  // a synonym: SYNONYM(Zccg, XNccg)
      "speaker:porter",
      "topic:commissioning OR topic:workforce",
      "nosuchword",
      "budget AND nosuchword",
      "nosuchword OR pay",
      "budg*",  // hpnews expands wildcards into terms itself
  };
  for (const char* text : kQueries) {
    for (DocType type : {DocType::kArticle, DocType::kQuote}) {
      QuerySpec spec;
      spec.text = text;
      spec.type = type;
      Xapian::Query query;
      ASSERT_TRUE(BuildQuery(spec, *db_, &query).ok()) << text;
      auto match = BooleanMatch::Make(*db_, query);
      ASSERT_NE(match, nullptr) << text << ": " << query.get_description();
      EXPECT_EQ(Walk(match.get()), Matcher(query))
          << text << ": " << query.get_description();
    }
  }
}

TEST_F(BooleanMatchTest, EveryOperatorItEvaluates) {
  using Q = Xapian::Query;
  const Q budget("Zbudget"), pay("Zpay"), strike("Zstrike"), none("Znone");
  auto of = [](Q::op op, std::vector<Q> parts) {
    return Q(op, parts.begin(), parts.end());
  };
  const Q queries[] = {
      Q::MatchAll,
      Q::MatchNothing,
      Q(),
      none,
      Q(Q::OP_AND_NOT, Q::MatchAll, budget),
      of(Q::OP_AND_NOT, {budget, pay, strike}),
      Q(Q::OP_AND_MAYBE, budget, pay),
      Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, budget, strike), 5.0),
      Q(Q::OP_SYNONYM, pay, strike),
      of(Q::OP_MAX, {budget, pay, none}),
      Q(Q::OP_FILTER, Q(Q::OP_OR, pay, strike), Q("XOpulse")),
      of(Q::OP_AND, {budget, pay, strike}),
      Q(Q::OP_AND, budget, none),
      Q(Q::OP_OR, Q(Q::OP_AND, budget, pay),
        Q(Q::OP_AND_NOT, strike, Q(Q::OP_OR, budget, pay))),
  };
  for (const Q& query : queries) {
    auto match = BooleanMatch::Make(*db_, query);
    ASSERT_NE(match, nullptr) << query.get_description();
    EXPECT_EQ(Walk(match.get()), Matcher(query)) << query.get_description();
  }
}

TEST_F(BooleanMatchTest, StartsAtTheAskedDocid) {
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("Zpay"),
                            Xapian::Query("Zstrike"));
  const std::vector<Xapian::docid> all = Matcher(query);
  ASSERT_GT(all.size(), 10u);
  const Xapian::docid from = all[all.size() / 2] + 1;
  std::vector<Xapian::docid> rest;
  for (Xapian::docid did : all) {
    if (did >= from) rest.push_back(did);
  }
  auto match = BooleanMatch::Make(*db_, query);
  EXPECT_EQ(Walk(match.get(), from), rest);
}

// A union of three or more parts is read once into a bitmap when merging
// it would cost more: on its own, under an intersection whose other parts
// are about as common, or as what a difference takes away. It still
// matches what the matcher does, over the whole index and in docid ranges
// (as the count pool splits a count).
TEST_F(BooleanMatchTest, WideUnionsBecomeBitmapsWhereThatPays) {
  using Q = Xapian::Query;
  auto Synonyms = [](std::vector<Q> parts) {
    return Q(Q::OP_SYNONYM, parts.begin(), parts.end());
  };
  // A word in exactly one document: an intersection with it takes one step.
  std::string rare;
  for (auto t = db_->allterms_begin("Z"); t != db_->allterms_end("Z"); ++t) {
    if (t.get_termfreq() == 1) {
      rare = (*t).substr(1);
      break;
    }
  }
  ASSERT_FALSE(rare.empty());
  const struct {
    std::string text;  // a user query, else `query`
    Q query;
    bool bitmap;
  } kCases[] = {
      {"budget OR pay OR strike OR deficit", Q(), true},
      {"budget OR pay", Q(), false},
      {"hospital date:2010-02..2012-07", Q(), true},
      {rare + " date:2010-02..2012-07", Q(), false},
      {"budget -(pay OR strike OR deficit)", Q(), true},
      {"(budget OR pay OR strike) (hospital OR deficit OR pay) -nosuchword",
       Q(), true},
      {"", Q(Q::OP_OR, Q("Zbudget"), Q(Q::OP_OR, Q("Zpay"), Q("Znone"))),
       false},
      {"", Synonyms({Q("Zbudget"), Q("Zpay"), Q("Zstrike")}), true},
  };
  for (const auto& c : kCases) {
    Q query = c.query;
    if (!c.text.empty()) {
      QuerySpec spec;
      spec.text = c.text;
      ASSERT_TRUE(BuildQuery(spec, *db_, &query).ok()) << c.text;
    }
    const std::vector<Xapian::docid> want = Matcher(query);
    auto whole = BooleanMatch::Make(*db_, query);
    ASSERT_NE(whole, nullptr) << query.get_description();
    EXPECT_EQ(whole->Describe().find("BITMAP") != std::string::npos, c.bitmap)
        << whole->Describe();
    EXPECT_EQ(Walk(whole.get()), want) << whole->Describe();
    // In three docid ranges, each match found in exactly one.
    const Xapian::docid last = db_->get_lastdocid();
    std::vector<Xapian::docid> pieced;
    for (Xapian::docid first = 1; first <= last; first += last / 3 + 1) {
      const Xapian::docid end = std::min(last, first + last / 3);
      auto part = BooleanMatch::Make(*db_, query, first, end);
      for (Xapian::docid did = part->Advance(first); did != 0 && did <= end;
           did = part->Advance(did + 1))
        pieced.push_back(did);
    }
    EXPECT_EQ(pieced, want) << whole->Describe();
  }
}

TEST_F(BooleanMatchTest, QueriesThatNeedXapiansMatcherGetNone) {
  const char* kQueries[] = {
      "\"the nhs\"", "budget NEAR pay",
      "date:2011..",  // an open range: a value range
  };
  for (const char* text : kQueries) {
    QuerySpec spec;
    spec.text = text;
    Xapian::Query query;
    ASSERT_TRUE(BuildQuery(spec, *db_, &query).ok()) << text;
    EXPECT_EQ(BooleanMatch::Make(*db_, query), nullptr)
        << text << ": " << query.get_description();
  }
  const std::vector<Xapian::Query> terms = {Xapian::Query("Zpay"),
                                            Xapian::Query("Zbudget")};
  EXPECT_EQ(BooleanMatch::Make(*db_, Xapian::Query(Xapian::Query::OP_ELITE_SET,
                                                   terms.begin(), terms.end())),
            nullptr);
}

}  // namespace
}  // namespace hpnews
