// End to end: a folder mixing NITF, NewsML-G2, RSS, Atom, RDF, JSON and
// JSON Lines (in several encodings) indexed into one index by the real
// hpnews-index, then faceted searches across them by hpnews-search.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  *status = pclose(p);
  return out;
}

class FormatsE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    index_ = fs::temp_directory_path() /
             ("hpnews_formats_e2e_" + std::to_string(::getpid()));
    fs::remove_all(index_);
    int status;
    std::string cmd = std::string(HPNEWS_INDEX_BIN) + " -q --rebuild -o " +
                      index_.string() + " " + HPNEWS_TEST_DATA +
                      "/formats/*.* 2>/dev/null";
    RunCommand(cmd, &status);
  }
  static void TearDownTestSuite() { fs::remove_all(index_); }

  nlohmann::json Search(const std::string& args) {
    int status;
    std::string out = RunCommand(
        std::string(HPNEWS_SEARCH_BIN) + " -d " + index_.string() +
            " --format json --facet outlet --facet topic --facet year " + args,
        &status);
    return nlohmann::json::parse(out, nullptr, false);
  }
  static fs::path index_;
};

fs::path FormatsE2eTest::index_;

std::map<std::string, int> Facet(const nlohmann::json& r,
                                 const std::string& name) {
  std::map<std::string, int> out;
  for (const auto& v : r["facets"][name])
    out[v["value"].get<std::string>()] = v["count"].get<int>();
  return out;
}

TEST_F(FormatsE2eTest, OutletFacetSpansEveryFormat) {
  nlohmann::json r = Search(
      "--limit 0 --default-op or nhs health care pay savings obesity funding "
      "generic");
  ASSERT_FALSE(r.is_discarded());
  std::map<std::string, int> outlets = Facet(r, "outlet");
  // NITF, NewsML-G2, RSS (UTF-16, Windows-1252), Atom, RDF, JSON, JSONL.
  for (const char* o :
       {"PA Media", "Reuters", "Health Policy Insight", "Nursing Times",
        "The Guardian", "The King's Fund", "BBC News"}) {
    EXPECT_GT(outlets[o], 0) << o << " in " << r["facets"].dump();
  }
}

TEST_F(FormatsE2eTest, FiltersByTopicAndOutletAcrossFormats) {
  nlohmann::json r = Search(
      "--filter topic:reorganisation --default-op or lansley bill reforms");
  ASSERT_FALSE(r.is_discarded());
  std::set<std::string> sources;
  for (const auto& h : r["hits"])
    sources.insert(
        fs::path(h["source"].get<std::string>()).filename().string());
  EXPECT_TRUE(sources.count("nitf.xml")) << r.dump();
  EXPECT_TRUE(sources.count("newsml.xml")) << r.dump();

  r = Search("--filter outlet:Reuters obesity");
  ASSERT_FALSE(r.is_discarded());
  ASSERT_EQ(r["hits"].size(), 1u) << r.dump();
  EXPECT_EQ(r["hits"][0]["date"], "2011-12-08");
}

TEST_F(FormatsE2eTest, ReindexingTheSameFeedsAddsNothing) {
  int status;
  std::string out =
      RunCommand(std::string(HPNEWS_INDEX_BIN) + " -o " + index_.string() +
                     " " + HPNEWS_TEST_DATA + "/formats/rss2.rss " +
                     HPNEWS_TEST_DATA + "/formats/atom.atom 2>&1",
                 &status);
  EXPECT_NE(out.find("0 new"), std::string::npos) << out;
}

}  // namespace
