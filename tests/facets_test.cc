// Facet counting: exact counts over every match (not just the page shown),
// multi-valued slots counted once per value per document, sorted, limited.

#include "searcher/facets.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::MakeArticle;
using testing_util::SampleArticles;
using testing_util::TempDir;
using testing_util::WriteIndex;

std::string Show(const std::vector<FacetValue>& values) {
  std::string out;
  for (const FacetValue& v : values) {
    out += v.value + "=" + std::to_string(v.count) + " ";
  }
  return out;
}

const std::vector<FacetValue>* Find(const SearchResult& result,
                                    const std::string& field) {
  for (const FacetCounts& f : result.facets) {
    if (f.field == field) return &f.values;
  }
  return nullptr;
}

class FacetsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    std::vector<Article> articles = SampleArticles();
    // An article naming a speaker twice still counts once for them.
    articles.push_back(
        MakeArticle("dup-speaker", "NHS reorganisation debate", "2011-11-30",
                    "Pulse", {"Mark Porter", "Mark Porter"}, {"reorganisation"},
                    {"The NHS reorganisation was debated again."}));
    // db2 also has keywords and four speakers in one article: item slots
    // of every multi-valued field.
    Article many = MakeArticle(
        "many-speakers", "NHS panel", "2013-01-15", "Health Service Journal",
        {"Andrew Lansley", "Clare Gerada", "Mark Porter", "Andy Burnham"},
        {"politics", "funding"}, {"A panel on NHS money and politics."});
    many.keywords = {"Health", "Budget", "Health"};
    WriteIndex(dir_->path() + "/db", articles);
    articles.push_back(many);
    WriteIndex(dir_->path() + "/db2", articles);
  }
  static void TearDownTestSuite() { delete dir_; }

  SearchResult Run(const std::string& text, std::vector<std::string> facets,
                   Xapian::doccount limit = 10, size_t facet_limit = 0) {
    Xapian::Database db(dir_->path() + "/db");
    SearchRequest request;
    request.query.text = text;
    request.facets = std::move(facets);
    request.limit = limit;
    request.facet_limit = facet_limit;
    SearchResult result;
    Status status = Search(&db, request, &result);
    EXPECT_TRUE(status.ok()) << text << ": " << status.message();
    return result;
  }

  static TempDir* dir_;
};

TempDir* FacetsTest::dir_ = nullptr;

// Hand-computed from SampleArticles() plus dup-speaker. "nhs" matches
// pulse-porter, hsj-bill, mip-integration, undated-funding, dup-speaker.
TEST_F(FacetsTest, CountsAreExactForMultiValuedFields) {
  SearchResult r = Run("nhs", {"speaker", "topic", "outlet", "year", "month"});
  ASSERT_EQ(r.facets.size(), 5u);
  EXPECT_EQ(r.total, 5u);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(Show(*Find(r, "speaker")),
            "Mark Porter=3 Andrew Lansley=2 Clare Gerada=1 ");
  EXPECT_EQ(Show(*Find(r, "topic")),
            "reorganisation=3 commissioning=1 competition=1 funding=1 "
            "integration=1 ");
  // The undated article has no outlet: it is not counted, not "".
  EXPECT_EQ(Show(*Find(r, "outlet")),
            "Pulse=2 Health Service Journal=1 Management in Practice=1 ");
  EXPECT_EQ(Show(*Find(r, "year")), "2011=3 2012=1 ");
  EXPECT_EQ(Show(*Find(r, "month")), "2011-11=2 2011-06=1 2012-03=1 ");
}

TEST_F(FacetsTest, CountsCoverAllMatchesNotJustThePage) {
  SearchResult one = Run("nhs", {"speaker"}, /*limit=*/1);
  SearchResult none = Run("nhs", {"speaker"}, /*limit=*/0);
  SearchResult all = Run("nhs", {"speaker"}, /*limit=*/100);
  EXPECT_EQ(one.hits.size(), 1u);
  EXPECT_EQ(none.hits.size(), 0u);
  EXPECT_EQ(Show(*Find(one, "speaker")), Show(*Find(all, "speaker")));
  EXPECT_EQ(Show(*Find(none, "speaker")), Show(*Find(all, "speaker")));
  EXPECT_EQ(one.total, 5u);
  EXPECT_TRUE(one.total_exact);
}

