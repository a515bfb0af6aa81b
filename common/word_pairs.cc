#include "common/word_pairs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "common/schema.h"

namespace hpnews {

namespace {

// An unprefixed stem term ("Zreport"): Z then a lower-case letter, a digit
// or a non-ASCII byte, never the capital of a field prefix (ZSreport is a
// title word, ZXQreport a quoted one).
bool IsPlainStemTerm(const std::string& term) {
  return term.size() > 1 && term[0] == 'Z' &&
         !std::isupper(static_cast<unsigned char>(term[1]));
}

}  // namespace

WordPairs::WordPairs(const std::vector<std::string>& pairs) {
  for (const std::string& pair : pairs) {
    const std::string::size_type space = pair.find(' ');
    if (space == std::string::npos || space == 0 || space + 1 == pair.size())
      continue;
    pairs_.insert(pair);
    firsts_.insert(pair.substr(0, space));
    seconds_.insert(pair.substr(space + 1));
  }
}

namespace {

// Calls f(first, second) for each two unprefixed stems of `doc` at
// adjacent positions where keep_first(first) and keep_second(second).
template <typename KeepFirst, typename KeepSecond, typename F>
void ForEachAdjacentPair(const Xapian::Document& doc,
                         const KeepFirst& keep_first,
                         const KeepSecond& keep_second, const F& f) {
  // (position, stem, can start a pair, can end one), in position order.
  struct At {
    Xapian::termpos pos;
    std::string stem;
    bool first, second;
    bool operator<(const At& o) const { return pos < o.pos; }
  };
  std::vector<At> at;
  Xapian::TermIterator t = doc.termlist_begin();
  for (t.skip_to("Z"); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.empty() || term[0] != 'Z') break;
    if (!IsPlainStemTerm(term)) continue;
    std::string stem = term.substr(1);
    const bool first = keep_first(stem), second = keep_second(stem);
    if (!first && !second) continue;
    for (Xapian::PositionIterator p = t.positionlist_begin();
         p != t.positionlist_end(); ++p)
      at.push_back({*p, stem, first, second});
  }
  std::sort(at.begin(), at.end());
  // Each entry against those one position later (one term per position
  // from TermGenerator, but nothing here relies on it).
  std::size_t next = 0;
  for (std::size_t i = 0; i < at.size(); ++i) {
    if (!at[i].first) continue;
    const Xapian::termpos want = at[i].pos + 1;
    while (next < at.size() && at[next].pos < want) ++next;
    for (std::size_t j = next; j < at.size() && at[j].pos == want; ++j) {
      if (at[j].second) f(at[i].stem, at[j].stem);
    }
  }
}

}  // namespace

