// Query building, checked by behaviour: each query runs against a small
// hand-built index and the test asserts which articles match.

#include "searcher/query_builder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "common/document.h"
#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::SampleArticles;
using testing_util::TempDir;
using testing_util::WriteIndex;
using Ids = std::set<std::string>;

// Short names for the sample articles.
const std::string P = "pulse-porter";     // 2011-11-25 Pulse
const std::string B = "hsj-bill";         // 2012-03-20 HSJ
const std::string I = "mip-integration";  // 2011-06-10 MiP
const std::string U = "undated-funding";  // undated, no outlet
const std::string W = "pulse-workforce";  // 2012-02-29 Pulse
const std::string C = "hsj-ccgs";         // 2011-11-01 HSJ

std::string Show(const Ids& ids) {
  std::string out = "{";
  for (const std::string& id : ids) out += " " + id;
  return out + " }";
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteIndex(dir_->path() + "/db", SampleArticles());
    db_ = new Xapian::Database(dir_->path() + "/db");
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }

  // The ids `spec` matches; fails the test if it does not build.
  static Ids Match(const QuerySpec& spec) {
    Xapian::Query query;
    Status status = BuildQuery(spec, *db_, &query);
    EXPECT_TRUE(status.ok()) << "query: " << spec.text << "\n"
                             << status.message();
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    Ids ids;
    Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ids.insert(ParseDocument(it.get_document()).id);
    }
    return ids;
  }
  static Ids Match(const std::string& text) {
    QuerySpec spec;
    spec.text = text;
    return Match(spec);
  }

  static TempDir* dir_;
  static Xapian::Database* db_;
};

TempDir* QueryBuilderTest::dir_ = nullptr;
Xapian::Database* QueryBuilderTest::db_ = nullptr;

// Speaker names are indexed with a straight apostrophe whatever the page
// printed (CanonicalPersonName), so a curly one in the query is the same
// name.
TEST_F(QueryBuilderTest, SpeakerApostrophesAreOne) {
  for (const char* name :
       {"O\xE2\x80\x99Neill", "\"Rory O\xE2\x80\x99Neill\""}) {
    std::string curly = std::string("speaker:") + name, straight = curly;
    straight.replace(straight.find("\xE2\x80\x99"), 3, "'");
    Xapian::Query a, b;
    QuerySpec spec;
    spec.text = curly;
    ASSERT_TRUE(BuildQuery(spec, *db_, &a).ok()) << curly;
    spec.text = straight;
    ASSERT_TRUE(BuildQuery(spec, *db_, &b).ok()) << straight;
    EXPECT_EQ(a.get_description(), b.get_description()) << curly;
    EXPECT_NE(a.get_description().find("o'neill"), std::string::npos)
        << a.get_description();
  }
}

struct MatchCase {
  const char* query;
  Ids expected;
};

