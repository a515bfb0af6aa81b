// The researcher's features of hpnews-search (issue 7), each asserted on a
// small index built in a temporary folder exactly as the indexer builds
// it: quotes as units, speaker forms, outlet aliases, multi-select facets,
// date histograms, synonyms, spelling, recency, --since, more-like-this,
// collapse and explain.

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/outlet_aliases.h"
#include "common/synonyms.h"
#include "searcher/plot.h"
#include "searcher/printer.h"
#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::IdList;
using testing_util::Ids;
using testing_util::MakeArticle;
using testing_util::TempDir;
using testing_util::WriteIndex;

const std::string kWire =
    "Hospitals in England missed their waiting time targets for the third "
    "month running, according to figures published on Thursday by the "
    "health service, as winter pressures and staff shortages mounted across "
    "accident and emergency departments.";

std::vector<Article> FeatureArticles() {
  std::vector<Article> v;
  Article porter = MakeArticle(
      "porter-reorg", "BMA chair warns Labour", "2013-09-25", "Pulse",
      {"Mark Porter", "Andy Burnham"}, {"reorganisation"},
      {"Dr Mark Porter spoke at the conference about reorganisation.",
       "Andy Burnham replied on behalf of the party."});
  porter.quotes = {
      {"Mark Porter", "we do not want another structural reorganisation"},
      {"Andy Burnham", "integration is our priority for the health service"}};
  v.push_back(porter);

  // Both words in one article, but Porter never says "reorganisation".
  Article mixed =
      MakeArticle("mixed", "Unions respond to merger plans", "2013-06-02",
                  "Health Service Journal", {"Mark Porter", "Clare Gerada"}, {},
                  {"Mark Porter and Clare Gerada spoke about the plans."});
  mixed.quotes = {
      {"Mark Porter", "we need to protect general practice funding"},
      {"Clare Gerada", "a reorganisation would be a disaster"}};
  v.push_back(mixed);

  v.push_back(MakeArticle(
      "ccg-long", "Commissioning groups go live", "2013-04-01",
      "Health Service Journal", {}, {"commissioning"},
      {"Clinical commissioning groups took over budgets from primary care "
       "trusts across England this week."}));
  v.push_back(MakeArticle(
      "ccg-short", "CCG chairs anxious", "2012-11-15", "Pulse", {}, {},
      {"The CCG chairs surveyed by Pulse said they felt anxious about the "
       "handover and the money."}));
  v.push_back(MakeArticle(
      "lansley-old", "Lansley defends the reorganisation", "2011-01-19",
      "Management in Practice", {"Andrew Lansley"}, {"reorganisation"},
      {"Andrew Lansley defended the Health and Social Care Bill and its "
       "reorganisation of the NHS before MPs."}));

  // A wire story run by three outlets with small changes.
  Article w1 = MakeArticle("wire-a", "Hospitals miss targets", "2014-01-09",
                           "Reuters", {}, {}, {kWire});
  Article w2 = MakeArticle("wire-b", "A&E targets missed again", "2014-01-09",
                           "The Guardian", {}, {},
                           {"LONDON - " + kWire, "Reporting by staff."});
  Article w3 = MakeArticle("wire-c", "Waiting times worsen", "2014-01-10",
                           "The Independent", {}, {}, {kWire});
  v.push_back(w1);
  v.push_back(w2);
  v.push_back(w3);
  Article kw = MakeArticle("keyworded", "Obesity strategy published",
                           "2014-02-01", "BBC News", {}, {},
                           {"The government published its obesity strategy "
                            "and targets for hospitals."});
  kw.keywords = {"Obesity", "Public health"};
  v.push_back(kw);
  return v;
}

class FeaturesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteIndex(dir_->path() + "/db", FeatureArticles());
    db_ = new Xapian::Database(dir_->path() + "/db");
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }

  static SearchResult Run(const SearchRequest& request) {
    SearchResult result;
    Status status = Search(db_, request, &result);
    EXPECT_TRUE(status.ok()) << request.query.text << ": " << status.message();
    return result;
  }
  static SearchResult Run(const std::string& text) {
    SearchRequest r;
    r.query.text = text;
    r.limit = 50;
    return Run(r);
  }
  static SearchRequest Quotes(const std::string& text) {
    SearchRequest r;
    r.query.text = text;
    r.query.type = DocType::kQuote;
    r.limit = 50;
    return r;
  }

  static TempDir* dir_;
  static Xapian::Database* db_;
};

TempDir* FeaturesTest::dir_ = nullptr;
Xapian::Database* FeaturesTest::db_ = nullptr;

// ---- Quotes
// ------------------------------------------------------------------

