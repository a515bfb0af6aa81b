#include "searcher/boolean_match.h"

#include <string>
#include <utility>
#include <vector>

namespace hpnews {

namespace {

// A term's posting list ("" for every document).
class TermMatch : public BooleanMatch {
 public:
  TermMatch(const Xapian::Database& db, const std::string& term)
      : it_(db.postlist_begin(term)), end_(db.postlist_end(term)) {}

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
};

class NothingMatch : public BooleanMatch {
 public:
  Xapian::docid Advance(Xapian::docid) override { return 0; }
};

class OrMatch : public BooleanMatch {
 public:
  explicit OrMatch(std::vector<std::unique_ptr<BooleanMatch>> parts)
      : parts_(std::move(parts)) {}

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
};

class AndMatch : public BooleanMatch {
 public:
  explicit AndMatch(std::vector<std::unique_ptr<BooleanMatch>> parts)
      : parts_(std::move(parts)) {}

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
};

class AndNotMatch : public BooleanMatch {
 public:
  AndNotMatch(std::unique_ptr<BooleanMatch> left,
              std::unique_ptr<BooleanMatch> right)
      : left_(std::move(left)), right_(std::move(right)) {}

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

}  // namespace

std::unique_ptr<BooleanMatch> BooleanMatch::Make(const Xapian::Database& db,
                                                 const Xapian::Query& query) {
  const size_t n = query.get_num_subqueries();
  std::vector<std::unique_ptr<BooleanMatch>> parts;
  // The matches of subqueries [from, n) into `parts`; false if one has none.
  auto make_parts = [&](size_t from) {
    for (size_t i = from; i < n; ++i) {
      auto part = Make(db, query.get_subquery(i));
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
      return std::make_unique<AndMatch>(std::move(parts));
    case Xapian::Query::OP_AND_NOT: {
      if (n == 0) return nullptr;
      std::unique_ptr<BooleanMatch> left = Make(db, query.get_subquery(0));
      // A match of any subquery after the first excludes a document.
      if (!left || !make_parts(1)) return nullptr;
      if (parts.empty()) return left;
      std::unique_ptr<BooleanMatch> right =
          parts.size() == 1 ? std::move(parts.front())
                            : std::make_unique<OrMatch>(std::move(parts));
      return std::make_unique<AndNotMatch>(std::move(left), std::move(right));
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      if (n == 0) return nullptr;
      return Make(db, query.get_subquery(0));
    default:
      return nullptr;
  }
}

}  // namespace hpnews
