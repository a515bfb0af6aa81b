#include "common/data_codec.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>

#include "common/schema.h"

namespace hpnews {

namespace {

// zstd's default level: about as fast to write as zlib's, and past it the
// records shrink by a percent or two for several times the time.
constexpr int kLevel = 3;
constexpr std::size_t kMaxDictionaryBytes = 64 * 1024;
// What a record may claim to decompress to: more than any input file
// (common/input_file.h, kMaxInputBytes) could hold.
constexpr unsigned long long kMaxRecordBytes = 256ull << 20;

// One compression and one decompression context per thread: zstd's
// contexts are not thread-safe, and making one per record costs more than
// the record.
struct Contexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ~Contexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};

Contexts& ThreadContexts() {
  thread_local Contexts contexts;
  return contexts;
}

}  // namespace

struct DataCodec::Dictionaries {
  ZSTD_CDict* compress = nullptr;         // for dictionary_, if any
  std::map<unsigned, ZSTD_DDict*> by_id;  // decompression, by dictionary id
  ~Dictionaries() {
    ZSTD_freeCDict(compress);
    for (auto& [id, dict] : by_id) ZSTD_freeDDict(dict);
  }
};

DataCodec::DataCodec() : dicts_(std::make_unique<Dictionaries>()) {}

DataCodec::DataCodec(const std::string& dictionary) : DataCodec() {
  if (dictionary.empty()) return;
  const unsigned id =
      ZSTD_getDictID_fromDict(dictionary.data(), dictionary.size());
  // A dictionary zstd cannot read (a damaged metadata entry) is no
  // dictionary: records are then written without one.
  if (id == 0) return;
  dicts_->compress =
      ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
  if (dicts_->compress == nullptr) return;
  dictionary_ = dictionary;
  AddDictionary(dictionary);
}

DataCodec::~DataCodec() = default;

std::unique_ptr<DataCodec> DataCodec::ForDatabase(
    const Xapian::Database& db, const std::vector<Xapian::Database>& shards) {
  // A combined database's metadata is its first shard's: read each once.
  auto codec = std::make_unique<DataCodec>(
      (shards.empty() ? db : shards.front())
          .get_metadata(schema::kDataDictionaryKey));
  for (std::size_t k = 1; k < shards.size(); ++k)
    codec->AddDictionary(shards[k].get_metadata(schema::kDataDictionaryKey));
  return codec;
}

std::string DataCodec::TrainDictionary(
    const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const std::string& s : samples) {
    if (s.empty()) continue;
    joined += s;
    sizes.push_back(s.size());
  }
  // zstd wants its samples to be about a hundred times the dictionary; a
  // sixteenth still pays on news, and below ~100 records none does.
  const std::size_t capacity =
      std::min(kMaxDictionaryBytes, joined.size() / 16);
  if (sizes.size() < 100 || capacity < 1024) return "";
  std::string dictionary(capacity, '\0');
  const std::size_t n =
      ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(),
                            sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n)) return "";
  dictionary.resize(n);
  return dictionary;
}

void DataCodec::AddDictionary(const std::string& dictionary) {
  if (dictionary.empty()) return;
  const unsigned id =
      ZSTD_getDictID_fromDict(dictionary.data(), dictionary.size());
  if (id == 0 || dicts_->by_id.count(id)) return;
  ZSTD_DDict* d = ZSTD_createDDict(dictionary.data(), dictionary.size());
  if (d != nullptr) dicts_->by_id.emplace(id, d);
}

std::string DataCodec::Compress(const std::string& record) const {
  std::string out(1 + ZSTD_compressBound(record.size()), '\0');
  out[0] = kZstd;
  Contexts& ctx = ThreadContexts();
  const std::size_t n =
      dicts_->compress != nullptr
          ? ZSTD_compress_usingCDict(ctx.c, &out[1], out.size() - 1,
                                     record.data(), record.size(),
                                     dicts_->compress)
          : ZSTD_compressCCtx(ctx.c, &out[1], out.size() - 1, record.data(),
                              record.size(), kLevel);
  if (ZSTD_isError(n) || n >= record.size()) {
    out.assign(1, kRaw);
    out += record;
    return out;
  }
  out.resize(1 + n);
  return out;
}

bool DataCodec::Decompress(const std::string& stored,
                           std::string* record) const {
  if (stored.empty()) return false;
  if (stored[0] == kRaw) {
    record->assign(stored, 1, std::string::npos);
    return true;
  }
  if (stored[0] != kZstd) return false;
  const char* frame = stored.data() + 1;
  const std::size_t size = stored.size() - 1;
  const unsigned long long content = ZSTD_getFrameContentSize(frame, size);
  if (content == ZSTD_CONTENTSIZE_UNKNOWN ||
      content == ZSTD_CONTENTSIZE_ERROR || content > kMaxRecordBytes)
    return false;
  record->resize(static_cast<std::size_t>(content));
  Contexts& ctx = ThreadContexts();
  const unsigned id = ZSTD_getDictID_fromFrame(frame, size);
  std::size_t n;
  if (id == 0) {
    n = ZSTD_decompressDCtx(ctx.d, record->data(), record->size(), frame, size);
  } else {
    auto it = dicts_->by_id.find(id);
    if (it == dicts_->by_id.end()) return false;
    n = ZSTD_decompress_usingDDict(ctx.d, record->data(), record->size(), frame,
                                   size, it->second);
  }
  return !ZSTD_isError(n) && n == record->size();
}

}  // namespace hpnews
