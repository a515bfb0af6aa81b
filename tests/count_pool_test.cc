// Counting a query's matches across threads (searcher/count_pool.h): the
// docid ranges, the range posting source, the pool's hand-out of ranges,
// and a search whose counts come from the pool, which must equal the
// search that counts in one thread.

#include "searcher/count_pool.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "searcher/facets.h"
#include "searcher/search.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::MakeArticle;
using testing_util::TempDir;

TEST(DocidRangesTest, CoverEveryIdOnceInOrder) {
  const struct {
    Xapian::docid last;
    unsigned ranges;
    size_t expect_ranges;
  } cases[] = {{100, 4, 4}, {101, 4, 4}, {7, 3, 3},  {3, 8, 3},
               {1, 4, 1},   {0, 4, 1},   {10, 0, 1}, {1000000, 8, 8}};
  for (const auto& c : cases) {
    const auto ranges = DocidRanges(c.last, c.ranges);
    ASSERT_EQ(ranges.size(), c.expect_ranges) << c.last << "/" << c.ranges;
    Xapian::docid next = 1;
    for (const auto& [first, last] : ranges) {
      EXPECT_EQ(first, next) << c.last << "/" << c.ranges;
      if (c.last > 0) {
        EXPECT_LE(first, last);
      }
      next = last + 1;
    }
    EXPECT_EQ(next, c.last + 1) << "the last range ends at the last id";
    if (ranges.size() > 1) {
      const Xapian::docid a = ranges.front().second - ranges.front().first;
      const Xapian::docid b = ranges.back().second - ranges.back().first;
      EXPECT_LE(a > b ? a - b : b - a, 1u) << "as equal as may be";
    }
  }
}

TEST(DocidRangeSourceTest, FiltersToItsRangeOnly) {
  TempDir dir;
  {
    Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
    for (int i = 1; i <= 20; ++i) {
      Xapian::Document doc;
      doc.add_term(i % 2 == 0 ? "even" : "odd");
      doc.add_term("all");
      db.add_document(doc);
    }
    db.delete_document(8);
    db.commit();
  }
  Xapian::Database db(dir.path() + "/db");
  auto matches = [&](const std::string& term, Xapian::docid first,
                     Xapian::docid last) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, Xapian::Query(term),
        Xapian::Query((new DocidRangeSource(first, last))->release())));
    std::vector<Xapian::docid> ids;
    Xapian::MSet mset = enquire.get_mset(0, 100, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(mset.get_matches_lower_bound(), ids.size());
    return ids;
  };
  EXPECT_EQ(matches("even", 5, 12), (std::vector<Xapian::docid>{6, 10, 12}))
      << "8 was deleted";
  EXPECT_EQ(matches("all", 19, 100), (std::vector<Xapian::docid>{19, 20}));
  EXPECT_EQ(matches("odd", 1, 1), (std::vector<Xapian::docid>{1}));
  EXPECT_TRUE(matches("all", 21, 30).empty());
  // A range as a query's only filter leaves the weights alone.
  Xapian::Enquire enquire(db);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("odd"),
                    Xapian::Query((new DocidRangeSource(1, 20))->release())));
  Xapian::Enquire plain(db);
  plain.set_query(Xapian::Query("odd"));
  EXPECT_DOUBLE_EQ(enquire.get_mset(0, 1).begin().get_weight(),
                   plain.get_mset(0, 1).begin().get_weight());
}

// Articles enough for several ranges, with every field a search counts.
std::vector<Article> ManyArticles() {
  const char* outlets[] = {"Pulse", "Health Service Journal",
                           "Management in Practice", ""};
  const char* speakers[] = {"Mark Porter", "Clare Gerada", "Andrew Lansley",
                            "Andy Burnham"};
  const char* topics[] = {"commissioning", "workforce", "funding",
                          "reorganisation", "integration"};
  const char* words[] = {"commissioning",
                         "reorganisation",
                         "funding",
                         "patients",
                         "GP",
                         "hospital",
                         "pay",
                         "budget"};
  std::vector<Article> out;
  for (int i = 0; i < 240; ++i) {
    const std::string date = i % 17 == 0 ? ""
                                         : std::to_string(2009 + i % 5) + "-0" +
                                               std::to_string(1 + i % 9) +
                                               "-1" + std::to_string(i % 10);
    std::string text = "The NHS";
    for (int w = 0; w < 12; ++w)
      text += std::string(" ") + words[(i * w + i / 3) % 8];
    Article a = MakeArticle(
        "a" + std::to_string(i),
        std::string(words[i % 8]) + " news " + std::to_string(i), date,
        outlets[i % 4], {speakers[i % 4], speakers[(i / 4) % 4]},
        {topics[i % 5], topics[(i / 5) % 5]}, {text + ".", "More on pay."});
    if (i % 3 == 0)
      a.quotes = {{speakers[i % 4],
                   "the " + std::string(words[i % 8]) + " plan is right"}};
    out.push_back(a);
  }
  return out;
}

class CountPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.path() + "/index";
    testing_util::WriteIndex(path_, ManyArticles());
  }

  IndexSet Open(unsigned helpers, bool facet_cache) {
    IndexSet index;
    Status status = OpenIndexSet({path_}, &index);
    EXPECT_TRUE(status.ok()) << status.message();
    if (helpers > 0)
      index.count_pool =
          std::make_shared<CountPool>(std::vector<std::string>{path_}, helpers,
                                      /*min_documents=*/0);
    if (facet_cache) index.facet_cache = std::make_shared<FacetCache>();
    return index;
  }

  TempDir dir_;
  std::string path_;
};

// Everything of a result that counting or ranking decides.
std::string Describe(const SearchResult& r) {
  // An estimate is Xapian's guess from what a match saw, which differs
  // when ranges are ranked apart; a count is a count.
  std::string out = r.total_exact ? "total " + std::to_string(r.total) + "\n"
                                  : "total estimated\n";
  for (const Hit& hit : r.hits) {
    out += std::to_string(hit.rank) + " " + hit.id + " " +
           std::to_string(hit.score) + " " + std::to_string(hit.percent) +
           (hit.is_quote ? " quote" : "") + "\n";
  }
  for (const FacetCounts& f : r.facets) {
    out += f.field + ":";
    for (const FacetValue& v : f.values)
      out += " " + v.value + "=" + std::to_string(v.count);
    out += "\n";
  }
  if (r.has_timeline) {
    for (const std::string& p : r.timeline.periods) out += p + " ";
    for (const auto& s : r.timeline.series) {
      out += "\n" + s.name + ":";
      for (Xapian::doccount n : s.counts) out += " " + std::to_string(n);
    }
  }
  return out;
}

std::vector<SearchRequest> Requests() {
  std::vector<SearchRequest> out;
  auto add = [&](const std::string& text, std::vector<std::string> facets,
                 auto&& tweak) {
    SearchRequest r;
    r.query.text = text;
    r.facets = std::move(facets);
    tweak(&r);
    out.push_back(r);
  };
  auto none = [](SearchRequest*) {};
  add("commissioning", {"outlet", "speaker", "topic", "year"}, none);
  add("pay OR budget", {"outlet", "date:month"}, none);
  add("nhs", {"date:year", "speaker"}, [](SearchRequest* r) {
    r->sort = SortOrder::kDateDescending;
    r->offset = 5;
  });
  add("\"the nhs\" funding", {"topic"},
      [](SearchRequest* r) { r->sort = SortOrder::kDateAscending; });
  add("patients", {"outlet", "topic"}, [](SearchRequest* r) {
    r->query.filters = {{"outlet", "Pulse"}, {"topic", "funding"}};
  });
  add("plan", {"speaker", "outlet"},
      [](SearchRequest* r) { r->query.type = DocType::kQuote; });
  add("hospital", {}, [](SearchRequest* r) {
    r->timeline = true;
    r->timeline_by = "outlet";
  });
  add("nosuchwordanywhere", {"outlet"}, none);
  add("nhs", {"outlet"}, [](SearchRequest* r) { r->limit = 0; });
  // With facets, by relevance: the page ranked in docid ranges, then the
  // matches counted in others (RankThenCountInParallel()); a date range
  // is a wide OR, counted from a bitmap.
  add("pay date:2010-03..2012-06", {"outlet", "year"}, [](SearchRequest* r) {
    r->offset = 7;
    r->limit = 15;
  });
  add("budget OR hospital", {"topic"}, [](SearchRequest* r) {
    r->timeline = true;
    r->offset = 2;
  });
  // No facets: the page is ranked in docid ranges (RankInParallel()).
  add("commissioning", {}, none);
  add("pay OR budget OR hospital", {}, [](SearchRequest* r) {
    r->offset = 3;
    r->limit = 20;
  });
  add("nhs", {}, [](SearchRequest* r) { r->sort = SortOrder::kDateAscending; });
  add("funding OR gp", {},
      [](SearchRequest* r) { r->sort = SortOrder::kDateDescending; });
  add("plan OR right", {}, [](SearchRequest* r) {
    r->query.type = DocType::kQuote;
    r->limit = 50;
  });
  add("\"more on pay\"", {}, [](SearchRequest* r) { r->offset = 500; });
  // A phrase with facets: ranked and counted in one pass per range
  // (RankAndCountInParallel()); with a disjunction, counted beside.
  add("\"more on pay\"", {"outlet", "topic", "year"},
      [](SearchRequest* r) { r->offset = 25; });
  add("\"the nhs\" -budget", {"speaker"}, [](SearchRequest* r) {
    r->timeline = true;
    r->query.filters = {{"outlet", "Pulse"}};
  });
  add("\"plan is right\"", {"speaker", "outlet"},
      [](SearchRequest* r) { r->query.type = DocType::kQuote; });
  add("\"the nhs\" OR pay", {"outlet"}, none);
  add("\"more on pay\"", {"outlet"}, [](SearchRequest* r) {
    r->offset = 1000;  // past the last match
  });
  add("nosuchwordanywhere", {}, none);
  return out;
}

