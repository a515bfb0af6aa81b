// Facet counting: how many matching documents carry each outlet, speaker,
// topic, year or month.
//
// Counting is a Xapian::MatchSpy that the search attaches to its Enquire;
// it is separate from ranking (ranking code never sees a facet) and from
// printing (results are plain FacetCounts). Counts are exact only when the
// match visits every matching document: the caller sets check_at_least.

#ifndef HPNEWS_SEARCHER_FACETS_H_
#define HPNEWS_SEARCHER_FACETS_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/schema.h"
#include "common/status.h"

namespace hpnews {

// Counts the values of one value slot over the documents the match visits.
// A `multi` slot holds a schema::EncodeList() value: each distinct item
// counts once per document, so an article quoting three people adds one to
// each of them. Empty values (unknown outlet, no date) are not counted.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(Xapian::valueno slot, bool multi) : slot_(slot), multi_(multi) {}

  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;

  const std::map<std::string, Xapian::doccount>& counts() const {
    return counts_;
  }
  Xapian::doccount documents_seen() const { return seen_; }

 private:
  Xapian::valueno slot_;
  bool multi_;
  std::map<std::string, Xapian::doccount> counts_;
  Xapian::doccount seen_ = 0;
};

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
};

// The counts of one facet field, most frequent first.
struct FacetCounts {
  std::string field;  // "outlet"
  std::vector<FacetValue> values;
};

// The `limit` largest counts (0 = all), sorted by count descending then
// value ascending (byte order), so equal counts print in a stable order.
std::vector<FacetValue> TopValues(
    const std::map<std::string, Xapian::doccount>& counts, size_t limit);

// Checks facet field names against schema::FacetFields() and drops repeats,
// keeping the first order. InvalidInput names the unknown field.
Status ParseFacetFields(const std::vector<std::string>& names,
                        std::vector<std::string>* fields);

// One spy per asked field, attached to an Enquire for one match. Must
// outlive the Enquire::get_mset() call it counts for.
class FacetCollector {
 public:
  // `fields` must have passed ParseFacetFields().
  explicit FacetCollector(const std::vector<std::string>& fields);

  bool empty() const { return spies_.empty(); }
  void AttachTo(Xapian::Enquire* enquire);
  std::vector<FacetCounts> Results(size_t limit) const;

 private:
  std::vector<std::string> fields_;
  std::vector<std::unique_ptr<FacetSpy>> spies_;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_FACETS_H_
