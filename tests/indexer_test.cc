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
#include <random>

#include "common/data_codec.h"
#include "common/document.h"
#include "common/index_db.h"
#include "common/schema.h"
#include "common/word_pairs.h"
#include "tests/synthetic_corpus.h"

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
    options.inputs = std::move(inputs);
    options.rebuild = rebuild;
    return IndexWith(options);
  }
  // The same with all options; index_path defaults to dir_/index, jobs to 2.
  Status IndexWith(IndexOptions options) {
    if (options.index_path.empty())
      options.index_path = (dir_ / "index").string();
    if (options.jobs == 0) options.jobs = 2;
    problems_.clear();
    return RunIndexer(
        options, *extractor_,
        [this](const std::string& l) { problems_.push_back(l); }, &summary_);
  }
  Status IndexSharded(std::vector<std::string> inputs, std::size_t shards,
                      bool rebuild = false) {
    IndexOptions options;
    options.inputs = std::move(inputs);
    options.shards = shards;
    options.rebuild = rebuild;
    return IndexWith(options);
  }

  Xapian::Database Open(const std::string& name = "index") {
    Xapian::Database db;
    Status s = OpenIndex((dir_ / name).string(), &db);
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
  EXPECT_EQ(ParseDocument(db.get_document(*p), DataCodec::ForDatabase(db).get())
                .title,
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
    EXPECT_EQ(ParseDocument(
                  db.get_document(*db.postlist_begin(IdTerm("same-story-id"))),
                  DataCodec::ForDatabase(db).get())
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

TEST_F(IndexerTest, TrailingSlashBuildsBesideNotInside) {
  for (bool rebuild : {false, true}) {
    IndexOptions options;
    options.index_path = (dir_ / "index").string() + "/";
    options.inputs = {kData + "/page.txt"};
    options.rebuild = rebuild;
    ASSERT_TRUE(IndexWith(options).ok()) << rebuild;
    EXPECT_EQ(ArticleCount(Open()), 1u);
    for (const auto& entry : fs::directory_iterator(dir_ / "index"))
      EXPECT_EQ(entry.path().filename().string().find("rebuild"),
                std::string::npos)
          << entry.path();
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

// Every document of `db` as "id/type=digest", sorted, with the counts:
// two indexes with the same fingerprint answer every query alike.
std::string Fingerprint(const Xapian::Database& db) {
  const std::unique_ptr<DataCodec> codec = DataCodec::ForDatabase(db);
  std::vector<std::string> rows;
  for (Xapian::PostingIterator p = db.postlist_begin("");
       p != db.postlist_end(""); ++p) {
    Xapian::Document doc = db.get_document(*p);
    StoredArticle stored = ParseDocument(doc, codec.get());
    rows.push_back(stored.id + (stored.is_quote ? "/quote" : "/article") +
                   std::to_string(stored.quote_index) + "=" +
                   doc.get_value(schema::kDigestSlot));
  }
  std::sort(rows.begin(), rows.end());
  std::string all = std::to_string(db.get_doccount()) + " docs, " +
                    std::to_string(ArticleCount(db)) + " articles:";
  for (const std::string& r : rows) all += " " + r;
  return all;
}

// The spelling dictionary of `db`, "word:frequency" sorted.
std::string Spellings(const Xapian::Database& db) {
  std::string all;
  for (Xapian::TermIterator t = db.spellings_begin(); t != db.spellings_end();
       ++t) {
    all += *t + ":" + std::to_string(t.get_termfreq()) + " ";
  }
  return all;
}

// A new index (and a rebuild) is written by several threads into parts
// merged at the end: the result must not depend on how many.
TEST_F(IndexerTest, ParallelBuildEqualsOneWriter) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 4, 30, "doc", 1);
  IndexOptions one;
  one.inputs = {(dir_ / "in").string(), kData};
  one.index_path = (dir_ / "one").string();
  one.jobs = 1;
  IndexOptions three = one;
  three.index_path = (dir_ / "three").string();
  three.jobs = 3;
  ASSERT_TRUE(IndexWith(one).ok());
  IndexSummary summary_one = summary_;
  ASSERT_TRUE(IndexWith(three).ok());
  EXPECT_EQ(summary_.articles_added, summary_one.articles_added);
  EXPECT_EQ(summary_.index_documents, 123u);
  EXPECT_EQ(summary_.index_documents, summary_one.index_documents);
  EXPECT_EQ(summary_.index_quotes, summary_one.index_quotes);
  Xapian::Database a = Open("one"), b = Open("three");
  EXPECT_EQ(Fingerprint(b), Fingerprint(a));
  EXPECT_EQ(Spellings(b), Spellings(a));
  EXPECT_FALSE(Spellings(a).empty());
  EXPECT_EQ(b.get_metadata(schema::kSchemaVersionKey), schema::kSchemaVersion);
  EXPECT_FALSE(b.get_metadata(schema::kOutletsKey).empty());
  EXPECT_NE(b.synonym_keys_begin(), b.synonym_keys_end());
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".rebuild-"),
              std::string::npos)
        << "left behind: " << entry.path();
  }
}