// Every way of counting and ranking gives what one thread counting with
// Xapian's matcher and its spies gives: helpers or none, and with the
// facet cache, counts from posting lists (BooleanMatch) where the query
// allows.
TEST_F(CountPoolTest, SearchSharedWithThePoolEqualsOneThread) {
  IndexSet matcher = Open(0, false);
  for (bool cache : {false, true}) {
    IndexSet alone = Open(0, cache);
    IndexSet one_helper = Open(1, cache);
    IndexSet three_helpers = Open(3, cache);
    for (const SearchRequest& request : Requests()) {
      SearchResult expected, a, b, c;
      ASSERT_TRUE(Search(&matcher, request, &expected).ok())
          << request.query.text;
      ASSERT_TRUE(Search(&alone, request, &a).ok());
      ASSERT_TRUE(Search(&one_helper, request, &b).ok());
      ASSERT_TRUE(Search(&three_helpers, request, &c).ok());
      const std::string want = Describe(expected);
      EXPECT_EQ(Describe(a), want) << request.query.text << " cache " << cache;
      EXPECT_EQ(Describe(b), want) << request.query.text << " cache " << cache;
      EXPECT_EQ(Describe(c), want) << request.query.text << " cache " << cache;
    }
  }
}

TEST_F(CountPoolTest, RunGivesEveryRangeOnceAndRedoesWhatHelpersFailed) {
  IndexSet index = Open(2, false);
  for (bool helpers_fail : {false, true}) {
    std::mutex mu;
    std::multiset<unsigned> done;
    std::set<const IndexSet*> threads;
    bool first_ran = false;
    index.count_pool->Run(
        &index, 40,
        [&](IndexSet* own, unsigned k) {
          if (helpers_fail && own != &index)
            throw std::runtime_error("helper fails");
          std::lock_guard<std::mutex> lock(mu);
          done.insert(k);
          threads.insert(own);
        },
        [&]() { first_ran = true; });
    EXPECT_TRUE(first_ran);
    ASSERT_EQ(done.size(), 40u) << "every range exactly once";
    for (unsigned k = 0; k < 40; ++k) EXPECT_EQ(done.count(k), 1u) << k;
    if (helpers_fail) {
      EXPECT_EQ(threads, std::set<const IndexSet*>{&index})
          << "the searching thread redid the helpers' ranges";
    }
  }
}

TEST_F(CountPoolTest, ErrorOfTheSearchingThreadWaitsForTheHelpers) {
  IndexSet index = Open(2, false);
  std::mutex mu;
  int running = 0, max_after_throw = 0;
  bool thrown = false;
  EXPECT_THROW(index.count_pool->Run(
                   &index, 20,
                   [&](IndexSet*, unsigned) {
                     std::lock_guard<std::mutex> lock(mu);
                     ++running;
                   },
                   [&]() {
                     thrown = true;
                     throw std::runtime_error("ranking failed");
                   }),
               std::runtime_error);
  EXPECT_TRUE(thrown);
  {
    std::lock_guard<std::mutex> lock(mu);
    max_after_throw = running;
  }
  // Run() returned: no helper may touch the work function any more.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(running, max_after_throw);
  EXPECT_LE(running, 20);
}

// A writer commits after the search opened the index: the helpers, which
// open it later, see another revision and leave their share to the
// searching thread, whose answer is that of the revision it opened.
TEST_F(CountPoolTest, HelpersOnAnotherRevisionLeaveTheCountToTheSearch) {
  IndexSet before = Open(0, false);
  SearchRequest request;
  request.query.text = "commissioning";
  request.facets = {"outlet", "topic"};
  SearchResult expected;
  ASSERT_TRUE(Search(&before, request, &expected).ok());

  IndexSet index = Open(0, false);
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_OPEN);
    testing_util::AddArticles(
        &db,
        {MakeArticle("late", "Commissioning late news", "2013-01-01", "Pulse",
                     {}, {"commissioning"}, {"Commissioning news."})});
  }
  index.count_pool =
      std::make_shared<CountPool>(std::vector<std::string>{path_}, 2,
                                  /*min_documents=*/0);
  SearchResult got;
  ASSERT_TRUE(Search(&index, request, &got).ok());
  EXPECT_EQ(Describe(got), Describe(expected));
}

}  // namespace
}  // namespace hpnews
