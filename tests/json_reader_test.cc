// JSON and JSON Lines articles (common/json_reader.h).

#include "common/json_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

std::string Fixture(const std::string& name) {
  return ReadTestFile(std::string(HPNEWS_TEST_DATA) + "/formats/" + name);
}

class JsonReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        OutletMap::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus/hosts.tsv",
                        &outlets_)
            .ok());
    context_.outlets = &outlets_;
  }
  OutletMap outlets_;
  ReaderContext context_;
  std::vector<Status> errors_, warnings_;
};

TEST_F(JsonReaderTest, FakeHealthLayout) {
  std::vector<Article> a;
  ASSERT_TRUE(ReadJsonArticles(Fixture("fakehealth.json"), "f.json", context_,
                               &a, &errors_, &warnings_)
                  .ok());
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(
      a[0].id,
      "reuters.com/article/us-health-obesity/story-id");  // through the archive
                                                          // wrapper
  EXPECT_EQ(a[0].outlet, "Reuters");  // the host, not og:site_name "U.S."
  EXPECT_EQ(a[0].date->Iso(), "2011-12-08");
  EXPECT_EQ(a[0].byline, "Kate Kelland");
  EXPECT_EQ(a[0].paragraphs.size(), 3u);
  EXPECT_EQ(a[0].format, SourceFormat::kJson);
  EXPECT_TRUE(a[0].given.outlet && a[0].given.date && a[0].given.byline &&
              a[0].given.title);
  EXPECT_FALSE(a[0].given.topics);
}

TEST_F(JsonReaderTest, JsonLinesGenericShapeAndBadLines) {
  std::vector<Article> a;
  ASSERT_TRUE(ReadJsonArticles(Fixture("lines.jsonl"), "l.jsonl", context_, &a,
                               &errors_, &warnings_)
                  .ok());
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].id, "gen-1");
  EXPECT_EQ(a[0].outlet, "BBC News");
  EXPECT_EQ(a[0].date->Iso(), "2014-05-06");
  EXPECT_EQ(a[0].byline, "Nick Triggle");
  EXPECT_EQ(a[0].topics, std::vector<std::string>{"workforce"});
  EXPECT_EQ(a[0].keywords, std::vector<std::string>{"Brexit"});
  EXPECT_EQ(a[0].paragraphs, (std::vector<std::string>{"First paragraph.",
                                                       "Second paragraph."}));
  EXPECT_EQ(a[1].outlet, "Health Service Journal");
  EXPECT_EQ(a[1].date->Iso(), "2014-05-07");  // epoch milliseconds
  EXPECT_EQ(a[1].paragraphs,
            (std::vector<std::string>{"One.", "Two & three."}));
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].line(), 3) << errors_[0].ToString();
  EXPECT_EQ(errors_[1].line(), 5) << errors_[1].ToString();
}

TEST_F(JsonReaderTest, BrokenJsonSaysWhere) {
  std::vector<Article> a;
  Status s = ReadJsonArticles("{\"title\": \"x\",\n \"text\": }", "b.json",
                              context_, &a, &errors_, &warnings_);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 2) << s.ToString();
}

TEST(JsonReaderSharedDataTest, EveryFakeHealthFileIsRead) {
  namespace fs = std::filesystem;
  std::string dir =
      std::string(HPNEWS_SHARED_DIR) + "/data/fakehealth/dataset/content";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  OutletMap outlets;
  ASSERT_TRUE(
      OutletMap::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus/hosts.tsv",
                      &outlets)
          .ok());
  ReaderContext context{&outlets};
  size_t files = 0, with_outlet = 0, with_date = 0, articles = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    ++files;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::vector<Article> a;
    std::vector<Status> errors, warnings;
    Status st = ReadJsonArticles(s.str(), e.path().string(), context, &a,
                                 &errors, &warnings);
    ASSERT_TRUE(st.ok()) << e.path() << ": " << st.ToString();
    for (const Article& x : a) {
      ++articles;
      with_outlet += !x.outlet.empty();
      with_date += x.date.has_value();
      EXPECT_EQ(x.id.find("web.archive.org"), std::string::npos) << e.path();
    }
  }
  EXPECT_GT(files, 2000u);
  EXPECT_GT(articles, files * 95 / 100);
  EXPECT_GT(with_outlet, articles * 9 / 10)
      << with_outlet << " of " << articles;
  EXPECT_GT(with_date, articles * 6 / 10) << with_date << " of " << articles;
}

}  // namespace
}  // namespace hpnews