// Every term with its frequency: what rankings are computed from.
std::string TermStats(const Xapian::Database& db) {
  std::string all = std::to_string(db.get_total_length()) + ":";
  for (Xapian::TermIterator t = db.allterms_begin(); t != db.allterms_end();
       ++t) {
    all += " " + *t + "=" + std::to_string(t.get_termfreq()) + "/" +
           std::to_string(db.get_collection_freq(*t));
  }
  return all;
}

// A fresh build's writers start a new part every part_mb of documents and
// merge them all at the end: the index is the one a single part gives,
// with ids given again later in the run (after their first copy's part was
// finished) replaced as anywhere else.
TEST_F(IndexerTest, ManyPartsGiveTheSameIndexAsOne) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 4, 400, "doc", 1);
  // doc-0 .. doc-399 again, changed: read after the rest.
  testing_util::WriteSyntheticCorpus(dir_ / "zz-again", 1, 400, "doc", 2);
  // doc-0 .. doc-199 a third time: the newest copy is the one replaced.
  testing_util::WriteSyntheticCorpus(dir_ / "zzz-third", 1, 200, "doc", 3);
  IndexOptions many;
  many.inputs = {(dir_ / "in").string(), kData, (dir_ / "zz-again").string(),
                 (dir_ / "zzz-third").string()};
  many.index_path = (dir_ / "many").string();
  many.part_mb = 1;
  IndexOptions one = many;
  one.index_path = (dir_ / "one").string();
  one.part_mb = 1024;
  ASSERT_TRUE(IndexWith(one).ok()) << Problems();
  const IndexSummary summary_one = summary_;
  EXPECT_EQ(summary_one.parts_written, 2u) << "one part per writer";
  ASSERT_TRUE(IndexWith(many).ok()) << Problems();
  EXPECT_GE(summary_.parts_written, 4u) << "1 MB parts of about 3 MB";
  EXPECT_EQ(summary_.articles_replaced, 600u);
  EXPECT_EQ(summary_one.articles_replaced, 600u);
  EXPECT_EQ(summary_.articles_indexed, summary_one.articles_indexed);
  EXPECT_EQ(summary_.index_documents, 1603u);
  EXPECT_EQ(summary_.index_documents, summary_one.index_documents);
  EXPECT_EQ(summary_.index_quotes, summary_one.index_quotes);
  Xapian::Database a = Open("one"), b = Open("many");
  EXPECT_EQ(Fingerprint(b), Fingerprint(a));
  EXPECT_EQ(Spellings(b), Spellings(a));
  EXPECT_EQ(TermStats(b), TermStats(a));
  EXPECT_EQ(b.get_metadata(schema::kDataDictionaryKey),
            a.get_metadata(schema::kDataDictionaryKey));
  EXPECT_FALSE(b.get_metadata(schema::kDataDictionaryKey).empty());
  EXPECT_EQ(b.get_metadata(schema::kSchemaVersionKey), schema::kSchemaVersion);
  EXPECT_FALSE(b.get_metadata(schema::kOutletsKey).empty());
  EXPECT_NE(b.synonym_keys_begin(), b.synonym_keys_end());

  // Sharded: each shard merges its writer's parts.
  many.index_path = (dir_ / "many-shards").string();
  many.shards = 2;
  ASSERT_TRUE(IndexWith(many).ok()) << Problems();
  EXPECT_GE(summary_.parts_written, 4u);
  Xapian::Database c = Open("many-shards");
  EXPECT_EQ(Fingerprint(c), Fingerprint(a));
  EXPECT_EQ(Spellings(c), Spellings(a));
  EXPECT_EQ(TermStats(c), TermStats(a));
}