TEST_F(QueryBuilderTest, QueriesMatchTheRightArticles) {
  const MatchCase kCases[] = {
      // Plain words search title and body, stemmed.
      {"reorganisation", {P, U, C}},
      {"reorganise", {P, U, C}},
      {"Porter", {P, I, W}},
      // Free-text prefixes.
      {"title:reorganisation", {P}},
      {"title:commissioning", {P, C}},
      {"quote:gamble", {P}},
      {"gamble", {}},  // quotes are indexed apart from the body
      {"quote:competition", {B}},
      {"comment:mandate", {P}},
      {"mandate", {}},  // comments only under comment:
      // Boolean fields, normalised.
      {"outlet:pulse", {P, W}},
      {"outlet:PULSE", {P, W}},
      {"outlet:\"Health Service Journal\"", {B, C}},
      {"outlet:\"health  service journal\"", {B, C}},
      {"outlet:pulse outlet:\"Health Service Journal\"", {P, W, B, C}},
      {"speaker:porter", {P, I, W}},
      {"speaker:Porter", {P, I, W}},
      {"speaker:\"Dr Porter\"", {P, I, W}},
      {"speaker:\"Mark Porter\"", {P, I}},
      {"speaker:\"Dr Mark Porter\"", {P, I}},
      {"speaker:\"dr. mark porter\"", {P, I}},
      {"speaker:mark", {P, I}},
      {"speaker:lansley", {B, I}},
      {"speaker:\"John Porter\"", {W}},
      {"speaker:porter speaker:lansley", {P, I, W, B}},  // same field: OR
      {"speaker:porter outlet:pulse", {P, W}},           // fields: AND
      {"topic:commissioning", {P, C}},
      {"topic:Commissioning", {P, C}},
      {"year:2011", {P, I, C}},
      {"year:2012", {B, W}},
      {"month:2011-11", {P, C}},
      {"month:201111", {P, C}},
      {"month:2012-2", {W}},
      {"nhs outlet:pulse", {P}},
      // Phrases, booleans, NEAR, love/hate, wildcards, pure NOT.
      {"\"social care\"", {B, I}},
      {"\"care social\"", {}},
      {"nhs AND competition", {B}},
      {"nhs and competition", {B}},
      {"competition OR workforce", {B, W}},
      {"competition workforce", {}},  // default AND
      {"nhs NOT reorganisation", {B, I}},
      {"porter NEAR harm", {P}},
      {"porter NEAR/2 harm", {}},
      {"+nhs -competition", {P, I, U}},
      {"reorgan*", {P, U, C}},
      {"NOT nhs", {W, C}},
      // The index holds stems only: phrases match stems in order, and a
      // wildcard finds the words that start with it, whatever their stem
      // ("commissioning" -> "commiss", "integrating" -> "integr").
      {"\"social cares\"", {B, I}},
      {"title:\"social care\"", {B, I}},
      {"title:\"care social\"", {}},
      {"commission*", {P, C}},
      {"integrat*", {I}},
      {"reorganisati*", {P, U, C}},  // into the suffix stemming removes
      {"commissionin*", {P, C}},
      {"title:commission*", {P, C}},
      {"title:(commission* groups)", {C}},
      {"(commission* OR workforc*)", {P, C, W}},
      {"nhs -reorgan*", {B, I}},
      {"+commission* +clinic*", {C}},
      {"quote:gamb*", {P}},
      {"comment:upheav*", {P}},  // comment words: by their stems
      {"zzzunknown*", {}},
      // Date ranges: inclusive, open ends, partial dates.
      {"date:2011-01-01..2011-12-31", {P, I, C}},
      {"date:2011-11-01..2011-11-25", {P, C}},
      {"date:2012-01-01..", {B, W}},
      {"date:..2011-06-10", {I}},
      {"date:2011..2011", {P, I, C}},
      {"date:2011-11..2012-02", {P, C, W}},  // 2012-02 ends on the 29th
      {"date:..2012", {P, B, I, W, C}},      // never the undated one
      {"2011..2011", {P, I, C}},
      {"2011-06-10..2011-06-10", {I}},
      {"nhs date:2012..", {B}},
      // date: with one value: that day, month or year.
      {"date:2011-11-25", {P}},
      {"date:2011-11", {P, C}},
      {"date:2011", {P, I, C}},
      {"date:2012-02 OR date:2011-06-10", {W, I}},
  };
  for (const MatchCase& c : kCases) {
    EXPECT_EQ(Show(Match(c.query)), Show(c.expected)) << "query: " << c.query;
  }
}

// In a quote search, quote: means the quote document's own words.
TEST_F(QueryBuilderTest, QuoteSearchesMatchQuoteDocuments) {
  const MatchCase kCases[] = {
      {"gamble", {P}},
      {"quote:gamble", {P}},
      {"quote:\"drive up quality\"", {B}},
      {"quote:gamb*", {P}},
      {"quote:competition speaker:lansley", {B}},
      {"title:reorganisation", {}},  // quote documents have no title
  };
  for (const MatchCase& c : kCases) {
    QuerySpec spec;
    spec.text = c.query;
    spec.type = DocType::kQuote;
    EXPECT_EQ(Show(Match(spec)), Show(c.expected)) << "query: " << c.query;
  }
}

