// Running searches: sort orders (undated last), paging, snippets, the
// reopen-and-retry on DatabaseModifiedError, opening errors, opening while
// rebuilds swap indexes in; and the hpnews-search command line's exit
// statuses and error messages.

#include "searcher/search.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/index_db.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::AddArticles;
using testing_util::IdList;
using testing_util::MakeArticle;
using testing_util::SampleArticles;
using testing_util::TempDir;
using testing_util::WriteIndex;
using Strings = std::vector<std::string>;

std::string Show(const Strings& ids) {
  std::string out;
  for (const std::string& id : ids) out += id + " ";
  return out;
}

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteIndex(dir_->path() + "/db", SampleArticles());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::string DbPath() { return dir_->path() + "/db"; }

  static SearchResult Run(const SearchRequest& request) {
    Xapian::Database db(DbPath());
    SearchResult result;
    Status status = Search(&db, request, &result);
    EXPECT_TRUE(status.ok()) << request.query.text << ": " << status.message();
    return result;
  }
  static SearchRequest Request(const std::string& text, SortOrder sort,
                               Xapian::doccount offset = 0,
                               Xapian::doccount limit = 10) {
    SearchRequest request;
    request.query.text = text;
    request.sort = sort;
    request.offset = offset;
    request.limit = limit;
    return request;
  }

  static TempDir* dir_;
};

TempDir* SearchTest::dir_ = nullptr;

const char* kAll = "NOT zzznothing";  // every article

TEST_F(SearchTest, SortByDateOldestFirstUndatedLast) {
  SearchResult r = Run(Request(kAll, SortOrder::kDateAscending));
  EXPECT_EQ(Show(IdList(r)),
            "mip-integration hsj-ccgs pulse-porter pulse-workforce hsj-bill "
            "undated-funding ");
  EXPECT_EQ(r.sort, SortOrder::kDateAscending);
}

TEST_F(SearchTest, SortByDateNewestFirstUndatedLast) {
  SearchResult r = Run(Request(kAll, SortOrder::kDateDescending));
  EXPECT_EQ(Show(IdList(r)),
            "hsj-bill pulse-workforce pulse-porter hsj-ccgs mip-integration "
            "undated-funding ");
}

TEST_F(SearchTest, SortByRelevanceRanksTitleMatchesFirst) {
  SearchResult r = Run(Request("workforce", SortOrder::kRelevance));
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].id, "pulse-workforce");
  r = Run(Request("commissioning", SortOrder::kRelevance));
  ASSERT_GE(r.hits.size(), 2u);
  for (size_t i = 1; i < r.hits.size(); ++i) {
    EXPECT_GE(r.hits[i - 1].score, r.hits[i].score) << "rank " << i;
    EXPECT_GE(r.hits[i - 1].percent, r.hits[i].percent) << "rank " << i;
  }
}

TEST(SearchTieTest, SameDateTiesAreBrokenByRelevance) {
  TempDir dir;
  WriteIndex(
      dir.path() + "/db",
      {MakeArticle("weak", "Budget news", "2012-01-05", "", {}, {},
                   {"The NHS budget."}),
       MakeArticle("strong", "NHS budget: NHS warns", "2012-01-05", "", {}, {},
                   {"NHS NHS NHS budget pressure on the NHS."}),
       MakeArticle("later", "NHS later", "2012-02-01", "", {}, {}, {"NHS"})});
  for (SortOrder sort :
       {SortOrder::kDateAscending, SortOrder::kDateDescending}) {
    Xapian::Database db(dir.path() + "/db");
    SearchRequest request;
    request.query.text = "nhs";
    request.sort = sort;
    SearchResult r;
    ASSERT_TRUE(Search(&db, request, &r).ok());
    Strings ids = IdList(r);
    Strings expected = sort == SortOrder::kDateAscending
                           ? Strings{"strong", "weak", "later"}
                           : Strings{"later", "strong", "weak"};
    EXPECT_EQ(Show(ids), Show(expected)) << SortOrderName(sort);
  }
}

TEST_F(SearchTest, OffsetAndLimitPageThroughAndRanksCountTheOffset) {
  SearchResult page = Run(Request(kAll, SortOrder::kDateAscending, 2, 2));
  EXPECT_EQ(Show(IdList(page)), "pulse-porter pulse-workforce ");
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].rank, 3u);
  EXPECT_EQ(page.hits[1].rank, 4u);
  EXPECT_EQ(page.total, 6u);
  EXPECT_EQ(page.offset, 2u);
  EXPECT_EQ(page.limit, 2u);

  SearchResult past = Run(Request(kAll, SortOrder::kDateAscending, 10, 5));
  EXPECT_TRUE(past.hits.empty());
  SearchResult zero = Run(Request(kAll, SortOrder::kRelevance, 0, 0));
  EXPECT_TRUE(zero.hits.empty());
}

