// Searching across shards, end to end: one index of a corpus against the
// same articles indexed as two shards, searched as two -d paths, as a stub
// database of two `auto` lines, and as a stub of two remote shards served
// by stock xapian-tcpsrv on 127.0.0.1. Totals, hits (ids and weights),
// facet counts and timelines must be those of the single index. Xapian
// combines the statistics of its sub-databases, so weights are equal; only
// the order of hits of equal weight may differ (docids interleave).

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "common/schema.h"
#include "tests/test_files.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_util::ReadTestFile;
using Args = std::vector<std::string>;

const std::string kCorpus = std::string(HPNEWS_SOURCE_DIR) + "/corpus";

struct RunResult {
  int status = -1;
  std::string out, err;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The xapian-tcpsrv on PATH, or "" (the test is then skipped).
std::string FindTcpServer() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    fs::path candidate = fs::path(dir) / "xapian-tcpsrv";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

// A port nobody listens on now: the kernel's pick for port 0.
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  ::close(fd);
  return port;
}

bool Accepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

// One xapian-tcpsrv serving `db` on 127.0.0.1, stopped on destruction.
class TcpServer {
 public:
  TcpServer(const std::string& program, const std::string& db) {
    for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
      port_ = FreePort();
      std::string port = std::to_string(port_);
      std::vector<std::string> args = {
          program, "--port", port, "--interface", "127.0.0.1", "--quiet", db};
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      pid_t pid = ::fork();
      if (pid < 0) continue;
      if (pid == 0) {
        // In a process group of its own: on SIGTERM xapian-tcpsrv signals
        // its whole group (its forked connections), which must not be
        // ours. Ended with us even if this test is killed; its messages (a
        // probe connection closing, say) are not ours.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
      }
      ::setpgid(pid, pid);  // as the child does: whichever runs first
      // Up to 10 s for it to listen; a lost race for the port ends it.
      for (int wait = 0; wait < 200; ++wait) {
        if (Accepts(port_)) {
          pid_ = pid;
          break;
        }
        int status;
        if (::waitpid(pid, &status, WNOHANG) == pid) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (pid_ <= 0) {
        ::kill(-pid, SIGTERM);
        ::waitpid(pid, nullptr, 0);
      }
    }
  }
  ~TcpServer() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);  // the server and its connections
      ::waitpid(pid_, nullptr, 0);
    }
  }
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  bool running() const { return pid_ > 0; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  pid_t pid_ = -1;
  int port_ = -1;
};