// Phrases and NEAR with nothing a ranked match could skip are ranked and
// counted in one pass; a disjunction in what is weighted keeps them apart.
TEST_F(QueryBuilderTest, RankingChecksEveryMatchOfPhrasesWithoutDisjunction) {
  const struct {
    const char* query;
    bool checks_every_match;
  } kCases[] = {
      {"\"clinical commissioning\"", true},
      {"title:\"clinical commissioning\"", true},
      {"reorganisation NEAR competition", true},
      {"\"clinical commissioning\" outlet:pulse", true},
      {"\"clinical commissioning\" 2011..2012", true},
      {"\"clinical commissioning\" -reorganisation", true},
      {"\"clinical commissioning\" reorganisation", true},  // AND
      {"\"clinical commissioning\" OR reorganisation", false},
      {"reorganisation", false},
      {"reorganisation competition", false},
      {"reorganisation outlet:pulse", false},
      {"ccg", false},
  };
  for (const auto& c : kCases) {
    QuerySpec spec;
    spec.text = c.query;
    Xapian::Query query;
    ASSERT_TRUE(BuildQuery(spec, *db_, &query).ok()) << c.query;
    EXPECT_EQ(RankingChecksEveryMatch(query), c.checks_every_match)
        << c.query << ": " << query.get_description();
  }
}

// An article search drops the XYarticle filter only where no quote
// document can match: with or without it, the same documents match, and
// never a quote document.
TEST_F(QueryBuilderTest, ArticleSearchesNeverMatchQuoteDocuments) {
  const struct {
    const char* query;
    bool filter_dropped;
  } kCases[] = {
      {"reorganisation", true},
      {"title:reorganisation", true},
      {"\"clinical commissioning\"", true},
      {"reorganisation outlet:pulse", true},
      {"reorganisation OR competition", true},
      {"reorganisation -speaker:porter", true},
      {"reorganisation 2011..2012", true},
      {"gamb*", true},
      {"ccg", true},  // a synonym: SYNONYM(Zccg, XNccg)
      {"quote:competition", false},
      {"reorganisation OR quote:competition", false},
      {"speaker:porter", false},
      {"outlet:pulse", false},
      {"2011..2012", false},
      {"NOT reorganisation", false},
      {"quote:competition reorganisation", true},
  };
  const Xapian::Query article("XYarticle");
  for (const auto& c : kCases) {
    QuerySpec spec;
    spec.text = c.query;
    Xapian::Query text;
    ASSERT_TRUE(ParseUserQuery(spec, *db_, &text).ok()) << c.query;
    EXPECT_EQ(MatchesArticlesOnly(text), c.filter_dropped) << c.query;
    Xapian::Query built;
    ASSERT_TRUE(BuildQuery(spec, *db_, &built).ok()) << c.query;
    Xapian::Enquire enquire(*db_), filtered(*db_);
    enquire.set_query(built);
    filtered.set_query(Xapian::Query(Xapian::Query::OP_FILTER, text, article));
    Xapian::MSet got = enquire.get_mset(0, 1000);
    Xapian::MSet want = filtered.get_mset(0, 1000);
    std::set<Xapian::docid> got_ids(got.begin(), got.end());
    std::set<Xapian::docid> want_ids(want.begin(), want.end());
    EXPECT_EQ(got_ids, want_ids) << c.query;
    for (auto it = got.begin(); it != got.end(); ++it) {
      EXPECT_FALSE(ParseDocument(it.get_document()).is_quote) << c.query;
    }
  }
}