// A new index learns its data dictionary from its first articles and
// stores it; an update writes with the same one, so every record of the
// index reads back with the dictionary in its metadata.
TEST_F(IndexerTest, FreshBuildTrainsTheDataDictionaryThatUpdatesKeep) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 3, 50, "doc", 1);
  ASSERT_TRUE(Index({(dir_ / "in").string()}).ok()) << Problems();
  std::string dictionary;
  auto every_record_reads = [&](const char* when) {
    Xapian::Database db = Open();
    dictionary = db.get_metadata(schema::kDataDictionaryKey);
    const std::unique_ptr<DataCodec> codec = DataCodec::ForDatabase(db);
    std::size_t read = 0;
    for (Xapian::PostingIterator p = db.postlist_begin("");
         p != db.postlist_end(""); ++p) {
      StoredArticle stored = ParseDocument(db.get_document(*p), codec.get());
      EXPECT_FALSE(stored.id.empty()) << when << ": document " << *p;
      ++read;
    }
    EXPECT_EQ(read, db.get_doccount()) << when;
  };
  every_record_reads("new index");
  const std::string first = dictionary;
  EXPECT_FALSE(first.empty()) << "150 articles are enough to learn from";
  testing_util::WriteSyntheticCorpus(dir_ / "in2", 2, 50, "doc", 2);
  ASSERT_TRUE(Index({(dir_ / "in2").string()}).ok()) << Problems();
  EXPECT_EQ(summary_.articles_replaced, 100u);
  every_record_reads("after an update");
  EXPECT_EQ(dictionary, first) << "an update keeps the index's dictionary";
  // Too few articles to learn from: records are compressed without one.
  ASSERT_TRUE(Index({kData}, /*rebuild=*/true).ok()) << Problems();
  every_record_reads("small rebuild");
  EXPECT_EQ(dictionary, "");
}

// A fresh build learns its word pairs from its first articles and every
// article gets their terms: each pair term's documents are exactly the
// articles its two words' phrase matches, after an update too.
// Articles of `count` paragraphs of sentences from a short list, so that
// word pairs recur and no word is in nearly every article; `seed` varies
// them.
void WriteSentenceArticles(const fs::path& dir, int count, unsigned seed) {
  static const char* const kSentences[] = {
      "The health secretary told reporters the plan was sound.",
      "Clinical commissioning groups face a funding squeeze.",
      "Waiting times rose for the third month running.",
      "Nurses voted to strike over pay.",
      "Monitor will police competition between providers.",
      "Public health moves to local councils next year.",
      "GPs warned that practices cannot recruit enough staff.",
      "A quality premium rewards groups that cut admissions.",
      "Hospital trusts ended the year in deficit.",
      "Patients in rural areas wait longer for appointments."};
  fs::create_directories(dir);
  std::mt19937 rng(seed);
  for (int i = 0; i < count; ++i) {
    std::ofstream out(dir / ("s-" + std::to_string(i) + ".xml"));
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<article id=\"s-" << i
        << "\">\n<date>2012-0" << 1 + i % 9 << "-15</date>\n<title>"
        << kSentences[rng() % 10] << "</title>\n<body>";
    for (int p = 0; p < 2; ++p) {
      out << "<p>";
      for (int k = 0; k < 3; ++k) out << kSentences[rng() % 10] << " ";
      out << "</p>";
    }
    out << "</body>\n</article>\n";
  }
}

