// Topics: the health-policy taxonomy of corpus/topics.tsv and the scoring
// that decides which topics an article is about, from its title and body.
//
// Also home of the word-boundary phrase matcher the taxonomy is built on
// (the outlet signatures use it too): text is cut into words and
// punctuation once, and patterns are looked up by their first word, so the
// cost grows with the text, not with the number of patterns.
// Not for: reader comments (they never count as evidence), stemming or
// fuzzy matching (a pattern says explicitly which endings it accepts).

#ifndef HPNEWS_COMMON_EXTRACT_TOPICS_H_
#define HPNEWS_COMMON_EXTRACT_TOPICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace hpnews {

// A word (letters and digits, UTF-8 letters included) or one punctuation
// character, with its byte offsets in the text it came from.
struct MatchToken {
  std::string text;
  std::string lower;  // ASCII lower case of `text`
  std::size_t begin = 0;
  std::size_t end = 0;
  bool is_word = false;
};

// Cuts `text` into words and punctuation; whitespace is dropped.
std::vector<MatchToken> TokenizeForMatch(std::string_view text);

// A set of patterns matched on word boundaries against tokenized text.
// A pattern is tokenized like the text ("top-down" = top, -, down). Words
// of a case-sensitive pattern must match exactly, others ignoring ASCII
// case. A trailing "*" on the pattern's last word accepts any ending; the
// last word also always accepts a plural "s" ("CCG" matches "CCGs").
class PhraseMatcher {
 public:
  struct Match {
    int pattern = 0;        // index returned by Add()
    std::size_t first = 0;  // first token of the match
    std::size_t last = 0;   // one past the last token
  };

  // Adds `pattern`; returns its index, or -1 if it has no words.
  int Add(std::string_view pattern, bool case_sensitive);
  std::size_t size() const { return patterns_.size(); }

  // Every match of every pattern in `tokens` (overlaps included), in order
  // of their first token.
  std::vector<Match> FindAll(const std::vector<MatchToken>& tokens) const;

 private:
  struct Pattern {
    std::vector<MatchToken> words;
    bool case_sensitive = false;
    bool prefix = false;  // the last word matches as a prefix
  };
  bool MatchesAt(const Pattern& p, const std::vector<MatchToken>& tokens,
                 std::size_t at) const;

  std::vector<Pattern> patterns_;
  // Patterns by their lower-cased first word; prefix patterns of one word
  // by the first kPrefixKey bytes of it.
  std::unordered_map<std::string, std::vector<int>> by_first_;
  std::unordered_map<std::string, std::vector<int>> by_prefix_;
};

struct TopicScore {
  std::string id;
  double score = 0;
};

class TopicTaxonomy {
 public:
  // Parses the text of a topics.tsv file (format in its header comment).
  // On error returns InvalidInput with the 1-based line and leaves *out in
  // an unspecified state.
  static Status Parse(std::string_view text, TopicTaxonomy* out);

  // The topic ids whose score reaches the threshold, in taxonomy order.
  std::vector<std::string> Classify(
      const std::string& title,
      const std::vector<std::string>& paragraphs) const;
  // The score of every topic (taxonomy order), for tuning and tests.
  std::vector<TopicScore> Score(
      const std::string& title,
      const std::vector<std::string>& paragraphs) const;

  double threshold() const { return threshold_; }
  // Topic ids and labels in taxonomy order.
  const std::vector<std::string>& ids() const { return ids_; }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  std::vector<std::string> ids_;
  std::vector<std::string> labels_;
  std::vector<int> pattern_topic_;      // pattern index -> topic index
  std::vector<double> pattern_weight_;  // pattern index -> weight
  PhraseMatcher matcher_;
  double threshold_ = 4;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_TOPICS_H_