TEST_F(FacetsTest, FacetLimitKeepsTheMostFrequent) {
  SearchResult r = Run("nhs", {"speaker", "topic"}, 10, /*facet_limit=*/2);
  EXPECT_EQ(Show(*Find(r, "speaker")), "Mark Porter=3 Andrew Lansley=2 ");
  // Ties at 1 are broken by value: competition before funding.
  SearchResult t = Run("nhs", {"topic"}, 10, /*facet_limit=*/3);
  EXPECT_EQ(Show(*Find(t, "topic")),
            "reorganisation=3 commissioning=1 competition=1 ");
}

TEST_F(FacetsTest, FacetsFollowFiltersAndKeepAskedOrder) {
  Xapian::Database db(dir_->path() + "/db");
  SearchRequest request;
  request.query.text = "NOT zzznothing";
  request.query.filters = {{"outlet", "Pulse"}};
  request.facets = {"year", "speaker"};
  request.facet_limit = 0;
  SearchResult r;
  ASSERT_TRUE(Search(&db, request, &r).ok());
  ASSERT_EQ(r.facets.size(), 2u);
  EXPECT_EQ(r.facets[0].field, "year");
  EXPECT_EQ(r.facets[1].field, "speaker");
  // pulse-porter (2011), pulse-workforce (2012), dup-speaker (2011).
  EXPECT_EQ(Show(r.facets[0].values), "2011=2 2012=1 ");
  EXPECT_EQ(Show(r.facets[1].values),
            "Clare Gerada=2 Mark Porter=2 John Porter=1 ");
}

TEST_F(FacetsTest, NoFacetsAskedGivesNone) {
  SearchResult r = Run("nhs", {});
  EXPECT_TRUE(r.facets.empty());
}

// Facets counted by our spies (one query), from the batch's ordinals, and
// with Xapian's ValueCountMatchSpy on the item slots (what remote shards
// run) are the same counts.
TEST_F(FacetsTest, EveryCountingMethodGivesTheSameCounts) {
  const std::vector<std::string> kFields = {"speaker",    "topic",    "outlet",
                                            "year",       "month",    "keyword",
                                            "date:month", "date:year"};
  IndexSet values, cached, builtin;
  for (IndexSet* index : {&values, &cached, &builtin}) {
    ASSERT_TRUE(OpenIndexSet({dir_->path() + "/db2"}, index).ok());
  }
  cached.facet_cache = std::make_shared<FacetCache>();
  builtin.remote = true;  // counts as for remote shards
  for (const char* text : {"nhs", "NOT zzznothing", "porter OR lansley",
                           "speaker:porter", "zzznothing"}) {
    for (bool filtered : {false, true}) {
      SearchRequest request;
      request.query.text = text;
      request.facets = kFields;
      request.facet_limit = 0;
      if (filtered) request.query.filters = {{"speaker", "Mark Porter"}};
      SearchResult want, got_cached, got_builtin;
      ASSERT_TRUE(Search(&values, request, &want).ok()) << text;
      ASSERT_TRUE(Search(&cached, request, &got_cached).ok()) << text;
      ASSERT_TRUE(Search(&builtin, request, &got_builtin).ok()) << text;
      ASSERT_EQ(want.facets.size(), kFields.size());
      for (size_t f = 0; f < kFields.size(); ++f) {
        EXPECT_EQ(Show(got_cached.facets[f].values),
                  Show(want.facets[f].values))
            << text << " " << kFields[f] << (filtered ? " filtered" : "");
        EXPECT_EQ(Show(got_builtin.facets[f].values),
                  Show(want.facets[f].values))
            << text << " " << kFields[f] << (filtered ? " filtered" : "");
      }
      EXPECT_EQ(got_builtin.total, want.total) << text;
    }
  }
  // The keyword list repeats "Health": counted once for its article.
  SearchRequest request;
  request.query.text = "panel";
  request.facets = {"keyword"};
  SearchResult r;
  ASSERT_TRUE(Search(&builtin, request, &r).ok());
  EXPECT_EQ(Show(r.facets[0].values), "Budget=1 Health=1 ");
}