TEST_F(IndexerTest, FreshBuildLearnsWordPairsThatUpdatesKeep) {
  WriteSentenceArticles(dir_ / "in", 150, 1);
  ASSERT_TRUE(Index({(dir_ / "in").string()}).ok()) << Problems();
  std::string stored;
  auto pair_terms_are_phrases = [&](const char* when) {
    Xapian::Database db = Open();
    stored = db.get_metadata(schema::kWordPairsKey);
    const WordPairs pairs = WordPairs::Parse(stored);
    std::size_t checked = 0;
    const std::string prefix = schema::kPairPrefix;
    for (Xapian::TermIterator t = db.allterms_begin(prefix);
         t != db.allterms_end(prefix) && checked < 40; ++t, ++checked) {
      const std::string pair = (*t).substr(prefix.size());
      const std::string first = pair.substr(0, pair.find(' '));
      const std::string second = pair.substr(pair.find(' ') + 1);
      EXPECT_TRUE(pairs.Contains(first, second)) << when << ": " << pair;
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE,
                                      Xapian::Query("Z" + first),
                                      Xapian::Query("Z" + second)));
      enquire.set_docid_order(Xapian::Enquire::ASCENDING);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
      const std::vector<Xapian::docid> phrase(mset.begin(), mset.end());
      const std::vector<Xapian::docid> term(db.postlist_begin(*t),
                                            db.postlist_end(*t));
      EXPECT_EQ(term, phrase) << when << ": " << pair;
    }
    EXPECT_EQ(checked, 40u) << when << ": the sentences' pairs are common";
  };
  pair_terms_are_phrases("new index");
  const std::string first = stored;
  EXPECT_FALSE(first.empty()) << "150 articles are enough to learn from";
  WriteSentenceArticles(dir_ / "in2", 100, 2);
  ASSERT_TRUE(Index({(dir_ / "in2").string()}).ok()) << Problems();
  EXPECT_EQ(summary_.articles_replaced, 100u);
  pair_terms_are_phrases("after an update");
  EXPECT_EQ(stored, first) << "an update keeps the index's pairs";
  // Too few articles to learn from: no pairs, no pair terms.
  ASSERT_TRUE(Index({kData}, /*rebuild=*/true).ok()) << Problems();
  Xapian::Database small = Open();
  EXPECT_EQ(small.get_metadata(schema::kWordPairsKey), "");
  EXPECT_EQ(small.allterms_begin(schema::kPairPrefix),
            small.allterms_end(schema::kPairPrefix));
}

// However small the memory budget, the writers commit as often as it
// takes and the index is the same.
TEST_F(IndexerTest, TinyMemoryBudgetGivesTheSameIndex) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 2, 40, "doc", 1);
  IndexOptions small;
  small.inputs = {(dir_ / "in").string()};
  small.index_path = (dir_ / "small").string();
  small.memory_mb = 1;
  IndexOptions big = small;
  big.index_path = (dir_ / "big").string();
  big.memory_mb = 1024;
  ASSERT_TRUE(IndexWith(small).ok());
  ASSERT_TRUE(IndexWith(big).ok());
  EXPECT_EQ(Fingerprint(Open("small")), Fingerprint(Open("big")));
  EXPECT_EQ(Spellings(Open("small")), Spellings(Open("big")));
  // An update with a tiny budget too (commits in the middle of the run).
  testing_util::WriteSyntheticCorpus(dir_ / "in2", 2, 50, "doc", 2);
  small.inputs = big.inputs = {(dir_ / "in2").string()};
  ASSERT_TRUE(IndexWith(small).ok());
  ASSERT_TRUE(IndexWith(big).ok());
  EXPECT_EQ(summary_.articles_replaced, 80u);
  EXPECT_EQ(Fingerprint(Open("small")), Fingerprint(Open("big")));
  EXPECT_EQ(Spellings(Open("small")), Spellings(Open("big")));
}

// An id given twice in one new build: the second replaces the first in the
// dictionary as in the index.
TEST_F(IndexerTest, DuplicateIdInANewBuildLeavesOnlyTheLastOnesWords) {
  fs::create_directories(dir_ / "in");
  std::ofstream(dir_ / "in" / "a.xml")
      << "<article id=\"dup\"><title>Zebra headline</title><body><p>Walrus "
         "body.</p></body></article>";
  std::ofstream(dir_ / "in" / "b.xml")
      << "<article id=\"dup\"><title>Yak headline</title><body><p>Narwhal "
         "body.</p></body></article>";
  ASSERT_TRUE(Index({(dir_ / "in").string()}).ok());
  EXPECT_NE(Problems().find("duplicate id \"dup\""), std::string::npos)
      << Problems();
  Xapian::Database db = Open();
  ASSERT_EQ(ArticleCount(db), 1u);
  // Folders are read in the order the file system lists them.
  const bool a_won =
      ParseDocument(db.get_document(*db.postlist_begin(IdTerm("dup"))),
                    DataCodec::ForDatabase(db).get())
          .title == "Zebra headline";
  EXPECT_EQ(SpellingFrequency(db, "zebra"), a_won ? 1u : 0u);
  EXPECT_EQ(SpellingFrequency(db, "walrus"), a_won ? 1u : 0u);
  EXPECT_EQ(SpellingFrequency(db, "yak"), a_won ? 0u : 1u);
  EXPECT_EQ(SpellingFrequency(db, "narwhal"), a_won ? 0u : 1u);
  EXPECT_EQ(SpellingFrequency(db, "headline"), 1u);
}

