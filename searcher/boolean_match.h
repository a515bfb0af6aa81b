// The documents a query matches, found from posting lists alone.
//
// Exact facet counts need every match of a query, not its ranking. Xapian's
// matcher visits each match as a candidate for the page of hits: a
// Document handle, every match spy called, a weight. For a query of terms
// combined by AND, OR and their kin, walking the posting lists is enough
// and costs about a third (Reuters-21578 x10: "dlrs", 81,130 matches,
// 7.4 ms through Enquire with BoolWeight and three spies, 2.5 ms walking
// its posting list). A query with anything else (phrases, NEAR, value
// ranges, posting sources, wildcards, ELITE_SET, XOR) gets no BooleanMatch,
// and the caller uses Xapian's matcher.
//
// A wide OR (a date range is an OR of day, month and year terms) is read
// once into a bitmap of the docids asked for when that costs less than
// merging its posting lists at every step. On 1M generated articles,
// "weekly date:2016-01-14..2017-01-13" with three facets ("weekly" in
// 407,027 documents, the range an OR of 42 terms) took 111 ms on one core
// merging and 83 ms with the bitmap (67 and 56 ms with the idle core
// counting beside the ranked match); the answers are the same.
//
// Not a ranker: no weights, no order but docid.

#ifndef HPNEWS_SEARCHER_BOOLEAN_MATCH_H_
#define HPNEWS_SEARCHER_BOOLEAN_MATCH_H_

#include <xapian.h>

#include <limits>
#include <memory>
#include <string>

namespace hpnews {

class BooleanMatch {
 public:
  // The match of `query` on `db`, or null if `query` holds an operator it
  // does not evaluate. Matches exactly the documents Xapian's matcher
  // does: OR, SYNONYM and MAX are unions, AND and FILTER intersections,
  // AND_NOT a difference, AND_MAYBE its first subquery, SCALE_WEIGHT its
  // subquery; MatchAll every document, MatchNothing none.
  // Only docids in [first, last] will be asked for (Advance() may answer
  // 0 past `last`).
  static std::unique_ptr<BooleanMatch> Make(
      const Xapian::Database& db, const Xapian::Query& query,
      Xapian::docid first = 1,
      Xapian::docid last = std::numeric_limits<Xapian::docid>::max());

  virtual ~BooleanMatch() = default;

  // The first matching docid >= `did`, or 0 when there is none. Calls must
  // ask for non-decreasing ids.
  virtual Xapian::docid Advance(Xapian::docid did) = 0;

  // About how many documents of the database match, at most (from term
  // frequencies): what choosing between merging and a bitmap weighs.
  virtual Xapian::doccount Estimate() const = 0;

  // How it matches, e.g. "AND(Zpay, BITMAP(Y2011, Y2012, M201301))".
  virtual std::string Describe() const = 0;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_BOOLEAN_MATCH_H_