// A small deterministic corpus in Article XML with everything the searcher
// counts and sorts on: several outlets (and none), several speakers and
// topics per article, dates over three years (and undated articles),
// quotes, and reprinted stories (the same body in another outlet) for
// --collapse. Even-numbered articles go to `a`, odd ones to `b`.
void WriteCorpus(const fs::path& a, const fs::path& b) {
  static const char* const kOutlets[] = {"Pulse", "Health Service Journal",
                                         "Management in Practice", "GP Online",
                                         ""};
  static const char* const kSpeakers[] = {"Mark Porter",    "Clare Gerada",
                                          "Andrew Lansley", "Andy Burnham",
                                          "Hamish Meldrum", "Chaand Nagpaul"};
  static const char* const kTopics[] = {
      "commissioning", "reorganisation", "integration",  "competition",
      "funding",       "workforce",      "primary-care", "public-health",
      "quality",       "regulation",     "politics"};
  static const char* const kSentences[] = {
      "Clinical commissioning groups will take over budgets from primary "
      "care trusts next April.",
      "The NHS reorganisation has cost more than the government admitted.",
      "GPs warn that the reforms are a gamble with patient care.",
      "Each CCG must publish its plans for integrated care.",
      "Hospitals face a funding squeeze as budgets flatline.",
      "Competition rules will open community services to private providers.",
      "The health secretary defended the pace of change in the NHS.",
      "Practices cannot recruit enough nurses, the survey found.",
      "Public health moves to local councils under the new act.",
      "The regulator will inspect every practice by the end of the year.",
      "Patients in rural areas wait longer for appointments.",
      "Social care and the NHS must pool budgets, the report said.",
      "The BMA council voted against the reforms again.",
      "Monitor will police competition between providers.",
      "A quality premium rewards CCGs that cut emergency admissions."};
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  std::string previous_body;
  for (int i = 0; i < 48; ++i) {
    std::ostringstream xml;
    xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<article id=\"gen-" << i << "\">\n";
    const char* outlet = kOutlets[next(5)];
    if (*outlet) {
      xml << "  <outlet>" << outlet << "</outlet>\n";
    } else {
      xml << "  <outlet/>\n";
    }
    if (i % 7 != 3) {
      char date[16];
      std::snprintf(date, sizeof date, "%04u-%02u-%02u", 2011 + next(3),
                    1 + next(12), 1 + next(28));
      xml << "  <date>" << date << "</date>\n";
    }
    xml << "  <title>" << kSentences[next(15)] << "</title>\n";
    xml << "  <speakers>";
    std::vector<std::string> speakers;
    for (uint32_t k = next(4); k > 0; --k) {
      std::string s = kSpeakers[next(6)];
      if (std::find(speakers.begin(), speakers.end(), s) == speakers.end())
        speakers.push_back(s);
    }
    for (const std::string& s : speakers)
      xml << "<speaker>" << s << "</speaker>";
    xml << "</speakers>\n  <topics>";
    std::vector<std::string> topics;
    for (uint32_t k = 1 + next(3); k > 0; --k) {
      std::string t = kTopics[next(11)];
      if (std::find(topics.begin(), topics.end(), t) == topics.end())
        topics.push_back(t);
    }
    for (const std::string& t : topics) xml << "<topic>" << t << "</topic>";
    xml << "</topics>\n  <quotes>";
    for (const std::string& s : speakers) {
      xml << "<quote speaker=\"" << s << "\">" << kSentences[next(15)]
          << "</quote>";
    }
    xml << "</quotes>\n";
    std::string body;
    if (i % 10 == 9) {
      body = previous_body;  // a reprint of the story before
    } else {
      for (uint32_t p = 2 + next(4); p > 0; --p) {
        body += "    <p>";
        for (uint32_t k = 2 + next(3); k > 0; --k) {
          body += kSentences[next(15)];
          body += ' ';
        }
        body += "Story " + std::to_string(i) + ".</p>\n";
      }
    }
    previous_body = body;
    xml << "  <body>\n" << body << "  </body>\n</article>\n";
    std::ofstream(((i % 2 == 0) ? a : b) /
                  ("gen-" + std::to_string(i) + ".xml"))
        << xml.str();
  }
}

class ShardsTest : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("remote_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "in-a");
    fs::create_directories(*dir_ / "in-b");
    WriteCorpus(*dir_ / "in-a", *dir_ / "in-b");
    // corpus/ (raw pages and their Article XML, same ids) goes whole into
    // shard a: an article must live in one shard only.
    const std::string a = (*dir_ / "in-a").string();
    const std::string b = (*dir_ / "in-b").string();
    index_errors_ = new std::string;
    for (const Args& args :
         {Args{"-o", Whole(), a, b, kCorpus}, Args{"-o", ShardA(), a, kCorpus},
          Args{"-o", ShardB(), b}}) {
      RunResult r = Exec(HPNEWS_INDEX_BIN, args);
      if (r.status != 0) *index_errors_ += r.err;
    }
    fs::create_directories(*dir_ / "local");
    std::ofstream(*dir_ / "local" / "XAPIANDB")
        << "# both shards, paths relative to this folder\n"
        << "auto ../a\n"
        << "auto " << ShardB() << "\n";
    tcpsrv_ = new std::string(FindTcpServer());
    if (!tcpsrv_->empty()) {
      server_a_ = new TcpServer(*tcpsrv_, ShardA());
      server_b_ = new TcpServer(*tcpsrv_, ShardB());
      std::ofstream(*dir_ / "remote.stub")
          << "remote " << server_a_->address() << "\n"
          << "remote " << server_b_->address() << "\n";
    }
  }
  static void TearDownTestSuite() {
    delete server_a_;
    delete server_b_;
    server_a_ = server_b_ = nullptr;
    fs::remove_all(*dir_);
    delete dir_;
    delete tcpsrv_;
    delete index_errors_;
  }

  void SetUp() override {
    ASSERT_TRUE(index_errors_->empty()) << *index_errors_;
  }

  static std::string Whole() { return (*dir_ / "whole").string(); }
  static std::string ShardA() { return (*dir_ / "a").string(); }
  static std::string ShardB() { return (*dir_ / "b").string(); }
  static std::string LocalStub() { return (*dir_ / "local").string(); }
  static std::string RemoteStub() { return (*dir_ / "remote.stub").string(); }

  // The ways of naming the two shards, as -d arguments.
  static std::vector<Args> Sharded(bool with_remote) {
    std::vector<Args> ways = {{"-d", ShardA(), "-d", ShardB()},
                              {"-d", LocalStub()}};
    if (with_remote) ways.push_back({"-d", RemoteStub()});
    return ways;
  }

  void RequireServers() {
    if (tcpsrv_->empty()) GTEST_SKIP() << "xapian-tcpsrv is not installed";
    ASSERT_TRUE(server_a_->running() && server_b_->running())
        << "xapian-tcpsrv did not start";
  }

  static RunResult Exec(const std::string& bin, const Args& args,
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

  static RunResult Search(const Args& where, const Args& args,
                          const std::string& input = "") {
    Args all = where;
    all.insert(all.end(), args.begin(), args.end());
    return Exec(HPNEWS_SEARCH_BIN, all, input);
  }

  static fs::path* dir_;
  static std::string* tcpsrv_;
  static std::string* index_errors_;
  static TcpServer* server_a_;
  static TcpServer* server_b_;
};