// Regression: with --limit 0 Xapian used to be asked for no match at all,
// its estimate said 0 and the exit status said "nothing matched".
TEST_F(SearchTest, ZeroLimitStillFindsThatSomethingMatches) {
  SearchRequest request = Request("nhs", SortOrder::kRelevance, 0, 0);
  request.query.filters = {
      {"outlet", "Pulse"}, {"speaker", "Dr Porter"}, {"month", "2011-11"}};
  SearchResult r = Run(request);
  EXPECT_TRUE(r.hits.empty());
  EXPECT_GE(r.total, 1u);
}

TEST_F(SearchTest, HitsCarryTheStoredFields) {
  SearchResult r = Run(Request("title:workforce", SortOrder::kRelevance));
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.rank, 1u);
  EXPECT_EQ(h.title, "Workforce crisis in general practice");
  EXPECT_EQ(h.date, "2012-02-29");
  EXPECT_EQ(h.outlet, "Pulse");
  EXPECT_EQ(h.speakers, (Strings{"Clare Gerada", "John Porter"}));
  EXPECT_EQ(h.topics, (Strings{"workforce"}));
  EXPECT_EQ(h.url, "https://example.org/pulse-workforce");
  EXPECT_EQ(h.source, "tests/pulse-workforce.txt");
  EXPECT_GT(h.score, 0);
  EXPECT_EQ(h.percent, 100);
  EXPECT_EQ(r.query, "title:workforce");
}

TEST_F(SearchTest, SnippetsMarkMatchedWordsAsPlainText) {
  SearchResult r = Run(Request("pace cost", SortOrder::kRelevance));
  ASSERT_EQ(r.hits.size(), 1u);
  std::string plain, marked;
  for (const SnippetPart& part : r.hits[0].snippet) {
    plain += part.text;
    if (part.match) marked += part.text + " ";
  }
  EXPECT_EQ(marked, "pace cost ") << plain;
  // MSet::snippet() escapes '&'; the result is plain text again.
  EXPECT_NE(plain.find("change & the cost"), std::string::npos) << plain;
  EXPECT_EQ(plain.find("&amp;"), std::string::npos) << plain;
  EXPECT_EQ(plain.find('\n'), std::string::npos) << plain;
  EXPECT_LT(plain.size(), 300u) << plain;

  // Stemmed matches are marked too.
  r = Run(Request("reorganise", SortOrder::kRelevance));
  for (const Hit& hit : r.hits) {
    bool any = false;
    for (const SnippetPart& part : hit.snippet) any = any || part.match;
    EXPECT_TRUE(any) << hit.id;
  }
}

// A snippet as text with [brackets] around the marked words.
std::string Bracketed(const std::vector<SnippetPart>& parts) {
  std::string out;
  for (const SnippetPart& part : parts)
    out += part.match ? "[" + part.text + "]" : part.text;
  return out;
}

TEST(MakeSnippetTest, WindowsMarksAndCuts) {
  const std::string kLong =
      "Hospitals face a squeeze.  The budget was set in April. "
      "Nothing else happened for a long while in the county, and the "
      "council met again and again without a word on money.\n\n"
      "Then the NHS reforms arrived: GPs said the reforms would cost "
      "patients dearly. The rest of this story is about something else "
      "entirely and goes on for a good many words more than fit.";
  const struct {
    std::string text;
    std::set<std::string> plain, stems;
    size_t length;
    std::string expected;
  } kCases[] = {
      // Short text, shown whole, white space collapsed.
      {"The NHS  reforms\n\nwork.",
       {"nhs"},
       {},
       200,
       "The [NHS] reforms work."},
      // Stems match any form of the word; case does not matter.
      {"Reforming the NHS: reformers reform.",
       {},
       {"reform"},
       200,
       "[Reforming] the NHS: [reformers] [reform]."},
      // Nothing matches: the start of the text, cut at a word.
      {kLong, {"zebra"}, {}, 40, "Hospitals face a squeeze. The budget..."},
      // The window with both words, from the start of its sentence.
      {kLong,
       {"nhs"},
       {"cost"},
       90,
       "...Then the [NHS] reforms arrived: GPs said the reforms would "
       "[cost] patients dearly. The rest of..."},
      // One word, far in: half the room left before it, "..." on both
      // sides.
      {kLong,
       {"council"},
       {},
       60,
       "...in the county, and the [council] met again and again without a..."},
  };
  for (const auto& c : kCases) {
    QueryWords words{c.plain, c.stems};
    std::string got = Bracketed(MakeSnippet(c.text, words, c.length));
    EXPECT_EQ(got, c.expected) << c.text.substr(0, 40) << " / " << c.length;
    // Never much over the length asked (the "..." and marks aside).
    EXPECT_LE(got.size(), c.length + 20) << got;
  }
  EXPECT_TRUE(MakeSnippet("", QueryWords{{"nhs"}, {}}, 200).empty());
  EXPECT_TRUE(MakeSnippet(" ... ", QueryWords{{"nhs"}, {}}, 200).empty());
}

