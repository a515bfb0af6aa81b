// Office holders: who held which public office when, from corpus/offices.tsv
// (format in its header comment). News names an office for its holder:
// "Wes Streeting has ordered an independent investigation ..." then "The
// health secretary said he wanted the review to reveal the “hard truths”".
// With the article's date, the speaker extractor knows that the health
// secretary is the Wes Streeting it names.

#ifndef HPNEWS_COMMON_OFFICES_H_
#define HPNEWS_COMMON_OFFICES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace hpnews {

class OfficeHolders {
 public:
  // An office's phrase as role words: lower case, in order ("health",
  // "and", "social", "care", "secretary").
  using Phrase = std::vector<std::string>;

  // Parses the text of an offices.tsv file. On error the status names the
  // line.
  static Status Parse(std::string_view text, OfficeHolders* out);

  // The phrases of the offices held on `date` by the person of canonical
  // name `name` ("Wes Streeting"), or, when `name` is a surname alone, by
  // the one holder on that date with that surname (none when several).
  // Without a date, those of every office they ever held.
  // With `former`, the offices they had left by `date` (without a date,
  // every office they ever held): "the former health secretary".
  std::vector<const Phrase*> Held(std::string_view name,
                                  const std::optional<Date>& date,
                                  bool former = false) const;

  bool empty() const { return terms_.empty(); }

 private:
  struct Term {
    std::string name;
    std::string surname;
    int from = 0;  // YYYYMMDD
    int to = 0;    // YYYYMMDD, inclusive; 99999999 while in office
    std::size_t office = 0;
  };
  std::vector<std::vector<Phrase>> phrases_;  // per office
  std::vector<Term> terms_;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_OFFICES_H_