fs::path* ShardsTest::dir_ = nullptr;
std::string* ShardsTest::tcpsrv_ = nullptr;
std::string* ShardsTest::index_errors_ = nullptr;
TcpServer* ShardsTest::server_a_ = nullptr;
TcpServer* ShardsTest::server_b_ = nullptr;

// Hits in groups of equal sort key (date when sorted by date, and weight):
// the order within a group is the docids', which sharding changes.
std::vector<std::multiset<std::string>> HitGroups(const json& result,
                                                  bool by_date) {
  std::vector<std::multiset<std::string>> groups;
  std::string last_key;
  double last_score = NAN;
  for (const json& hit : result.at("hits")) {
    std::string key = by_date && !hit.at("date").is_null()
                          ? hit.at("date").get<std::string>()
                          : "";
    double score = hit.at("score").get<double>();
    bool same = !groups.empty() && key == last_key &&
                std::fabs(score - last_score) <= 1e-9 * std::fabs(score);
    if (!same) groups.emplace_back();
    groups.back().insert(hit.at("id").get<std::string>());
    last_key = key;
    last_score = score;
  }
  return groups;
}

// Compares one search's JSON from the shards with the single index's:
// `spelling` = whether did-you-mean must agree (remote shards lend no
// spelling data).
void ExpectSameResult(const json& whole, const json& sharded,
                      const std::string& what, bool spelling = true) {
  EXPECT_EQ(sharded.at("total"), whole.at("total")) << what;
  EXPECT_EQ(sharded.at("total_exact"), whole.at("total_exact")) << what;
  EXPECT_EQ(sharded.at("facets"), whole.at("facets")) << what;
  ASSERT_EQ(sharded.at("hits").size(), whole.at("hits").size()) << what;
  std::map<std::string, json> by_id;
  for (const json& hit : sharded.at("hits")) by_id[hit.at("id")] = hit;
  for (size_t i = 0; i < whole.at("hits").size(); ++i) {
    const json& w = whole.at("hits")[i];
    EXPECT_NEAR(sharded.at("hits")[i].at("score").get<double>(),
                w.at("score").get<double>(),
                1e-9 * std::fabs(w.at("score").get<double>()) + 1e-12)
        << what << " rank " << i + 1;
    EXPECT_EQ(sharded.at("hits")[i].at("rank"), w.at("rank")) << what;
    // What a hit carries besides its rank, compared by id: hits of equal
    // weight may come in another order.
    auto it = by_id.find(w.at("id"));
    if (it == by_id.end()) continue;  // HitGroups() below reports it
    const json& s = it->second;
    for (const char* key : {"duplicates", "also_in", "speakers", "topics"}) {
      if (w.contains(key)) {
        EXPECT_EQ(s.at(key), w.at(key)) << what << key;
      }
    }
    if (w.contains("recency_boost")) {
      EXPECT_NEAR(s.at("recency_boost").get<double>(),
                  w.at("recency_boost").get<double>(), 1e-9)
          << what;
    }
  }
  const bool by_date = whole.at("sort") != "relevance";
  EXPECT_EQ(HitGroups(sharded, by_date), HitGroups(whole, by_date)) << what;
  if (spelling) {
    EXPECT_EQ(sharded.at("did_you_mean"), whole.at("did_you_mean")) << what;
  }
  EXPECT_EQ(sharded.at("like"), whole.at("like")) << what;
}