TEST(MarkWordsTest, MarksEveryMatchInTheWholeText) {
  QueryWords words{{"gamble"}, {"reform"}};
  EXPECT_EQ(Bracketed(MarkWords("  the reforms are a gamble\n", words)),
            "the [reforms] are a [gamble]");
}

// Words are cut at Unicode punctuation and spaces, not only at ASCII
// ones: British news puts its single quotes, dashes and no-break spaces
// right against words ("another ‘damaging’ reorganisation"), and those
// words went unmarked, and the windows that held them unchosen.
TEST(MarkWordsTest, CurlyQuotesDashesAndNoBreakSpacesEndWords) {
  QueryWords words{{"damaging", "nhs"}, {"hospit", "reform"}};
  EXPECT_EQ(
      Bracketed(MarkWords("another \u2018damaging\u2019 reorganisation \u2013 "
                          "\u201cHospitals\u201d\u2014reformers\u00a0NHS\u2026",
                          words)),
      "another \u2018[damaging]\u2019 reorganisation \u2013 "
      "\u201c[Hospitals]\u201d\u2014[reformers]\u00a0[NHS]\u2026");
  // Letters outside ASCII are still word characters.
  EXPECT_EQ(Bracketed(MarkWords("caf\u00e9 na\u00efve NHS", words)),
            "caf\u00e9 na\u00efve [NHS]");
  QueryWords cafe{{"caf\u00e9"}, {}};
  EXPECT_EQ(Bracketed(MarkWords("Caf\u00e9s and caf\u00e9", cafe)),
            "Caf\u00e9s and [caf\u00e9]");
}

TEST(DateSortKeyTest, KeysOrderBothWaysWithUndatedLast) {
  Xapian::Document d2011, d2012, undated;
  d2011.add_value(schema::kDateSlot, "20111125");
  d2012.add_value(schema::kDateSlot, "20120101");
  DateSortKey oldest(false), newest(true);
  EXPECT_LT(oldest(d2011), oldest(d2012));
  EXPECT_LT(oldest(d2012), oldest(undated));
  EXPECT_LT(newest(d2012), newest(d2011));
  EXPECT_LT(newest(d2011), newest(undated));
}

TEST(SortOrderTest, ParsesAndNames) {
  for (const char* name : {"relevance", "date", "-date"}) {
    SortOrder order;
    ASSERT_TRUE(ParseSortOrder(name, &order).ok()) << name;
    EXPECT_STREQ(SortOrderName(order), name);
  }
  SortOrder order;
  EXPECT_TRUE(ParseSortOrder("+date", &order).IsInvalidInput());
}

TEST_F(SearchTest, InvalidQueryIsAStatusNotAnException) {
  Xapian::Database db(DbPath());
  SearchRequest request;
  request.query.text = "nhs AND";
  SearchResult result;
  result.query = "unchanged";
  Status status = Search(&db, request, &result);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_EQ(result.query, "unchanged");
}

// A reader whose revision a writer has since overwritten gets
// DatabaseModifiedError; Search() reopens and answers from the new one.
TEST(SearchRetryTest, ReopensAfterDatabaseModifiedError) {
  TempDir dir;
  std::string path = dir.path() + "/db";
  // Enough documents that a reader needs more than the root blocks it
  // caches on open; then rewrite them all a few times, so the blocks of
  // the readers' revision are reused (glass keeps only the last one).
  auto filler = [](int round) {
    std::vector<Article> articles;
    for (int i = 0; i < 1000; ++i) {
      articles.push_back(
          MakeArticle("filler-" + std::to_string(i),
                      "Reorganisation story " + std::to_string(i), "2013-01-01",
                      "Pulse", {"Mark Porter"}, {"reorganisation"},
                      {"NHS reorganisation round" + std::to_string(round) +
                       " item" + std::to_string(i) + " with fresh words."}));
    }
    return articles;
  };
  WriteIndex(path, filler(0));
  Xapian::Database probe(path);
  Xapian::Database stale(path);
  {
    Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
    for (int round = 1; round <= 3; ++round)
      AddArticles(&writer, filler(round));
  }
  bool provoked = false;
  try {
    Xapian::Enquire enquire(probe);
    enquire.set_query(Xapian::Query::MatchAll);
    Xapian::MSet mset = enquire.get_mset(0, 1000);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      it.get_document().get_value(schema::kRecordSlot);
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    provoked = true;
  }
  if (!provoked) GTEST_SKIP() << "could not provoke DatabaseModifiedError";

  SearchRequest request;
  request.query.text = "round3";
  request.facets = {"outlet"};
  SearchResult result;
  ASSERT_TRUE(Search(&stale, request, &result).ok());
  EXPECT_EQ(result.total, 1000u);
}

