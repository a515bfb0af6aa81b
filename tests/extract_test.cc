// End-to-end extraction on the seed articles: each raw page in corpus/raw,
// read with ReadRawText and run through Extractor::Extract, must give
// exactly the metadata written by hand in corpus/articles/<id>.xml.

#include "common/extract.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/article_xml.h"
#include "common/raw_text.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += (out.empty() ? "" : " | ") + x;
  return "{" + out + "}";
}

std::string Join(const std::multiset<std::string>& s) {
  return Join(std::set<std::string>(s.begin(), s.end())) +
         " n=" + std::to_string(s.size());
}

std::unique_ptr<Extractor> LoadExtractor() {
  Status status;
  auto extractor =
      Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return extractor;
}

std::vector<std::string> SeedIds() {
  std::vector<std::string> ids;
  for (const auto& entry :
       fs::directory_iterator(fs::path(HPNEWS_SOURCE_DIR) / "corpus/raw")) {
    if (entry.path().extension() == ".txt")
      ids.push_back(entry.path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(ExtractTest, LoadsTheCorpusDataFiles) {
  auto extractor = LoadExtractor();
  ASSERT_NE(extractor, nullptr);
}

TEST(ExtractTest, LoadFailsOnAMissingDirectory) {
  Status status;
  auto extractor = Extractor::Load("/nonexistent-hpnews-dir", &status);
  EXPECT_EQ(extractor, nullptr);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent-hpnews-dir/outlets.tsv"),
            std::string::npos)
      << status.message();
}

TEST(ExtractTest, LoadNamesTheFileAndLineOfABadEntry) {
  fs::path dir = fs::temp_directory_path() /
                 ("hpnews-extract-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(fs::path(HPNEWS_SOURCE_DIR) / "corpus/outlets.tsv",
                dir / "outlets.tsv", fs::copy_options::overwrite_existing);
  {
    std::ofstream out(dir / "topics.tsv");
    out << "# comment\nfunding\tlabel\tFunding\nfunding\theavy\tbudget\n";
  }
  Status status;
  auto extractor = Extractor::Load(dir.string(), &status);
  EXPECT_EQ(extractor, nullptr);
  EXPECT_EQ(status.message().rfind((dir / "topics.tsv").string() + ":3: ", 0),
            0u)
      << status.message();
  fs::remove_all(dir);
}

// offices.tsv is optional, but a bad line in it is named like the others'.
TEST(ExtractTest, LoadNamesTheLineOfABadOfficeHolder) {
  fs::path dir = fs::temp_directory_path() /
                 ("hpnews-extract-offices-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* name : {"outlets.tsv", "topics.tsv"})
    fs::copy_file(fs::path(HPNEWS_SOURCE_DIR) / "corpus" / name, dir / name,
                  fs::copy_options::overwrite_existing);
  Status status;
  EXPECT_NE(Extractor::Load(dir.string(), &status), nullptr)
      << status.ToString();
  {
    std::ofstream out(dir / "offices.tsv");
    out << "pm\tphrase\tprime minister\npm\tTony Blair\t1997-05-02\n";
  }
  EXPECT_EQ(Extractor::Load(dir.string(), &status), nullptr);
  EXPECT_EQ(status.message().rfind((dir / "offices.tsv").string() + ":2: ", 0),
            0u)
      << status.message();
  fs::remove_all(dir);
}

TEST(ExtractTest, DefaultDataDirHonoursTheEnvironment) {
  ::setenv("HPNEWS_DATA", "/some/where", 1);
  EXPECT_EQ(DefaultDataDir(), "/some/where");
  ::unsetenv("HPNEWS_DATA");
  EXPECT_EQ(fs::path(DefaultDataDir()), fs::path(HPNEWS_SOURCE_DIR) / "corpus");
}

TEST(ExtractTest, SeedsMatchTheirHandWrittenXml) {
  auto extractor = LoadExtractor();
  ASSERT_NE(extractor, nullptr);
  std::vector<std::string> ids = SeedIds();
  ASSERT_EQ(ids.size(), 5u);
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    fs::path raw = fs::path(HPNEWS_SOURCE_DIR) / "corpus/raw" / (id + ".txt");
    fs::path xml =
        fs::path(HPNEWS_SOURCE_DIR) / "corpus/articles" / (id + ".xml");
    std::vector<Article> truth;
    std::vector<ArticleError> errors;
    Status s = ParseArticleXml(ReadAll(xml), xml.string(), &truth, &errors);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(truth.size(), 1u);
    const Article& want = truth[0];

    Article got = ReadRawText(ReadAll(raw), raw.string());
    extractor->Extract(&got, "");

    EXPECT_EQ(got.id, want.id);
    EXPECT_EQ(got.title, want.title);
    EXPECT_EQ(got.date.has_value(), want.date.has_value());
    if (got.date && want.date) {
      EXPECT_EQ(got.date->Iso(), want.date->Iso());
    }
    EXPECT_EQ(got.outlet, want.outlet);
    std::set<std::string> got_speakers(got.speakers.begin(),
                                       got.speakers.end());
    std::set<std::string> want_speakers(want.speakers.begin(),
                                        want.speakers.end());
    EXPECT_EQ(Join(got_speakers), Join(want_speakers));
    std::set<std::string> got_topics(got.topics.begin(), got.topics.end());
    std::set<std::string> want_topics(want.topics.begin(), want.topics.end());
    EXPECT_EQ(Join(got_topics), Join(want_topics));
    // Quote speakers as multisets, and each quote's text and speaker.
    std::multiset<std::string> got_qs, want_qs;
    for (const Quote& q : got.quotes) got_qs.insert(q.speaker);
    for (const Quote& q : want.quotes) want_qs.insert(q.speaker);
    EXPECT_EQ(Join(got_qs), Join(want_qs));
    std::multiset<std::string> got_q, want_q;
    for (const Quote& q : got.quotes) got_q.insert(q.speaker + ": " + q.text);
    for (const Quote& q : want.quotes) want_q.insert(q.speaker + ": " + q.text);
    for (const std::string& q : want_q)
      EXPECT_EQ(got_q.count(q), 1u) << "missing quote " << q;
    for (const std::string& q : got_q)
      EXPECT_EQ(want_q.count(q), 1u) << "extra quote " << q;
    // Comments: how many, and by whom.
    ASSERT_EQ(got.comments.size(), want.comments.size());
    for (std::size_t i = 0; i < want.comments.size(); ++i) {
      EXPECT_EQ(got.comments[i].author, want.comments[i].author)
          << "comment " << i;
    }
  }
}

}  // namespace
}  // namespace hpnews