const std::vector<std::string> kQueries = {
    "nhs",
    "commissioning",
    "\"clinical commissioning\"",
    // Phrases of common pairs: each shard learnt its own word pairs
    // (common/word_pairs.h), and only those all shards hold are used.
    "\"the health secretary\" OR \"the nhs\"",
    "ccg",  // a synonym: CCG = clinical commissioning group
    "reform*",
    "porter OR lansley",
    "nhs NOT funding",
    "speaker:porter",
    "topic:workforce OR topic:funding",
    "date:2012..2012",
    "outlet:hsj budgets",
    "quote:reforms",
    "NOT zzznothing",
};

const std::vector<Args> kOptions = {
    {},
    {"--sort", "date"},
    {"--sort", "-date"},
    {"--collapse"},
    {"--filter", "outlet:Pulse", "--filter", "outlet:GP Online"},
    {"--filter", "topic:commissioning", "--sort", "-date"},
    {"--from", "2012-03", "--to", "2013-06"},
    {"--recency", "180", "--now", "2014-01-01"},
    {"--quotes"},
    {"--default-op", "or"},
};

Args Facets() {
  return {"--format", "json",    "--limit",    "100",     "--facet-limit",
          "0",        "--facet", "outlet",     "--facet", "speaker",
          "--facet",  "topic",   "--facet",    "year",    "--facet",
          "month",    "--facet", "date:month", "--facet", "date:year"};
}

// --collapse on a search whose hits all weigh the same (a pure filter).
bool CollapsesTies(const Args& options, const json& result) {
  if (std::find(options.begin(), options.end(), "--collapse") == options.end())
    return false;
  for (const json& hit : result.at("hits")) {
    if (hit.at("score").get<double>() != 0) return false;
  }
  return true;
}

void CompareEverywhere(const std::vector<Args>& ways, bool remote) {
  for (const Args& options : kOptions) {
    for (const std::string& query : kQueries) {
      Args args = Facets();
      args.insert(args.end(), options.begin(), options.end());
      args.push_back("--");
      args.push_back(query);
      std::string what;
      for (const std::string& a : args) what += a + " ";
      RunResult whole = ShardsTest::Search({"-d", ShardsTest::Whole()}, args);
      ASSERT_LE(whole.status, 1) << what << whole.err;
      for (const Args& way : ways) {
        if (remote != (way.back() == ShardsTest::RemoteStub())) continue;
        RunResult sharded = ShardsTest::Search(way, args);
        ASSERT_EQ(sharded.status, whole.status)
            << way.back() << ": " << what << sharded.err;
        json w = json::parse(whole.out), s = json::parse(sharded.out);
        if (CollapsesTies(options, w)) {
          // Which of several copies of a story of equal weight stands for
          // it is up to docid order, which sharding changes.
          EXPECT_EQ(s.at("total"), w.at("total")) << what;
          EXPECT_EQ(s.at("hits").size(), w.at("hits").size()) << what;
          continue;
        }
        ExpectSameResult(w, s, way.back() + ": " + what, !remote);
      }
    }
  }
}

TEST_F(ShardsTest, LocalShardsGiveTheSingleIndexResults) {
  CompareEverywhere(Sharded(false), false);
}

TEST_F(ShardsTest, RemoteShardsGiveTheSingleIndexResults) {
  RequireServers();
  CompareEverywhere(Sharded(true), true);
}

