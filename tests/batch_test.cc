// Batch mode: one JSON object per input line, in input order whatever the
// number of jobs; bad lines give error objects and the batch goes on.

#include "searcher/batch.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "searcher/printer.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using nlohmann::json;
using testing_util::SampleArticles;
using testing_util::TempDir;
using testing_util::WriteIndex;

std::vector<json> ParseLines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteIndex(dir_->path() + "/db", SampleArticles());
  }
  static void TearDownTestSuite() { delete dir_; }

  static BatchOptions Options(int jobs) {
    BatchOptions options;
    options.index_paths = {dir_->path() + "/db"};
    options.jobs = jobs;
    return options;
  }

  static std::string Run(const BatchOptions& options, const std::string& input,
                         BatchSummary* summary) {
    std::istringstream in(input);
    std::ostringstream out;
    Status status = RunBatch(options, in, out, summary);
    EXPECT_TRUE(status.ok()) << status.message();
    return out.str();
  }

  static TempDir* dir_;
};

TempDir* BatchTest::dir_ = nullptr;

// Queries with their known totals on SampleArticles().
struct Known {
  const char* query;
  int total;
};
const Known kKnown[] = {
    {"nhs", 4},        {"speaker:porter", 3},  {"outlet:pulse", 2},
    {"zzznothing", 0}, {"\"social care\"", 2}, {"date:2011..2011", 3},
    {"reorgan*", 3},
};

TEST_F(BatchTest, OrderIsPreservedWithOneAndFourJobs) {
  const int kLines = 700;
  std::string input;
  for (int i = 0; i < kLines; ++i) {
    input += kKnown[i % std::size(kKnown)].query;
    input += "\n";
  }
  for (int jobs : {1, 4}) {
    BatchSummary summary;
    std::vector<json> lines = ParseLines(Run(Options(jobs), input, &summary));
    ASSERT_EQ(lines.size(), static_cast<size_t>(kLines)) << "jobs " << jobs;
    for (int i = 0; i < kLines; ++i) {
      const Known& k = kKnown[i % std::size(kKnown)];
      ASSERT_EQ(lines[i]["line"], i + 1) << "jobs " << jobs;
      ASSERT_EQ(lines[i]["query"], k.query) << "jobs " << jobs << " line " << i;
      ASSERT_EQ(lines[i]["total"], k.total)
          << "jobs " << jobs << " " << k.query;
    }
    EXPECT_EQ(summary.lines, static_cast<size_t>(kLines));
    EXPECT_EQ(summary.errors, 0u);
    EXPECT_EQ(summary.matched, static_cast<size_t>(kLines - kLines / 7));
    EXPECT_EQ(BatchExitCode(summary), 0);
  }
}

// A batch on one local index counts facets from ordinals its workers share
// (FacetCache): the counts must be those of a search on its own.
TEST_F(BatchTest, SharedFacetOrdinalsGiveTheCountsOfASingleSearch) {
  const std::vector<std::string> fields = {"speaker", "topic", "outlet", "year",
                                           "date:month"};
  std::string input;
  for (int i = 0; i < 60; ++i) {
    input += kKnown[i % std::size(kKnown)].query;
    input += "\n";
  }
  // One job counting alone or with two helpers (CountPool), three jobs
  // each with the cores left to it.
  for (const auto& [jobs, query_threads] :
       std::vector<std::pair<int, int>>{{1, 1}, {1, 3}, {3, 0}}) {
    BatchOptions options = Options(jobs);
    options.query_threads = query_threads;
    options.share_min_documents = 0;  // the helpers share even this index
    options.request.facets = fields;
    options.request.facet_limit = 0;
    options.request.query.filters = {};
    BatchSummary summary;
    std::vector<json> lines = ParseLines(Run(options, input, &summary));
    ASSERT_EQ(lines.size(), 60u);
    for (const json& line : lines) {
      Xapian::Database db(dir_->path() + "/db");
      SearchRequest request = options.request;
      request.query.text = line["query"];
      SearchResult alone;
      ASSERT_TRUE(Search(&db, request, &alone).ok());
      json want = ResultToJson(alone);
      EXPECT_EQ(line["facets"], want["facets"])
          << "jobs " << jobs << " query threads " << query_threads << " "
          << line["query"];
      EXPECT_EQ(line["total"], want["total"]);
    }
  }
}

