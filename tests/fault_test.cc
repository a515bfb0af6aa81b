// Faults, with the real binaries: hpnews-index killed with SIGKILL at many
// points of a --rebuild and of an incremental update, searches running while
// the index is rewritten, a second writer, a full disk, a read-only index.
// After each, the index must open, pass xapian-check, and hold exactly the
// state before the run or the state after it.

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "common/data_codec.h"
#include "common/document.h"
#include "common/schema.h"
#include "tests/run_as_nobody.h"
#include "tests/synthetic_corpus.h"
#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Child {
  pid_t pid = -1;
};

struct SpawnOptions {
  rlim_t file_size_limit =
      RLIM_INFINITY;       // RLIMIT_FSIZE: simulates a full disk
  bool as_nobody = false;  // drop root so file permissions apply
  std::string out_path = "/dev/null", err_path = "/dev/null";
};

Child Spawn(std::vector<std::string> args, const SpawnOptions& options = {}) {
  if (options.as_nobody) {
    args.insert(args.begin(), {"/usr/bin/setpriv", "--reuid=65534",
                               "--regid=65534", "--clear-groups"});
  }
  Child c;
  c.pid = ::fork();
  if (c.pid == 0) {
    if (options.file_size_limit != RLIM_INFINITY) {
      struct rlimit rl = {options.file_size_limit, options.file_size_limit};
      ::setrlimit(RLIMIT_FSIZE, &rl);
      ::signal(SIGXFSZ,
               SIG_IGN);  // a write past the limit fails with EFBIG instead
    }
    std::freopen(options.out_path.c_str(), "w", stdout);
    std::freopen(options.err_path.c_str(), "w", stderr);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return c;
}

int Wait(const Child& c) {
  int status = 0;
  ::waitpid(c.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int RunToEnd(const std::vector<std::string>& args,
             const SpawnOptions& options = {}) {
  return Wait(Spawn(args, options));
}

// Every document's id and content digest: two indexes with the same
// fingerprint answer every query alike.
std::string Fingerprint(const std::string& index) {
  Xapian::Database db(index);
  const std::unique_ptr<DataCodec> codec = DataCodec::ForDatabase(db);
  std::vector<std::string> rows;
  for (Xapian::PostingIterator p = db.postlist_begin("");
       p != db.postlist_end(""); ++p) {
    Xapian::Document doc = db.get_document(*p);
    rows.push_back(ParseDocument(doc, codec.get()).id + "=" +
                   doc.get_value(schema::kDigestSlot));
  }
  std::sort(rows.begin(), rows.end());
  std::string all = std::to_string(db.get_doccount()) + ":";
  for (const std::string& r : rows) all += r + ",";
  return all;
}

bool XapianCheckPasses(const std::string& index) {
  std::string cmd = "xapian-check " + index + " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

class FaultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("fault_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    // A: 2,000 articles. B: the same ids changed, plus 500 new ones.
    testing_util::WriteSyntheticCorpus(*dir_ / "a", 20, 100, "doc", 1);
    testing_util::WriteSyntheticCorpus(*dir_ / "b", 25, 100, "doc", 2);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    if (std::system("command -v xapian-check >/dev/null") != 0)
      GTEST_SKIP() << "xapian-check not installed";
  }

  static std::string Path(const std::string& name) {
    return (*dir_ / name).string();
  }
  static std::vector<std::string> Index(const std::string& index,
                                        const std::string& input,
                                        bool rebuild) {
    std::vector<std::string> args = {HPNEWS_INDEX_BIN, "-q", "-o", index,
                                     input};
    if (rebuild) args.push_back("--rebuild");
    return args;
  }

  // Builds `name` from `inputs` in order; returns its fingerprint.
  static std::string Build(const std::string& name,
                           const std::vector<std::string>& inputs) {
    fs::remove_all(Path(name));
    for (const std::string& in : inputs)
      EXPECT_EQ(RunToEnd(Index(Path(name), Path(in), false)), 0) << in;
    return Fingerprint(Path(name));
  }

  // Kills `args` at `points` moments spread over a full run's duration, from
  // a copy of `base` each time, and checks the state after each kill.
  void KillAtManyPoints(const std::string& base, bool rebuild,
                        const std::string& before, const std::string& after) {
    const std::string index = Path("victim");
    auto restore = [&]() {
      fs::remove_all(index);
      fs::copy(Path(base), index, fs::copy_options::recursive);
    };
    restore();
    auto start = Clock::now();
    ASSERT_EQ(RunToEnd(Index(index, Path("b"), rebuild)), 0);
    const double full =
        std::chrono::duration<double>(Clock::now() - start).count();
    ASSERT_EQ(Fingerprint(index), after);

    int saw_before = 0, saw_after = 0;
    const int kPoints = 16;
    for (int i = 0; i <= kPoints; ++i) {
      restore();
      const double at = full * 1.1 * i / kPoints;
      Child c = Spawn(Index(index, Path("b"), rebuild));
      std::this_thread::sleep_for(std::chrono::duration<double>(at));
      ::kill(c.pid, SIGKILL);
      Wait(c);
      SCOPED_TRACE("killed after " + std::to_string(at) + " s of " +
                   std::to_string(full) + " s");
      ASSERT_TRUE(XapianCheckPasses(index));
      std::string state = Fingerprint(index);
      EXPECT_TRUE(state == before || state == after)
          << "a state between commits: " << state.substr(0, 80);
      saw_before += state == before;
      saw_after += state == after;
      // The next run after a kill works and reaches the after-state.
      if (i % 4 == 1) {
        ASSERT_EQ(RunToEnd(Index(index, Path("b"), rebuild)), 0);
        EXPECT_EQ(Fingerprint(index), after);
      }
    }
    EXPECT_GT(saw_before, 0)
        << "no kill landed before the commit: the test proves nothing";
    std::printf(
        "killed %d times: %d before-state, %d after-state (full run %.2f s)\n",
        kPoints + 1, saw_before, saw_after, full);
  }

  static fs::path* dir_;
};

fs::path* FaultTest::dir_ = nullptr;

TEST_F(FaultTest, KilledRebuildLeavesOldOrNewIndex) {
  std::string a = Build("base", {"a"});
  std::string b_only = Build("ref-b", {"b"});
  KillAtManyPoints("base", /*rebuild=*/true, a, b_only);
  for (const auto& entry : fs::directory_iterator(*dir_)) {
    // Leftovers of killed rebuilds are removed by the next rebuild, not read.
    if (entry.path().filename().string().find(".rebuild-") !=
        std::string::npos) {
      EXPECT_EQ(RunToEnd(Index(Path("victim"), Path("b"), true)), 0);
      break;
    }
  }
  for (const auto& entry : fs::directory_iterator(*dir_)) {
    EXPECT_EQ(entry.path().filename().string().find("victim.rebuild-"),
              std::string::npos)
        << entry.path();
  }
}

TEST_F(FaultTest, KilledUpdateLeavesOldOrNewIndex) {
  std::string a = Build("base", {"a"});
  std::string a_then_b = Build("ref-ab", {"a", "b"});
  KillAtManyPoints("base", /*rebuild=*/false, a, a_then_b);
}

TEST_F(FaultTest, SearchesDuringWritesAlwaysSeeOneCommittedState) {
  // Each answer (total and facet counts of a query) must be A's or B's.
  auto answer = [](const std::string& index, std::string* raw) {
    fs::path out = *dir_ / ("search.out." + std::to_string(::gettid()));
    SpawnOptions o;
    o.out_path = out.string();
    o.err_path = out.string() + ".err";
    int status = RunToEnd(
        {HPNEWS_SEARCH_BIN, "-d", index, "--format", "json", "--facet",
         "outlet", "--facet", "year", "commissioning", "OR", "funding"},
        o);
    *raw = ReadTestFile(out) + ReadTestFile(out.string() + ".err");
    if (status != 0) return std::string("exit ") + std::to_string(status);
    nlohmann::json j = nlohmann::json::parse(ReadTestFile(out), nullptr, false);
    if (j.is_discarded()) return std::string("bad json");
    return j["total"].dump() + j["facets"].dump();
  };
  Build("ref-a", {"a"});
  Build("ref-b", {"b"});
  std::string raw;
  const std::string in_a = answer(Path("ref-a"), &raw),
                    in_b = answer(Path("ref-b"), &raw);
  ASSERT_NE(in_a, in_b);

  const std::string index = Path("live");
  Build("live", {"a"});
  std::atomic<bool> done{false};
  std::thread writer([&]() {
    // Rebuilds swap whole indexes; updates rewrite documents in place.
    for (int round = 0; round < 6; ++round) {
      bool rebuild = round % 2 == 0;
      EXPECT_EQ(
          RunToEnd(Index(index, Path(round % 4 < 2 ? "b" : "a"), rebuild)), 0);
    }
    done = true;
  });
  int searches = 0, failures = 0;
  std::set<std::string> seen;
  while (!done || searches < 20) {
    std::string got = answer(index, &raw);
    ++searches;
    // The writer only ever moves the index between A's state and B's (an
    // update of A by B leaves exactly B's articles, since B has all A's ids).
    if (got != in_a && got != in_b) {
      ++failures;
      ADD_FAILURE() << "search " << searches
                    << " saw an inconsistent state: " << got << "\n"
                    << raw;
    }
    seen.insert(got);
  }
  writer.join();
  std::printf("%d searches during 6 writes, %d distinct answers, %d failures\n",
              searches, static_cast<int>(seen.size()), failures);
}

TEST_F(FaultTest, SecondWriterFailsFastWithAClearMessage) {
  Build("locked", {"a"});
  Xapian::WritableDatabase holder(Path("locked"), Xapian::DB_OPEN);
  SpawnOptions o;
  o.err_path = Path("second.err");
  auto start = Clock::now();
  EXPECT_EQ(RunToEnd(Index(Path("locked"), Path("b"), false), o), 2);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 30.0)
      << "it waited for the lock";
  EXPECT_NE(ReadTestFile(Path("second.err")).find("locked"), std::string::npos)
      << ReadTestFile(Path("second.err"));
}

TEST_F(FaultTest, FullDiskFailsCleanlyAndKeepsTheIndex) {
  for (bool rebuild : {false, true}) {
    SCOPED_TRACE(rebuild ? "rebuild" : "update");
    std::string a = Build("full", {"a"});
    uintmax_t largest = 0;
    for (const auto& f : fs::directory_iterator(Path("full")))
      largest = std::max(largest, f.file_size());
    SpawnOptions o;
    o.file_size_limit = largest + 16 * 1024;  // no file may grow much further
    o.err_path = Path("full.err");
    EXPECT_EQ(RunToEnd(Index(Path("full"), Path("b"), rebuild), o), 2);
    std::string err = ReadTestFile(Path("full.err"));
    EXPECT_NE(err.find(rebuild ? "rebuild failed: " : "update failed: "),
              std::string::npos)
        << err;
    EXPECT_NE(err.find("File too large"), std::string::npos)
        << "the system's reason is given: " << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1)
        << "one clear line: " << err;
    EXPECT_TRUE(XapianCheckPasses(Path("full")));
    EXPECT_EQ(Fingerprint(Path("full")), a) << "the previous index is intact";
    for (const auto& entry : fs::directory_iterator(*dir_)) {
      EXPECT_EQ(entry.path().filename().string().find("full.rebuild-"),
                std::string::npos)
          << entry.path();
    }
  }
}

TEST_F(FaultTest, ReadOnlyIndexFailsCleanly) {
  if (::geteuid() != 0 || !fs::exists("/usr/bin/setpriv"))
    GTEST_SKIP() << "needs root to drop to nobody";
  std::string a = Build("readonly", {"a"});
  SpawnOptions o;
  o.as_nobody = true;  // reads the inputs, but cannot write the root-owned
                       // index or its folder (755)
  o.err_path = Path("readonly.err");
  // nobody runs a copy of the binary with a copy of the data files: the
  // checkout may be private to root.
  testing_util::NobodyIndexer(*dir_ / "nobody");
  for (bool rebuild : {false, true}) {
    std::vector<std::string> args = Index(Path("readonly"), Path("b"), rebuild);
    args[0] = (*dir_ / "nobody" / "hpnews-index").string();
    args.insert(args.end(),
                {"--data-dir", (*dir_ / "nobody" / "data").string()});
    EXPECT_EQ(RunToEnd(args, o), 2) << ReadTestFile(Path("readonly.err"));
    std::string err = ReadTestFile(Path("readonly.err"));
    EXPECT_NE(err.find("cannot write the index: Permission denied"),
              std::string::npos)
        << err;
    EXPECT_EQ(Fingerprint(Path("readonly")), a);
  }
}

}  // namespace
}  // namespace hpnews
