// Compression of the stored document record (common/schema.h, "Document
// record") with zstd and a dictionary trained on the index's own articles.
//
// Xapian's glass backend deflates each document's data on its own; a news
// article's record is under a kilobyte, too little for zlib to learn its
// words, and every hit of every search pays zlib's start-up to inflate it.
// A zstd dictionary holds what the records share (the words of news, the
// outlets, the speakers), so a record takes 43% of its bytes instead of
// zlib's 61% on Reuters-21578 and reads back in 1.6 us instead of 4. (As
// document data, glass would still try to deflate it: the record is kept
// in a value slot, which glass stores as it is.)
//
// Not the record's layout (document.h writes and reads that) and not
// storage: the dictionary is kept in the index metadata under
// schema::kDataDictionaryKey by the indexer and read back by the searcher.

#ifndef HPNEWS_COMMON_DATA_CODEC_H_
#define HPNEWS_COMMON_DATA_CODEC_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hpnews {

class DataCodec {
 public:
  // Without a dictionary: zstd on each record alone.
  DataCodec();
  // With `dictionary` (as TrainDictionary() returns it; empty = none) for
  // compressing, and for decompressing what it compressed.
  explicit DataCodec(const std::string& dictionary);
  ~DataCodec();
  DataCodec(const DataCodec&) = delete;
  DataCodec& operator=(const DataCodec&) = delete;

  // The codec of the index `db`: the dictionary in its metadata, and those
  // of every shard when `shards` are given (an index combined from shards
  // built apart holds records of several dictionaries). Never fails: an
  // index without a dictionary gives a codec without one.
  static std::unique_ptr<DataCodec> ForDatabase(
      const Xapian::Database& db,
      const std::vector<Xapian::Database>& shards = {});

  // A dictionary for records like `samples` (a few thousand of them, the
  // more the better), at most 64 KiB; "" when there are too few to learn
  // from (zstd then works without one).
  static std::string TrainDictionary(const std::vector<std::string>& samples);

  // Also decompresses records compressed with `dictionary`.
  void AddDictionary(const std::string& dictionary);

  const std::string& dictionary() const { return dictionary_; }

  // The stored form of `record`: a marker byte (kRaw or kZstd) and the
  // bytes, raw when compressing would not make them smaller. Thread-safe.
  std::string Compress(const std::string& record) const;

  // The record of `stored` into *record. False (and *record unspecified)
  // for bytes that are not a stored record, a damaged frame, or one
  // compressed with a dictionary this codec does not have. Thread-safe.
  bool Decompress(const std::string& stored, std::string* record) const;

  // The marker bytes. Stored in every index: they must not change.
  static constexpr char kRaw = '\x00';
  static constexpr char kZstd = '\x01';

 private:
  struct Dictionaries;
  std::string dictionary_;
  std::unique_ptr<Dictionaries> dicts_;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_DATA_CODEC_H_