// ---- Several shards, stubs, the built-in paths of remote shards ----------

// Shards as Xapian stub files name them: every line kind, relative paths,
// comments; and each mistake is one message naming the file and line.
TEST(OpenIndexSetTest, StubFilesListShardsAndMistakesNameTheLine) {
  TempDir dir;
  const std::string d = dir.path();
  std::vector<Article> all = SampleArticles();
  WriteIndex(d + "/a", {all.begin(), all.begin() + 3});
  WriteIndex(d + "/b", {all.begin() + 3, all.end()});
  {
    Xapian::WritableDatabase old(d + "/old", Xapian::DB_CREATE);
    old.set_metadata(schema::kSchemaVersionKey, "1");
    old.commit();
  }
  std::filesystem::create_directories(d + "/folder");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(d + "/" + name) << text;
    return d + "/" + name;
  };
  write("folder/XAPIANDB", "auto ../a\nglass " + d + "/b\n");
  std::filesystem::create_directories(d + "/badfolder");
  write("badfolder/XAPIANDB", "auto ../a\nshard b\n");
  const struct {
    std::vector<std::string> paths;
    size_t shards;      // when it opens
    std::string error;  // else: the message
  } kCases[] = {
      {{d + "/a"}, 1, ""},
      {{d + "/a", d + "/b"}, 2, ""},
      {{write("two", "# shards\n\nauto a\r\nauto ./b\n")}, 2, ""},
      {{d + "/folder"}, 2, ""},
      {{write("nested", "# a stub naming a stub folder\nauto folder\n")},
       2,
       ""},
      {{d + "/a", d + "/none"}, 0, "no index at " + d + "/none"},
      {{write("bad", "auto a\nshard b\n")},
       0,
       d + "/bad:2: bad stub line (expected auto PATH, remote HOST:PORT or "
           "remote :PROGRAM ARGS)"},
      {{d + "/badfolder"},
       0,
       d + "/badfolder/XAPIANDB:2: bad stub line (expected auto PATH, remote "
           "HOST:PORT or remote :PROGRAM ARGS)"},
      {{write("noport", "remote localhost\n")},
       0,
       d + "/noport:1: bad remote \"localhost\" (expected HOST:PORT)"},
      {{write("empty", "# nothing yet\n")},
       0,
       d + "/empty: lists no databases"},
      {{write("missing", "auto gone\n")}, 0, "no index at " + d + "/gone"},
      {{write("old", "auto a\nauto old\n")},
       0,
       d + "/old: index has schema version 1"},
      {{write("loop", "auto loop\n")}, 0, "nested more than 8 deep"},
      {{d + "/a", d + "/folder"},
       0,
       "/a is the same database as " + d + "/a (listed twice)"},
      {{d + "/b", d + "/b"}, 0, "listed twice"},
  };
  for (const auto& c : kCases) {
    IndexSet index;
    Status status = OpenIndexSet(c.paths, &index);
    if (c.error.empty()) {
      ASSERT_TRUE(status.ok()) << c.paths[0] << ": " << status.message();
      EXPECT_EQ(index.shards.size(), c.shards) << c.paths[0];
      EXPECT_FALSE(index.remote);
      EXPECT_EQ(index.single_local, c.shards == 1) << c.paths[0];
    } else {
      EXPECT_FALSE(status.ok()) << c.paths[0];
      EXPECT_NE(status.message().find(c.error), std::string::npos)
          << status.message();
      // Folders are read through /proc/self/fd; messages name them as given.
      EXPECT_EQ(status.message().find("/proc/"), std::string::npos)
          << status.message();
    }
  }
}

