#include "common/schema.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hpnews {
namespace schema {

namespace {
// Xapian (glass) refuses terms over 245 bytes; keep a margin for the prefix.
constexpr size_t kMaxTermBytes = 240;
}  // namespace

std::string EncodeList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += kListSeparator;
    out += items[i];
  }
  return out;
}

std::vector<std::string> DecodeList(const std::string& value) {
  std::vector<std::string> out;
  if (value.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t end = value.find(kListSeparator, start);
    out.push_back(value.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void AddMultiValue(const FacetField& field,
                   const std::vector<std::string>& items,
                   Xapian::Document* doc) {
  std::vector<std::string> distinct;
  for (const std::string& item : items) {
    if (item.empty() || distinct.size() == kMaxItemSlots) continue;
    if (std::find(distinct.begin(), distinct.end(), item) == distinct.end())
      distinct.push_back(item);
  }
  if (distinct.empty()) return;
  doc->add_value(field.slot, EncodeList(distinct));
  for (size_t i = 0; i < distinct.size(); ++i) {
    doc->add_value(field.item_slots + static_cast<Xapian::valueno>(i),
                   distinct[i]);
  }
}

std::string NormaliseTermValue(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
  }
  return out;
}

std::string Term(const char* prefix, const std::string& value) {
  std::string term = prefix + NormaliseTermValue(value);
  if (term.size() > kMaxTermBytes) {
    size_t cut = kMaxTermBytes;
    // Back up to the start of a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80)
      --cut;
    term.resize(cut);
  }
  return term;
}

std::string ShardName(std::size_t shard) {
  return "shard" + std::to_string(shard);
}

std::size_t ShardOf(const std::string& id, std::size_t shards) {
  if (shards <= 1) return 0;
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::size_t>(h % shards);
}

bool IsArticleOnlyTerm(const std::string& term) {
  // Free-text terms are stems: "Z" before the field prefix (document.h).
  std::size_t at = term.size() > 1 && term[0] == 'Z' ? 1 : 0;
  if (at == term.size()) return false;
  auto starts = [&](const char* prefix) {
    const std::size_t n = std::char_traits<char>::length(prefix);
    return term.compare(at, n, prefix) == 0 &&
           (term.size() == at + n ||
            !std::isupper(static_cast<unsigned char>(term[at + n])));
  };
  // No prefix at all: a plain word (its first byte is not a capital).
  if (!std::isupper(static_cast<unsigned char>(term[at]))) return true;
  // An id is kept as given, capitals and all: any Q term is one.
  if (at == 0 && term[0] == kIdPrefix[0]) return true;
  return starts(kTitlePrefix) || starts(kCommentPrefix) ||
         starts(kConceptPrefix) || starts(kDupPrefix) || starts(kPairPrefix);
}

const std::vector<FacetField>& FacetFields() {
  static const std::vector<FacetField> kFields = {
      {"outlet", kOutletSlot, kOutletPrefix, false, 0},
      {"speaker", kSpeakersSlot, kSpeakerPrefix, true, kSpeakerItemSlots},
      {"topic", kTopicsSlot, kTopicPrefix, true, kTopicItemSlots},
      {"year", kYearSlot, kYearPrefix, false, 0},
      {"month", kMonthSlot, kMonthPrefix, false, 0},
      {"keyword", kKeywordsSlot, kKeywordPrefix, true, kKeywordItemSlots},
  };
  return kFields;
}

const FacetField* FindFacetField(const std::string& name) {
  for (const FacetField& f : FacetFields()) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

}  // namespace schema
}  // namespace hpnews