// The fewest Y/M/D terms for a closed range, leap days included.
TEST(DateTermsQueryTest, WholeYearsAndMonthsBecomeOneTerm) {
  const struct {
    const char* lo;
    const char* hi;
    const char* terms;  // as Query::get_terms_begin() lists them (sorted)
  } kCases[] = {
      {"20111125", "20111125", "D20111125"},
      {"20111129", "20111202", "D20111129 D20111130 D20111201 D20111202"},
      {"20111101", "20111130", "M201111"},
      {"20120201", "20120229", "M201202"},  // leap year
      {"20110201", "20110228", "M201102"},
      {"20120201", "20120228",
       "D20120201 D20120202 D20120203 D20120204 "
       "D20120205 D20120206 D20120207 D20120208 "
       "D20120209 D20120210 D20120211 D20120212 "
       "D20120213 D20120214 D20120215 D20120216 "
       "D20120217 D20120218 D20120219 D20120220 "
       "D20120221 D20120222 D20120223 D20120224 "
       "D20120225 D20120226 D20120227 D20120228"},
      {"20110101", "20121231", "Y2011 Y2012"},
      {"20101231", "20120201", "D20101231 D20120201 M201201 Y2011"},
  };
  for (const auto& c : kCases) {
    Xapian::Query q = DateTermsQuery(c.lo, c.hi);
    std::string terms;
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t)
      terms += (terms.empty() ? "" : " ") + *t;
    EXPECT_EQ(terms, c.terms) << c.lo << ".." << c.hi;
  }
  // Millennia: a value range, not thousands of terms.
  EXPECT_EQ(DateTermsQuery("10000101", "29991231").get_type(),
            Xapian::Query::OP_VALUE_RANGE);
}

// Date terms match what a value range over the date slot matches, for
// ranges that start and end anywhere: on an index with a document on every
// day of three years (and undated ones).
TEST(DateTermsQueryTest, MatchesWhatTheValueRangeMatches) {
  TempDir dir;
  std::vector<Article> articles;
  long day0 = 0;
  ASSERT_TRUE(DaysFromYmd("20110101", &day0));
  for (int i = 0; i < 3 * 366; ++i) {
    const std::string ymd = YmdFromDays(day0 + i);
    articles.push_back(testing_util::MakeArticle(
        "day-" + std::to_string(i), "Story " + std::to_string(i),
        ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2),
        "Pulse", {}, {}, {"NHS story."}));
  }
  articles.push_back(testing_util::MakeArticle("undated", "Undated", "",
                                               "Pulse", {}, {}, {"NHS."}));
  WriteIndex(dir.path() + "/db", articles);
  Xapian::Database db(dir.path() + "/db");
  const struct {
    const char* lo;
    const char* hi;
  } kRanges[] = {{"20110101", "20131231"}, {"20110315", "20110315"},
                 {"20101201", "20110105"}, {"20111130", "20120301"},
                 {"20120228", "20120301"}, {"20110201", "20130131"},
                 {"20130601", "20140101"}, {"20090101", "20100101"}};
  for (const auto& r : kRanges) {
    auto ids = [&db](const Xapian::Query& q) {
      Xapian::Enquire enquire(db);
      enquire.set_query(q);
      Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      return std::set<Xapian::docid>(mset.begin(), mset.end());
    };
    const Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                              r.lo, r.hi);
    EXPECT_EQ(ids(DateTermsQuery(r.lo, r.hi)), ids(range))
        << r.lo << ".." << r.hi;
  }
}

TEST(RestrictToTypeTest, QuoteSearchesAlwaysFilter) {
  const Xapian::Query text("ZXQcompetit");
  EXPECT_EQ(
      RestrictToType(text, DocType::kQuote).get_description(),
      Xapian::Query(Xapian::Query::OP_FILTER, text, Xapian::Query("XYquote"))
          .get_description());
  EXPECT_EQ(RestrictToType(Xapian::Query("Zcompetit"), DocType::kArticle)
                .get_description(),
            Xapian::Query("Zcompetit").get_description());
}