TEST_F(ShardsTest, MoreLikeThisAndExplainAcrossShards) {
  RequireServers();
  for (const Args& options :
       {Args{"--like", "gen-4"}, Args{"--like", "gen-5", "nhs"},
        Args{"--explain", "commissioning"}}) {
    Args args = Facets();
    args.insert(args.end(), options.begin(), options.end());
    RunResult whole = Search({"-d", Whole()}, args);
    ASSERT_EQ(whole.status, 0) << whole.err;
    for (const Args& way : Sharded(true)) {
      RunResult sharded = Search(way, args);
      ASSERT_EQ(sharded.status, 0) << way.back() << sharded.err;
      json w = json::parse(whole.out), s = json::parse(sharded.out);
      ExpectSameResult(w, s, way.back() + " " + options[0], false);
      if (options[0] == "--explain") {
        for (size_t i = 0; i < w.at("hits").size(); ++i) {
          EXPECT_EQ(s.at("hits")[i].at("explain").size(),
                    w.at("hits")[i].at("explain").size());
        }
      }
    }
  }
}

TEST_F(ShardsTest, PagesOfDateOrderAcrossRemoteShards) {
  RequireServers();
  // Oldest first on remote shards is two matches (dated, then undated):
  // every page must be the slice of the whole list, across the seam too.
  Args base = {"--format", "json", "--sort", "date", "nhs"};
  Args all_args = base;
  all_args.insert(all_args.end(), {"--limit", "100"});
  RunResult whole = Search({"-d", Whole()}, all_args);
  RunResult all = Search({"-d", RemoteStub()}, all_args);
  ASSERT_EQ(all.status, 0) << all.err;
  ExpectSameResult(json::parse(whole.out), json::parse(all.out), "all", false);
  json list = json::parse(all.out).at("hits");
  ASSERT_GT(list.size(), 10u);
  for (size_t offset = 0; offset < list.size(); offset += 4) {
    Args page = base;
    page.insert(page.end(),
                {"--limit", "4", "--offset", std::to_string(offset)});
    RunResult r = Search({"-d", RemoteStub()}, page);
    ASSERT_EQ(r.status, 0) << r.err;
    json hits = json::parse(r.out).at("hits");
    for (size_t i = 0; i < hits.size(); ++i) {
      EXPECT_EQ(hits[i].at("id"), list[offset + i].at("id"))
          << "offset " << offset;
      EXPECT_EQ(hits[i].at("rank"), offset + i + 1);
    }
    EXPECT_EQ(hits.size(), std::min<size_t>(4, list.size() - offset));
  }
}

TEST_F(ShardsTest, TimelinesAcrossShardsAreTheSingleIndexOnes) {
  RequireServers();
  for (const Args& plot :
       {Args{}, Args{"--plot-by", "outlet"}, Args{"--plot-by", "speaker"},
        Args{"--plot-by", "topic", "--facet", "date:year"}}) {
    std::string what;
    for (const std::string& a : plot) what += a + " ";
    auto svg_of = [&](const Args& where, const std::string& name) {
      Args args = {"--plot", (*dir_ / name).string()};
      args.insert(args.end(), plot.begin(), plot.end());
      args.push_back("nhs");
      RunResult r = Search(where, args);
      EXPECT_EQ(r.status, 0) << what << r.err;
      return ReadTestFile(*dir_ / name);
    };
    std::string whole = svg_of({"-d", Whole()}, "whole.svg");
    ASSERT_NE(whole.find("<svg"), std::string::npos) << what;
    for (const Args& way : Sharded(true)) {
      EXPECT_EQ(svg_of(way, "sharded.svg"), whole) << way.back() << " " << what;
    }
  }
}