TEST_F(BatchTest, BadLinesGiveErrorObjectsAndTheBatchGoesOn) {
  BatchOptions options = Options(2);
  options.max_line_bytes = 40;
  std::string input =
      "nhs\n"
      "nhs AND\n"
      "\n"
      "caf\xc3\n"
      "date:2011-02-31..\n" +
      std::string(41, 'x') + "\n" +
      "outlet:pulse\r\n"
      "unknownfield:thing nhs\n"
      "speaker:porter";  // no final newline
  BatchSummary summary;
  std::string output = Run(options, input, &summary);
  std::vector<json> lines = ParseLines(output);
  ASSERT_EQ(lines.size(), 9u) << output;

  struct Expect {
    int line;
    const char* error;  // nullptr: a result
    int total;
  };
  const Expect kExpect[] = {
      {1, nullptr, 4},
      {2, "Syntax: <expression> AND <expression>", 0},
      {3, "empty query", 0},
      {4, "invalid utf-8", 0},
      {5, "no such date \"2011-02-31\"", 0},
      {6, "line too long (over 40 bytes)", 0},
      {7, nullptr, 2},  // the \r is not part of the query
      {8, nullptr, 0},  // an unknown prefix is just words
      {9, nullptr, 3},
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Expect& e = kExpect[i];
    const json& j = lines[i];
    EXPECT_EQ(j["line"], e.line) << j.dump();
    if (e.error != nullptr) {
      EXPECT_EQ(j.size(), 2u) << j.dump();  // exactly line and error
      EXPECT_EQ(j["error"], e.error) << j.dump();
    } else {
      EXPECT_FALSE(j.contains("error")) << j.dump();
      EXPECT_EQ(j["total"], e.total) << j.dump();
    }
  }
  EXPECT_EQ(lines[6]["query"], "outlet:pulse");
  EXPECT_EQ(summary.lines, 9u);
  EXPECT_EQ(summary.errors, 5u);
  EXPECT_EQ(summary.matched, 3u);
  EXPECT_EQ(BatchExitCode(summary), 2);
}

TEST_F(BatchTest, GlobalOptionsApplyToEveryLine) {
  BatchOptions options = Options(3);
  options.request.query.filters = {{"outlet", "Pulse"}};
  options.request.facets = {"speaker"};
  options.request.limit = 1;
  options.request.sort = SortOrder::kDateDescending;
  BatchSummary summary;
  std::vector<json> lines =
      ParseLines(Run(options, "nhs\nporter\ngp\n", &summary));
  ASSERT_EQ(lines.size(), 3u);
  for (const json& j : lines) {
    EXPECT_EQ(j["sort"], "-date") << j.dump();
    EXPECT_EQ(j["limit"], 1) << j.dump();
    EXPECT_TRUE(j["facets"].contains("speaker")) << j.dump();
    for (const json& hit : j["hits"]) EXPECT_EQ(hit["outlet"], "Pulse");
  }
  EXPECT_EQ(lines[0]["total"], 1);  // only pulse-porter says NHS
  EXPECT_EQ(lines[1]["total"], 2);  // both Pulse articles mention a Porter
  EXPECT_EQ(lines[1]["hits"][0]["id"], "pulse-workforce");  // newest
}

TEST_F(BatchTest, ExitCodeOneWhenNothingMatchesAndEmptyInput) {
  BatchSummary summary;
  std::string out = Run(Options(1), "zzznothing\nzzzother\n", &summary);
  EXPECT_EQ(ParseLines(out).size(), 2u);
  EXPECT_EQ(BatchExitCode(summary), 1);
  out = Run(Options(4), "", &summary);
  EXPECT_EQ(out, "");
  EXPECT_EQ(summary.lines, 0u);
  EXPECT_EQ(BatchExitCode(summary), 1);
}