TEST_F(QueryBuilderTest, CorrectionKeepsWildcardsAsTyped) {
  QuerySpec spec;
  spec.text = "commisioning title:reorgan*";
  Xapian::Query query;
  std::string corrected;
  ASSERT_TRUE(BuildQuery(spec, *db_, &query, &corrected).ok());
  EXPECT_EQ(corrected, "commissioning title:reorgan*");
}

TEST_F(QueryBuilderTest, DefaultOpOr) {
  QuerySpec spec;
  spec.text = "competition workforce";
  spec.default_op = DefaultOp::kOr;
  EXPECT_EQ(Show(Match(spec)), Show({B, W}));
}

// Function words drop out of free text, not out of phrases, and words that
// are acronyms or names in health news (WHO, IT, May) stay.
TEST_F(QueryBuilderTest, FunctionWordsDropOutOfFreeText) {
  const struct {
    const char* text;
    const char* terms;  // the query's terms, in query order
  } kCases[] = {
      {"the cost of care", "Zcost Zcare"},
      {"\"cost of the care\"", "Zcost Zof Zthe Zcare"},
      {"WHO guidance in May", "Zwho Zguidanc Zmay"},
      {"the", "Zthe"},  // nothing else: as typed
  };
  for (const auto& c : kCases) {
    QuerySpec spec;
    spec.text = c.text;
    Xapian::Query query;
    ASSERT_TRUE(BuildQuery(spec, *db_, &query).ok()) << c.text;
    std::string terms;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
      if ((*t)[0] != 'Z') continue;  // the type filter
      terms += (terms.empty() ? "" : " ") + *t;
    }
    EXPECT_EQ(terms, c.terms) << c.text << ": " << query.get_description();
  }
}

struct FilterCase {
  std::vector<Filter> filters;
  std::string from, to;
  Ids expected;
};

TEST_F(QueryBuilderTest, FiltersOrWithinAFieldAndAcrossFields) {
  const FilterCase kCases[] = {
      {{{"outlet", "Pulse"}}, "", "", {P, W}},
      {{{"outlet", "Pulse"}, {"outlet", "Health Service Journal"}},
       "",
       "",
       {P, W, B, C}},
      {{{"outlet", "Pulse"},
        {"outlet", "Health Service Journal"},
        {"speaker", "Porter"}},
       "",
       "",
       {P, W}},
      {{{"year", "2011"}, {"topic", "commissioning"}}, "", "", {P, C}},
      {{{"speaker", "Dr Mark Porter"}}, "", "", {P, I}},
      {{{"month", "2011-11"}, {"month", "2012-03"}}, "", "", {P, C, B}},
      {{}, "2011-11", "2012", {P, C, B, W}},
      {{}, "2012-01-01", "", {B, W}},
      {{}, "", "2011-06", {I}},
      {{{"outlet", "Pulse"}}, "2012", "", {W}},
  };
  for (const FilterCase& c : kCases) {
    QuerySpec spec;
    spec.text = "NOT zzzunknownword";  // every article
    spec.filters = c.filters;
    spec.from = c.from;
    spec.to = c.to;
    std::string desc;
    for (const Filter& f : c.filters) desc += f.field + ":" + f.value + " ";
    EXPECT_EQ(Show(Match(spec)), Show(c.expected))
        << "filters: " << desc << "from " << c.from << " to " << c.to;
  }
}

TEST_F(QueryBuilderTest, FiltersDoNotChangeScores) {
  auto weight_of = [](const QuerySpec& spec, const std::string& id) {
    Xapian::Query query;
    EXPECT_TRUE(BuildQuery(spec, *db_, &query).ok());
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (ParseDocument(it.get_document()).id == id) {
        return it.get_weight();
      }
    }
    return -1.0;
  };
  QuerySpec plain;
  plain.text = "nhs reorganisation";
  QuerySpec filtered = plain;
  filtered.filters = {{"outlet", "pulse"}};
  filtered.from = "2011";
  double w = weight_of(plain, P);
  EXPECT_GT(w, 0);
  EXPECT_DOUBLE_EQ(weight_of(filtered, P), w);
}