TEST_F(FacetsTest, ItemSlotsInUseCountsTheLongestList) {
  Xapian::Database db(dir_->path() + "/db2");
  EXPECT_EQ(ItemSlotsInUse(db, *schema::FindFacetField("speaker")), 4u);
  EXPECT_EQ(ItemSlotsInUse(db, *schema::FindFacetField("topic")), 2u);
  EXPECT_EQ(ItemSlotsInUse(db, *schema::FindFacetField("keyword")), 2u);
  EXPECT_EQ(ItemSlotsInUse(db, *schema::FindFacetField("outlet")), 0u);
}

TEST_F(FacetsTest, CacheColumnsHoldEachDocumentsDistinctValues) {
  Xapian::Database db(dir_->path() + "/db2");
  FacetCache cache;
  const FacetColumn& speakers = cache.Column(db, "speaker");
  ASSERT_TRUE(speakers.multi);
  const FacetColumn& outlets = cache.Column(db, "outlet");
  ASSERT_FALSE(outlets.multi);
  EXPECT_EQ(&cache.Column(db, "speaker"), &speakers) << "read once";
  Xapian::PostingIterator p = db.postlist_begin(IdTerm("dup-speaker"));
  ASSERT_NE(p, db.postlist_end(IdTerm("dup-speaker")));
  const Xapian::docid did = *p;
  // "Mark Porter" twice in the article: once in the column.
  ASSERT_EQ(speakers.starts[did + 1] - speakers.starts[did], 1u);
  EXPECT_EQ(speakers.values[speakers.items[speakers.starts[did]] - 1],
            "Mark Porter");
  EXPECT_EQ(outlets.values[outlets.ords[did] - 1], "Pulse");
  // The undated article has no period.
  const FacetColumn& months = cache.Column(db, "date:month");
  p = db.postlist_begin(IdTerm("undated-funding"));
  EXPECT_EQ(months.ords[*p], 0u);
}

TEST(FacetSpyTest, DecodesListsAndCountsEachValueOncePerDocument) {
  FacetSpy spy(schema::kSpeakersSlot, /*multi=*/true);
  Xapian::Document a, b, c;
  a.add_value(
      schema::kSpeakersSlot,
      schema::EncodeList({"Mark Porter", "Clare Gerada", "Mark Porter"}));
  b.add_value(schema::kSpeakersSlot, schema::EncodeList({"Mark Porter"}));
  spy(a, 1.0);
  spy(b, 1.0);
  spy(c, 1.0);  // no value: seen, not counted
  std::map<std::string, Xapian::doccount> expected = {{"Clare Gerada", 1},
                                                      {"Mark Porter", 2}};
  EXPECT_EQ(spy.counts(), expected);
  EXPECT_EQ(spy.documents_seen(), 3u);
}

TEST(FacetSpyTest, SingleValuedSlotKeepsTheWholeValue) {
  FacetSpy spy(schema::kOutletSlot, /*multi=*/false);
  Xapian::Document a;
  a.add_value(schema::kOutletSlot, "Health Service Journal");
  spy(a, 1.0);
  spy(a, 1.0);
  std::map<std::string, Xapian::doccount> expected = {
      {"Health Service Journal", 2}};
  EXPECT_EQ(spy.counts(), expected);
}

TEST(TopValuesTest, SortsByCountThenValueAndLimits) {
  std::map<std::string, Xapian::doccount> counts = {
      {"b", 2}, {"a", 2}, {"c", 5}, {"d", 1}};
  EXPECT_EQ(Show(TopValues(counts, 0)), "c=5 a=2 b=2 d=1 ");
  EXPECT_EQ(Show(TopValues(counts, 2)), "c=5 a=2 ");
  EXPECT_EQ(Show(TopValues(counts, 10)), "c=5 a=2 b=2 d=1 ");
  EXPECT_EQ(Show(TopValues({}, 3)), "");
}

TEST(ParseFacetFieldsTest, ValidatesAndDropsRepeats) {
  std::vector<std::string> fields;
  ASSERT_TRUE(
      ParseFacetFields({"topic", "outlet", "topic", "month"}, &fields).ok());
  EXPECT_EQ(fields, (std::vector<std::string>{"topic", "outlet", "month"}));
  Status status = ParseFacetFields({"outlet", "colour"}, &fields);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("unknown facet field \"colour\""),
            std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace hpnews
