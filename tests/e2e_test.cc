// End to end: run the real hpnews-index on corpus/ into a temporary folder,
// run the real hpnews-search on it, and parse its JSON back (ripgrep's
// tests/json.rs habit) instead of comparing strings.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/article_xml.h"
#include "common/document.h"
#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kCorpus = std::string(HPNEWS_SOURCE_DIR) + "/corpus";

struct RunResult {
  int status = -1;
  std::string out, err;
  json Json() const { return json::parse(out); }
  std::vector<json> Lines() const {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
    return lines;
  }
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("e2e_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    first_index_ =
        new RunResult(Exec(HPNEWS_INDEX_BIN, {"-o", Index(), kCorpus}));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete first_index_;
  }

  static std::string Index() { return (*dir_ / "index").string(); }

  // Runs `bin args...` with `input` on stdin; captures stdout, stderr, exit
  // status.
  static RunResult Exec(const std::string& bin,
                        const std::vector<std::string>& args,
                        const std::string& input = "") {
    std::string cmd = Quote(bin);
    for (const std::string& a : args) cmd += " " + Quote(a);
    fs::path in = *dir_ / "stdin", out = *dir_ / "stdout",
             err = *dir_ / "stderr";
    std::ofstream(in) << input;
    cmd += " <" + Quote(in.string()) + " >" + Quote(out.string()) + " 2>" +
           Quote(err.string());
    RunResult r;
    int raw = std::system(cmd.c_str());
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = ReadTestFile(out);
    r.err = ReadTestFile(err);
    return r;
  }

  static RunResult Search(std::vector<std::string> args,
                          const std::string& input = "") {
    args.insert(args.begin(), {"-d", Index()});
    return Exec(HPNEWS_SEARCH_BIN, args, input);
  }

  // The hand-written metadata of corpus/articles/, by id.
  static std::map<std::string, Article> HandLabels() {
    std::map<std::string, Article> labels;
    for (const auto& entry : fs::directory_iterator(kCorpus + "/articles")) {
      std::vector<Article> articles;
      std::vector<ArticleError> errors;
      Status s = ParseArticleXml(ReadTestFile(entry.path()),
                                 entry.path().string(), &articles, &errors);
      EXPECT_TRUE(s.ok()) << entry.path() << ": " << s.ToString();
      for (Article& a : articles) labels[a.id] = a;
    }
    return labels;
  }

  static std::set<std::string> Ids(const json& result) {
    std::set<std::string> ids;
    for (const json& hit : result.at("hits"))
      ids.insert(hit.at("id").get<std::string>());
    return ids;
  }

  static fs::path* dir_;
  static RunResult* first_index_;
};

fs::path* EndToEndTest::dir_ = nullptr;
RunResult* EndToEndTest::first_index_ = nullptr;

TEST_F(EndToEndTest, IndexesCorpusOneDocumentPerArticle) {
  EXPECT_EQ(first_index_->status, 0) << first_index_->err;
  EXPECT_NE(first_index_->err.find("5 articles indexed"), std::string::npos)
      << first_index_->err;
  Xapian::Database db(Index());
  EXPECT_EQ(ArticleCount(db), HandLabels().size())
      << "a raw page and its Article XML are one article";
  EXPECT_EQ(ArticleCount(db), 5u);
}

TEST_F(EndToEndTest, ReindexingAddsNoDuplicates) {
  RunResult again = Exec(HPNEWS_INDEX_BIN, {"-o", Index(), kCorpus});
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find("5 unchanged"), std::string::npos) << again.err;
  EXPECT_EQ(ArticleCount(Xapian::Database(Index())), 5u);
}

TEST_F(EndToEndTest, PhraseQuery) {
  RunResult r = Search({"--format", "json", "\"health and social care\""});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<std::string> ids = Ids(r.Json());
  EXPECT_TRUE(ids.count("002_25c1a4615cb701d2")) << r.out;
  const json result = r.Json();
  for (const json& hit : result.at("hits")) {
    EXPECT_NE(hit.at("snippet").get<std::string>().find("<mark>"),
              std::string::npos)
        << hit;
  }
  // The words apart match more than the phrase.
  RunResult loose = Search({"--format", "json", "health", "social", "care"});
  EXPECT_GE(loose.Json().at("total").get<int>(),
            r.Json().at("total").get<int>());
}

