// hpnews-index as a library: walking inputs, updating by id, rebuilding
// atomically, and carrying on past bad input. Indexes live in a temporary
// folder per test.

#include "indexer/indexer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "common/document.h"
#include "common/index_db.h"
#include "common/schema.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

const std::string kData = std::string(HPNEWS_TEST_DATA) + "/indexer";

class IndexerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("indexer_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Status status;
    extractor_ =
        Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
    ASSERT_TRUE(extractor_) << status.ToString();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the indexer over `inputs` into dir_/index; returns its Status.
  Status Index(std::vector<std::string> inputs, bool rebuild = false) {
    IndexOptions options;
    options.index_path = (dir_ / "index").string();
    options.inputs = std::move(inputs);
    options.rebuild = rebuild;
    options.jobs = 2;
    problems_.clear();
    return RunIndexer(
        options, *extractor_,
        [this](const std::string& l) { problems_.push_back(l); }, &summary_);
  }

  Xapian::Database Open() {
    Xapian::Database db;
    Status s = OpenIndex((dir_ / "index").string(), &db);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return db;
  }

  std::string Problems() const {
    std::string all;
    for (const std::string& p : problems_) all += p + "\n";
    return all;
  }

  fs::path dir_;
  std::unique_ptr<Extractor> extractor_;
  IndexSummary summary_;
  std::vector<std::string> problems_;
};

TEST_F(IndexerTest, IndexesGoodFilesAndReportsBadOnesWithLocation) {
  ASSERT_TRUE(Index({kData}).ok());
  EXPECT_EQ(summary_.files_found, 4u);
  EXPECT_EQ(summary_.files_read, 2u);
  EXPECT_EQ(summary_.files_skipped, 2u);
  EXPECT_TRUE(summary_.HadBadInput());
  EXPECT_EQ(ArticleCount(Open()), 3u);
  EXPECT_NE(Problems().find(kData + "/malformed.xml:4:"), std::string::npos)
      << Problems();
  EXPECT_NE(Problems().find(kData + "/empty.txt: empty file"),
            std::string::npos)
      << Problems();
}

TEST_F(IndexerTest, RerunLeavesIndexUnchanged) {
  ASSERT_TRUE(Index({kData + "/two_articles.xml", kData + "/page.txt"}).ok());
  Xapian::Database db = Open();
  ASSERT_EQ(ArticleCount(db), 3u);
  Xapian::docid last = db.get_lastdocid();

  ASSERT_TRUE(Index({kData + "/two_articles.xml", kData + "/page.txt"}).ok());
  EXPECT_EQ(summary_.articles_unchanged, 3u);
  EXPECT_EQ(summary_.articles_added + summary_.articles_replaced, 0u);
  db = Open();
  EXPECT_EQ(ArticleCount(db), 3u);
  EXPECT_EQ(db.get_lastdocid(), last) << "nothing was rewritten";
}

TEST_F(IndexerTest, ChangedFileReplacesItsArticle) {
  fs::path page = dir_ / "winter-beds-story.txt";
  std::ofstream(page) << "Old headline\n\nOld body text about beds.\n";
  ASSERT_TRUE(Index({page.string()}).ok());
  std::ofstream(page) << "New headline\n\nNew body text about beds.\n";
  ASSERT_TRUE(Index({page.string()}).ok());
  EXPECT_EQ(summary_.articles_replaced, 1u);
  Xapian::Database db = Open();
  ASSERT_EQ(ArticleCount(db), 1u);
  Xapian::PostingIterator p = db.postlist_begin(IdTerm("winter-beds-story"));
  ASSERT_NE(p, db.postlist_end(IdTerm("winter-beds-story")));
  EXPECT_EQ(ParseDocumentData(db.get_document(*p).get_data()).title,
            "New headline");
}

// The writer sums spelling changes and writes them at commit: a replaced
// article's words must still leave the dictionary, and words shared by the
// old and new text keep the new text's frequency only.
// The frequency of `word` in the spelling dictionary of `db` (0 if absent).
Xapian::doccount SpellingFrequency(const Xapian::Database& db,
                                   const std::string& word) {
  for (Xapian::TermIterator t = db.spellings_begin(); t != db.spellings_end();
       ++t) {
    if (*t == word) return t.get_termfreq();
  }
  return 0;
}

TEST_F(IndexerTest, ReplacedArticleLeavesSpellingFrequenciesOfTheNewText) {
  fs::path page = dir_ / "spelling-story.txt";
  std::ofstream(page) << "Old headline\n\nOld body text about beds.\n";
  ASSERT_TRUE(Index({page.string()}).ok());
  EXPECT_GT(SpellingFrequency(Open(), "old"), 0u);
  std::ofstream(page) << "New headline\n\nNew body text about beds.\n";
  ASSERT_TRUE(Index({page.string()}).ok());
  ASSERT_EQ(summary_.articles_replaced, 1u);
  Xapian::Database db = Open();
  EXPECT_EQ(SpellingFrequency(db, "old"), 0u);
  EXPECT_GT(SpellingFrequency(db, "new"), 0u);
  // "beds" is in the body once and nowhere else: a frequency of 1, not 2.
  EXPECT_EQ(SpellingFrequency(db, "beds"), 1u);
}

