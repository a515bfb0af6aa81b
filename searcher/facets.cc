#include "searcher/facets.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>
#include <unordered_map>

namespace hpnews {

void FacetSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
  ++seen_;
  std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  if (!multi_) {
    ++counts_[value];
    return;
  }
  // A list can repeat an item (two spellings normalised alike upstream);
  // a document still counts once per value. Lists are short, so a linear
  // look-back beats building a set for every matching document.
  std::vector<std::string_view> seen;
  const std::string_view all(value);
  for (size_t start = 0; start <= all.size();) {
    size_t end = all.find(schema::kListSeparator, start);
    if (end == std::string_view::npos) end = all.size();
    std::string_view item = all.substr(start, end - start);
    start = end + 1;
    if (item.empty() || std::find(seen.begin(), seen.end(), item) != seen.end())
      continue;
    seen.push_back(item);
    ++counts_[std::string(item)];
  }
}

Xapian::MatchSpy* FacetSpy::clone() const {
  return new FacetSpy(slot_, multi_);
}

std::string FacetSpy::name() const { return "hpnews::FacetSpy"; }

std::vector<FacetValue> TopValues(
    const std::map<std::string, Xapian::doccount>& counts, size_t limit) {
  std::vector<FacetValue> values;
  values.reserve(counts.size());
  for (const auto& [value, count] : counts) values.push_back({value, count});
  auto order = [](const FacetValue& a, const FacetValue& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.value < b.value;
  };
  if (limit != 0 && limit < values.size()) {
    std::partial_sort(values.begin(), values.begin() + limit, values.end(),
                      order);
    values.resize(limit);
  } else {
    std::sort(values.begin(), values.end(), order);
  }
  return values;
}

bool ParseHistogramField(const std::string& name, DateInterval* interval) {
  if (name == "date:month") {
    *interval = DateInterval::kMonth;
  } else if (name == "date:year") {
    *interval = DateInterval::kYear;
  } else {
    return false;
  }
  return true;
}

std::string DatePeriod(const std::string& ymd, DateInterval interval) {
  if (ymd.size() != 8) return "";
  for (char c : ymd) {
    if (c < '0' || c > '9') return "";
  }
  if (interval == DateInterval::kYear) return ymd.substr(0, 4);
  return ymd.substr(0, 4) + "-" + ymd.substr(4, 2);
}

std::vector<std::string> PeriodRange(const std::string& first,
                                     const std::string& last,
                                     DateInterval interval) {
  std::vector<std::string> out;
  if (first.empty() || last.empty() || first > last) return out;
  int year = std::atoi(first.substr(0, 4).c_str());
  int month = interval == DateInterval::kMonth
                  ? std::atoi(first.substr(5, 2).c_str())
                  : 1;
  // Bounded by the four-digit years the slot holds, so a corrupt value
  // cannot make this loop long.
  for (int guard = 0; guard < 12 * 10000; ++guard) {
    char buf[16];
    if (interval == DateInterval::kMonth) {
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d", year);
    }
    out.push_back(buf);
    if (out.back() >= last) break;
    if (interval == DateInterval::kYear || ++month > 12) {
      month = 1;
      ++year;
    }
  }
  return out;
}

void HistogramSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
  std::string period = DatePeriod(doc.get_value(schema::kDateSlot), interval_);
  if (period.empty()) return;
  if (!has_series_) {
    ++counts_[""][period];
    return;
  }
  std::string value = doc.get_value(series_slot_);
  if (value.empty()) return;
  if (!series_multi_) {
    ++counts_[value][period];
    return;
  }
  std::vector<std::string> items = schema::DecodeList(value);
  std::set<std::string> distinct(items.begin(), items.end());
  for (const std::string& item : distinct) {
    if (!item.empty()) ++counts_[item][period];
  }
}

Xapian::MatchSpy* HistogramSpy::clone() const {
  return new HistogramSpy(interval_, series_slot_, has_series_, series_multi_);
}

std::string HistogramSpy::name() const { return "hpnews::HistogramSpy"; }

std::vector<FacetValue> HistogramValues(
    const std::map<std::string, Xapian::doccount>& counts,
    DateInterval interval) {
  std::vector<FacetValue> values;
  if (counts.empty()) return values;
  for (const std::string& period :
       PeriodRange(counts.begin()->first, counts.rbegin()->first, interval)) {
    auto it = counts.find(period);
    values.push_back({period, it == counts.end() ? 0 : it->second});
  }
  return values;
}