TEST_F(IndexerTest, ShardedIndexHoldsTheSameArticlesAsOneIndex) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 3, 30, "doc", 1);
  const std::vector<std::string> inputs = {(dir_ / "in").string(), kData};
  IndexOptions single;
  single.inputs = inputs;
  single.index_path = (dir_ / "single").string();
  ASSERT_TRUE(IndexWith(single).ok());
  IndexSummary single_summary = summary_;
  ASSERT_TRUE(IndexSharded(inputs, 3).ok());
  EXPECT_EQ(summary_.files_read, single_summary.files_read);
  EXPECT_EQ(summary_.files_skipped, single_summary.files_skipped);
  EXPECT_EQ(summary_.index_documents, single_summary.index_documents);
  EXPECT_EQ(summary_.index_quotes, single_summary.index_quotes);
  EXPECT_TRUE(summary_.HadBadInput()) << "bad files are reported as before";
  EXPECT_NE(Problems().find(kData + "/malformed.xml:4:"), std::string::npos)
      << Problems();

  const std::string index = (dir_ / "index").string();
  ASSERT_TRUE(IsShardedIndex(index));
  std::vector<std::string> shards;
  ASSERT_TRUE(ReadShardPaths(index, &shards).ok());
  ASSERT_EQ(shards.size(), 3u);
  // Xapian opens the folder (a stub database) as one index.
  Xapian::Database whole = Open();
  EXPECT_EQ(Fingerprint(whole), Fingerprint(Open("single")));
  EXPECT_EQ(Spellings(whole), Spellings(Open("single")));
  for (std::size_t k = 0; k < shards.size(); ++k) {
    EXPECT_EQ(shards[k], index + "/" + schema::ShardName(k));
    Xapian::Database shard;
    ASSERT_TRUE(OpenIndex(shards[k], &shard).ok()) << shards[k];
    EXPECT_EQ(shard.get_metadata(schema::kShardKey), std::to_string(k) + "/3");
    EXPECT_FALSE(shard.get_metadata(schema::kOutletsKey).empty());
    EXPECT_NE(shard.synonym_keys_begin(), shard.synonym_keys_end());
    EXPECT_GT(ArticleCount(shard), 0u) << "articles spread over the shards";
    // Each article, and its quotes, in the shard its id hashes to.
    for (Xapian::PostingIterator p = shard.postlist_begin("");
         p != shard.postlist_end(""); ++p) {
      std::string id = ParseDocument(shard.get_document(*p),
                                     DataCodec::ForDatabase(shard).get())
                           .id;
      EXPECT_EQ(schema::ShardOf(id, 3), k) << id;
    }
  }
}

TEST_F(IndexerTest, ShardedIndexUpdatesByIdAcrossRuns) {
  testing_util::WriteSyntheticCorpus(dir_ / "a", 2, 25, "doc", 1);
  testing_util::WriteSyntheticCorpus(dir_ / "b", 3, 25, "doc", 2);
  ASSERT_TRUE(IndexSharded({(dir_ / "a").string()}, 2).ok());
  EXPECT_EQ(summary_.articles_added, 50u);
  std::vector<Xapian::docid> last;
  for (std::size_t k = 0; k < 2; ++k) {
    last.push_back(Open("index/" + schema::ShardName(k)).get_lastdocid());
  }
  // The same again: nothing is rewritten, in any shard.
  ASSERT_TRUE(Index({(dir_ / "a").string()}).ok());
  EXPECT_EQ(summary_.articles_unchanged, 50u);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_EQ(Open("index/" + schema::ShardName(k)).get_lastdocid(), last[k]);
  }
  // Changed articles replace theirs, new ones are added, nothing doubles.
  ASSERT_TRUE(Index({(dir_ / "b").string()}).ok());
  EXPECT_EQ(summary_.articles_replaced, 50u);
  EXPECT_EQ(summary_.articles_added, 25u);
  EXPECT_EQ(summary_.index_documents, 75u);
  Xapian::Database db = Open();
  EXPECT_EQ(ArticleCount(db), 75u);
  // The same as indexing b alone into one database.
  IndexOptions single;
  single.inputs = {(dir_ / "b").string()};
  single.index_path = (dir_ / "single").string();
  ASSERT_TRUE(IndexWith(single).ok());
  EXPECT_EQ(Fingerprint(db), Fingerprint(Open("single")));
  EXPECT_EQ(Spellings(db), Spellings(Open("single")));
}

