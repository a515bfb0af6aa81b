#include "common/synonyms.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "common/schema.h"
#include "common/text_util.h"

namespace hpnews {

namespace {

// A one-word form in capitals is an acronym: it must match in capitals.
bool IsAcronym(const std::string& form) {
  bool upper = false;
  for (unsigned char c : form) {
    if (!std::isalnum(c)) return false;
    if (std::islower(c)) return false;
    if (std::isupper(c)) upper = true;
  }
  return upper;
}

// The form as the query parser sees it: lower-case words, one space apart.
std::vector<std::string> ParserWords(const std::string& form) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : form + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  return words;
}

std::string JoinSpace(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string SynonymGroupId(std::string_view form) {
  return FoldedWords(form, '-');
}

Status Synonyms::Parse(std::string_view text, Synonyms* out) {
  Synonyms s;
  for (const DataLine& data : DataLines(text)) {
    const int line_no = data.number;
    // Forms trimmed of the spaces a hand edit leaves around them; empty
    // fields (a doubled tab) are not forms.
    std::vector<std::string> forms;
    for (std::string_view field : data.fields) {
      std::string form = Trim(field);
      if (!form.empty()) forms.push_back(std::move(form));
    }
    if (forms.size() < 2) {
      return Status::InvalidInput(
          "a synonym group needs at least two tab-separated forms", line_no);
    }
    std::string id = SynonymGroupId(forms[0]);
    if (id.empty()) return Status::InvalidInput("form has no words", line_no);
    int group = static_cast<int>(s.groups_.size());
    for (const std::string& form : forms) {
      int p = s.matcher_.Add(form, IsAcronym(form));
      if (p < 0) return Status::InvalidInput("form has no words", line_no);
      s.pattern_group_.push_back(group);
    }
    s.groups_.push_back(forms);
    s.concept_terms_.push_back(schema::Term(schema::kConceptPrefix, id));
  }
  *out = std::move(s);
  return Status::Ok();
}

Status Synonyms::Load(const std::string& path, Synonyms* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot read synonyms");
  std::ostringstream text;
  text << in.rdbuf();
  Status status = Parse(text.str(), out);
  if (!status.ok()) return Status::InvalidInput(status.At(path));
  return Status::Ok();
}

std::vector<std::string> Synonyms::ConceptTerms(
    const TokenizedText& text) const {
  std::set<std::string> terms;
  for (const PhraseMatcher::Match& m : matcher_.FindAll(text)) {
    terms.insert(concept_terms_[pattern_group_[m.pattern]]);
  }
  return {terms.begin(), terms.end()};
}

std::vector<std::pair<std::string, std::string>> Synonyms::SynonymEntries()
    const {
  std::set<std::pair<std::string, std::string>> entries;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const std::string& form : groups_[g]) {
      std::vector<std::string> words = ParserWords(form);
      if (words.empty()) continue;
      entries.insert({JoinSpace(words), concept_terms_[g]});
      std::string& last = words.back();
      if (last.back() != 's') {
        last += 's';
        entries.insert({JoinSpace(words), concept_terms_[g]});
      }
    }
  }
  return {entries.begin(), entries.end()};
}

}  // namespace hpnews
