#include "searcher/facets.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>

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

FacetCollector::FacetCollector(const std::vector<std::string>& fields)
    : fields_(fields) {
  for (const std::string& name : fields_) {
    DateInterval interval = DateInterval::kMonth;
    if (ParseHistogramField(name, &interval)) {
      spies_.push_back(nullptr);
      histograms_.push_back(std::make_unique<HistogramSpy>(interval));
    } else {
      const schema::FacetField* field = schema::FindFacetField(name);
      spies_.push_back(std::make_unique<FacetSpy>(field->slot, field->multi));
      histograms_.push_back(nullptr);
    }
    intervals_.push_back(interval);
  }
}

void FacetCollector::AttachTo(Xapian::Enquire* enquire) {
  // We keep ownership: the spies are read after get_mset().
  for (auto& spy : spies_) {
    if (spy) enquire->add_matchspy(spy.get());
  }
  for (auto& spy : histograms_) {
    if (spy) enquire->add_matchspy(spy.get());
  }
}

std::vector<FacetCounts> FacetCollector::Results(size_t limit) const {
  std::vector<FacetCounts> out;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (spies_[i]) {
      out.push_back({fields_[i], TopValues(spies_[i]->counts(), limit), false});
      continue;
    }
    static const std::map<std::string, Xapian::doccount> kNone;
    const auto& all = histograms_[i]->counts();
    auto it = all.find("");
    out.push_back(
        {fields_[i],
         HistogramValues(it == all.end() ? kNone : it->second, intervals_[i]),
         true});
  }
  return out;
}

}  // namespace hpnews