WordPairs WordPairs::Learn(const std::vector<const Article*>& sample) {
  if (sample.size() < kMinSample) return WordPairs();
  Xapian::TermGenerator termgen;
  termgen.set_stemmer(Xapian::Stem("english"));
  termgen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  const std::size_t n = sample.size();
  // How many of the sample's articles hold each stem, and each adjacent
  // pair.
  std::unordered_map<std::string, std::size_t> stem_articles;
  std::unordered_map<std::string, std::size_t> pair_articles;
  auto any = [](const std::string&) { return true; };
  for (const Article* article : sample) {
    // Positions as common/document.cc gives them: title, then each
    // paragraph after a gap.
    Xapian::Document scratch;
    termgen.set_document(scratch);
    termgen.index_text(article->title);
    for (const std::string& paragraph : article->paragraphs) {
      termgen.increase_termpos();
      termgen.index_text(paragraph);
    }
    for (Xapian::TermIterator t = scratch.termlist_begin();
         t != scratch.termlist_end(); ++t) {
      const std::string term = *t;
      if (!IsPlainStemTerm(term)) continue;
      ++stem_articles[term.substr(1)];
    }
    std::unordered_set<std::string> seen;
    ForEachAdjacentPair(scratch, any, any,
                        [&](const std::string& a, const std::string& b) {
                          seen.insert(a + ' ' + b);
                        });
    for (const std::string& pair : seen) ++pair_articles[pair];
  }
  auto at_least = [n](double share) {
    return static_cast<std::size_t>(std::ceil(share * static_cast<double>(n)));
  };
  const std::size_t min_pair = std::max<std::size_t>(2, at_least(kMinShare));
  const std::size_t max_stem = at_least(kMaxStemShare);
  // Both stems of a pair were counted in the article that held it.
  auto too_common = [&](const std::string& stem) {
    return stem_articles.at(stem) > max_stem;
  };
  std::vector<std::pair<std::size_t, std::string>> chosen;
  for (auto& [pair, count] : pair_articles) {
    if (count < min_pair) continue;
    const std::string::size_type space = pair.find(' ');
    if (too_common(pair.substr(0, space)) || too_common(pair.substr(space + 1)))
      continue;
    chosen.emplace_back(count, pair);
  }
  // Most frequent first; ties by pair, so the choice never depends on the
  // hash map's order.
  std::sort(chosen.begin(), chosen.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  if (chosen.size() > kMaxPairs) chosen.resize(kMaxPairs);
  std::vector<std::string> pairs;
  for (auto& entry : chosen) pairs.push_back(std::move(entry.second));
  return WordPairs(pairs);
}

WordPairs WordPairs::Parse(const std::string& text) {
  std::vector<std::string> pairs;
  std::string::size_type start = 0;
  while (start < text.size()) {
    std::string::size_type end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    pairs.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return WordPairs(pairs);
}

std::string WordPairs::Serialise() const {
  std::vector<std::string> sorted(pairs_.begin(), pairs_.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const std::string& pair : sorted) {
    if (!out.empty()) out += '\n';
    out += pair;
  }
  return out;
}

WordPairs WordPairs::Intersection(const std::vector<WordPairs>& all) {
  if (all.empty()) return WordPairs();
  std::vector<std::string> common;
  for (const std::string& pair : all.front().pairs_) {
    bool everywhere = true;
    for (std::size_t k = 1; k < all.size() && everywhere; ++k)
      everywhere = all[k].pairs_.count(pair) != 0;
    if (everywhere) common.push_back(pair);
  }
  return WordPairs(common);
}

bool WordPairs::Contains(const std::string& first,
                         const std::string& second) const {
  return firsts_.count(first) != 0 && pairs_.count(first + ' ' + second) != 0;
}

void WordPairs::AddPairTerms(Xapian::Document* doc) const {
  if (pairs_.empty()) return;
  std::vector<std::string> terms;
  ForEachAdjacentPair(
      *doc, [this](const std::string& s) { return firsts_.count(s) != 0; },
      [this](const std::string& s) { return seconds_.count(s) != 0; },
      [&](const std::string& a, const std::string& b) {
        std::string pair = a + ' ' + b;
        if (pairs_.count(pair) != 0)
          terms.push_back(schema::kPairPrefix + std::move(pair));
      });
  for (const std::string& term : terms) doc->add_boolean_term(term);
}

std::string PairTerm(const std::string& first, const std::string& second) {
  return schema::kPairPrefix + first + ' ' + second;
}

namespace {

// The stem of a phrase's word, or "" when it is not a plain stem term.
std::string PlainStemOf(const Xapian::Query& word) {
  if (word.get_type() != Xapian::Query::LEAF_TERM) return "";
  Xapian::TermIterator t = word.get_terms_begin();
  if (t == word.get_terms_end()) return "";
  const std::string term = *t;
  return IsPlainStemTerm(term) ? term.substr(1) : "";
}

Xapian::Query RewritePhrase(const Xapian::Query& phrase, const WordPairs& pairs,
                            bool* changed) {
  const std::size_t n = phrase.get_num_subqueries();
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; ++i) {
    words.push_back(PlainStemOf(phrase.get_subquery(i)));
    if (words.back().empty()) return phrase;
  }
  // wqf 0: a filter's term adds nothing to the query's length either.
  std::vector<Xapian::Query> terms;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (pairs.Contains(words[i], words[i + 1]))
      terms.emplace_back(PairTerm(words[i], words[i + 1]), 0);
  }
  if (terms.empty()) return phrase;
  *changed = true;
  if (n == 2) {
    // The pair term is the phrase: no positions left to check.
    return Xapian::Query(
        Xapian::Query::OP_FILTER,
        Xapian::Query(Xapian::Query::OP_AND, phrase.get_subquery(0),
                      phrase.get_subquery(1)),
        terms.front());
  }
  return Xapian::Query(
      Xapian::Query::OP_FILTER, phrase,
      Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
}

Xapian::Query Rewrite(const Xapian::Query& query, const WordPairs& pairs,
                      bool* changed) {
  const Xapian::Query::op type = query.get_type();
  switch (type) {
    case Xapian::Query::OP_PHRASE:
      return RewritePhrase(query, pairs, changed);
    // Operators without parameters whose weight is their subqueries'.
    // Not SYNONYM or MAX: they weigh a subquery by its wdf, which a phrase
    // and its rewriting count differently.
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER: {
      bool any = false;
      std::vector<Xapian::Query> subqueries;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        subqueries.push_back(Rewrite(query.get_subquery(i), pairs, &any));
      if (!any) return query;
      *changed = true;
      return Xapian::Query(type, subqueries.begin(), subqueries.end());
    }
    default:
      return query;
  }
}

}  // namespace

Xapian::Query WithPairTerms(const Xapian::Query& query,
                            const WordPairs& pairs) {
  if (pairs.empty()) return query;
  bool changed = false;
  return Rewrite(query, pairs, &changed);
}

}  // namespace hpnews