TEST_F(IndexerTest, ShardCountChangesOnlyWithRebuild) {
  testing_util::WriteSyntheticCorpus(dir_ / "in", 2, 20, "doc", 1);
  const std::vector<std::string> in = {(dir_ / "in").string()};
  ASSERT_TRUE(Index(in).ok());
  Status s = IndexSharded(in, 2);
  EXPECT_TRUE(s.IsInvalidInput()) << s.ToString();
  EXPECT_NE(s.message().find("is not sharded"), std::string::npos)
      << s.ToString();
  EXPECT_FALSE(IsShardedIndex((dir_ / "index").string()));

  ASSERT_TRUE(IndexSharded(in, 2, /*rebuild=*/true).ok());
  ASSERT_TRUE(IsShardedIndex((dir_ / "index").string()));
  s = IndexSharded(in, 3);
  EXPECT_NE(s.message().find("has 2 shards"), std::string::npos)
      << s.ToString();
  // A rebuild keeps the shard count unless told otherwise.
  ASSERT_TRUE(Index(in, /*rebuild=*/true).ok());
  std::vector<std::string> shards;
  ASSERT_TRUE(ReadShardPaths((dir_ / "index").string(), &shards).ok());
  EXPECT_EQ(shards.size(), 2u);
  ASSERT_TRUE(IndexSharded(in, 3, /*rebuild=*/true).ok());
  ASSERT_TRUE(ReadShardPaths((dir_ / "index").string(), &shards).ok());
  EXPECT_EQ(shards.size(), 3u);
  EXPECT_EQ(ArticleCount(Open()), 40u);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_TRUE(entry.path().filename() == "index" ||
                entry.path().filename() == "in")
        << "left behind: " << entry.path();
  }
}

TEST_F(IndexerTest, ShardedIndexLocksAndRefusesWhatItCannotWrite) {
  ASSERT_TRUE(IndexSharded({kData + "/page.txt"}, 2).ok());
  {
    Xapian::WritableDatabase holder((dir_ / "index" / "shard1").string(),
                                    Xapian::DB_OPEN);
    Status s = Index({kData + "/two_articles.xml"});
    EXPECT_NE(s.message().find("locked"), std::string::npos) << s.ToString();
    s = Index({kData + "/two_articles.xml"}, /*rebuild=*/true);
    EXPECT_NE(s.message().find("locked"), std::string::npos) << s.ToString();
  }
  // A stub naming a remote shard is for searching, not for writing.
  std::ofstream(dir_ / "index" / schema::kStubFile)
      << "auto shard0\nremote 127.0.0.1:9\n";
  Status s = Index({kData + "/page.txt"});
  EXPECT_TRUE(s.IsInvalidInput()) << s.ToString();
  EXPECT_NE(s.message().find(":2: not a local shard"), std::string::npos)
      << s.ToString();
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

// The summary counts problems by kind. Item ids used to split them into
// one kind per id ("11 news item tag, 1 news item N1, ...").
TEST(ProblemReasonTest, DropsNamesAndDetails) {
  EXPECT_EQ(ProblemReason(Status::InvalidInput(
                "news item \"tag:example.com,2008:407624\" has no text "
                "content (ninat:video): skipped",
                2)),
            "news item has no text content");
  EXPECT_EQ(ProblemReason(Status::InvalidInput(
                "news item \"N1\" has no text content: skipped", 27)),
            "news item has no text content");
  EXPECT_EQ(ProblemReason(Status::InvalidInput(
                "article \"x\": invalid date \"2011-02-31\" (no such day)")),
            "invalid date");
  EXPECT_EQ(ProblemReason(Status::InvalidInput(
                "not a known news format: root element <groupSet>")),
            "not a known news format");
  EXPECT_EQ(ProblemReason(Status::InvalidInput(
                "newsml-g2 <planningItem> carries no article text")),
            "newsml-g2 <planningItem> carries no article text");
}

}  // namespace
}  // namespace hpnews
