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

// The counts of one facet field, most frequent first; for a date
// histogram ("date:month", "date:year") every period from the first to the
// last match in time order, empty periods included with count 0.
struct FacetCounts {
  std::string field;  // "outlet", "date:month"
  std::vector<FacetValue> values;
  bool histogram = false;
};

// The period of a date histogram.
enum class DateInterval { kMonth, kYear };

// The facet names for date histograms: "date:month" and "date:year".
// True (and *interval set) if `name` is one.
bool ParseHistogramField(const std::string& name, DateInterval* interval);

// The period a kDateSlot value ("YYYYMMDD") falls in: "YYYY-MM" or "YYYY";
// "" for an empty or malformed value.
std::string DatePeriod(const std::string& ymd, DateInterval interval);

// Every period from `first` to `last` inclusive ("2011-11".."2012-02" ->
// 2011-11, 2011-12, 2012-01, 2012-02). Empty if first > last.
std::vector<std::string> PeriodRange(const std::string& first,
                                     const std::string& last,
                                     DateInterval interval);

// Counts matches per period of their date (undated ones are not counted).
// With a `series_slot`, counts per (series value, period) instead, for a
// timeline with one line per outlet, speaker or topic.
class HistogramSpy : public Xapian::MatchSpy {
 public:
  HistogramSpy(DateInterval interval, Xapian::valueno series_slot = 0,
               bool has_series = false, bool series_multi = false)
      : interval_(interval),
        series_slot_(series_slot),
        has_series_(has_series),
        series_multi_(series_multi) {}

  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;

  // series value ("" without series) -> period -> count
  const std::map<std::string, std::map<std::string, Xapian::doccount>>& counts()
      const {
    return counts_;
  }

 private:
  DateInterval interval_;
  Xapian::valueno series_slot_;
  bool has_series_;
  bool series_multi_;
  std::map<std::string, std::map<std::string, Xapian::doccount>> counts_;
};

// The histogram values of `counts` (period -> count): every period from
// the first to the last, gaps filled with 0.
std::vector<FacetValue> HistogramValues(
    const std::map<std::string, Xapian::doccount>& counts,
    DateInterval interval);

// The `limit` largest counts (0 = all), sorted by count descending then
// value ascending (byte order), so equal counts print in a stable order.
std::vector<FacetValue> TopValues(
    const std::map<std::string, Xapian::doccount>& counts, size_t limit);

// Checks facet field names against schema::FacetFields() and the date
// histograms, and drops repeats, keeping the first order. InvalidInput
// names the unknown field.
Status ParseFacetFields(const std::vector<std::string>& names,
                        std::vector<std::string>* fields);

// One spy per asked field, attached to an Enquire for one match. Must
// outlive the Enquire::get_mset() call it counts for.
class FacetCollector {
 public:
  // `fields` must have passed ParseFacetFields().
  explicit FacetCollector(const std::vector<std::string>& fields);

  bool empty() const { return fields_.empty(); }
  void AttachTo(Xapian::Enquire* enquire);
  // Histograms are never cut by `limit`: a gap would read as a zero.
  std::vector<FacetCounts> Results(size_t limit) const;

 private:
  std::vector<std::string> fields_;
  // One of the two per field, the other null.
  std::vector<std::unique_ptr<FacetSpy>> spies_;
  std::vector<std::unique_ptr<HistogramSpy>> histograms_;
  std::vector<DateInterval> intervals_;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_FACETS_H_
