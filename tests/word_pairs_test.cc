// Pair terms (common/word_pairs.h): which pairs are learnt, which
// documents get a pair's term, and that a phrase rewritten to use them
// matches, weighs and counts exactly as the phrase does.

#include "common/word_pairs.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/schema.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::WriteIndex;

std::vector<const Article*> Pointers(const std::vector<Article>& articles) {
  std::vector<const Article*> out;
  for (const Article& a : articles) out.push_back(&a);
  return out;
}

// The pair terms of `doc`, without the prefix.
std::vector<std::string> PairTermsOf(const Xapian::Document& doc) {
  std::vector<std::string> out;
  const std::string prefix = schema::kPairPrefix;
  Xapian::TermIterator t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, prefix.size(), prefix) != 0) break;
    out.push_back(term.substr(prefix.size()));
  }
  return out;
}

TEST(WordPairsTest, LearnsThePairsOfEnoughArticlesInTheirOrder) {
  std::vector<Article> sample;
  for (int i = 0; i < 100; ++i) {
    std::vector<std::string> body;
    if (i % 3 == 0) body.push_back("The minister spoke at noon.");
    // Adjacent in 40 articles; the same words apart in 40 others.
    if (i % 5 != 0) {
      body.push_back(i % 2 == 0 ? "She told reporters the plan was sound."
                                : "She told the waiting reporters nothing.");
    }
    if (i == 7) body.push_back("A breast cancer charity welcomed it.");
    // "The" is in every title: in every article.
    sample.push_back(
        MakeArticle("a" + std::to_string(i), "The plan", "", "", {}, {}, body));
  }
  const WordPairs pairs = WordPairs::Learn(Pointers(sample));
  EXPECT_TRUE(pairs.Contains("told", "report"));
  EXPECT_TRUE(pairs.Contains("minist", "spoke"));
  EXPECT_FALSE(pairs.Contains("the", "minist"))
      << "\"the\" is in every article: its pairs would be in every one";
  EXPECT_FALSE(pairs.Contains("report", "told")) << "order matters";
  EXPECT_FALSE(pairs.Contains("breast", "cancer")) << "in one article of 100";
  EXPECT_FALSE(pairs.Contains("noon", "she")) << "across paragraphs";
  EXPECT_FALSE(pairs.Contains("plan", "the")) << "title to body";
  // Deterministic, and what Serialise() writes Parse() reads back.
  EXPECT_EQ(WordPairs::Learn(Pointers(sample)).Serialise(), pairs.Serialise());
  const WordPairs again = WordPairs::Parse(pairs.Serialise());
  EXPECT_EQ(again.size(), pairs.size());
  EXPECT_TRUE(again.Contains("told", "report"));

  sample.resize(WordPairs::kMinSample - 1);
  EXPECT_TRUE(WordPairs::Learn(Pointers(sample)).empty())
      << "too few articles to learn from";
}

TEST(WordPairsTest, ParseSkipsMalformedLinesAndIntersectionKeepsCommonPairs) {
  const WordPairs a = WordPairs::Parse("mln dlr\ntold report\nnospace\n\n x");
  EXPECT_EQ(a.size(), 2u);
  EXPECT_TRUE(a.Contains("mln", "dlr"));
  const WordPairs b = WordPairs::Parse("told report\nlast week");
  const WordPairs both = WordPairs::Intersection({a, b});
  EXPECT_EQ(both.Serialise(), "told report");
  EXPECT_TRUE(WordPairs::Intersection({a, WordPairs()}).empty());
  EXPECT_TRUE(WordPairs::Intersection({}).empty());
}

TEST(WordPairsTest, DocumentsGetTheTermsOfAdjacentTitleAndBodyWordsOnly) {
  const WordPairs pairs({"told report", "mln dlrs", "last week"});
  Xapian::TermGenerator termgen;
  termgen.set_stemmer(Xapian::Stem("en"));
  Article a = MakeArticle(
      "p1", "Minister told reporters", "2012-01-01", "Pulse", {}, {},
      {"Profits were 5 mln dlrs, up from last", "week's figure of 4 mln."});
  a.comments = {{"Reader", "", "Last week was worse"}};
  const Xapian::Document doc =
      DocumentFromArticle(a, &termgen, nullptr, nullptr, &pairs);
  // "last" ends a paragraph and "week" starts the next: not a phrase.
  // The comment's words are under XC.
  EXPECT_EQ(PairTermsOf(doc),
            (std::vector<std::string>{"mln dlrs", "told report"}));
  // Boolean terms: the document's length (its wdfs' sum) is unchanged.
  const Xapian::Document plain = DocumentFromArticle(a, &termgen);
  auto length = [](const Xapian::Document& d) {
    Xapian::termcount sum = 0;
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t)
      sum += t.get_wdf();
    return sum;
  };
  EXPECT_EQ(doc.termlist_count(), plain.termlist_count() + 2);
  EXPECT_EQ(length(doc), length(plain));
  EXPECT_TRUE(PairTermsOf(plain).empty());
  // Quote documents hold no plain words, so no pairs.
  a.quotes = {{"Mark Porter", "we told reporters"}};
  for (const Xapian::Document& q : QuoteDocuments(a, &termgen))
    EXPECT_TRUE(PairTermsOf(q).empty());
}

