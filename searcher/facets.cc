#include "searcher/facets.h"

#include <algorithm>
#include <set>

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
  // a document still counts once per value.
  std::vector<std::string> items = schema::DecodeList(value);
  std::set<std::string> distinct(items.begin(), items.end());
  for (const std::string& item : distinct) {
    if (!item.empty()) ++counts_[item];
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

Status ParseFacetFields(const std::vector<std::string>& names,
                        std::vector<std::string>* fields) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    if (schema::FindFacetField(name) == nullptr) {
      std::string known;
      for (const schema::FacetField& f : schema::FacetFields()) {
        known += known.empty() ? "" : ", ";
        known += f.name;
      }
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
    const schema::FacetField* field = schema::FindFacetField(name);
    spies_.push_back(std::make_unique<FacetSpy>(field->slot, field->multi));
  }
}

void FacetCollector::AttachTo(Xapian::Enquire* enquire) {
  // We keep ownership: the spies are read after get_mset().
  for (auto& spy : spies_) enquire->add_matchspy(spy.get());
}

std::vector<FacetCounts> FacetCollector::Results(size_t limit) const {
  std::vector<FacetCounts> out;
  for (size_t i = 0; i < fields_.size(); ++i) {
    out.push_back({fields_[i], TopValues(spies_[i]->counts(), limit)});
  }
  return out;
}

}  // namespace hpnews
