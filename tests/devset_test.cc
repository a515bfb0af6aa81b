// The extraction dev set: ~30 real articles from ../shared/data labelled by
// hand (tests/devset/labels.json) with the people quoted and, where the
// text says, the outlet. Prints precision, recall and F1 and asserts a
// floor a little below what the rules reach, so regressions show. Also
// prints the throughput of ReadRawText + Extract over all BBC News files.
// Skipped when ../shared/data is absent.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/extract.h"
#include "common/raw_text.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(HPNEWS_SHARED_DIR) / "data";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fakehealth story: title + text, paragraphs split on newlines.
Article FromFakehealthJson(const std::string& text, const std::string& source) {
  nlohmann::json j = nlohmann::json::parse(text);
  Article a;
  a.id = fs::path(source).stem().string();
  a.source = source;
  a.title = j.value("title", "");
  if (j.contains("url") && j["url"].is_string())
    a.url = j["url"].get<std::string>();
  std::istringstream lines(j.value("text", ""));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos)
      a.paragraphs.push_back(line);
  }
  return a;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1 : double(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

class DevsetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kData / "bbc-news")) GTEST_SKIP() << kData << " is absent";
    Status status;
    extractor_ =
        Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
    ASSERT_NE(extractor_, nullptr) << status.ToString();
  }
  std::unique_ptr<Extractor> extractor_;
};

TEST_F(DevsetTest, SpeakersAndOutletsReachTheirFloor) {
  nlohmann::json labels = nlohmann::json::parse(
      ReadAll(fs::path(HPNEWS_SOURCE_DIR) / "tests/devset/labels.json"));
  Counts speakers;
  int outlet_labelled = 0, outlet_right = 0;
  for (const nlohmann::json& item : labels["articles"]) {
    fs::path path = kData / item["path"].get<std::string>();
    ASSERT_TRUE(fs::exists(path)) << path;
    std::string text = ReadAll(path);
    Article a = path.extension() == ".json"
                    ? FromFakehealthJson(text, path.string())
                    : ReadRawText(text, path.string());
    extractor_->Extract(&a, "");
    std::set<std::string> want, got(a.speakers.begin(), a.speakers.end());
    for (const auto& s : item["speakers"]) want.insert(s.get<std::string>());
    for (const std::string& s : got) {
      if (want.count(s)) {
        ++speakers.tp;
      } else {
        ++speakers.fp;
        std::printf("  %s: extra speaker \"%s\"\n",
                    item["path"].get<std::string>().c_str(), s.c_str());
      }
    }
    for (const std::string& s : want) {
      if (!got.count(s)) {
        ++speakers.fn;
        std::printf("  %s: missed speaker \"%s\"\n",
                    item["path"].get<std::string>().c_str(), s.c_str());
      }
    }
    if (item.contains("outlet")) {
      ++outlet_labelled;
      if (a.outlet == item["outlet"].get<std::string>()) {
        ++outlet_right;
      } else {
        std::printf("  %s: outlet \"%s\", want \"%s\"\n",
                    item["path"].get<std::string>().c_str(), a.outlet.c_str(),
                    item["outlet"].get<std::string>().c_str());
      }
    }
  }
  std::printf(
      "speakers: precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)\n",
      speakers.Precision(), speakers.Recall(), speakers.F1(), speakers.tp,
      speakers.fp, speakers.fn);
  std::printf("outlet: %d of %d labelled right\n", outlet_right,
              outlet_labelled);
  EXPECT_GE(speakers.F1(), 0.88);
  EXPECT_GE(speakers.Precision(), 0.90);
  EXPECT_EQ(outlet_right, outlet_labelled);
}

TEST_F(DevsetTest, ThroughputOverAllBbcNews) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry :
       fs::recursive_directory_iterator(kData / "bbc-news")) {
    if (entry.path().extension() == ".txt" &&
        entry.path().filename() != "README.TXT") {
      files.emplace_back(entry.path().string(), ReadAll(entry.path()));
    }
  }
  ASSERT_GT(files.size(), 2000u);
  std::size_t speakers = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& [path, text] : files) {
    Article a = ReadRawText(text, path);
    extractor_->Extract(&a, "");
    speakers += a.speakers.size();
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf(
      "extraction: %zu articles in %.3f s = %.0f articles/s on one core (%zu "
      "speakers)\n",
      files.size(), seconds, files.size() / seconds, speakers);
}

}  // namespace
}  // namespace hpnews
