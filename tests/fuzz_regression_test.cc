// Replays every fuzz seed and every input that once crashed a fuzz target
// (tests/fuzz/regressions/<target>/, added as the fuzzers find them) through
// the same code the fuzzers run, in the ordinary (and sanitizer) builds.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "tests/fuzz/fuzz_targets.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

void ReplayFolder(const std::string& target,
                  const std::function<void(const uint8_t*, size_t)>& run) {
  int replayed = 0;
  for (const char* kind : {"seeds", "regressions"}) {
    fs::path dir = fs::path(HPNEWS_SOURCE_DIR) / "tests/fuzz" / kind / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), {});
      SCOPED_TRACE(entry.path().string());
      run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 0) << "no seeds for " << target;
}

TEST(FuzzRegressionTest, ArticleXml) {
  ReplayFolder("article_xml", fuzz::ArticleXml);
}
TEST(FuzzRegressionTest, RawText) { ReplayFolder("raw_text", fuzz::RawText); }
TEST(FuzzRegressionTest, Query) { ReplayFolder("query", fuzz::Query); }

}  // namespace
}  // namespace hpnews