// Shards searched as one give the single index's totals, weights and facets.
TEST(OpenIndexSetTest, TwoShardsAnswerAsOneIndex) {
  TempDir dir;
  std::vector<Article> all = SampleArticles();
  WriteIndex(dir.path() + "/whole", all);
  WriteIndex(dir.path() + "/a", {all.begin(), all.begin() + 2});
  WriteIndex(dir.path() + "/b", {all.begin() + 2, all.end()});
  IndexSet whole, shards;
  ASSERT_TRUE(OpenIndexSet({dir.path() + "/whole"}, &whole).ok());
  ASSERT_TRUE(
      OpenIndexSet({dir.path() + "/a", dir.path() + "/b"}, &shards).ok());
  for (const char* text : {"nhs", "reorganisation OR funding", "porter"}) {
    SearchRequest request;
    request.query.text = text;
    request.facets = {"speaker", "topic", "date:year"};
    SearchResult w, s;
    ASSERT_TRUE(Search(&whole, request, &w).ok());
    ASSERT_TRUE(Search(&shards, request, &s).ok());
    EXPECT_EQ(s.total, w.total) << text;
    ASSERT_EQ(s.hits.size(), w.hits.size()) << text;
    for (size_t i = 0; i < w.hits.size(); ++i)
      EXPECT_NEAR(s.hits[i].score, w.hits[i].score, 1e-9) << text;
    for (size_t f = 0; f < w.facets.size(); ++f) {
      ASSERT_EQ(s.facets[f].values.size(), w.facets[f].values.size());
      for (size_t v = 0; v < w.facets[f].values.size(); ++v) {
        EXPECT_EQ(s.facets[f].values[v].value, w.facets[f].values[v].value);
        EXPECT_EQ(s.facets[f].values[v].count, w.facets[f].values[v].count);
      }
    }
    EXPECT_FALSE(s.index_has_revision);
    EXPECT_EQ(s.index_shards, 2u);
  }
}

// What a search does on remote shards with built-ins only (sort by value,
// oldest first as two matches, recency as a ValueMapPostingSource, timeline
// from ValueCountMatchSpy), run here on a local index: the same answers as
// the custom KeyMaker, PostingSource and spies give.
TEST_F(SearchTest, BuiltinPathsOfRemoteShardsGiveTheSameAnswers) {
  IndexSet local, builtin;
  ASSERT_TRUE(OpenIndexSet({DbPath()}, &local).ok());
  ASSERT_TRUE(OpenIndexSet({DbPath()}, &builtin).ok());
  builtin.remote = true;
  struct Case {
    const char* text;
    SortOrder sort;
    Xapian::doccount offset, limit;
    double recency;
    bool timeline;
    const char* by;
  };
  const Case kCases[] = {
      {kAll, SortOrder::kDateAscending, 0, 10, 0, false, ""},
      {kAll, SortOrder::kDateAscending, 3, 2, 0, false, ""},  // the seam
      {kAll, SortOrder::kDateAscending, 5, 3, 0, false, ""},  // undated only
      {kAll, SortOrder::kDateDescending, 1, 4, 0, false, ""},
      {"nhs", SortOrder::kDateAscending, 0, 10, 0, false, ""},
      {"nhs", SortOrder::kRelevance, 0, 10, 90, false, ""},
      {"nhs OR porter", SortOrder::kRelevance, 0, 10, 0, true, ""},
      {"nhs OR porter", SortOrder::kRelevance, 0, 10, 0, true, "speaker"},
      {kAll, SortOrder::kRelevance, 0, 0, 0, true, "outlet"},
      {kAll, SortOrder::kRelevance, 0, 0, 0, true, "topic"},
  };
  for (const Case& c : kCases) {
    SearchRequest request = Request(c.text, c.sort, c.offset, c.limit);
    request.recency_half_life_days = c.recency;
    request.recency_anchor = c.recency > 0 ? "20130101" : "";
    request.timeline = c.timeline;
    request.timeline_by = c.by;
    SearchResult want, got;
    ASSERT_TRUE(Search(&local, request, &want).ok()) << c.text;
    ASSERT_TRUE(Search(&builtin, request, &got).ok()) << c.text;
    const std::string what = std::string(c.text) + " " + SortOrderName(c.sort) +
                             " @" + std::to_string(c.offset) + " by " + c.by;
    EXPECT_EQ(got.total, want.total) << what;
    EXPECT_EQ(got.total_exact, want.total_exact) << what;
    EXPECT_EQ(Show(IdList(got)), Show(IdList(want))) << what;
    for (size_t i = 0; i < want.hits.size() && i < got.hits.size(); ++i) {
      EXPECT_EQ(got.hits[i].rank, want.hits[i].rank) << what;
      EXPECT_DOUBLE_EQ(got.hits[i].score, want.hits[i].score) << what;
      EXPECT_DOUBLE_EQ(got.hits[i].recency_boost, want.hits[i].recency_boost);
    }
    ASSERT_EQ(got.has_timeline, want.has_timeline) << what;
    EXPECT_EQ(got.timeline.periods, want.timeline.periods) << what;
    ASSERT_EQ(got.timeline.series.size(), want.timeline.series.size()) << what;
    for (size_t k = 0; k < want.timeline.series.size(); ++k) {
      EXPECT_EQ(got.timeline.series[k].name, want.timeline.series[k].name);
      EXPECT_EQ(got.timeline.series[k].counts, want.timeline.series[k].counts)
          << what << " " << want.timeline.series[k].name;
    }
  }
  // What cannot be exact with built-ins is refused, not approximated.
  SearchRequest collapse = Request("nhs", SortOrder::kDateAscending);
  collapse.collapse = true;
  SearchResult unused;
  Status status = Search(&builtin, collapse, &unused);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("--collapse needs every shard local"),
            std::string::npos);
  EXPECT_TRUE(Search(&local, collapse, &unused).ok());
  SearchRequest plot = Request("nhs", SortOrder::kRelevance);
  plot.collapse = true;
  plot.timeline = true;
  status = Search(&builtin, plot, &unused);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("--plot with --collapse"), std::string::npos);
  EXPECT_TRUE(Search(&local, plot, &unused).ok());
}