TEST_F(FeaturesTest, QuoteSearchPairsSpeakerWithWhatTheySaid) {
  SearchResult r = Run(Quotes("speaker:porter quote:reorganisation"));
  ASSERT_EQ(r.hits.size(), 1u) << "only the quote Porter said";
  const Hit& hit = r.hits[0];
  EXPECT_TRUE(hit.is_quote);
  EXPECT_EQ(hit.speaker, "Mark Porter");
  EXPECT_EQ(hit.id, "porter-reorg");
  EXPECT_EQ(hit.title, "BMA chair warns Labour");
  EXPECT_EQ(hit.outlet, "Pulse");
  EXPECT_EQ(hit.date, "2013-09-25");
  EXPECT_EQ(SnippetMarkup(hit.quote, "[", "]"),
            "we do not want another structural [reorganisation]");
  // The article search matches both articles: it pairs nothing.
  EXPECT_EQ(Ids(Run("speaker:porter quote:reorganisation")),
            (std::set<std::string>{"porter-reorg", "mixed"}));
}

TEST_F(FeaturesTest, QuoteDocumentsNeverShowAmongArticles) {
  SearchResult r = Run("integration");
  for (const Hit& hit : r.hits) EXPECT_FALSE(hit.is_quote) << hit.id;
  EXPECT_EQ(ArticleCount(*db_), FeatureArticles().size());
}

TEST_F(FeaturesTest, QuoteFacetsCountQuotes) {
  SearchRequest r =
      Quotes("speaker:porter OR speaker:gerada OR speaker:burnham");
  r.facets = {"speaker", "outlet"};
  SearchResult res = Run(r);
  std::map<std::string, Xapian::doccount> speakers, outlets;
  for (const FacetValue& v : res.facets[0].values) speakers[v.value] = v.count;
  for (const FacetValue& v : res.facets[1].values) outlets[v.value] = v.count;
  EXPECT_EQ(speakers,
            (std::map<std::string, Xapian::doccount>{
                {"Andy Burnham", 1}, {"Clare Gerada", 1}, {"Mark Porter", 2}}));
  EXPECT_EQ(outlets, (std::map<std::string, Xapian::doccount>{
                         {"Health Service Journal", 2}, {"Pulse", 2}}));
}

TEST_F(FeaturesTest, SpeakerMatchesEveryFormOfTheName) {
  for (const char* form :
       {"porter", "Porter", "\"Mark Porter\"", "\"Dr Porter\"",
        "\"Dr Mark Porter\"", "\"Porter, Mark\"", "porter's"}) {
    SearchResult r = Run(Quotes(std::string("speaker:") + form));
    std::set<std::string> speakers;
    for (const Hit& h : r.hits) speakers.insert(h.speaker);
    EXPECT_EQ(speakers, std::set<std::string>{"Mark Porter"}) << form;
    EXPECT_EQ(r.hits.size(), 2u) << form;
  }
}

// ---- Outlets
// -------------------------------------------------------------------

TEST_F(FeaturesTest, OutletAliasesFindTheCanonicalOutlet) {
  for (const char* q :
       {"outlet:hsj", "outlet:HSJ", "outlet:\"health service journal\""}) {
    EXPECT_EQ(Ids(Run(q)), (std::set<std::string>{"mixed", "ccg-long"})) << q;
  }
  SearchRequest r;
  r.query.text = "plans OR budgets";
  r.query.filters = {{"outlet", "HSJ"}};
  r.facets = {"outlet"};
  SearchResult res = Run(r);
  EXPECT_EQ(Ids(res), (std::set<std::string>{"mixed", "ccg-long"}));
  ASSERT_FALSE(res.facets[0].values.empty());
  EXPECT_EQ(res.facets[0].values[0].value, "Health Service Journal")
      << "facet values stay canonical";
}

TEST(OutletAliasesTest, NamesAbbreviationsAndHosts) {
  OutletAliases aliases;
  ASSERT_TRUE(OutletAliases::Parse("# test\nHealth Service Journal\tname\tHSJ\n"
                                   "Health Service Journal\tdomain\thsj.co.uk\n"
                                   "Management in Practice\tname\tMiP\n"
                                   "The Guardian\tname\tGuardian\n",
                                   &aliases)
                  .ok());
  const std::map<std::string, std::string> cases = {
      {"hsj", "Health Service Journal"},
      {"HSJ", "Health Service Journal"},
      {"health service journal", "Health Service Journal"},
      {"hsj.co.uk", "Health Service Journal"},
      {"mip", "Management in Practice"},
      {"guardian", "The Guardian"},
      {"the guardian", "The Guardian"},
      {"pulse", ""},
  };
  for (const auto& [value, want] : cases) {
    EXPECT_EQ(aliases.Canonical(value), want) << value;
  }
}

