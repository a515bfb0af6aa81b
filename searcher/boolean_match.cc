#include "searcher/boolean_match.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace hpnews {

namespace {

// A term's posting list ("" for every document).
class TermMatch : public BooleanMatch {
 public:
  TermMatch(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)),
        end_(db.postlist_end(term)),
        estimate_(term.empty() ? db.get_doccount() : db.get_termfreq(term)),
        term_(term) {}

  Xapian::doccount Estimate() const override { return estimate_; }
  std::string Describe() const override {
    return term_.empty() ? "ALL" : term_;
  }

  Xapian::docid Advance(Xapian::docid did) override {
    if (it_ == end_) return 0;
    if (*it_ < did) {
      it_.skip_to(did);
      if (it_ == end_) return 0;
    }
    return *it_;
  }

 private:
  Xapian::PostingIterator it_, end_;
  Xapian::doccount estimate_;
  std::string term_;
};

class NothingMatch : public BooleanMatch {
 public:
  Xapian::docid Advance(Xapian::docid) override { return 0; }
  Xapian::doccount Estimate() const override { return 0; }
  std::string Describe() const override { return "NOTHING"; }
};

std::string DescribeParts(
    const char* op, const std::vector<std::unique_ptr<BooleanMatch>>& parts) {
  std::string out = std::string(op) + "(";
  for (size_t i = 0; i < parts.size(); ++i)
    out += (i == 0 ? "" : ", ") + parts[i]->Describe();
  return out + ")";
}

// Sums estimates without wrapping around.
Xapian::doccount SumOfEstimates(
    const std::vector<std::unique_ptr<BooleanMatch>>& parts) {
  Xapian::doccount sum = 0;
  for (const auto& part : parts) {
    const Xapian::doccount e = part->Estimate();
    sum = e > std::numeric_limits<Xapian::doccount>::max() - sum
              ? std::numeric_limits<Xapian::doccount>::max()
              : sum + e;
  }
  return sum;
}

// A union, merged: each Advance() advances every part.
class OrMatch : public BooleanMatch {
 public:
  explicit OrMatch(std::vector<std::unique_ptr<BooleanMatch>> parts)
      : parts_(std::move(parts)), estimate_(SumOfEstimates(parts_)) {}

  Xapian::doccount Estimate() const override { return estimate_; }
  std::string Describe() const override { return DescribeParts("OR", parts_); }
  size_t size() const { return parts_.size(); }
  std::vector<std::unique_ptr<BooleanMatch>> TakeParts() {
    return std::move(parts_);
  }

  Xapian::docid Advance(Xapian::docid did) override {
    Xapian::docid best = 0;
    for (size_t i = 0; i < parts_.size();) {
      const Xapian::docid d = parts_[i]->Advance(did);
      if (d == 0) {  // this part is done: drop it
        parts_[i] = std::move(parts_.back());
        parts_.pop_back();
        continue;
      }
      if (best == 0 || d < best) best = d;
      ++i;
    }
    return best;
  }

 private:
  std::vector<std::unique_ptr<BooleanMatch>> parts_;
  Xapian::doccount estimate_;
};

// A union read once into a bitmap of the docids in [first, last] (at the
// first Advance()), then answered from it.
class BitmapMatch : public BooleanMatch {
 public:
  BitmapMatch(std::vector<std::unique_ptr<BooleanMatch>> parts,
              Xapian::docid first, Xapian::docid last)
      : parts_(std::move(parts)),
        estimate_(SumOfEstimates(parts_)),
        first_(first),
        last_(last) {}

  Xapian::doccount Estimate() const override { return estimate_; }
  std::string Describe() const override {
    return DescribeParts("BITMAP", parts_);
  }

  Xapian::docid Advance(Xapian::docid did) override {
    if (!filled_) Fill();
    if (did < first_) did = first_;
    if (did > last_) return 0;
    size_t bit = did - first_;
    size_t word = bit / 64;
    if (word >= words_.size()) return 0;
    uint64_t rest = words_[word] & (~uint64_t{0} << (bit % 64));
    while (rest == 0) {
      if (++word == words_.size()) return 0;
      rest = words_[word];
    }
    return first_ + static_cast<Xapian::docid>(
                        word * 64 + static_cast<size_t>(__builtin_ctzll(rest)));
  }

