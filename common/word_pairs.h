// Pair terms: one boolean term per frequent pair of adjacent words, so that
// a phrase of such a pair is one posting list instead of a positional check
// of every document holding both words.
//
// Xapian checks a phrase by reading the positions of its words in every
// document that holds all of them. For a pair of common words ("told
// reporters", "mln dlrs", "breast cancer") that is a large part of the
// index: on Reuters-21578 x10 seven of the ten slowest of 1,000 faceted
// queries were such phrases ("mln dlrs" 21-29 ms), and on 1,000,000
// generated articles they were two thirds of the queries over 50 ms.
// Lucene's CommonGrams filter answers the same problem with a list of
// stop words; here the pairs are learnt from the articles.
//
// Which pairs: those in at least kMinShare of the first articles of the
// build that created the index (WordPairs::Learn(), on the same first
// chunk of input the data dictionary is trained on), stored in its
// metadata (schema::kWordPairsKey) and used for every article written to
// it afterwards, updates included, so an index's pair terms are complete.
// Only pairs common in the sample, because each distinct term costs the
// indexer at every commit. A pair of common words that is rare as a pair
// is left to positions and stays slow ("patients used": 9,467 of 1M
// articles, 167 ms). A first version, which paired any two common stems,
// made 118,649 distinct terms and a build 48% slower on Reuters-21578
// x10; this one, 643 pairs there, costs about 10% of the build's time
// (60.7 -> 66.6 s, alternated runs) and 4% of the index, and on 1,000,000
// generated articles 5,000 pairs made the index 6% larger.
//
// A pair term is exact: XB<stem1> <stem2> is in an article if and only if
// the unprefixed stems stem1 and stem2 (title and body words) are at
// adjacent positions in it, which is what Xapian's OP_PHRASE of the two
// checks (TermGenerator never puts adjacent positions across paragraphs or
// fields). WithPairTerms() therefore rewrites such a phrase into
// FILTER(AND(stem1, stem2), pair term): the same documents and the same
// weights (a phrase weighs what its words weigh; the FILTER adds nothing),
// no positions read.

#ifndef HPNEWS_COMMON_WORD_PAIRS_H_
#define HPNEWS_COMMON_WORD_PAIRS_H_

#include <xapian.h>

#include <string>
#include <unordered_set>
#include <vector>

#include "common/article.h"

namespace hpnews {

class WordPairs {
 public:
  // A pair gets a term when at least this share of the sample's articles
  // hold it (two at least).
  static constexpr double kMinShare = 0.01;
  // Stems in more than this share of the articles (the, of, and, said) are
  // not paired: their pairs would add a posting to nearly every article
  // for phrases nobody types ("of the").
  static constexpr double kMaxStemShare = 0.9;
  // At most this many pairs, the most frequent first: each distinct term
  // costs the indexer at every commit.
  static constexpr std::size_t kMaxPairs = 5000;
  // Fewer articles than this teach nothing: no pair terms.
  static constexpr std::size_t kMinSample = 20;

  WordPairs() = default;
  // `pairs` are two stems (without the Z prefix) and a space: "told report".
  explicit WordPairs(const std::vector<std::string>& pairs);

  // The frequent pairs of `sample` (see above); none below kMinSample.
  static WordPairs Learn(const std::vector<const Article*>& sample);
  // What Serialise() wrote (the metadata value); "" gives no pairs.
  static WordPairs Parse(const std::string& text);
  // The pairs, sorted, one per line: schema::kWordPairsKey's value.
  std::string Serialise() const;
  // The pairs every one of `all` holds: what a search over several shards
  // can rely on.
  static WordPairs Intersection(const std::vector<WordPairs>& all);

  bool empty() const { return pairs_.empty(); }
  std::size_t size() const { return pairs_.size(); }
  bool Contains(const std::string& first, const std::string& second) const;

  // Adds to `doc` the pair term of each listed pair whose stems are at
  // adjacent positions, read from the positions `doc` already holds (so
  // call it after the title and body are indexed). Boolean terms: the
  // document's length and weights do not change.
  void AddPairTerms(Xapian::Document* doc) const;

 private:
  std::unordered_set<std::string> pairs_;    // "first second"
  std::unordered_set<std::string> firsts_;   // the stems pairs start with
  std::unordered_set<std::string> seconds_;  // and end with
};

// XB<first> <second>: the pair term of two stems (without their Z).
std::string PairTerm(const std::string& first, const std::string& second);

// `query` with every two-word phrase of unprefixed stems that `pairs`
// holds rewritten into FILTER(AND(first, second), PairTerm()): the same
// matches and weights. A longer phrase is kept and filtered by the pair
// terms of its listed adjacent pairs, which narrows the candidates whose
// positions are checked. Phrases under SYNONYM or MAX (which weigh a
// subquery by its wdf, which a phrase and its rewriting count differently)
// or under an operator whose parameters Xapian's API does not show
// (SCALE_WEIGHT, ELITE_SET, NEAR, ...) are left as they are.
Xapian::Query WithPairTerms(const Xapian::Query& query, const WordPairs& pairs);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_WORD_PAIRS_H_