// ---- Facets
// --------------------------------------------------------------------

TEST_F(FeaturesTest, FilteredFieldCountsAsIfItsFilterWereOff) {
  SearchRequest r;
  r.query.text = "reorganisation OR ccg OR hospitals";
  r.query.filters = {{"outlet", "Pulse"}};
  r.facets = {"outlet", "topic"};
  r.facet_limit = 0;
  SearchResult filtered = Run(r);
  SearchRequest open = r;
  open.query.filters.clear();
  SearchResult all = Run(open);
  for (const Hit& h : filtered.hits) EXPECT_EQ(h.outlet, "Pulse") << h.id;
  ASSERT_GE(all.facets[0].values.size(), 3u);
  EXPECT_EQ(filtered.facets[0].values.size(), all.facets[0].values.size());
  for (size_t i = 0; i < all.facets[0].values.size(); ++i) {
    EXPECT_EQ(filtered.facets[0].values[i].value,
              all.facets[0].values[i].value);
    EXPECT_EQ(filtered.facets[0].values[i].count,
              all.facets[0].values[i].count);
  }
  // Other fields count the filtered matches only.
  Xapian::doccount reorg = 0;
  for (const FacetValue& v : filtered.facets[1].values) {
    if (v.value == "reorganisation") reorg = v.count;
  }
  EXPECT_EQ(reorg, 1u);
}

TEST_F(FeaturesTest, DateHistogramHasNoGaps) {
  SearchRequest r;
  r.query.text = "reorganisation OR ccg OR commissioning";
  r.facets = {"date:year", "date:month"};
  r.limit = 0;
  SearchResult res = Run(r);
  ASSERT_EQ(res.facets.size(), 2u);
  std::vector<std::string> years;
  std::vector<Xapian::doccount> counts;
  for (const FacetValue& v : res.facets[0].values) {
    years.push_back(v.value);
    counts.push_back(v.count);
  }
  EXPECT_EQ(years, (std::vector<std::string>{"2011", "2012", "2013"}));
  EXPECT_EQ(counts, (std::vector<Xapian::doccount>{1, 1, 2}));
  const auto& months = res.facets[1].values;
  ASSERT_FALSE(months.empty());
  EXPECT_EQ(months.front().value, "2011-01");
  EXPECT_EQ(months.back().value, "2013-09");
  EXPECT_EQ(months.size(), 33u) << "every month from first to last";
  EXPECT_TRUE(res.facets[1].histogram);
}

TEST(HistogramTest, PeriodRangeAndBars) {
  EXPECT_EQ(
      PeriodRange("2011-11", "2012-02", DateInterval::kMonth),
      (std::vector<std::string>{"2011-11", "2011-12", "2012-01", "2012-02"}));
  EXPECT_EQ(PeriodRange("2010", "2012", DateInterval::kYear),
            (std::vector<std::string>{"2010", "2011", "2012"}));
  EXPECT_TRUE(PeriodRange("2012", "2010", DateInterval::kYear).empty());
  FacetCounts h{"date:year", {{"2010", 4}, {"2011", 0}, {"2012", 1}}, true};
  std::ostringstream out;
  PrintHistogram(h, 8, out);
  EXPECT_EQ(out.str(), "  2010  ######## 4\n  2011  0\n  2012  ## 1\n");
}

// ---- Ranking and recall -----------------------------------------------------

TEST_F(FeaturesTest, SynonymsJoinAcronymAndLongFormUnlessTurnedOff) {
  const std::set<std::string> both = {"ccg-long", "ccg-short"};
  EXPECT_EQ(Ids(Run("ccg")), both);
  EXPECT_EQ(Ids(Run("clinical commissioning groups")), both);
  EXPECT_EQ(Ids(Run("primary care trust")), Ids(Run("pct")));
  SearchRequest r;
  r.limit = 50;
  r.query.synonyms = false;
  r.query.text = "ccg";
  EXPECT_EQ(Ids(Run(r)), std::set<std::string>{"ccg-short"});
  r.query.text = "clinical commissioning groups";
  EXPECT_EQ(Ids(Run(r)), std::set<std::string>{"ccg-long"});
}