 private:
  void Fill() {
    filled_ = true;
    if (last_ < first_) return;
    words_.assign((static_cast<size_t>(last_ - first_) + 64) / 64, 0);
    for (auto& part : parts_) {
      for (Xapian::docid d = part->Advance(first_); d != 0 && d <= last_;
           d = part->Advance(d + 1)) {
        const size_t bit = d - first_;
        words_[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }
  }

  std::vector<std::unique_ptr<BooleanMatch>> parts_;  // read by Fill()
  Xapian::doccount estimate_;
  Xapian::docid first_, last_;
  bool filled_ = false;
  std::vector<uint64_t> words_;
};

// Unions of fewer parts are always merged.
constexpr size_t kMinBitmapParts = 3;

// `match`, or its bitmap when it is a union that reading once costs less
// than merging at each of the about `steps` Advance() calls it will get:
// merging advances every part at each step, a bitmap reads each posting
// once.
std::unique_ptr<BooleanMatch> Settle(std::unique_ptr<BooleanMatch> match,
                                     Xapian::doccount steps,
                                     Xapian::docid first, Xapian::docid last) {
  auto* merged = dynamic_cast<OrMatch*>(match.get());
  if (merged == nullptr || merged->size() < kMinBitmapParts ||
      static_cast<double>(steps) * static_cast<double>(merged->size()) <
          static_cast<double>(merged->Estimate()))
    return match;
  return std::make_unique<BitmapMatch>(merged->TakeParts(), first, last);
}

// Each part a bitmap if that pays, given that the others lead: an
// intersection takes about as many steps as its smallest other part has
// documents.
void SettleParts(std::vector<std::unique_ptr<BooleanMatch>>* parts,
                 Xapian::docid first, Xapian::docid last) {
  for (size_t i = 0; i < parts->size(); ++i) {
    Xapian::doccount steps = std::numeric_limits<Xapian::doccount>::max();
    for (size_t j = 0; j < parts->size(); ++j) {
      if (j != i) steps = std::min(steps, (*parts)[j]->Estimate());
    }
    (*parts)[i] = Settle(std::move((*parts)[i]), steps, first, last);
  }
}

class AndMatch : public BooleanMatch {
 public:
  explicit AndMatch(std::vector<std::unique_ptr<BooleanMatch>> parts)
      : parts_(std::move(parts)) {
    estimate_ = std::numeric_limits<Xapian::doccount>::max();
    for (const auto& part : parts_)
      estimate_ = std::min(estimate_, part->Estimate());
  }

  Xapian::doccount Estimate() const override { return estimate_; }
  std::string Describe() const override { return DescribeParts("AND", parts_); }

  Xapian::docid Advance(Xapian::docid did) override {
    // Leapfrog: every part to the largest id any of them is at, until
    // they agree.
    Xapian::docid candidate = did;
    size_t agreed = 0;
    for (size_t i = 0; agreed < parts_.size(); i = (i + 1) % parts_.size()) {
      const Xapian::docid d = parts_[i]->Advance(candidate);
      if (d == 0) return 0;
      if (d == candidate) {
        ++agreed;
      } else {
        candidate = d;
        agreed = 1;
      }
    }
    return candidate;
  }

 private:
  std::vector<std::unique_ptr<BooleanMatch>> parts_;
  Xapian::doccount estimate_;
};

class AndNotMatch : public BooleanMatch {
 public:
  AndNotMatch(std::unique_ptr<BooleanMatch> left,
              std::unique_ptr<BooleanMatch> right)
      : left_(std::move(left)), right_(std::move(right)) {}

  Xapian::doccount Estimate() const override { return left_->Estimate(); }
  std::string Describe() const override {
    return "AND_NOT(" + left_->Describe() + ", " + right_->Describe() + ")";
  }

  Xapian::docid Advance(Xapian::docid did) override {
    while (true) {
      const Xapian::docid d = left_->Advance(did);
      if (d == 0 || right_->Advance(d) != d) return d;
      did = d + 1;
    }
  }

 private:
  std::unique_ptr<BooleanMatch> left_, right_;
};

// The match of `query` for ids in [first, last], its intersections' and
// differences' unions settled (Settle()); null if an operator cannot be
// evaluated.
std::unique_ptr<BooleanMatch> MakeMatch(const Xapian::Database& db,
                                        const Xapian::Query& query,
                                        Xapian::docid first,
                                        Xapian::docid last) {
  const size_t n = query.get_num_subqueries();
  std::vector<std::unique_ptr<BooleanMatch>> parts;
  // The matches of subqueries [from, n) into `parts`; false if one has none.
  auto make_parts = [&](size_t from) {
    for (size_t i = from; i < n; ++i) {
      auto part = MakeMatch(db, query.get_subquery(i), first, last);
      if (!part) return false;
      parts.push_back(std::move(part));
    }
    return true;
  };
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return std::make_unique<TermMatch>(db, *query.get_terms_begin());
    case Xapian::Query::LEAF_MATCH_ALL:
      return std::make_unique<TermMatch>(db, std::string());
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return std::make_unique<NothingMatch>();
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
      if (!make_parts(0)) return nullptr;
      return std::make_unique<OrMatch>(std::move(parts));
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      if (n == 0 || !make_parts(0)) return nullptr;
      SettleParts(&parts, first, last);
      return std::make_unique<AndMatch>(std::move(parts));
    case Xapian::Query::OP_AND_NOT: {
      if (n == 0) return nullptr;
      std::unique_ptr<BooleanMatch> left =
          MakeMatch(db, query.get_subquery(0), first, last);
      // A match of any subquery after the first excludes a document.
      if (!left || !make_parts(1)) return nullptr;
      if (parts.empty()) return left;
      std::unique_ptr<BooleanMatch> right =
          parts.size() == 1 ? std::move(parts.front())
                            : std::make_unique<OrMatch>(std::move(parts));
      // The right side is asked about each of the left side's matches.
      right = Settle(std::move(right), left->Estimate(), first, last);
      return std::make_unique<AndNotMatch>(std::move(left), std::move(right));
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (n == 0) return nullptr;
      return MakeMatch(db, query.get_subquery(0), first, last);
    default:
      return nullptr;
  }
}

}  // namespace

std::unique_ptr<BooleanMatch> BooleanMatch::Make(const Xapian::Database& db,
                                                 const Xapian::Query& query,
                                                 Xapian::docid first,
                                                 Xapian::docid last) {
  first = std::max<Xapian::docid>(first, 1);
  last = std::min(last, db.get_lastdocid());
  std::unique_ptr<BooleanMatch> match = MakeMatch(db, query, first, last);
  if (!match) return nullptr;
  // A union on its own takes a step per match.
  const Xapian::doccount steps = match->Estimate();
  return Settle(std::move(match), steps, first, last);
}

}  // namespace hpnews