TEST_F(BatchTest, MissingIndexFailsBeforeWriting) {
  BatchOptions options = Options(2);
  options.index_paths = {dir_->path() + "/none"};
  std::istringstream in("nhs\n");
  std::ostringstream out;
  BatchSummary summary;
  Status status = RunBatch(options, in, out, &summary);
  EXPECT_TRUE(status.IsNotFound());
  EXPECT_EQ(out.str(), "");
}

TEST(IsValidUtf8Test, Cases) {
  const std::pair<const char*, bool> kCases[] = {
      {"plain", true},
      {"caf\xc3\xa9", true},
      {"\xe2\x80\x94 dash", true},
      {"\xf0\x9f\x98\x80", true},
      {"caf\xe9", false},           // Latin-1
      {"\xc3", false},              // truncated
      {"\xc0\xaf", false},          // overlong
      {"\xed\xa0\x80", false},      // surrogate
      {"\xf4\x90\x80\x80", false},  // above U+10FFFF
      {"\x80", false},
  };
  for (const auto& [text, valid] : kCases) {
    std::string hex;
    for (unsigned char c : std::string(text)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%02x ", c);
      hex += buf;
    }
    EXPECT_EQ(IsValidUtf8(text), valid) << hex;
  }
}

TEST(ReadLimitedLineTest, SplitsLinesStripsCrAndFlagsLongOnes) {
  std::istringstream in("one\r\ntwo\n\n" + std::string(10, 'x') + "\nlast");
  std::string line;
  bool too_long = true;
  ASSERT_TRUE(ReadLimitedLine(in, 5, &line, &too_long));
  EXPECT_EQ(line, "one");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(ReadLimitedLine(in, 5, &line, &too_long));
  EXPECT_EQ(line, "two");
  ASSERT_TRUE(ReadLimitedLine(in, 5, &line, &too_long));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(ReadLimitedLine(in, 5, &line, &too_long));
  EXPECT_TRUE(too_long);
  EXPECT_LE(line.size(), 6u);
  ASSERT_TRUE(ReadLimitedLine(in, 5, &line, &too_long));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(too_long);
  EXPECT_FALSE(ReadLimitedLine(in, 5, &line, &too_long));
}

// ---- Through the binary -----------------------------------------------------

struct CliRun {
  int exit_code = -1;
  std::string out;
};

CliRun RunShell(const std::string& command) {
  CliRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST_F(BatchTest, CliReadsStdinOrAFileAndExitsLikeGrep) {
  std::string bin = HPNEWS_SEARCH_BIN;
  std::string db = dir_->path() + "/db";
  std::string file = dir_->path() + "/queries.txt";
  std::ofstream(file) << "nhs\nzzznothing\n";
  CliRun run = RunShell(bin + " -d " + db + " --jobs 2 --batch " + file +
                        " 2>/dev/null");
  EXPECT_EQ(run.exit_code, 0);
  std::vector<json> lines = ParseLines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["line"], 2);
  EXPECT_EQ(lines[1]["total"], 0);

  run = RunShell("printf 'zzznothing\\n' | " + bin + " -d " + db +
                 " --batch - 2>/dev/null");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(ParseLines(run.out).size(), 1u);

  run = RunShell("printf 'nhs\\nnhs AND\\n' | " + bin + " -d " + db +
                 " --batch - 2>/dev/null");
  EXPECT_EQ(run.exit_code, 2);
  lines = ParseLines(run.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[1].contains("error"));

  run = RunShell(bin + " -d " + db + " --batch " + dir_->path() +
                 "/missing.txt 2>&1");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out.rfind("hpnews-search: cannot read ", 0), 0u) << run.out;
}