TEST_F(FeaturesTest, DidYouMeanAndCorrect) {
  SearchResult r = Run("reorganisaton");
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.did_you_mean, "reorganisation");
  SearchRequest fix;
  fix.query.text = "Lansly";
  fix.correct = true;
  SearchResult fixed = Run(fix);
  EXPECT_EQ(fixed.corrected_from, "Lansly");
  EXPECT_EQ(fixed.query, "lansley");
  EXPECT_EQ(IdList(fixed), std::vector<std::string>{"lansley-old"});
  EXPECT_TRUE(Run("reorganisation").did_you_mean.empty())
      << "no suggestion when the query finds enough";
}

TEST_F(FeaturesTest, RecencyBlendsDateIntoTheScore) {
  SearchRequest r;
  r.query.text = "reorganisation";
  r.limit = 10;
  SearchResult plain = Run(r);
  ASSERT_EQ(IdList(plain).front(), "lansley-old") << "the most relevant";
  r.recency_half_life_days = 365;
  SearchResult recent = Run(r);
  EXPECT_EQ(recent.recency_anchor, "2014-02-01") << "newest date in the index";
  EXPECT_EQ(IdList(recent).front(), "porter-reorg");
  for (const Hit& h : recent.hits) {
    EXPECT_GE(h.recency_boost, 0);
    EXPECT_LE(h.recency_boost, h.score);
  }
  RecencySource source("20140101", 10, 2.0);
  EXPECT_DOUBLE_EQ(source.Boost("20140101"), 2.0);
  EXPECT_DOUBLE_EQ(source.Boost("20131222"), 1.0);
  EXPECT_DOUBLE_EQ(source.Boost("20140301"), 2.0) << "after the anchor: age 0";
  EXPECT_DOUBLE_EQ(source.Boost(""), 0.0);
}

TEST(SinceTest, RelativeAndAbsolute) {
  struct Case {
    const char* text;
    const char* from;
  } cases[] = {
      {"10d", "2013-05-21"}, {"2w", "2013-05-17"},   {"3m", "2013-02-28"},
      {"1y", "2012-05-31"},  {"2013-01", "2013-01"}, {"2012", "2012"},
  };
  for (const Case& c : cases) {
    std::string from;
    Status s = ParseSince(c.text, "20130531", &from);
    ASSERT_TRUE(s.ok()) << c.text << ": " << s.message();
    EXPECT_EQ(from, c.from) << c.text;
  }
  std::string from;
  EXPECT_FALSE(ParseSince("3x", "20130531", &from).ok());
  EXPECT_FALSE(ParseSince("yesterday", "20130531", &from).ok());
  double days = 0;
  ASSERT_TRUE(ParseHalfLife("90", &days).ok());
  EXPECT_EQ(days, 90);
  ASSERT_TRUE(ParseHalfLife("2w", &days).ok());
  EXPECT_EQ(days, 14);
  EXPECT_FALSE(ParseHalfLife("0", &days).ok());
}

TEST_F(FeaturesTest, OpenEndedDateRanges) {
  EXPECT_EQ(Ids(Run("date:2014.. AND hospitals")),
            (std::set<std::string>{"wire-a", "wire-b", "wire-c", "keyworded"}));
  EXPECT_EQ(Ids(Run("date:..2011 reorganisation")),
            std::set<std::string>{"lansley-old"});
}

TEST_F(FeaturesTest, MoreLikeThisFindsTheSameStory) {
  SearchRequest r;
  r.like_id = "wire-a";
  r.limit = 3;
  SearchResult res = Run(r);
  ASSERT_GE(res.hits.size(), 2u);
  std::set<std::string> top = {res.hits[0].id, res.hits[1].id};
  EXPECT_EQ(top, (std::set<std::string>{"wire-b", "wire-c"}));
  EXPECT_FALSE(Ids(res).count("wire-a")) << "not the article itself";
  EXPECT_FALSE(res.like_terms.empty());
  SearchResult missing;
  r.like_id = "no-such-article";
  EXPECT_FALSE(Search(db_, r, &missing).ok());
}

TEST_F(FeaturesTest, CollapseShowsOneHitPerStory) {
  SearchRequest r;
  r.query.text = "waiting targets";
  r.limit = 10;
  EXPECT_EQ(Run(r).hits.size(), 3u);
  r.collapse = true;
  SearchResult res = Run(r);
  std::vector<const Hit*> wire;
  for (const Hit& h : res.hits) {
    if (h.id.rfind("wire-", 0) == 0) wire.push_back(&h);
  }
  ASSERT_EQ(wire.size(), 1u);
  EXPECT_EQ(wire[0]->duplicates, 2u);
  std::set<std::string> outlets(wire[0]->also_in.begin(),
                                wire[0]->also_in.end());
  outlets.insert(wire[0]->outlet);
  EXPECT_EQ(outlets, (std::set<std::string>{"Reuters", "The Guardian",
                                            "The Independent"}));
  Article a, b;
  a.paragraphs = {kWire};
  b.paragraphs = {
      "Ministers announced a new funding formula for GP practices "
      "in England today, with more money for deprived areas."};
  EXPECT_NE(NearDuplicateKey(a), NearDuplicateKey(b));
}

