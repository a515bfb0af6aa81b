// hpnews-search on queries and options a user should not type but will:
// each gets a clear one-line error (exit 2) or an answer (0/1), never a
// crash or a hang, and a batch goes on past any line.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace hpnews {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status;
  std::string out, err;
};

class SearchRobustnessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("search_robustness_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    std::string cmd = std::string(HPNEWS_INDEX_BIN) + " -q -o " +
                      (*dir_ / "index").string() + " " + HPNEWS_SOURCE_DIR +
                      "/corpus";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // Runs hpnews-search with `args` (and `input` on stdin) under a timeout.
  static Outcome Search(const std::vector<std::string>& args,
                        const std::string& input = "") {
    fs::path in = *dir_ / "in", out = *dir_ / "out", err = *dir_ / "err";
    std::ofstream(in, std::ios::binary) << input;
    std::vector<std::string> argv = {"/usr/bin/timeout", "30",
                                     HPNEWS_SEARCH_BIN, "-d",
                                     (*dir_ / "index").string()};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_t pid = ::fork();
    if (pid == 0) {
      std::freopen(in.c_str(), "r", stdin);
      std::freopen(out.c_str(), "w", stdout);
      std::freopen(err.c_str(), "w", stderr);
      std::vector<char*> cargv;
      for (std::string& a : argv) cargv.push_back(a.data());
      cargv.push_back(nullptr);
      ::execv(cargv[0], cargv.data());
      ::_exit(127);
    }
    int raw = 0;
    ::waitpid(pid, &raw, 0);
    auto slurp = [](const fs::path& p) {
      std::ifstream f(p, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(f), {});
    };
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw), slurp(out),
            slurp(err)};
  }

  static fs::path* dir_;
};

fs::path* SearchRobustnessTest::dir_ = nullptr;

TEST_F(SearchRobustnessTest, OddQueriesGiveAnAnswerOrOneClearError) {
  struct Case {
    std::vector<std::string> args;
    int want;  // -1: 0 or 1 (an answer); 2: an error
  } cases[] = {
      {{""}, 2},
      {{"   "}, 2},
      {{"\"unbalanced quote"}, -1},
      {{"(nhs OR bma"}, -1},
      {{"nhs)"}, -1},
      {{"AND"}, 2},  // the parser's syntax error
      {{"NOT"}, 2},
      {{"colour:red"}, -1},
      {{"title:"}, -1},
      {{"speaker:"}, -1},
      {{"date:2020..2010"}, 2},
      {{"date:2011-02-30.."}, 2},
      {{"date:2011-13..2012"}, 2},
      {{"date:99999999..100000000"}, 2},
      {{"date:..."}, 2},
      {{"-a -(-date:1"},
       2},  // crashed libxapian (null Query under a hated NOT)
      {{"*"}, -1},
      {{"a*"}, -1},
      {{"--limit", "1000000000", "nhs"}, -1},
      {{"--offset", "4000000", "nhs"}, 1},  // past the end: nothing shown
      {{"--offset", "4000000000", "nhs"},
       2},  // beyond Xapian's 32-bit document numbers
      {{"--limit", "-5", "nhs"}, 2},
      {{"--limit", "lots", "nhs"}, 2},
      {{"--facet-limit", "0", "--facet", "speaker", "nhs"}, -1},
      {{"--facet", "colour", "nhs"}, 2},
      {{"--from", "2011-02-31", "nhs"}, 2},
      {{"--from", "2012", "--to", "2011", "nhs"}, 2},
      {{std::string(100000, 'x')}, -1},
      {{std::string("\xff\xfe") + std::string(1, '\0') + "bad"}, -1},
  };
  for (const Case& c : cases) {
    std::string shown = c.args.back().substr(0, 40);
    Outcome o = Search(c.args);
    EXPECT_LT(o.status, 124)
        << shown << ": crashed or hung (" << o.status << ")";
    if (c.want == 2) {
      EXPECT_EQ(o.status, 2) << shown << "\n" << o.err;
    } else {
      EXPECT_TRUE(o.status == 0 || o.status == 1)
          << shown << ": " << o.status << "\n"
          << o.err;
    }
    if (o.status == 2) {
      EXPECT_EQ(o.err.rfind("hpnews-search: ", 0), 0u)
          << shown << ": " << o.err;
      EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1)
          << shown << ": one line: " << o.err;
      EXPECT_EQ(o.out, "") << shown;
    }
  }
}

TEST_F(SearchRobustnessTest, BatchGoesOnPastBinaryAndHugeLines) {
  std::string input = "nhs\n";
  input += std::string(1, '\0') + "\x01\x02\xff\xfe binary\n";
  input += std::string(200000, 'w') + "\n";
  input += "date:2020..2010\n";
  input += "\"unbalanced\n";
  input += "commissioning\n";
  Outcome o = Search({"--batch", "-", "--jobs", "2"}, input);
  EXPECT_EQ(o.status, 2) << o.err;
  std::istringstream lines(o.out);
  std::vector<nlohmann::json> out;
  for (std::string l; std::getline(lines, l);)
    out.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(out.size(), 6u) << o.out.substr(0, 500);
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].at("line"), i + 1);
  EXPECT_TRUE(out[0].contains("hits"));
  EXPECT_TRUE(out[1].contains("error")) << out[1];
  EXPECT_TRUE(out[2].contains("error")) << out[2];
  EXPECT_TRUE(out[3].contains("error")) << out[3];
  EXPECT_TRUE(out[5].contains("hits"));
  EXPECT_GT(out[5].at("total").get<int>(), 0);
}

}  // namespace
}  // namespace hpnews
