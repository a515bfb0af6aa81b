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

  // The outlet the article's URL, title, body and page furniture point to,
  // or "" when the evidence is too weak (below kMinScore). In the furniture
  // (Article::furniture) only masthead evidence counts — a masthead or
  // tagline signature, a host name, the outlet's name alone on its line or
  // after a copyright sign — and it is strong; a mere mention there (a
  // link to another site's story) counts for nothing. Reader comments are
  // not read.
  std::string Find(const Article& article) const;
  // The same, with the article's title and paragraphs already tokenized.
  std::string Find(const Article& article, const ArticleTokens& tokens) const;

  // Every outlet with any evidence, best first (for tests and tuning).
  std::vector<OutletScore> Score(const Article& article) const;
  std::vector<OutletScore> Score(const Article& article,
                                 const ArticleTokens& tokens) const;

  // Weights of the evidence; an outlet needs kMinScore to be chosen.
  static constexpr double kStrong = 10;  // masthead, host name, "(Reuters) -"
  static constexpr double kSelf = 3;     // "told Pulse", "Pulse has learnt"
  // "told the BBC", "told Reuters" (a `quoted` name in outlets.tsv): with
  // one more mention, enough.
  static constexpr double kQuotedSelf = 2;
  static constexpr double kMention = 1;  // a bare mention of the name
  static constexpr double kCitation =
      -3;  // "according to the BMJ", "a survey by Pulse Magazine"
  static constexpr double kMinScore = 3;

  const std::vector<std::string>& outlets() const { return outlets_; }

 private:
  enum class Kind { kMasthead, kDomain, kName, kQuoted };
  // Where a text comes from: the title or body, or the page furniture.
  enum class Place { kTitle, kFirstParagraph, kBody, kFurniture };
  void ScoreText(const TokenizedText& text, Place place,
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