struct ErrorCase {
  const char* query;
  const char* message_part;
};

TEST_F(QueryBuilderTest, BadQueriesAreInvalidInput) {
  const ErrorCase kCases[] = {
      {"", "empty query"},
      {"   ", "empty query"},
      {"nhs AND", "Syntax"},
      {"date:2011-02-31..2011-12-31", "no such date \"2011-02-31\""},
      {"date:2011-02-29..", "no such date"},
      {"date:2012..2011", "ends before it starts"},
      {"date:2011-12-01..2011-11-30", "ends before it starts"},
      {"date:foo..bar", "invalid date \"foo\""},
      {"date:2011-13..", "invalid date"},
      {"2011-02-30..2011-03-01", "no such date"},
      {"date:2011-02-31", "no such date"},
      {"date:yesterday", "invalid date"},
      {"month:2011-13", "invalid month"},
      {"month:november", "invalid month"},
      {"year:11", "invalid year"},
      {"year:twenty", "invalid year"},
  };
  for (const ErrorCase& c : kCases) {
    QuerySpec spec;
    spec.text = c.query;
    Xapian::Query query;
    Status status = BuildQuery(spec, *db_, &query);
    EXPECT_TRUE(status.IsInvalidInput()) << "query: " << c.query;
    EXPECT_NE(status.message().find(c.message_part), std::string::npos)
        << "query: " << c.query << "\nmessage: " << status.message();
  }
}

TEST_F(QueryBuilderTest, BadFilterValuesAreInvalidInput) {
  QuerySpec spec;
  spec.text = "nhs";
  spec.filters = {{"month", "2011-13"}};
  Xapian::Query query;
  Status status = BuildQuery(spec, *db_, &query);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("invalid month"), std::string::npos)
      << status.message();

  spec.filters.clear();
  spec.from = "2012";
  spec.to = "2011";
  status = BuildQuery(spec, *db_, &query);
  EXPECT_NE(status.message().find("ends before it starts"), std::string::npos)
      << status.message();
}

TEST(ParseFilterTest, SplitsFieldAndValue) {
  Filter f;
  ASSERT_TRUE(ParseFilter("outlet:Health Service Journal", &f).ok());
  EXPECT_EQ(f.field, "outlet");
  EXPECT_EQ(f.value, "Health Service Journal");
  ASSERT_TRUE(ParseFilter("Speaker:Dr Porter", &f).ok());
  EXPECT_EQ(f.field, "speaker");
  ASSERT_TRUE(ParseFilter("month:2011-11", &f).ok());
  EXPECT_EQ(f.value, "2011-11");
}

TEST(ParseFilterTest, RejectsUnknownFieldsAndMissingColon) {
  Filter f{"kept", "kept"};
  Status status = ParseFilter("colour:red", &f);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("unknown filter field \"colour\""),
            std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("outlet, speaker, topic, year, month"),
            std::string::npos)
      << status.message();
  EXPECT_EQ(f.field, "kept");
  EXPECT_TRUE(ParseFilter("outlet", &f).IsInvalidInput());
}

struct TermCase {
  const char* field;
  const char* value;
  const char* term;
};

TEST(FieldTermTest, NormalisesToTheIndexedTerms) {
  const TermCase kCases[] = {
      {"outlet", "Pulse", "XOpulse"},
      {"outlet", " Health  Service Journal ", "XOhealth service journal"},
      {"topic", "Commissioning", "XTcommissioning"},
      {"topic", "social care", "XTsocial-care"},
      {"topic", "social_care", "XTsocial-care"},
      {"speaker", "Porter", "XSWporter"},
      {"speaker", "Dr Porter", "XSWporter"},
      {"speaker", "Mark Porter", "XSmark porter"},
      {"speaker", "Dr. Mark Porter", "XSmark porter"},
      {"speaker", "Prof Sir Bruce Keogh", "XSbruce keogh"},
      {"speaker", "Baroness Cumberlege", "XSWcumberlege"},
      {"speaker", "Lord", "XSWlord"},
      {"year", "2011", "Y2011"},
      {"month", "2011-11", "M201111"},
      {"month", "2011-1", "M201101"},
      {"month", "201103", "M201103"},
  };
  for (const TermCase& c : kCases) {
    std::string term;
    Status status = FieldTerm(*schema::FindFacetField(c.field), c.value, &term);
    EXPECT_TRUE(status.ok())
        << c.field << ":" << c.value << " " << status.message();
    EXPECT_EQ(term, c.term) << c.field << ":" << c.value;
  }
}