TEST_F(FeaturesTest, ExplainNamesTermsFieldsAndWeights) {
  SearchRequest r;
  r.query.text = "title:lansley reorganisation speaker:lansley";
  r.explain = true;
  SearchResult res = Run(r);
  ASSERT_EQ(res.hits.size(), 1u);
  std::map<std::string, const ExplainTerm*> by_field;
  for (const ExplainTerm& e : res.hits[0].explain) by_field[e.field] = &e;
  ASSERT_TRUE(by_field.count("title"));
  ASSERT_TRUE(by_field.count("speaker"));
  ASSERT_TRUE(by_field.count("text"));
  EXPECT_GT(by_field["title"]->weight, 0);
  EXPECT_EQ(by_field["speaker"]->weight, 0) << "a filter adds no weight";
  EXPECT_EQ(by_field["text"]->word, "reorganis");
  double sum = 0;
  for (const ExplainTerm& e : res.hits[0].explain) sum += e.weight;
  EXPECT_NEAR(sum, res.hits[0].score, 1e-6 + res.hits[0].score * 0.05);
}

TEST_F(FeaturesTest, KeywordsAreFilterableAndShown) {
  SearchResult r = Run("keyword:obesity");
  ASSERT_EQ(IdList(r), std::vector<std::string>{"keyworded"});
  EXPECT_EQ(r.hits[0].keywords,
            (std::vector<std::string>{"Obesity", "Public health"}));
  SearchRequest f;
  f.query.text = "hospitals";
  f.query.filters = {{"keyword", "public health"}};
  EXPECT_EQ(IdList(Run(f)), std::vector<std::string>{"keyworded"});
}

TEST_F(FeaturesTest, ResultsCarryIndexUuidAndRevision) {
  SearchResult r = Run("ccg");
  EXPECT_EQ(r.index_uuid, db_->get_uuid());
  EXPECT_FALSE(r.index_uuid.empty());
  EXPECT_EQ(r.index_revision, db_->get_revision());
}

TEST_F(FeaturesTest, TimelinePerSeries) {
  SearchRequest r;
  r.query.text = "hospitals OR reorganisation";
  r.timeline = true;
  r.timeline_by = "outlet";
  r.timeline_interval = DateInterval::kYear;
  SearchResult res = Run(r);
  ASSERT_TRUE(res.has_timeline);
  EXPECT_EQ(res.timeline.periods,
            (std::vector<std::string>{"2011", "2012", "2013", "2014"}));
  std::map<std::string, std::vector<Xapian::doccount>> series;
  for (const auto& s : res.timeline.series) series[s.name] = s.counts;
  EXPECT_EQ(series["Pulse"], (std::vector<Xapian::doccount>{0, 0, 1, 0}));
  EXPECT_EQ(series["Management in Practice"],
            (std::vector<Xapian::doccount>{1, 0, 0, 0}));
}

// ---- Synonyms file
// -------------------------------------------------------------

TEST(SynonymsTest, ParsesGroupsAndMatchesForms) {
  Synonyms s;
  ASSERT_TRUE(Synonyms::Parse(
                  "# c\nCCG\tclinical commissioning group\n"
                  "NICE\tNational Institute for Health and Care Excellence\n",
                  &s)
                  .ok());
  EXPECT_EQ(
      s.ConceptTerms(TokenizedText("Two Clinical Commissioning Groups met")),
      std::vector<std::string>{"XNccg"});
  EXPECT_EQ(s.ConceptTerms(TokenizedText("NICE said")),
            std::vector<std::string>{"XNnice"});
  EXPECT_TRUE(s.ConceptTerms(TokenizedText("a nice day")).empty())
      << "an acronym matches in capitals only";
  auto entries = s.SynonymEntries();
  EXPECT_TRUE(
      std::count(entries.begin(), entries.end(),
                 std::make_pair(std::string("clinical commissioning groups"),
                                std::string("XNccg"))));
  Synonyms bad;
  Status status = Synonyms::Parse("CCG\n", &bad);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.line(), 1);
}

TEST(SynonymsTest, CorpusFileLoads) {
  const Synonyms& s = testing_util::CorpusSynonyms();
  EXPECT_GE(s.groups().size(), 20u);
}

}  // namespace
}  // namespace hpnews