TEST_F(IndexerTest, ArticleXmlWinsOverRawPageOfSameIdInEitherOrder) {
  fs::path raw = dir_ / "same-story-id.txt";
  fs::path xml = dir_ / "same-story-id.xml";
  std::ofstream(raw) << "Raw headline\n\nRaw body.\n";
  std::ofstream(xml) << "<article id=\"same-story-id\"><title>Edited "
                        "headline</title><body><p>Edited "
                        "body.</p></body></article>";
  for (auto order : {std::vector<std::string>{raw.string(), xml.string()},
                     std::vector<std::string>{xml.string(), raw.string()}}) {
    fs::remove_all(dir_ / "index");
    ASSERT_TRUE(Index(order).ok());
    Xapian::Database db = Open();
    EXPECT_EQ(ArticleCount(db), 1u) << order[0];
    EXPECT_EQ(summary_.articles_superseded, 1u) << order[0];
    EXPECT_EQ(ParseDocumentData(
                  db.get_document(*db.postlist_begin(IdTerm("same-story-id")))
                      .get_data())
                  .title,
              "Edited headline")
        << order[0];
  }
}

TEST_F(IndexerTest, RebuildSwapsInAFreshIndexAndLeavesNothingBehind) {
  ASSERT_TRUE(Index({kData + "/two_articles.xml", kData + "/page.txt"}).ok());
  ASSERT_TRUE(Index({kData + "/page.txt"}, /*rebuild=*/true).ok());
  EXPECT_EQ(ArticleCount(Open()), 1u)
      << "articles not in the rebuild's inputs are gone";
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename(), "index")
        << "left behind: " << entry.path();
  }
}

TEST_F(IndexerTest, StaleRebuildFolderIsCleanedAndOldIndexStillOpens) {
  ASSERT_TRUE(Index({kData + "/two_articles.xml"}).ok());
  // What a rebuild killed midway leaves: a half-written folder beside.
  fs::create_directories(dir_ / "index.rebuild-999999");
  std::ofstream(dir_ / "index.rebuild-999999" / "junk") << "partial";
  EXPECT_EQ(ArticleCount(Open()), 2u) << "the old index is untouched";
  ASSERT_TRUE(Index({kData + "/two_articles.xml"}, /*rebuild=*/true).ok());
  EXPECT_FALSE(fs::exists(dir_ / "index.rebuild-999999"));
}

TEST_F(IndexerTest, SecondWriterFailsFast) {
  ASSERT_TRUE(Index({kData + "/page.txt"}).ok());
  Xapian::WritableDatabase holder((dir_ / "index").string(), Xapian::DB_OPEN);
  Status s = Index({kData + "/two_articles.xml"});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("locked"), std::string::npos) << s.ToString();
  s = Index({kData + "/two_articles.xml"}, /*rebuild=*/true);
  EXPECT_NE(s.message().find("locked"), std::string::npos) << s.ToString();
}

TEST_F(IndexerTest, RefusesAFolderThatIsNotAnIndex) {
  fs::create_directories(dir_ / "index");
  std::ofstream(dir_ / "index" / "notes.txt") << "my notes";
  Status s = Index({kData + "/page.txt"});
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not an index"), std::string::npos)
      << s.ToString();
  EXPECT_TRUE(fs::exists(dir_ / "index" / "notes.txt"));
}

TEST_F(IndexerTest, RefusesAnIndexOfAnotherSchemaVersion) {
  ASSERT_TRUE(Index({kData + "/page.txt"}).ok());
  {
    Xapian::WritableDatabase db((dir_ / "index").string(), Xapian::DB_OPEN);
    db.set_metadata(schema::kSchemaVersionKey, "0");
    db.commit();
  }
  Status s = Index({kData + "/page.txt"});
  EXPECT_NE(s.message().find("schema version 0"), std::string::npos)
      << s.ToString();
  EXPECT_TRUE(Index({kData + "/page.txt"}, /*rebuild=*/true).ok())
      << "a rebuild is the way out";
  EXPECT_EQ(Open().get_metadata(schema::kSchemaVersionKey),
            schema::kSchemaVersion);
}

TEST_F(IndexerTest, SymlinkLoopIsReportedNotFollowedForever) {
  fs::create_directories(dir_ / "in" / "sub");
  fs::copy_file(kData + "/page.txt", dir_ / "in" / "sub" / "page.txt");
  fs::create_directory_symlink("..", dir_ / "in" / "sub" / "loop");
  std::vector<std::string> files = CollectInputFiles(
      {(dir_ / "in").string()},
      [this](const std::string& l) { problems_.push_back(l); });
  EXPECT_EQ(files.size(), 1u);
  EXPECT_NE(Problems().find("already visited"), std::string::npos)
      << Problems();
}

}  // namespace
}  // namespace hpnews
