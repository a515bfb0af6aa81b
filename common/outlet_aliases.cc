#include "common/outlet_aliases.h"

#include <cctype>
#include <set>
#include <vector>

#include "common/schema.h"

namespace hpnews {

namespace {

// Names are matched case-sensitively by the signatures (they must be:
// "Pulse" the magazine, "pulse" the word), but a query is typed in any
// case. So we try the spellings of the value in every letter case, up to
// this many letters (2^12 tiny lookups at worst), and the usual ones
// (as typed, upper, lower, Title Case) beyond.
constexpr std::size_t kMaxCaseVariantLetters = 12;

std::vector<std::string> CaseVariants(const std::string& value) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (std::isalpha(static_cast<unsigned char>(value[i])))
      letters.push_back(i);
  }
  std::set<std::string> out;
  out.insert(value);
  if (letters.size() <= kMaxCaseVariantLetters) {
    for (unsigned long mask = 0; mask < (1ul << letters.size()); ++mask) {
      std::string v = value;
      for (std::size_t k = 0; k < letters.size(); ++k) {
        unsigned char c = static_cast<unsigned char>(v[letters[k]]);
        v[letters[k]] = static_cast<char>((mask >> k) & 1 ? std::toupper(c)
                                                          : std::tolower(c));
      }
      out.insert(v);
    }
  } else {
    std::string upper = value, lower = value, title = value;
    bool start = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(value[i]);
      upper[i] = static_cast<char>(std::toupper(c));
      lower[i] = static_cast<char>(std::tolower(c));
      title[i] = static_cast<char>(start ? std::toupper(c) : std::tolower(c));
      start = !std::isalnum(c);
    }
    out.insert({upper, lower, title});
  }
  return {out.begin(), out.end()};
}

}  // namespace

Status OutletAliases::Parse(std::string_view outlets_tsv, OutletAliases* out) {
  auto signatures = std::make_shared<OutletSignatures>();
  Status status = OutletSignatures::Parse(outlets_tsv, signatures.get());
  if (!status.ok()) return status;
  out->signatures_ = std::move(signatures);
  return Status::Ok();
}

std::string OutletAliases::Canonical(const std::string& value) const {
  if (!signatures_) return "";
  const std::string wanted = schema::NormaliseTermValue(value);
  if (wanted.empty()) return "";
  for (const std::string& outlet : signatures_->outlets()) {
    if (schema::NormaliseTermValue(outlet) == wanted) return outlet;
  }
  // The value alone as an article's title: the signatures read a name on a
  // line of its own as a masthead (strong evidence), and host names too.
  std::set<std::string> found;
  for (const std::string& variant : CaseVariants(value)) {
    Article probe;
    probe.title = variant;
    for (const OutletScore& s : signatures_->Score(probe)) {
      if (s.score >= OutletSignatures::kStrong) found.insert(s.outlet);
    }
    if (found.size() > 1) return "";
  }
  return found.size() == 1 ? *found.begin() : "";
}

}  // namespace hpnews
