// The stored-data codec: what it writes reads back, with and without a
// dictionary; what it cannot read is refused, never misread.

#include "common/data_codec.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/schema.h"
#include "tests/search_test_util.h"

namespace hpnews {
namespace {

using testing_util::TempDir;

// Records like an index's: news sentences from a small vocabulary, with
// outlets and speakers that repeat.
std::vector<std::string> NewsRecords(int n, unsigned seed) {
  static const char* kWords[] = {
      "the",      "commissioning",  "clinical", "groups",     "said",
      "NHS",      "reorganisation", "funding",  "GPs",        "practice",
      "patients", "hospital",       "trust",    "government", "minister",
      "health",   "care",           "social",   "budget",     "workforce"};
  std::mt19937 rng(seed);
  std::vector<std::string> records;
  for (int i = 0; i < n; ++i) {
    std::string r = "Pulse|Mark Porter|Health Service Journal|";
    const int words = 60 + static_cast<int>(rng() % 120);
    for (int w = 0; w < words; ++w) {
      r += kWords[rng() % (sizeof kWords / sizeof *kWords)];
      r += w % 12 == 11 ? ". " : " ";
    }
    records.push_back(r);
  }
  return records;
}

TEST(DataCodecTest, RecordsRoundTripWithAndWithoutADictionary) {
  const std::vector<std::string> records = NewsRecords(600, 1);
  const std::string dictionary = DataCodec::TrainDictionary(records);
  ASSERT_FALSE(dictionary.empty()) << "600 news records are enough to learn";
  DataCodec plain, trained(dictionary);
  EXPECT_TRUE(plain.dictionary().empty());
  EXPECT_EQ(trained.dictionary(), dictionary);
  std::size_t raw = 0, with_plain = 0, with_dictionary = 0;
  for (const std::string& r : NewsRecords(100, 2)) {
    for (const DataCodec* codec : {&plain, &trained}) {
      const std::string stored = codec->Compress(r);
      std::string back;
      ASSERT_TRUE(codec->Decompress(stored, &back));
      EXPECT_EQ(back, r);
      (codec == &plain ? with_plain : with_dictionary) += stored.size();
    }
    raw += r.size();
  }
  EXPECT_LT(with_plain, raw);
  EXPECT_LT(with_dictionary, with_plain) << "the dictionary is what pays";
}

TEST(DataCodecTest, TooFewSamplesGiveNoDictionary) {
  EXPECT_EQ(DataCodec::TrainDictionary({}), "");
  EXPECT_EQ(DataCodec::TrainDictionary(NewsRecords(20, 3)), "");
  // A codec given bytes that are no dictionary writes without one.
  DataCodec codec("not a zstd dictionary");
  EXPECT_TRUE(codec.dictionary().empty());
  std::string back;
  ASSERT_TRUE(codec.Decompress(codec.Compress("abc"), &back));
  EXPECT_EQ(back, "abc");
}

TEST(DataCodecTest, IncompressibleAndEmptyRecordsAreStoredRaw) {
  DataCodec codec;
  for (const std::string& r :
       {std::string(), std::string("x"), std::string("\x01\x02\x03", 3)}) {
    const std::string stored = codec.Compress(r);
    ASSERT_FALSE(stored.empty());
    EXPECT_EQ(stored[0], DataCodec::kRaw) << r;
    std::string back;
    ASSERT_TRUE(codec.Decompress(stored, &back));
    EXPECT_EQ(back, r);
  }
}

TEST(DataCodecTest, WhatItCannotReadIsRefused) {
  const std::vector<std::string> records = NewsRecords(600, 4);
  DataCodec trained(DataCodec::TrainDictionary(records));
  ASSERT_FALSE(trained.dictionary().empty());
  const std::string stored = trained.Compress(records[0]);
  ASSERT_EQ(stored[0], DataCodec::kZstd);
  DataCodec other(DataCodec::TrainDictionary(NewsRecords(600, 5)));
  DataCodec plain;
  std::string back;
  const struct {
    const char* what;
    const DataCodec* codec;
    std::string stored;
  } kCases[] = {
      {"empty", &plain, ""},
      {"unknown marker", &plain, "\x07" + records[0]},
      {"a dictionary the codec lacks", &plain, stored},
      {"another index's dictionary", &other, stored},
      {"truncated frame", &trained, stored.substr(0, stored.size() / 2)},
      {"marker alone", &trained, std::string(1, DataCodec::kZstd)},
      {"garbage frame", &trained, std::string(1, DataCodec::kZstd) + "zzzzzz"},
  };
  for (const auto& c : kCases) {
    EXPECT_FALSE(c.codec->Decompress(c.stored, &back)) << c.what;
  }
  // Given that dictionary too, a codec reads both indexes' records.
  other.AddDictionary(trained.dictionary());
  ASSERT_TRUE(other.Decompress(stored, &back));
  EXPECT_EQ(back, records[0]);
}

TEST(DataCodecTest, ForDatabaseReadsTheIndexDictionary) {
  TempDir dir;
  const std::vector<std::string> records = NewsRecords(600, 6);
  DataCodec trained(DataCodec::TrainDictionary(records));
  {
    Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
    db.set_metadata(schema::kDataDictionaryKey, trained.dictionary());
    db.commit();
  }
  std::unique_ptr<DataCodec> codec =
      DataCodec::ForDatabase(Xapian::Database(dir.path() + "/db"));
  EXPECT_EQ(codec->dictionary(), trained.dictionary());
  std::string back;
  ASSERT_TRUE(codec->Decompress(trained.Compress(records[1]), &back));
  EXPECT_EQ(back, records[1]);
}

}  // namespace
}  // namespace hpnews