TEST(WordPairsTest, RewritesOnlyPhrasesOfListedPairsOfPlainWords) {
  const WordPairs pairs({"told report", "mln dlrs"});
  auto parse = [](const std::string& text) {
    QuerySpec spec;
    spec.text = text;
    Xapian::Query q;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    EXPECT_TRUE(ParseUserQuery(spec, db, &q).ok()) << text;
    return q;
  };
  auto rewritten = [&](const std::string& text) {
    return WithPairTerms(parse(text), pairs).get_description();
  };
  EXPECT_EQ(rewritten("\"told reporters\""),
            "Query(((Ztold@1 AND Zreport@2) FILTER XBtold report#0))");
  EXPECT_EQ(rewritten("budget OR \"mln dlrs\""),
            "Query((Zbudget@1 OR ((Zmln@2 AND Zdlrs@3) FILTER XBmln dlrs#0)))");
  EXPECT_EQ(rewritten("\"the minister told reporters\""),
            "Query(((Zthe@1 PHRASE 4 Zminist@2 PHRASE 4 Ztold@3 PHRASE 4 "
            "Zreport@4) FILTER XBtold report#0))")
      << "a longer phrase keeps its check, narrowed by its pairs";
  for (const char* unchanged :
       {"\"reporters told\"", "title:\"told reporters\"",
        "quote:\"told reporters\"", "told NEAR reporters", "told reporters"}) {
    EXPECT_EQ(rewritten(unchanged), parse(unchanged).get_description())
        << unchanged;
  }
  EXPECT_EQ(
      WithPairTerms(parse("\"told reporters\""), WordPairs()).get_description(),
      parse("\"told reporters\"").get_description());
}

// An index whose words are few, so that pairs are common, adjacent in some
// articles and apart, reversed or split by a paragraph in others; with
// rarer words too, whose pairs are not learnt.
class PairQueryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const char* common[] = {"told", "reporters", "mln",    "dlrs",
                            "the",  "minister",  "budget", "strike"};
    const char* rare[] = {"zebra",  "quartz", "violin", "walrus",
                          "badger", "cobalt", "tundra", "prism"};
    std::mt19937 rng(7);
    // Each article draws on five of the common words, so none is in
    // nearly every article (WordPairs::kMaxStemShare).
    unsigned mine = 0;
    auto word = [&]() -> std::string {
      if (rng() % 30 == 0) return rare[rng() % 8];
      unsigned w;
      do w = rng() % 8;
      while ((mine >> w & 1u) == 0);
      return common[w];
    };
    auto sentence = [&](int n) {
      std::string s;
      for (int i = 0; i < n; ++i) s += (i ? " " : "") + word();
      return s;
    };
    for (int i = 0; i < 300; ++i) {
      do mine = rng() & 0xffu;
      while (__builtin_popcount(mine) != 5);
      std::vector<std::string> body;
      for (int p = 0; p < 3; ++p) body.push_back(sentence(6 + p));
      articles_.push_back(MakeArticle(
          "w" + std::to_string(i), sentence(3),
          std::to_string(2010 + i % 3) + "-05-0" + std::to_string(1 + i % 9),
          i % 2 ? "Pulse" : "BMJ", {}, {i % 3 ? "funding" : "workforce"},
          body));
    }
    pairs_ = new WordPairs(WordPairs::Learn(Pointers(articles_)));
    WriteIndex(dir_->path() + "/pairs", articles_, pairs_);
    WriteIndex(dir_->path() + "/plain", articles_);
  }
  static void TearDownTestSuite() {
    delete pairs_;
    delete dir_;
  }

  // Every match of `query` with its weight, counted exactly.
  static std::map<Xapian::docid, double> Matches(const Xapian::Database& db,
                                                 const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MSet mset =
        enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::map<Xapian::docid, double> out;
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out[*it] = it.get_weight();
    EXPECT_EQ(mset.get_matches_estimated(), out.size());
    return out;
  }

  static TempDir* dir_;
  static std::vector<Article> articles_;
  static WordPairs* pairs_;
};

TempDir* PairQueryTest::dir_ = nullptr;
std::vector<Article> PairQueryTest::articles_;
WordPairs* PairQueryTest::pairs_ = nullptr;

const char* const kPhraseQueries[] = {
    "\"told reporters\"",
    "\"reporters told\"",
    "\"mln dlrs\" OR strike",
    "budget \"told reporters\"",
    "\"the minister told reporters\"",
    "\"told reporters\" NOT strike",
    "strike -\"mln dlrs\"",
    "\"told reporters\" OR \"mln dlrs\" OR \"zebra told\"",
    "\"told zebra\"",
    "title:\"told reporters\"",
    "told NEAR reporters",
    "(\"budget strike\" OR minister) AND \"the budget\"",
};

TEST_F(PairQueryTest, LearntPairsAreTheCommonOnes) {
  EXPECT_TRUE(pairs_->Contains("told", "report"));
  EXPECT_TRUE(pairs_->Contains("report", "told"));
  EXPECT_FALSE(pairs_->Contains("zebra", "quartz"));
}