TEST(FormatBatchStatsTest, NearestRankPercentiles) {
  BatchSummary summary;
  summary.lines = 200;
  summary.seconds = 0.5;
  for (int i = 1; i <= 200; ++i) summary.latencies_ms.push_back(i / 10.0);
  EXPECT_EQ(FormatBatchStats(summary),
            "200 queries in 0.500 s (400 q/s); per query p50 10.000 ms, "
            "p99 19.800 ms, max 20.000 ms\nslowest lines: 200 (20.000 ms), "
            "199 (19.900 ms), 198 (19.800 ms), 197 (19.700 ms), "
            "196 (19.600 ms)");
  EXPECT_EQ(FormatBatchStats(BatchSummary()),
            "0 queries in 0.000 s (0 q/s); per query p50 0.000 ms, "
            "p99 0.000 ms, max 0.000 ms");
}

TEST(FormatBatchStatsTest, SlowestLinesFirstTiesInInputOrder) {
  BatchSummary summary;
  summary.lines = 3;
  summary.seconds = 1;
  summary.latencies_ms = {2.0, 5.0, 2.0};
  EXPECT_EQ(FormatBatchStats(summary),
            "3 queries in 1.000 s (3 q/s); per query p50 2.000 ms, "
            "p99 5.000 ms, max 5.000 ms\nslowest lines: 2 (5.000 ms), "
            "1 (2.000 ms), 3 (2.000 ms)");
}

TEST_F(BatchTest, EveryLineIsTimed) {
  for (int jobs : {1, 3}) {
    BatchSummary summary;
    Run(Options(jobs), "nhs\nnhs AND\n\nspeaker:porter\n", &summary);
    ASSERT_EQ(summary.latencies_ms.size(), 4u) << jobs;
    for (double ms : summary.latencies_ms) EXPECT_GE(ms, 0.0);
    EXPECT_GT(summary.seconds, 0.0);
  }
  CliRun run = RunShell("printf 'nhs\\n' | " + std::string(HPNEWS_SEARCH_BIN) +
                        " -d " + dir_->path() +
                        "/db --batch - --stats "
                        "2>&1 >/dev/null");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("hpnews-search: 1 queries in ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find(" q/s); per query p50 "), std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\nhpnews-search: slowest lines: 1 ("),
            std::string::npos)
      << run.out;
}

// Reads one line from `fd`, waiting at most `ms` milliseconds for it.
bool ReadLineWithin(int fd, int ms, std::string* line) {
  line->clear();
  char c;
  while (true) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, ms) <= 0) return false;
    if (::read(fd, &c, 1) != 1) return false;
    if (c == '\n') return true;
    line->push_back(c);
  }
}

// A program that feeds a query, reads its answer, then decides the next
// one (the scripted use --batch - is for) must get each answer while the
// input is still open, with one job or several.
TEST_F(BatchTest, EachAnswerArrivesBeforeTheNextQueryIsSent) {
  for (const char* jobs : {"1", "2"}) {
    int to_child[2], from_child[2];
    ASSERT_EQ(::pipe(to_child), 0);
    ASSERT_EQ(::pipe(from_child), 0);
    const std::string db = dir_->path() + "/db";
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      ::close(to_child[1]);
      ::close(from_child[0]);
      ::execl(HPNEWS_SEARCH_BIN, HPNEWS_SEARCH_BIN, "-d", db.c_str(), "--jobs",
              jobs, "--batch", "-", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    for (const char* query : {"nhs\n", "outlet:pulse\n", "zzznothing\n"}) {
      ASSERT_EQ(::write(to_child[1], query, std::strlen(query)),
                static_cast<ssize_t>(std::strlen(query)));
      std::string line;
      ASSERT_TRUE(ReadLineWithin(from_child[0], 10000, &line))
          << "no answer to " << query << " with --jobs " << jobs;
      EXPECT_TRUE(json::parse(line).contains("total")) << line;
    }
    ::close(to_child[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(from_child[0]);
    EXPECT_TRUE(WIFEXITED(status)) << "--jobs " << jobs;
    EXPECT_EQ(WEXITSTATUS(status), 0) << "--jobs " << jobs;
  }
}

}  // namespace
}  // namespace hpnews
