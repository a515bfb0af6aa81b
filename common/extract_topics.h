// Topics: the health-policy taxonomy of corpus/topics.tsv and the scoring
// that decides which topics an article is about, from its title and body.
//
// Also home of the tokenizer and the word-boundary phrase matcher the
// taxonomy is built on (the outlet signatures and the speaker rules use
// them too): an article's text is cut into words and punctuation once
// (ArticleTokens), and patterns are looked up by their first word, so the
// cost grows with the text, not with the number of patterns.
// Not for: reader comments (they never count as evidence), stemming or
// fuzzy matching (a pattern says explicitly which endings it accepts).

#ifndef HPNEWS_COMMON_EXTRACT_TOPICS_H_
#define HPNEWS_COMMON_EXTRACT_TOPICS_H_

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace hpnews {

// A hash for words, cheaper than std::hash on the short keys the
// extractors look up for every token (FNV-1a).
struct WordHash {
  std::size_t operator()(std::string_view s) const noexcept {
    std::size_t h = 14695981039346656037ull;
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return h;
  }
};

// A word (letters and digits, UTF-8 letters included) or one punctuation
// character, with its byte offsets in the text it came from. The views
// point into that text and into the lower-cased copy its TokenizedText
// holds: a token is valid while both live.
struct MatchToken {
  std::string_view text;
  std::string_view lower;  // ASCII lower case of `text`
  std::size_t begin = 0;
  std::size_t end = 0;
  bool is_word = false;
};

// A text cut into words and punctuation (whitespace dropped), once, so that
// the outlet, speaker and topic extractors share one tokenization. Owns the
// lower-cased copy its tokens' `lower` views point into; their `text` views
// point into the text given, which must outlive this object. Moving keeps
// every view valid.
class TokenizedText {
 public:
  TokenizedText() = default;
  explicit TokenizedText(std::string_view text);

  const std::vector<MatchToken>& tokens() const { return tokens_; }
  // How many tokens are words (not punctuation).
  std::size_t words() const { return words_; }

 private:
  std::unique_ptr<char[]> lower_;
  std::vector<MatchToken> tokens_;
  std::size_t words_ = 0;
};

// The same as TokenizedText(text): `text` must outlive the result.
inline TokenizedText TokenizeForMatch(std::string_view text) {
  return TokenizedText(text);
}

// An article's title and body paragraphs, tokenized once for all the
// extractors. The strings must outlive it and stay unchanged.
struct ArticleTokens {
  ArticleTokens(const std::string& title,
                const std::vector<std::string>& paragraphs);
  TokenizedText title;
  std::vector<TokenizedText> paragraphs;
};

// A set of patterns matched on word boundaries against tokenized text.
// A pattern is tokenized like the text ("top-down" = top, -, down). Words
// of a case-sensitive pattern must match exactly, others ignoring ASCII
// case. A trailing "*" on the pattern's last word accepts any ending; the
// last word also always accepts a plural "s" ("CCG" matches "CCGs").
// Patterns are found through a hash map from their first word, so the cost
// grows with the text, not with the number of patterns.
class PhraseMatcher {
 public:
  struct Match {
    int pattern = 0;        // index returned by Add()
    std::size_t first = 0;  // first token of the match
    std::size_t last = 0;   // one past the last token
  };

  PhraseMatcher() = default;
  // Move-only: the maps' keys are views into keys_.
  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;
  PhraseMatcher(PhraseMatcher&&) = default;
  PhraseMatcher& operator=(PhraseMatcher&&) = default;

  // Adds `pattern`; returns its index, or -1 if it has no words.
  int Add(std::string_view pattern, bool case_sensitive);
  std::size_t size() const { return patterns_.size(); }

  // Every match of every pattern in `tokens` (overlaps included), in order
  // of their first token.
  std::vector<Match> FindAll(const std::vector<MatchToken>& tokens) const;
  std::vector<Match> FindAll(const TokenizedText& text) const {
    return FindAll(text.tokens());
  }

 private:
  struct Pattern {
    std::vector<std::string> text, lower;  // the words
    std::vector<bool> is_word;
    bool case_sensitive = false;
    bool prefix = false;  // the last word matches as a prefix
  };
  bool MatchesAt(const Pattern& p, const std::vector<MatchToken>& tokens,
                 std::size_t at) const;
  using Index =
      std::unordered_map<std::string_view, std::vector<int>, WordHash>;
  const std::vector<int>* Lookup(const Index& map, std::string_view key) const;

  // Whether any key of the maps below may match a token starting with the
  // two bytes (a, b): most tokens are ruled out without hashing.
  static std::size_t PairIndex(std::string_view lower) {
    unsigned char a = static_cast<unsigned char>(lower[0]);
    unsigned char b =
        lower.size() > 1 ? static_cast<unsigned char>(lower[1]) : 0;
    return a * 256u + b;
  }
  std::vector<bool> first_pairs_ = std::vector<bool>(256 * 256, false);

  std::vector<Pattern> patterns_;
  // The keys of the maps below; a deque never moves what it holds.
  std::deque<std::string> keys_;
  // Patterns by their lower-cased first word; prefix patterns of one word
  // by the first kPrefixKey bytes of it.
  Index by_first_;
  Index by_prefix_;
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
  std::vector<std::string> Classify(const ArticleTokens& tokens) const;
  // The score of every topic (taxonomy order), for tuning and tests.
  std::vector<TopicScore> Score(
      const std::string& title,
      const std::vector<std::string>& paragraphs) const;
  std::vector<TopicScore> Score(const ArticleTokens& tokens) const;

  double threshold() const { return threshold_; }
  // How many times the domain's words ("*<TAB>domain<TAB>PATTERN") occur
  // in the article; Classify() gives no topic below "domain-min", nor
  // below "domain-per-1000" of the title's and body's words.
  std::size_t DomainMatches(const ArticleTokens& tokens) const;
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
  PhraseMatcher domain_;
  double domain_min_ = 0;       // 0: every article is in the domain
  double domain_per_1000_ = 0;  // 0: however long the article
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_TOPICS_H_