TEST_F(PairQueryTest, RewrittenPhrasesMatchAndWeighAsThePhrases) {
  Xapian::Database db(dir_->path() + "/pairs");
  int rewritten = 0;
  for (const char* text : kPhraseQueries) {
    QuerySpec spec;
    spec.text = text;
    Xapian::Query query;
    ASSERT_TRUE(BuildQuery(spec, db, &query).ok()) << text;
    const Xapian::Query with_pairs = WithPairTerms(query, *pairs_);
    if (with_pairs.get_description() != query.get_description()) ++rewritten;
    const auto want = Matches(db, query);
    const auto got = Matches(db, with_pairs);
    ASSERT_EQ(got.size(), want.size()) << text;
    for (const auto& [did, weight] : want) {
      ASSERT_EQ(got.count(did), 1u) << text << ": document " << did;
      EXPECT_DOUBLE_EQ(got.at(did), weight) << text << ": document " << did;
    }
  }
  EXPECT_GE(rewritten, 7) << "the test must exercise the rewriting";
}

// The whole search, through the IndexSet that reads the index's pairs:
// the same hits, scores, totals and facets as an index without pairs.
TEST_F(PairQueryTest, SearchesAnswerAsOnAnIndexWithoutPairs) {
  IndexSet with, without;
  ASSERT_TRUE(OpenIndexSet({dir_->path() + "/pairs"}, &with).ok());
  ASSERT_TRUE(OpenIndexSet({dir_->path() + "/plain"}, &without).ok());
  ASSERT_TRUE(with.pairs);
  EXPECT_EQ(with.pairs->Serialise(), pairs_->Serialise());
  EXPECT_TRUE(without.pairs->empty());
  for (const char* text : kPhraseQueries) {
    SearchRequest request;
    request.query.text = text;
    request.facets = {"outlet", "topic", "year"};
    request.limit = 20;
    request.explain = true;
    SearchResult a, b;
    ASSERT_TRUE(Search(&with, request, &a).ok()) << text;
    ASSERT_TRUE(Search(&without, request, &b).ok()) << text;
    EXPECT_EQ(a.total, b.total) << text;
    ASSERT_EQ(a.hits.size(), b.hits.size()) << text;
    for (size_t i = 0; i < a.hits.size(); ++i) {
      EXPECT_EQ(a.hits[i].id, b.hits[i].id) << text << " #" << i;
      EXPECT_DOUBLE_EQ(a.hits[i].score, b.hits[i].score) << text;
      // --explain names the phrase's words, not how they were found.
      ASSERT_EQ(a.hits[i].explain.size(), b.hits[i].explain.size()) << text;
      for (size_t e = 0; e < a.hits[i].explain.size(); ++e)
        EXPECT_EQ(a.hits[i].explain[e].term, b.hits[i].explain[e].term);
    }
    ASSERT_EQ(a.facets.size(), b.facets.size());
    for (size_t f = 0; f < a.facets.size(); ++f) {
      ASSERT_EQ(a.facets[f].values.size(), b.facets[f].values.size()) << text;
      for (size_t v = 0; v < a.facets[f].values.size(); ++v) {
        EXPECT_EQ(a.facets[f].values[v].value, b.facets[f].values[v].value);
        EXPECT_EQ(a.facets[f].values[v].count, b.facets[f].values[v].count);
      }
    }
  }
}

// Shards searched as one use only the pairs every shard has terms for,
// and answer as one index.
TEST_F(PairQueryTest, ShardsUseThePairsTheyAllHold) {
  const std::string a = dir_->path() + "/shard-a",
                    b = dir_->path() + "/shard-b";
  WriteIndex(a, {articles_.begin(), articles_.begin() + 150}, pairs_);
  WriteIndex(b, {articles_.begin() + 150, articles_.end()}, pairs_);
  IndexSet shards, whole, mixed;
  ASSERT_TRUE(OpenIndexSet({a, b}, &shards).ok());
  ASSERT_TRUE(OpenIndexSet({dir_->path() + "/plain"}, &whole).ok());
  EXPECT_EQ(shards.pairs->Serialise(), pairs_->Serialise());
  for (const char* text : kPhraseQueries) {
    SearchRequest request;
    request.query.text = text;
    request.facets = {"outlet"};
    SearchResult s, w;
    ASSERT_TRUE(Search(&shards, request, &s).ok()) << text;
    ASSERT_TRUE(Search(&whole, request, &w).ok()) << text;
    EXPECT_EQ(s.total, w.total) << text;
    ASSERT_EQ(s.hits.size(), w.hits.size()) << text;
    for (size_t i = 0; i < w.hits.size(); ++i)
      EXPECT_NEAR(s.hits[i].score, w.hits[i].score, 1e-9) << text;
  }
  ASSERT_TRUE(OpenIndexSet({a, dir_->path() + "/plain"}, &mixed).ok());
  EXPECT_TRUE(mixed.pairs->empty()) << "one shard has no pair terms";
}

}  // namespace
}  // namespace hpnews
