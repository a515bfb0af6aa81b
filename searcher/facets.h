// Facet counting: how many matching documents carry each outlet, speaker,
// topic, year or month.
//
// Counting is a Xapian::MatchSpy that the search attaches to its Enquire;
// it is separate from ranking (ranking code never sees a facet) and from
// printing (results are plain FacetCounts). Counts are exact only when the
// match visits every matching document: the caller sets check_at_least.
//
// Three ways to count, all exact, chosen by the search (FacetSource):
//   - our own spies read each match's value slots (FacetSpy, HistogramSpy):
//     any local database, one query at a time;
//   - a FacetCache holds every document's values as small integers, so a
//     match costs an array look-up instead of a value-slot read: batches
//     on one local database (Lucene counts facets from ordinals the same
//     way);
//   - Xapian's own ValueCountMatchSpy, the only spy stock xapian-tcpsrv
//     can run for a remote shard: single-valued fields and date histograms
//     on their own slot, multi-valued fields on every facet item slot in
//     use (schema.h, "Facet item slots"), summed.

#ifndef HPNEWS_SEARCHER_FACETS_H_
#define HPNEWS_SEARCHER_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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

// Every document's values of one facet field (or date histogram) as
// ordinals: value i of `values` is ordinal i + 1, 0 means none.
struct FacetColumn {
  std::vector<std::string> values;
  bool multi = false;
  // Single-valued: ordinal of document d is ords[d] (d past the end: none).
  std::vector<uint32_t> ords;
  // Multi-valued: document d's distinct ordinals are
  // items[starts[d] .. starts[d + 1]).
  std::vector<uint32_t> starts;
  std::vector<uint32_t> items;
};

// Facet columns of one local database, read from its value streams the
// first time a field is counted and kept: a batch pays one pass over a
// slot instead of a value read per match per query. Thread-safe: the
// workers of a batch share one cache, each with its own Database handle
// on the same revision.
class FacetCache {
 public:
  // The column of `name` (a facet field or "date:month"/"date:year") in
  // `db`, which must be one local database (the docids a spy sees in a
  // database of several shards are each shard's own, so a column cannot be
  // looked up by them) and the same revision for every caller.
  const FacetColumn& Column(const Xapian::Database& db,
                            const std::string& name);

 private:
  std::mutex mu_;
  std::map<std::string, std::unique_ptr<FacetColumn>> columns_;
};

// Counts one FacetColumn's ordinals over the documents the match visits.
class CachedFacetSpy : public Xapian::MatchSpy {
 public:
  explicit CachedFacetSpy(const FacetColumn* column)
      : column_(column), counts_(column->values.size() + 1, 0) {}

  void operator()(const Xapian::Document& doc, double wt) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override;

  // Counts document `did` (what operator() does with a match's docid).
  void Count(Xapian::docid did) {
    if (!column_->multi) {
      if (did < column_->ords.size()) ++counts_[column_->ords[did]];
      return;
    }
    if (did + 1 >= column_->starts.size()) return;
    for (uint32_t i = column_->starts[did]; i < column_->starts[did + 1]; ++i)
      ++counts_[column_->items[i]];
  }

  // value -> count, values with a count only.
  std::map<std::string, Xapian::doccount> counts() const;

 private:
  const FacetColumn* column_;
  std::vector<Xapian::doccount> counts_;  // by ordinal
};

// How many of `field`'s facet item slots some document uses: slots
// field.item_slots .. + N - 1 (items fill them from the first, so the
// first empty one ends the run). 0 for a single-valued field.
Xapian::valueno ItemSlotsInUse(const Xapian::Database& db,
                               const schema::FacetField& field);

enum class FacetMethod {
  kDocumentValues,  // FacetSpy / HistogramSpy: local databases
  kCache,           // CachedFacetSpy: one local database
  kBuiltin,         // ValueCountMatchSpy: any shards, remote ones too
};

struct FacetSource {
  FacetMethod method = FacetMethod::kDocumentValues;
  // kCache: the cache and the one local database the match runs on.
  FacetCache* cache = nullptr;
  const Xapian::Database* db = nullptr;
  // kBuiltin: ItemSlotsInUse() of each multi-valued field, by name.
  std::map<std::string, Xapian::valueno> item_slots;
};

// One counter per asked field, attached to an Enquire for one match. Must
// outlive the Enquire::get_mset() call it counts for.
class FacetCollector {
 public:
  // `fields` must have passed ParseFacetFields().
  explicit FacetCollector(const std::vector<std::string>& fields,
                          const FacetSource& source = FacetSource());
  ~FacetCollector();

  bool empty() const { return counters_.empty(); }
  void AttachTo(Xapian::Enquire* enquire);
  // True if every field is counted from a FacetCache, so that Count() can
  // count a document by its id alone, without a match.
  bool CountsByDocid() const;
  // Counts document `did` in every field; only when CountsByDocid().
  void Count(Xapian::docid did);
  // Histograms are never cut by `limit`: a gap would read as a zero.
  std::vector<FacetCounts> Results(size_t limit) const;

  // Each field's value (or period) -> count, in the asked order: what
  // Results() sorts and cuts. Counts of several matches (CountPool's
  // ranges) add up to those of one match over all their documents.
  using RawCounts = std::vector<std::map<std::string, Xapian::doccount>>;
  RawCounts Counts() const;
  // Results() of `counts` (Counts() of `fields`, perhaps summed).
  static std::vector<FacetCounts> Finish(const std::vector<std::string>& fields,
                                         const RawCounts& counts, size_t limit);

 private:
  struct Counter;
  std::vector<std::unique_ptr<Counter>> counters_;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_FACETS_H_