// A correction is looked for only when a word is in no document: "labor"
// is in the archive (once), so it is not "corrected" into the more
// frequent "labour"; a word the index lacks still is.
TEST(SpellingTest, OnlyWordsTheIndexLacksAreCorrected) {
  TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 5; ++i) {
    articles.push_back(MakeArticle(
        "labour-" + std::to_string(i), "Labour shortage " + std::to_string(i),
        "2012-01-01", "Pulse", {}, {}, {"The labour market is tight."}));
  }
  articles.push_back(MakeArticle("labor", "Labor in America", "2012-01-01",
                                 "Pulse", {}, {}, {"US labor law."}));
  WriteIndex(dir.path() + "/db", articles);
  Xapian::Database db(dir.path() + "/db");
  SearchRequest request;
  request.query.text = "labor";
  SearchResult r;
  ASSERT_TRUE(Search(&db, request, &r).ok());
  EXPECT_EQ(r.total, 1u);
  EXPECT_EQ(r.did_you_mean, "");
  request.query.text = "labuor";
  ASSERT_TRUE(Search(&db, request, &r).ok());
  EXPECT_EQ(r.total, 0u);
  EXPECT_EQ(r.did_you_mean, "labour");
  EXPECT_TRUE(r.hits.empty());
  request.correct = true;
  ASSERT_TRUE(Search(&db, request, &r).ok());
  EXPECT_EQ(r.total, 5u);
  EXPECT_EQ(r.corrected_from, "labuor");
  EXPECT_EQ(r.hits.size(), 5u);
}

TEST(OpenIndexTest, MissingIndexAndWrongSchemaVersion) {
  TempDir dir;
  Xapian::Database db;
  Status status = OpenIndex(dir.path() + "/none", &db);
  EXPECT_TRUE(status.IsNotFound());
  EXPECT_EQ(status.message(), "no index at " + dir.path() + "/none");

  {
    Xapian::WritableDatabase w(dir.path() + "/old", Xapian::DB_CREATE);
    w.set_metadata(schema::kSchemaVersionKey, "0");
    w.commit();
  }
  status = OpenIndex(dir.path() + "/old", &db);
  EXPECT_TRUE(status.IsInvalidInput());
  EXPECT_NE(status.message().find("schema version 0"), std::string::npos)
      << status.message();
}

// A folder held open keeps naming what it held, even after another folder
// is renamed over its path.
TEST(IndexFolderTest, ReadsTheFolderItOpenedAfterASwap) {
  TempDir dir;
  const std::string live = dir.path() + "/live", next = dir.path() + "/next";
  std::vector<Article> articles = SampleArticles();
  WriteIndex(live, articles);
  articles.pop_back();
  WriteIndex(next, articles);
  const Xapian::doccount in_live = Xapian::Database(live).get_doccount(),
                         in_next = Xapian::Database(next).get_doccount();
  ASSERT_NE(in_live, in_next);
  std::shared_ptr<const IndexFolder> folder;
  ASSERT_TRUE(IndexFolder::Open(live, &folder).ok());
  EXPECT_NE(folder->path(), live) << "no /proc here";
  EXPECT_TRUE(folder->StillAt(live));
  ASSERT_EQ(::renameat2(AT_FDCWD, next.c_str(), AT_FDCWD, live.c_str(),
                        RENAME_EXCHANGE),
            0);
  EXPECT_FALSE(folder->StillAt(live));
  EXPECT_TRUE(folder->StillAt(next));
  EXPECT_EQ(Xapian::Database(folder->path()).get_doccount(), in_live);
  EXPECT_EQ(Xapian::Database(live).get_doccount(), in_next);

  std::shared_ptr<const IndexFolder> missing;
  Status status = IndexFolder::Open(dir.path() + "/none", &missing);
  EXPECT_TRUE(status.IsNotFound());
  EXPECT_EQ(status.message(), "no index at " + dir.path() + "/none");
  EXPECT_EQ(missing, nullptr);
}

