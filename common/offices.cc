// OfficeHolders: parsing offices.tsv and finding who held an office when.

#include "common/offices.h"

#include <unordered_map>

#include "common/text_util.h"

namespace hpnews {
namespace {

constexpr int kStillInOffice = 99999999;

int DayNumber(const Date& d) { return d.year * 10000 + d.month * 100 + d.day; }

bool ValidOfficeId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  }
  return true;
}

}  // namespace

Status OfficeHolders::Parse(std::string_view text, OfficeHolders* out) {
  *out = OfficeHolders();
  std::unordered_map<std::string, std::size_t> index_of;
  for (const DataLine& data : DataLines(text)) {
    const int line_no = data.number;
    const std::vector<std::string_view>& f = data.fields;
    if (f.size() < 3 || f.size() > 4 || !ValidOfficeId(f[0])) {
      return Status::InvalidInput(
          "expected \"OFFICE<TAB>phrase<TAB>PHRASE\" or "
          "\"OFFICE<TAB>NAME<TAB>FROM<TAB>TO\" (OFFICE in a-z and -)",
          line_no);
    }
    const std::string id(f[0]);
    if (f.size() == 3) {
      if (f[1] != "phrase")
        return Status::InvalidInput("expected \"phrase\" in the second field",
                                    line_no);
      Phrase phrase;
      for (const std::string& word : SplitWords(AsciiLower(f[2])))
        phrase.push_back(word);
      if (phrase.empty())
        return Status::InvalidInput("the phrase has no words", line_no);
      auto [it, added] = index_of.emplace(id, out->phrases_.size());
      if (added) out->phrases_.emplace_back();
      out->phrases_[it->second].push_back(std::move(phrase));
      continue;
    }
    auto it = index_of.find(id);
    if (it == index_of.end())
      return Status::InvalidInput(
          "office " + id + " has no phrase line before its holders", line_no);
    Term term;
    term.office = it->second;
    term.name = CollapseWhitespace(std::string(f[1]));
    if (term.name.find(' ') == std::string::npos)
      return Status::InvalidInput("a holder needs a full name", line_no);
    term.surname = term.name.substr(term.name.rfind(' ') + 1);
    const std::optional<Date> from = ParseIsoDate(std::string(f[2]));
    if (!from)
      return Status::InvalidInput("FROM is not a YYYY-MM-DD date", line_no);
    term.from = DayNumber(*from);
    if (f[3] == "now") {
      term.to = kStillInOffice;
    } else {
      const std::optional<Date> to = ParseIsoDate(std::string(f[3]));
      if (!to)
        return Status::InvalidInput("TO is not a YYYY-MM-DD date or \"now\"",
                                    line_no);
      term.to = DayNumber(*to);
      if (term.to < term.from)
        return Status::InvalidInput("TO is before FROM", line_no);
    }
    out->terms_.push_back(std::move(term));
  }
  return Status::Ok();
}

std::vector<const OfficeHolders::Phrase*> OfficeHolders::Held(
    std::string_view name, const std::optional<Date>& date, bool former) const {
  const int day = date ? DayNumber(*date) : 0;
  const bool surname_only = name.find(' ') == std::string_view::npos;
  std::vector<const Phrase*> held;
  const Term* only = nullptr;  // the surname's one holder that day
  for (const Term& term : terms_) {
    if (date && !former && (day < term.from || day > term.to)) continue;
    if (date && former && day <= term.to) continue;
    if (surname_only) {
      if (term.surname != name) continue;
      if (only != nullptr && only->name != term.name) return {};
      only = &term;
    } else if (term.name != name) {
      continue;
    }
    for (const Phrase& phrase : phrases_[term.office]) held.push_back(&phrase);
  }
  return held;
}

}  // namespace hpnews