Status ParseFacetFields(const std::vector<std::string>& names,
                        std::vector<std::string>* fields) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    DateInterval interval;
    if (schema::FindFacetField(name) == nullptr &&
        !ParseHistogramField(name, &interval)) {
      std::string known;
      for (const schema::FacetField& f : schema::FacetFields()) {
        known += known.empty() ? "" : ", ";
        known += f.name;
      }
      known += ", date:month, date:year";
      return Status::InvalidInput("unknown facet field \"" + name +
                                  "\" (fields: " + known + ")");
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(name);
    }
  }
  *fields = std::move(out);
  return Status::Ok();
}

namespace {

// Ordinals for the values of one column as it is read.
class OrdinalTable {
 public:
  explicit OrdinalTable(std::vector<std::string>* values) : values_(values) {}
  uint32_t Of(const std::string& value) {
    auto [it, added] = index_.emplace(value, 0);
    if (added) {
      values_->push_back(value);
      it->second = static_cast<uint32_t>(values_->size());
    }
    return it->second;
  }

 private:
  std::vector<std::string>* values_;
  std::unordered_map<std::string, uint32_t> index_;
};

std::unique_ptr<FacetColumn> ReadColumn(const Xapian::Database& db,
                                        const std::string& name) {
  auto column = std::make_unique<FacetColumn>();
  OrdinalTable table(&column->values);
  const size_t size = static_cast<size_t>(db.get_lastdocid()) + 1;
  DateInterval interval;
  if (ParseHistogramField(name, &interval)) {
    // The period of kDateSlot, exactly as HistogramSpy reads it.
    column->ords.assign(size, 0);
    for (auto v = db.valuestream_begin(schema::kDateSlot);
         v != db.valuestream_end(schema::kDateSlot); ++v) {
      std::string period = DatePeriod(*v, interval);
      if (!period.empty()) column->ords[v.get_docid()] = table.Of(period);
    }
    return column;
  }
  const schema::FacetField* field = schema::FindFacetField(name);
  if (!field->multi) {
    column->ords.assign(size, 0);
    for (auto v = db.valuestream_begin(field->slot);
         v != db.valuestream_end(field->slot); ++v) {
      if (!(*v).empty()) column->ords[v.get_docid()] = table.Of(*v);
    }
    return column;
  }
  column->multi = true;
  column->starts.assign(size + 1, 0);
  Xapian::docid next = 0;  // documents before it have their start set
  for (auto v = db.valuestream_begin(field->slot);
       v != db.valuestream_end(field->slot); ++v) {
    const Xapian::docid did = v.get_docid();
    const auto here = static_cast<uint32_t>(column->items.size());
    for (; next <= did; ++next) column->starts[next] = here;
    for (const std::string& item : schema::DecodeList(*v)) {
      if (item.empty()) continue;
      uint32_t ord = table.Of(item);
      // Counted once per document even if the list repeats it.
      if (std::find(column->items.begin() + here, column->items.end(), ord) ==
          column->items.end()) {
        column->items.push_back(ord);
      }
    }
  }
  const auto end = static_cast<uint32_t>(column->items.size());
  for (; next <= size; ++next) column->starts[next] = end;
  return column;
}

}  // namespace

const FacetColumn& FacetCache::Column(const Xapian::Database& db,
                                      const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  std::unique_ptr<FacetColumn>& column = columns_[name];
  if (!column) column = ReadColumn(db, name);
  return *column;
}

void CachedFacetSpy::operator()(const Xapian::Document& doc, double /*wt*/) {
  Count(doc.get_docid());
}

Xapian::MatchSpy* CachedFacetSpy::clone() const {
  return new CachedFacetSpy(column_);
}

std::string CachedFacetSpy::name() const { return "hpnews::CachedFacetSpy"; }

std::map<std::string, Xapian::doccount> CachedFacetSpy::counts() const {
  std::map<std::string, Xapian::doccount> out;
  // Ordinal 0 counts the documents with no value: not a facet value.
  for (size_t ord = 1; ord < counts_.size(); ++ord) {
    if (counts_[ord] != 0) out.emplace(column_->values[ord - 1], counts_[ord]);
  }
  return out;
}

Xapian::valueno ItemSlotsInUse(const Xapian::Database& db,
                               const schema::FacetField& field) {
  if (!field.multi) return 0;
  Xapian::valueno n = 0;
  while (n < schema::kMaxItemSlots &&
         db.get_value_freq(field.item_slots + n) > 0) {
    ++n;
  }
  return n;
}