// Rebuilds swapping whole indexes in, as hpnews-index --rebuild does (a
// copy renamed over the live one, the old one removed), while searches
// open the index: each must answer from one index, never a mixture of the
// files of two, and never fail. Xapian opens an index's files one by one,
// and a sharded index's shards one by one; opened by path, some opens
// could meet the old folder and some the new.
TEST(OpenIndexSetTest, SearchesOpeningDuringRebuildSwapsSeeOneIndex) {
  TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 400; ++i) {
    articles.push_back(MakeArticle(
        "swap-" + std::to_string(i), "Commissioning story " + std::to_string(i),
        "2013-01-0" + std::to_string(1 + i % 9), i % 2 ? "Pulse" : "HSJ",
        {"Mark Porter"}, {"commissioning"},
        {"Commissioning groups item" + std::to_string(i) + " and funding."}));
  }
  // A (400 articles) and B (250), each as one index and as two shards.
  auto write = [&](const std::string& name, size_t count) {
    const std::vector<Article> some(articles.begin(), articles.begin() + count);
    WriteIndex(dir.path() + "/" + name, some);
    const std::string sharded = dir.path() + "/" + name + "-sharded";
    std::filesystem::create_directories(sharded);
    WriteIndex(sharded + "/s0", {some.begin(), some.begin() + count / 2});
    WriteIndex(sharded + "/s1", {some.begin() + count / 2, some.end()});
    std::ofstream(sharded + "/XAPIANDB") << "auto s0\nauto s1\n";
  };
  write("a", 400);
  write("b", 250);

  const std::string live = dir.path() + "/live";
  const struct {
    const char* what;
    std::string suffix;  // of the folders swapped in
    std::string open;    // what the searches open
  } kCases[] = {
      {"an index", "", live},
      {"a sharded index", "-sharded", live},
      {"a sharded index's stub file", "-sharded", live + "/XAPIANDB"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.what);
    std::error_code ec;
    std::filesystem::remove_all(live, ec);
    std::filesystem::copy(dir.path() + "/a" + c.suffix, live,
                          std::filesystem::copy_options::recursive);
    std::atomic<bool> stop{false};
    std::atomic<int> swaps{0}, searches{0};
    std::thread rebuilder([&]() {
      const std::string incoming = dir.path() + "/incoming";
      for (int round = 0; !stop; ++round) {
        std::error_code error;
        std::filesystem::remove_all(incoming, error);
        std::filesystem::copy(dir.path() + (round % 2 ? "/a" : "/b") + c.suffix,
                              incoming,
                              std::filesystem::copy_options::recursive, error);
        if (error || ::renameat2(AT_FDCWD, incoming.c_str(), AT_FDCWD,
                                 live.c_str(), RENAME_EXCHANGE) != 0) {
          ADD_FAILURE() << "could not swap: " << error.message();
          return;
        }
        std::filesystem::remove_all(incoming, error);
        ++swaps;
        // Real rebuilds are seconds apart: at most one swap per search, so
        // the next swap waits for a search to end. A sleep alone is not
        // enough: a searcher starved of CPU would meet a swap in each of
        // its attempts to open.
        const int seen = searches;
        while (!stop && searches == seen)
          std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
    });
    SearchRequest request;
    request.query.text = "commissioning OR funding";
    request.facets = {"outlet", "year"};
    int wrong = 0;
    const auto end =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(700);
    while (std::chrono::steady_clock::now() < end || swaps < 20) {
      IndexSet index;
      Status status = OpenIndexSet({c.open}, &index);
      SearchResult result;
      if (status.ok()) {
        try {
          status = Search(&index, request, &result);
        } catch (const Xapian::Error& e) {
          status = Status::IoError(e.get_description());
        }
      }
      ++searches;
      if (!status.ok() || (result.total != 400 && result.total != 250)) {
        if (++wrong <= 3) {
          ADD_FAILURE() << "search " << searches << ": "
                        << (status.ok()
                                ? "total " + std::to_string(result.total)
                                : status.ToString());
        }
      }
    }
    stop = true;
    rebuilder.join();
    EXPECT_EQ(wrong, 0) << "of " << searches << " searches during " << swaps
                        << " swaps";
  }
}