TEST(FieldTermTest, RejectsEmptyAndMalformedValues) {
  const TermCase kCases[] = {
      {"outlet", "  ", ""},        {"speaker", "", ""},
      {"year", "2011-11", ""},     {"year", "201", ""},
      {"month", "2011", ""},       {"month", "2011-00", ""},
      {"month", "2011-11-25", ""},
  };
  for (const TermCase& c : kCases) {
    std::string term = "unchanged";
    Status status = FieldTerm(*schema::FindFacetField(c.field), c.value, &term);
    EXPECT_TRUE(status.IsInvalidInput()) << c.field << ":" << c.value;
  }
}

struct DateCase {
  const char* text;
  bool upper;
  const char* ymd;  // nullptr: invalid
};

TEST(ParseDateBoundTest, Forms) {
  const DateCase kCases[] = {
      {"2011", false, "20110101"},       {"2011", true, "20111231"},
      {"2011-11", false, "20111101"},    {"2011-11", true, "20111130"},
      {"2012-02", true, "20120229"},     {"2011-02", true, "20110228"},
      {"2011-11-25", false, "20111125"}, {"2011-11-25", true, "20111125"},
      {"20111125", false, "20111125"},   {"2011-1-5", false, "20110105"},
      {"2012-02-29", false, "20120229"}, {"2011-02-29", false, nullptr},
      {"2011-02-31", true, nullptr},     {"2011-13", false, nullptr},
      {"2011-00", false, nullptr},       {"11", false, nullptr},
      {"abc", false, nullptr},           {"2011-11-25-1", false, nullptr},
      {"2011/11/25", false, nullptr},    {"", false, nullptr},
      {"20111131", false, nullptr},
  };
  for (const DateCase& c : kCases) {
    std::string ymd = "unchanged";
    Status status = ParseDateBound(c.text, c.upper, &ymd);
    if (c.ymd == nullptr) {
      EXPECT_TRUE(status.IsInvalidInput()) << c.text << " gave " << ymd;
    } else {
      EXPECT_TRUE(status.ok()) << c.text << ": " << status.message();
      EXPECT_EQ(ymd, c.ymd) << c.text << " upper=" << c.upper;
    }
  }
}

TEST(StripHonorificsTest, DropsLeadingTitlesOnly) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Dr Mark Porter", "Mark Porter"},
      {"dr porter", "porter"},
      {"Prof. Sir Bruce Keogh", "Bruce Keogh"},
      {"Baroness Cumberlege", "Cumberlege"},
      {"Cllr  Jane   Smith", "Jane Smith"},
      {"Mark Porter", "Mark Porter"},
      {"Lord", "Lord"},
      {"Mark Lord", "Mark Lord"},
  };
  for (const auto& [in, out] : kCases) {
    EXPECT_EQ(StripHonorifics(in), out) << in;
  }
}

TEST(ParseDefaultOpTest, AndOr) {
  DefaultOp op = DefaultOp::kOr;
  EXPECT_TRUE(ParseDefaultOp("and", &op).ok());
  EXPECT_EQ(op, DefaultOp::kAnd);
  EXPECT_TRUE(ParseDefaultOp("OR", &op).ok());
  EXPECT_EQ(op, DefaultOp::kOr);
  EXPECT_TRUE(ParseDefaultOp("xor", &op).IsInvalidInput());
}

}  // namespace
}  // namespace hpnews
