// Outlets: which site a page came from, from the signatures in
// corpus/outlets.tsv (mastheads, taglines, host names, and the outlet's
// names used in phrases that mean "us": "told Pulse", "HSJ has learnt").
//
// Not for: explicit metadata (the Extractor keeps a given outlet and only
// asks here when none was given) or the --outlet default (the caller's
// fallback when this finds nothing).

#ifndef HPNEWS_COMMON_EXTRACT_OUTLET_H_
#define HPNEWS_COMMON_EXTRACT_OUTLET_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/extract_topics.h"
#include "common/status.h"

namespace hpnews {

struct OutletScore {
  std::string outlet;
  double score = 0;
};

class OutletSignatures {
 public:
  // Parses the text of an outlets.tsv file (format in its header comment).
  // On error returns InvalidInput with the 1-based line.
  static Status Parse(std::string_view text, OutletSignatures* out);

  // The outlet the article's URL, title and body point to, or "" when the
  // evidence is too weak (below kMinScore). Reader comments are not read.
  std::string Find(const Article& article) const;

  // Every outlet with any evidence, best first (for tests and tuning).
  std::vector<OutletScore> Score(const Article& article) const;

  // Weights of the evidence; an outlet needs kMinScore to be chosen.
  static constexpr double kStrong = 10;  // masthead, host name, "(Reuters) -"
  static constexpr double kSelf = 3;     // "told Pulse", "Pulse has learnt"
  static constexpr double kMention = 1;  // a bare mention of the name
  static constexpr double kCitation =
      -3;  // "according to the BMJ", "a survey by Pulse Magazine"
  static constexpr double kMinScore = 3;

  const std::vector<std::string>& outlets() const { return outlets_; }

 private:
  enum class Kind { kMasthead, kDomain, kName };
  void ScoreText(const std::string& text, bool first_paragraph,
                 std::vector<double>* scores) const;

  std::vector<std::string> outlets_;  // canonical names
  std::vector<int> pattern_outlet_;   // matcher pattern -> outlet index
  std::vector<Kind> pattern_kind_;    // matcher pattern -> kind
  std::vector<std::pair<std::string, int>>
      domains_;  // host name -> outlet index
  PhraseMatcher matcher_;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_OUTLET_H_