// ---- The command line -------------------------------------------------------

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

CliRun RunCli(const Strings& args, const std::string& err_path) {
  std::string command = Quote(HPNEWS_SEARCH_BIN);
  for (const std::string& a : args) command += " " + Quote(a);
  command += " 2>" + Quote(err_path);
  CliRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  return run;
}

class CliTest : public SearchTest {
 protected:
  CliRun Cli(const Strings& args) {
    return RunCli(args, dir_->path() + "/stderr.txt");
  }
};

TEST_F(CliTest, ExitZeroOnMatchWithJsonOnStdout) {
  CliRun run = Cli({"-d", DbPath(), "--format", "json", "--facet", "outlet",
                    "nhs", "reorganisation"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["query"], "nhs reorganisation");
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["facets"]["outlet"][0]["value"], "Pulse");
}

TEST_F(CliTest, ExitOneWhenNothingMatches) {
  CliRun run = Cli({"-d", DbPath(), "--format", "json", "zzznothing"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["total"], 0);
}

struct CliErrorCase {
  Strings args;  // after -d DB
  const char* stderr_text;
};

TEST_F(CliTest, ErrorsExitTwoWithAMessageOnStderr) {
  const CliErrorCase kCases[] = {
      {{"nhs AND"},
       "hpnews-search: query \"nhs AND\": Syntax: <expression> AND "
       "<expression>\n"},
      {{"date:2011-02-31.."},
       "hpnews-search: query \"date:2011-02-31..\": no such date "
       "\"2011-02-31\"\n"},
      {{"--filter", "colour:red", "nhs"},
       "hpnews-search: unknown filter field \"colour\" (fields: outlet, "
       "speaker, topic, year, month, keyword)\n"},
      {{"--filter", "month:2011-13", "nhs"},
       "hpnews-search: --filter month:2011-13: invalid month \"2011-13\" "
       "(expected YYYY-MM)\n"},
      {{"--facet", "colour", "nhs"},
       "hpnews-search: unknown facet field \"colour\" (fields: outlet, "
       "speaker, topic, year, month, keyword, date:month, date:year)\n"},
      {{"--sort", "size", "nhs"},
       "hpnews-search: invalid sort \"size\" (expected relevance, date or "
       "-date)\n"},
      {{"--format", "xml", "nhs"},
       "hpnews-search: invalid format \"xml\" (expected text, json, tsv or "
       "csv)\n"},
      {{"--from", "2012", "--to", "2011", "nhs"},
       "hpnews-search: date range \"2012..2011\" ends before it starts\n"},
      {{"--limit", "-3", "nhs"}, "hpnews-search: --limit must be 0 or more\n"},
      {{}, "hpnews-search: no query given (try --help)\n"},
  };
  for (const CliErrorCase& c : kCases) {
    Strings args = {"-d", DbPath()};
    args.insert(args.end(), c.args.begin(), c.args.end());
    CliRun run = Cli(args);
    std::string shown = Show(c.args);
    EXPECT_EQ(run.exit_code, 2) << shown;
    EXPECT_EQ(run.err, c.stderr_text) << shown;
    EXPECT_EQ(run.out, "") << shown;
  }
}

TEST_F(CliTest, MissingIndexAndBadOption) {
  CliRun run = Cli({"-d", dir_->path() + "/nowhere", "nhs"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "hpnews-search: no index at " + dir_->path() + "/nowhere\n");
  run = Cli({"-d", DbPath(), "--colour", "nhs"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err.rfind("hpnews-search: ", 0), 0u) << run.err;
  run = Cli({"nhs"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "hpnews-search: no index given (use -d INDEX)\n");
}

TEST_F(CliTest, HelpListsEveryOptionAndVersionPrints) {
  CliRun run = Cli({"--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* option :
       {"--index", "-d", "--default-op", "--filter", "--from", "--to",
        "--facet", "--facet-limit", "--sort", "--limit", "--offset", "--format",
        "--batch", "--jobs", "--help", "--version"}) {
    EXPECT_NE(run.out.find(option), std::string::npos) << option;
  }
  run = Cli({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("hpnews-search ", 0), 0u) << run.out;
}

TEST_F(CliTest, DoubleDashAllowsALeadingHateOperator) {
  CliRun run =
      Cli({"-d", DbPath(), "--format", "json", "--", "nhs", "-reorganisation"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["total"], 2);  // bill, integration
}

}  // namespace
}  // namespace hpnews