TEST_F(ShardsTest, BatchAcrossRemoteShardsWithTwoJobs) {
  RequireServers();
  std::string input;
  for (const std::string& q : kQueries) input += q + "\n";
  input += "nhs AND\n";  // an error line: the batch goes on
  // All the hits: a page boundary inside hits of equal weight (a pure
  // filter) would cut them in docid order.
  Args args = {"--limit", "100",       "--facet", "speaker", "--facet", "topic",
               "--facet", "date:year", "--jobs",  "2",       "--batch", "-"};
  RunResult whole = Search({"-d", Whole()}, args, input);
  RunResult remote = Search({"-d", RemoteStub()}, args, input);
  EXPECT_EQ(remote.status, whole.status) << remote.err;
  std::istringstream w(whole.out), r(remote.out);
  std::string wl, rl;
  size_t lines = 0;
  while (std::getline(w, wl) && std::getline(r, rl)) {
    ++lines;
    json wj = json::parse(wl), rj = json::parse(rl);
    EXPECT_EQ(rj.at("line"), wj.at("line"));
    if (wj.contains("error")) {
      EXPECT_EQ(rj.at("error"), wj.at("error"));
      continue;
    }
    ExpectSameResult(wj, rj, "batch line " + std::to_string(lines), false);
  }
  EXPECT_EQ(lines, kQueries.size() + 1);
}

TEST_F(ShardsTest, JsonNamesTheShards) {
  RequireServers();
  for (const Args& way : Sharded(true)) {
    RunResult r = Search(way, {"--format", "json", "nhs"});
    ASSERT_EQ(r.status, 0) << r.err;
    json index = json::parse(r.out).at("index");
    EXPECT_EQ(index.at("shards"), 2) << way.back();
    EXPECT_TRUE(index.at("revision").is_null()) << way.back();
  }
  RunResult one = Search({"-d", Whole()}, {"--format", "json", "nhs"});
  EXPECT_EQ(json::parse(one.out).at("index").at("shards"), 1);
  EXPECT_EQ(json::parse(one.out).at("index").at("revision"),
            Xapian::Database(Whole()).get_revision());
}

TEST_F(ShardsTest, WhatCannotBeExactRemotelyIsRefused) {
  RequireServers();
  RunResult r =
      Search({"-d", RemoteStub()}, {"--sort", "date", "--collapse", "nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--collapse needs every shard local"), std::string::npos)
      << r.err;
  // Locally the same search runs.
  EXPECT_EQ(Search({"-d", LocalStub()}, {"--sort", "date", "--collapse", "nhs"})
                .status,
            0);
}

TEST_F(ShardsTest, UnreachableRemoteIsOneLineNamingIt) {
  RequireServers();
  const int dead = FreePort();
  fs::path stub = *dir_ / "dead.stub";
  std::ofstream(stub) << "remote " << server_a_->address() << "\n"
                      << "remote 127.0.0.1:" << dead << "\n";
  RunResult r = Search({"-d", stub.string()}, {"nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.find("hpnews-search: remote 127.0.0.1:" +
                       std::to_string(dead) + " (" + stub.string() + ":2): "),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // The same in batch mode: nothing read, exit 2.
  RunResult batch = Search({"-d", stub.string()}, {"--batch", "-"}, "nhs\n");
  EXPECT_EQ(batch.status, 2);
  EXPECT_EQ(batch.out, "");
}

TEST_F(ShardsTest, RemoteThatIsNoHpnewsIndexIsRefused) {
  RequireServers();
  const std::string plain = (*dir_ / "plain").string();
  {
    Xapian::WritableDatabase db(plain, Xapian::DB_CREATE_OR_OVERWRITE);
    db.add_document(Xapian::Document());
    db.commit();
  }
  TcpServer server(*tcpsrv_, plain);
  ASSERT_TRUE(server.running());
  fs::path stub = *dir_ / "plain.stub";
  std::ofstream(stub) << "remote " << server.address() << "\n";
  RunResult r = Search({"-d", stub.string()}, {"nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("remote " + server.address()), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("not an hpnews index"), std::string::npos) << r.err;
}

TEST_F(ShardsTest, LocalErrorsNameThePath) {
  const std::string missing = (*dir_ / "missing").string();
  RunResult r = Search({"-d", ShardA(), "-d", missing}, {"nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "hpnews-search: no index at " + missing + "\n");

  fs::path bad = *dir_ / "bad.stub";
  std::ofstream(bad) << "auto " << ShardA() << "\nshard b please\n";
  r = Search({"-d", bad.string()}, {"nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(bad.string() + ":2: bad stub line"), std::string::npos)
      << r.err;

  fs::path empty = *dir_ / "empty.stub";
  std::ofstream(empty) << "# no shards yet\n";
  r = Search({"-d", empty.string()}, {"nhs"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("lists no databases"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hpnews