struct FacetCollector::Counter {
  std::string field;
  bool histogram = false;
  DateInterval interval = DateInterval::kMonth;
  // One of these is set, as FacetSource::method says.
  std::unique_ptr<FacetSpy> values;
  std::unique_ptr<HistogramSpy> histogram_values;
  std::unique_ptr<CachedFacetSpy> cached;
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> builtin;

  // value (or period) -> count.
  std::map<std::string, Xapian::doccount> Counts() const {
    if (values) return values->counts();
    if (cached) return cached->counts();
    if (histogram_values) {
      const auto& all = histogram_values->counts();
      auto it = all.find("");
      return it == all.end() ? std::map<std::string, Xapian::doccount>()
                             : it->second;
    }
    // An item is in one item slot of a document at most, so the sum over
    // the slots counts each document once.
    std::map<std::string, Xapian::doccount> out;
    for (const auto& spy : builtin) {
      for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
        out[*v] += v.get_termfreq();
      }
    }
    return out;
  }
};

FacetCollector::FacetCollector(const std::vector<std::string>& fields,
                               const FacetSource& source) {
  for (const std::string& name : fields) {
    auto counter = std::make_unique<Counter>();
    counter->field = name;
    counter->histogram = ParseHistogramField(name, &counter->interval);
    const schema::FacetField* field =
        counter->histogram ? nullptr : schema::FindFacetField(name);
    switch (source.method) {
      case FacetMethod::kCache:
        counter->cached = std::make_unique<CachedFacetSpy>(
            &source.cache->Column(*source.db, name));
        break;
      case FacetMethod::kBuiltin:
        if (counter->histogram) {
          counter->builtin.push_back(
              std::make_unique<Xapian::ValueCountMatchSpy>(
                  counter->interval == DateInterval::kYear
                      ? schema::kYearSlot
                      : schema::kMonthSlot));
        } else if (!field->multi) {
          counter->builtin.push_back(
              std::make_unique<Xapian::ValueCountMatchSpy>(field->slot));
        } else {
          auto it = source.item_slots.find(name);
          Xapian::valueno n = it == source.item_slots.end() ? 0 : it->second;
          for (Xapian::valueno i = 0; i < n; ++i) {
            counter->builtin.push_back(
                std::make_unique<Xapian::ValueCountMatchSpy>(field->item_slots +
                                                             i));
          }
        }
        break;
      case FacetMethod::kDocumentValues:
        if (counter->histogram) {
          counter->histogram_values =
              std::make_unique<HistogramSpy>(counter->interval);
        } else {
          counter->values =
              std::make_unique<FacetSpy>(field->slot, field->multi);
        }
        break;
    }
    counters_.push_back(std::move(counter));
  }
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::AttachTo(Xapian::Enquire* enquire) {
  // We keep ownership: the spies are read after get_mset().
  for (auto& counter : counters_) {
    if (counter->values) enquire->add_matchspy(counter->values.get());
    if (counter->histogram_values)
      enquire->add_matchspy(counter->histogram_values.get());
    if (counter->cached) enquire->add_matchspy(counter->cached.get());
    for (auto& spy : counter->builtin) enquire->add_matchspy(spy.get());
  }
}

bool FacetCollector::CountsByDocid() const {
  for (const auto& counter : counters_) {
    if (!counter->cached) return false;
  }
  return true;
}

void FacetCollector::Count(Xapian::docid did) {
  for (auto& counter : counters_) counter->cached->Count(did);
}

FacetCollector::RawCounts FacetCollector::Counts() const {
  RawCounts out;
  for (const auto& counter : counters_) out.push_back(counter->Counts());
  return out;
}

std::vector<FacetCounts> FacetCollector::Finish(
    const std::vector<std::string>& fields, const RawCounts& counts,
    size_t limit) {
  std::vector<FacetCounts> out;
  for (size_t i = 0; i < fields.size() && i < counts.size(); ++i) {
    DateInterval interval;
    if (ParseHistogramField(fields[i], &interval)) {
      out.push_back({fields[i], HistogramValues(counts[i], interval), true});
    } else {
      out.push_back({fields[i], TopValues(counts[i], limit), false});
    }
  }
  return out;
}

std::vector<FacetCounts> FacetCollector::Results(size_t limit) const {
  std::vector<std::string> fields;
  for (const auto& counter : counters_) fields.push_back(counter->field);
  return Finish(fields, Counts(), limit);
}

}  // namespace hpnews