TEST_F(EndToEndTest, FieldQuery) {
  RunResult r = Search({"--format", "json", "title:bureaucrats"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Ids(r.Json()), std::set<std::string>{"004_6399eb31511db6d3"});
}

TEST_F(EndToEndTest, FilteredFacetCountsMatchHandWrittenMetadata) {
  std::map<std::string, Article> labels = HandLabels();
  for (const std::string& outlet :
       {std::string("Pulse"), std::string("Management in Practice")}) {
    RunResult r =
        Search({"--format", "json", "--limit", "100", "--facet-limit", "0",
                "--filter", "outlet:" + outlet, "--facet", "speaker", "--facet",
                "topic", "--facet", "outlet", "NHS"});
    ASSERT_LE(r.status, 1) << r.err;
    json result = r.Json();
    std::map<std::string, int> speakers, topics;
    int expected_hits = 0;
    for (const auto& [id, a] : labels) {
      if (a.outlet != outlet) continue;
      if (!Ids(result).count(id)) continue;
      ++expected_hits;
      for (const std::string& s : a.speakers) ++speakers[s];
      for (const std::string& t : a.topics) ++topics[t];
    }
    for (const std::string& id : Ids(result))
      EXPECT_EQ(labels.at(id).outlet, outlet) << id;
    EXPECT_EQ(result.at("total").get<int>(), expected_hits);
    EXPECT_TRUE(result.at("total_exact").get<bool>());
    std::map<std::string, int> got_speakers, got_topics;
    for (const json& f : result.at("facets").at("speaker"))
      got_speakers[f.at("value")] = f.at("count");
    for (const json& f : result.at("facets").at("topic"))
      got_topics[f.at("value")] = f.at("count");
    EXPECT_EQ(got_speakers, speakers) << outlet << ": " << r.out;
    EXPECT_EQ(got_topics, topics) << outlet << ": " << r.out;
    // Multi-select: the outlet facet counts as if the outlet filter were
    // off, so it equals the unfiltered search's, other outlets included.
    RunResult all = Search({"--format", "json", "--limit", "0", "--facet-limit",
                            "0", "--facet", "outlet", "NHS"});
    ASSERT_LE(all.status, 1) << all.err;
    EXPECT_EQ(result.at("facets").at("outlet"),
              all.Json().at("facets").at("outlet"))
        << outlet;
    int own = 0;
    for (const json& f : result.at("facets").at("outlet"))
      if (f.at("value") == outlet) own = f.at("count");
    EXPECT_EQ(own, expected_hits) << outlet;
  }
}

TEST_F(EndToEndTest, SortByDate) {
  RunResult r =
      Search({"--format", "json", "--sort", "-date", "--limit", "100", "NHS"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<std::string> dates;
  bool undated_seen = false;
  const json down = r.Json();
  for (const json& hit : down.at("hits")) {
    if (hit.at("date").is_null()) {
      undated_seen = true;
      continue;
    }
    EXPECT_FALSE(undated_seen) << "undated articles come last";
    dates.push_back(hit.at("date"));
  }
  ASSERT_GE(dates.size(), 2u);
  EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend())) << r.out;
  RunResult up =
      Search({"--format", "json", "--sort", "date", "--limit", "100", "NHS"});
  std::vector<std::string> up_dates;
  const json up_result = up.Json();
  for (const json& hit : up_result.at("hits")) {
    if (!hit.at("date").is_null()) up_dates.push_back(hit.at("date"));
  }
  EXPECT_TRUE(std::is_sorted(up_dates.begin(), up_dates.end())) << up.out;
}

TEST_F(EndToEndTest, BatchGoesOnPastAnInvalidLine) {
  RunResult r = Search({"--batch", "-", "--facet", "outlet"},
                       "commissioning\n\ndate:2011-02-31..2011-03-"
                       "01\nzzzqqqxxy\nreorganisation\n");
  EXPECT_EQ(r.status, 2)
      << "a batch with an invalid line reports an error status";
  std::vector<json> lines = r.Lines();
  ASSERT_EQ(lines.size(), 5u) << r.out;
  for (size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(lines[i].at("line"), i + 1) << lines[i];
  EXPECT_GT(lines[0].at("total").get<int>(), 0);
  EXPECT_TRUE(lines[1].contains("error")) << lines[1];
  EXPECT_TRUE(lines[2].contains("error")) << lines[2];
  EXPECT_EQ(lines[3].at("total"), 0);
  EXPECT_GT(lines[4].at("total").get<int>(), 0);
  EXPECT_TRUE(lines[4].at("facets").contains("outlet"));
}

TEST_F(EndToEndTest, BatchWithJobsKeepsOrder) {
  std::string input;
  const char* queries[] = {"commissioning", "BMA",      "Lansley",
                           "zzzqqqxxy",     "Cornwall", "\"social care\""};
  for (int i = 0; i < 60; ++i) input += std::string(queries[i % 6]) + "\n";
  RunResult one = Search({"--batch", "-"}, input);
  RunResult four = Search({"--batch", "-", "--jobs", "4"}, input);
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.Lines().size(), 60u);
}

TEST_F(EndToEndTest, ExitStatuses) {
  struct Case {
    std::vector<std::string> args;
    int status;
    const char* err;  // a word stderr must contain, or "" for silence
  } cases[] = {
      {{"commissioning"}, 0, ""},
      {{"zzzqqqxxy"}, 1, ""},
      {{"--no-such-option", "x"}, 2, "hpnews-search: "},
      {{"--filter", "colour:red", "nhs"}, 2, "colour"},
      {{"--sort", "sideways", "nhs"}, 2, "sideways"},
      {{"--query-threads", "-1", "nhs"}, 2, "--query-threads"},
  };
  for (const Case& c : cases) {
    RunResult r = Search(c.args);
    std::string shown;
    for (const std::string& a : c.args) shown += a + " ";
    EXPECT_EQ(r.status, c.status) << shown << r.err;
    if (*c.err) {
      EXPECT_NE(r.err.find(c.err), std::string::npos) << shown << r.err;
    } else {
      EXPECT_EQ(r.err, "") << shown;
    }
  }
  RunResult missing =
      Exec(HPNEWS_SEARCH_BIN, {"-d", (*dir_ / "nowhere").string(), "nhs"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no index at"), std::string::npos) << missing.err;

  RunResult no_index = Exec(HPNEWS_INDEX_BIN, {kCorpus});
  EXPECT_EQ(no_index.status, 2) << no_index.err;
  RunResult bad_input =
      Exec(HPNEWS_INDEX_BIN, {"-o", (*dir_ / "bad").string(),
                              std::string(HPNEWS_TEST_DATA) + "/indexer"});
  EXPECT_EQ(bad_input.status, 1) << bad_input.err;
  EXPECT_NE(bad_input.err.find("malformed.xml:"), std::string::npos)
      << bad_input.err;
}

TEST_F(EndToEndTest, TextAndTsvOutput) {
  RunResult text = Search({"--facet", "outlet", "commissioning"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("BMA has ‘misunderstood’ gov plans"),
            std::string::npos)
      << text.out;
  RunResult tsv = Search({"--format", "tsv", "commissioning"});
  ASSERT_EQ(tsv.status, 0);
  std::istringstream lines(tsv.out);
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(std::count(header.begin(), header.end(), '\t'),
            std::count(row.begin(), row.end(), '\t'))
      << tsv.out;
}

TEST_F(EndToEndTest, ExtractPrintsOneJsonObjectPerArticle) {
  RunResult r = Exec(HPNEWS_INDEX_BIN, {"--extract", kCorpus + "/raw"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::vector<json> lines = r.Lines();
  ASSERT_EQ(lines.size(), 5u);
  for (const json& a : lines) {
    for (const char* key :
         {"id", "source", "title", "date", "outlet", "speakers", "quotes",
          "topics", "comments", "body"}) {
      EXPECT_TRUE(a.contains(key)) << key << " in " << a.dump().substr(0, 200);
    }
  }
}

// Issue 7 through the binary: quotes, versioned JSON with the index's
// identity, csv, synonyms, spelling and the SVG plot.
TEST_F(EndToEndTest, QuoteSearchThroughTheBinary) {
  RunResult r = Search({"--format", "json", "--quotes", "--facet", "speaker",
                        "speaker:porter", "quote:reorganisation"});
  ASSERT_EQ(r.status, 0) << r.err;
  json result = r.Json();
  EXPECT_EQ(result.at("format_version"), 2);
  EXPECT_EQ(result.at("mode"), "quotes");
  Xapian::Database db(Index());
  EXPECT_EQ(result.at("index").at("uuid"), db.get_uuid());
  EXPECT_EQ(result.at("index").at("revision"), db.get_revision());
  ASSERT_FALSE(result.at("hits").empty());
  for (const json& hit : result.at("hits")) {
    EXPECT_EQ(hit.at("speaker"), "Mark Porter") << hit;
    EXPECT_NE(hit.at("quote").get<std::string>().find("<mark>"),
              std::string::npos)
        << hit;
    EXPECT_FALSE(hit.at("title").get<std::string>().empty());
  }
  const json& speakers = result.at("facets").at("speaker");
  ASSERT_EQ(speakers.size(), 1u) << "quotes of Porter only";
  EXPECT_EQ(speakers[0].at("count"), result.at("total"));
}

TEST_F(EndToEndTest, CsvSynonymsSpellingAndPlot) {
  RunResult csv = Search({"--format", "csv", "NHS"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("rank,id,score,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\r\n"), std::string::npos);

  RunResult with = Search({"--format", "json", "--limit", "0", "PCT"});
  RunResult without =
      Search({"--format", "json", "--limit", "0", "--no-synonyms", "PCT"});
  ASSERT_LE(with.status, 1) << with.err;
  ASSERT_LE(without.status, 1) << without.err;
  EXPECT_GT(with.Json().at("total").get<int>(),
            without.Json().at("total").get<int>())
      << "primary care trusts are PCTs";

  RunResult typo = Search({"--format", "json", "--correct", "reorganisaton"});
  ASSERT_EQ(typo.status, 0) << typo.err;
  EXPECT_EQ(typo.Json().at("corrected_from"), "reorganisaton");
  EXPECT_EQ(typo.Json().at("did_you_mean"), "reorganisation");

  const std::string svg = (*dir_ / "plot.svg").string();
  RunResult plot = Search(
      {"--plot", svg, "--plot-by", "outlet", "--facet", "date:month", "NHS"});
  ASSERT_EQ(plot.status, 0) << plot.err;
  std::ifstream in(svg);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            std::string::npos);
  EXPECT_NE(text.find("<polyline"), std::string::npos) << text;
  EXPECT_NE(plot.out.find("date:month:"), std::string::npos) << plot.out;
}

}  // namespace
}  // namespace hpnews
