// NHS vocabulary: groups of names for one thing ("CCG", "clinical
// commissioning group"), read from corpus/synonyms.tsv.
//
// Xapian's synonym table maps a word or a run of words to other *terms*,
// never to a phrase, so "CCG" cannot expand to the three words of its long
// form. We give each group a concept term instead (schema::kConceptPrefix +
// group id): the indexer adds it to every document that names the group in
// any form, and stores every form as a synonym key whose synonym is that
// term. The query parser (FLAG_AUTO_MULTIWORD_SYNONYMS) then turns "ccg" or
// "clinical commissioning groups" into SYNONYM(what was typed, XNccg); with
// --no-synonyms it matches only what was typed.
//
// Not for: stemming or spelling (Xapian does those), or topics (the
// taxonomy of corpus/topics.tsv says what an article is about; this only
// says that two names mean one thing).

#ifndef HPNEWS_COMMON_SYNONYMS_H_
#define HPNEWS_COMMON_SYNONYMS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/extract_topics.h"
#include "common/status.h"

namespace hpnews {

class Synonyms {
 public:
  // Parses a synonyms.tsv text: one group per line, its forms separated by
  // TABs, the first form naming the group; '#' starts a comment line. A
  // one-word form written in capitals ("NICE") matches only in capitals in
  // an article, so the acronym is not found in the word "nice"; other
  // forms match in any case, with a plural "s" on the last word.
  // InvalidInput with the 1-based line for a line with fewer than two forms.
  static Status Parse(std::string_view text, Synonyms* out);

  // Reads and parses `path`. NotFound when the file does not exist.
  static Status Load(const std::string& path, Synonyms* out);

  bool empty() const { return groups_.empty(); }

  // The concept terms (schema::kConceptPrefix + group id) of the groups
  // named in `text`, each once, sorted.
  std::vector<std::string> ConceptTerms(const TokenizedText& text) const;

  // Every (synonym key, concept term) pair for Xapian's synonym table: each
  // form lower-cased, its words joined by one space, as the query parser
  // looks it up, plus the plural of its last word.
  std::vector<std::pair<std::string, std::string>> SynonymEntries() const;

  // The groups, each as its forms in file order (for tests and --help).
  const std::vector<std::vector<std::string>>& groups() const {
    return groups_;
  }

 private:
  std::vector<std::vector<std::string>> groups_;
  std::vector<std::string> concept_terms_;  // by group
  std::vector<int> pattern_group_;          // matcher pattern -> group
  PhraseMatcher matcher_;
};

// The group id a form gives: lower case, runs of anything but letters and
// digits turned into one '-' ("NHS England" -> "nhs-england").
std::string SynonymGroupId(std::string_view form);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_SYNONYMS_H_
