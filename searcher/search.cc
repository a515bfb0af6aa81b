#include "searcher/search.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "common/document.h"
#include "common/extract.h"
#include "common/index_db.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "common/word_pairs.h"
#include "searcher/boolean_match.h"

namespace hpnews {

namespace {

// A DatabaseModifiedError means a writer replaced the revision we were
// reading; reopening gets the new one. Other database errors in the middle
// of a search come from a rebuild swapping the index folder under us (a
// table opened lazily from the new folder meets the old ones: "EOF reading
// block"), so the index is opened afresh from its path. More than a few in
// a row means the index is being rewritten faster than we can read it, or
// it is really broken: give up then.
constexpr int kMaxAttempts = 4;

bool IsBlank(const std::string& text) {
  for (unsigned char c : text) {
    if (!std::isspace(c)) return false;
  }
  return true;
}

// Stems of words, remembered: a snippet looks at every word of a text, and
// news repeats its words, so most look-ups hit. One per thread.
class StemCache {
 public:
  const std::string& Stem(const std::string& word) {
    auto it = stems_.find(word);
    if (it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxWords) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
  }

 private:
  static constexpr size_t kMaxWords = 1 << 18;
  Xapian::Stem stemmer_{"en"};
  std::unordered_map<std::string, std::string> stems_;
};

StemCache& ThreadStems() {
  thread_local StemCache cache;
  return cache;
}

// ASCII letters and digits: a table, not the locale's isalnum(), since
// snippets ask it for every byte.
struct ByteTables {
  bool word[256] = {};
  unsigned char lower[256] = {};
  ByteTables() {
    for (int c = 0; c < 256; ++c) {
      word[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                (c >= 'A' && c <= 'Z');
      lower[c] =
          static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
};
const ByteTables kBytes;

// The bytes of the character at text[i], and whether it belongs to a word:
// ASCII letters and digits, and outside ASCII what Xapian's TermGenerator
// counts as word characters (letters, digits, marks), so that curly quotes,
// dashes and no-break spaces end words as they do in the index. A byte that
// is not valid UTF-8 is a word byte of its own.
struct TextChar {
  size_t bytes;
  bool word;
};
TextChar CharAt(const std::string& text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {1, kBytes.word[c]};
  const size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
  if (n == 0 || c >= 0xf8 || i + n > text.size()) return {1, true};
  unsigned cp = c & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xc0) != 0x80) return {1, true};
    cp = (cp << 6) | (b & 0x3f);
  }
  return {n, Xapian::Unicode::is_wordchar(cp)};
}

// Tells which words of a text the query looks for: as typed (lower case)
// or by their stem, as the query parser stems them.
class WordMatcher {
 public:
  explicit WordMatcher(const QueryWords& words) : words_(words) {
    // The English stemmer only ever cuts a word's ending, so a word can
    // match only if its first letter starts a query word, and stem to a
    // query stem only if its first two letters start one: most words of a
    // text are turned down on a table look-up, never lower-cased or
    // stemmed.
    for (const std::string& word : words.plain) {
      if (!word.empty()) first_[static_cast<unsigned char>(word[0])] = true;
    }
    for (const std::string& stem : words.stems) {
      if (stem.empty()) continue;
      first_[static_cast<unsigned char>(stem[0])] = true;
      if (stem.size() >= 2) stem_starts_.push_back(stem.substr(0, 2));
    }
  }

  // The query word `word` matches (its plain form or stem), or null.
  const std::string* Match(std::string_view word) {
    auto c0 = static_cast<unsigned char>(word[0]);
    if (c0 < 0x80 && !first_[kBytes.lower[c0]]) return nullptr;
    lower_.assign(word.data(), word.size());
    bool ascii = true;
    for (char& c : lower_) {
      auto u = static_cast<unsigned char>(c);
      ascii = ascii && u < 0x80;
      c = static_cast<char>(kBytes.lower[u]);
    }
    if (!ascii) lower_ = Xapian::Unicode::tolower(lower_);
    auto plain = words_.plain.find(lower_);
    if (plain != words_.plain.end()) return &*plain;
    if (words_.stems.empty()) return nullptr;
    if (lower_.size() >= 2 &&
        std::find(stem_starts_.begin(), stem_starts_.end(),
                  std::string_view(lower_).substr(0, 2)) == stem_starts_.end())
      return nullptr;
    auto stem = words_.stems.find(ThreadStems().Stem(lower_));
    return stem == words_.stems.end() ? nullptr : &*stem;
  }

 private:
  const QueryWords& words_;
  bool first_[256] = {};
  std::vector<std::string> stem_starts_;
  std::string lower_;
};

// A word of a text: its bytes, and the query word it matches (or null).
struct TextWord {
  size_t begin, end;
  const std::string* match;
};

std::vector<TextWord> WordsOfText(const std::string& text,
                                  WordMatcher* matcher) {
  std::vector<TextWord> words;
  words.reserve(text.size() / 5);
  for (size_t i = 0; i < text.size();) {
    TextChar ch = CharAt(text, i);
    if (!ch.word) {
      i += ch.bytes;
      continue;
    }
    size_t j = i + ch.bytes;
    while (j < text.size() && (ch = CharAt(text, j)).word) j += ch.bytes;
    words.push_back(
        {i, j, matcher->Match(std::string_view(text).substr(i, j - i))});
    i = j;
  }
  return words;
}

// Appends text[begin, end) to parts, runs of white space as one space,
// merged with the last part when both are (not) matches.
void AppendText(const std::string& text, size_t begin, size_t end, bool match,
                std::vector<SnippetPart>* parts) {
  if (begin >= end) return;
  if (parts->empty() || parts->back().match != match)
    parts->push_back({"", match});
  std::string& out = parts->back().text;
  bool space = false;
  for (size_t i = begin; i < end; ++i) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      space = true;
      continue;
    }
    if (space && !(parts->size() == 1 && out.empty())) out += ' ';
    space = false;
    out += text[i];
  }
  if (space) out += ' ';
}

// text[begin, end) as snippet parts, the matched words marked.
void AppendMarked(const std::string& text, const std::vector<TextWord>& words,
                  size_t first, size_t last, size_t begin, size_t end,
                  std::vector<SnippetPart>* parts) {
  size_t at = begin;
  for (size_t w = first; w < last; ++w) {
    if (!words[w].match) continue;
    AppendText(text, at, words[w].begin, false, parts);
    AppendText(text, words[w].begin, words[w].end, true, parts);
    at = words[w].end;
  }
  AppendText(text, at, end, false, parts);
}

// Trims the white space AppendText() may leave at the very end.
void TrimEnd(std::vector<SnippetPart>* parts) {
  while (!parts->empty()) {
    std::string& t = parts->back().text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    if (!t.empty()) break;
    parts->pop_back();
  }
}

bool EndsSentence(const std::string& text, size_t word_begin) {
  // The last non-space byte before the word.
  size_t i = word_begin;
  bool newline = false;
  while (i > 0 && std::isspace(static_cast<unsigned char>(text[i - 1]))) {
    newline = newline || text[i - 1] == '\n';
    --i;
  }
  if (i == 0 || newline) return true;
  char c = text[i - 1];
  return c == '.' || c == '!' || c == '?';
}

// The field a term belongs to, by its prefix (schema.h).
std::string FieldOfTerm(const std::string& term, std::string* word) {
  static const struct {
    const char* prefix;
    const char* field;
  } kFields[] = {
      {"XSW", "speaker"},
      {"XS", "speaker"},
      {"XO", "outlet"},
      {"XT", "topic"},
      {"XQ", "quote"},
      {"XC", "comment"},
      {"XN", "synonym"},
      {"XY", "type"},
      {"XP", "parent"},
      {"XU", "duplicate"},
      {"K", "keyword"},
      {"S", "title"},
      {"D", "date"},
      {"M", "date"},
      {"Y", "date"},
      {"Q", "id"},
      {schema::kPairPrefix, "pair"},
  };
  std::string t = term;
  bool stem = !t.empty() && t[0] == 'Z';
  if (stem) t.erase(0, 1);
  for (const auto& f : kFields) {
    size_t n = std::char_traits<char>::length(f.prefix);
    if (t.compare(0, n, f.prefix) == 0 &&
        (t.size() == n || !std::isupper(static_cast<unsigned char>(t[n])))) {
      *word = t.substr(n);
      return f.field;
    }
  }
  *word = t;
  return "text";  // unprefixed: the body, and the title's words too
}

// Words too common in news to say what an article is about; the ESet's
// weighting already discounts them, this keeps them out of the display.
bool IsStopword(const std::string& w) {
  static const std::set<std::string> kStop = {
      "the",   "and",  "that",  "for",    "with",  "was",  "were", "are",
      "has",   "have", "had",   "not",    "but",   "this", "they", "their",
      "from",  "said", "will",  "would",  "which", "its",  "been", "also",
      "who",   "his",  "her",   "she",    "our",   "more", "than", "there",
      "about", "into", "could", "should", "can",   "all",  "one",  "new"};
  return kStop.count(w) > 0;
}

// A free-text term without its stem marker: "Zreform" -> "reform"; the
// terms of a stems-only index are all stems.
std::string Unstemmed(const std::string& term) {
  if (term.size() > 1 && term[0] == 'Z' &&
      !std::isupper(static_cast<unsigned char>(term[1]))) {
    return term.substr(1);
  }
  return term;
}

// Expansion terms for --like: words (or stems) of three letters or more.
class LikeDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    const std::string word = Unstemmed(term);
    if (word.size() < 3 || IsStopword(word)) return false;
    bool letter = false;
    for (unsigned char c : word) {
      if (std::isupper(c)) return false;
      if (std::isalpha(c) || c >= 0x80) letter = true;
    }
    return letter;
  }
};

constexpr Xapian::termcount kLikeTerms = 25;

// How hpnews ranks: BM25 with the parameters the literature settled on (k1
// 1.2, b 0.75), not Xapian's defaults (1, 0.5): on MED and CISI
// (tests/ranking_test.cc) MAP rises from 0.524 to 0.532 and from 0.200 to
// 0.207. Every Enquire whose weights are seen (ranked, merged across docid
// ranges, scaled to percentages, explained) is made here, so they agree;
// remote shards receive the scheme with the query.
Xapian::Enquire RankingEnquire(const Xapian::Database& db) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
  return enquire;
}

// The outlets of the other matches that share `hit`'s near-duplicate key.
void FillDuplicates(const Xapian::Database& db, const Xapian::Query& query,
                    Xapian::docid self, const std::string& key, Hit* hit) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(schema::kDupPrefix + key)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  std::set<std::string> outlets;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    if (*it == self) continue;
    ++hit->duplicates;
    std::string outlet = it.get_document().get_value(schema::kOutletSlot);
    if (!outlet.empty() && outlet != hit->outlet) outlets.insert(outlet);
  }
  hit->also_in.assign(outlets.begin(), outlets.end());
}

// Each matching term of document `did` with its own BM25 weight there.
std::vector<ExplainTerm> Explain(const Xapian::Database& db,
                                 const Xapian::Enquire& enquire,
                                 const Xapian::MSetIterator& it,
                                 const Xapian::Query& restrict) {
  std::vector<ExplainTerm> out;
  Xapian::Document doc = it.get_document();
  for (Xapian::TermIterator t = enquire.get_matching_terms_begin(it);
       t != enquire.get_matching_terms_end(it); ++t) {
    ExplainTerm e;
    e.term = *t;
    e.field = FieldOfTerm(e.term, &e.word);
    if (e.field == "type") continue;  // every hit has it: says nothing
    // How a phrase of two common words is found (common/word_pairs.h):
    // the phrase's words say it.
    if (e.field == "pair") continue;
    Xapian::TermIterator d = doc.termlist_begin();
    d.skip_to(e.term);
    if (d != doc.termlist_end() && *d == e.term) e.wdf = d.get_wdf();
    Xapian::Enquire one = RankingEnquire(db);
    one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(e.term),
                                restrict));
    Xapian::MSet m = one.get_mset(0, db.get_doccount());
    for (auto k = m.begin(); k != m.end(); ++k) {
      if (*k == *it) e.weight = k.get_weight();
    }
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ExplainTerm& a, const ExplainTerm& b) {
                     return a.weight > b.weight;
                   });
  return out;
}

// The expanded query of --like: the ESet of the article's own terms.
Status LikeQuery(const Xapian::Database& db, const std::string& id,
                 Xapian::Query* out, std::vector<std::string>* terms) {
  const std::string id_term = IdTerm(id);
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) {
    return Status::InvalidInput("--like: no article with id \"" + id + "\"");
  }
  Xapian::RSet rset;
  rset.add_document(*p);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(id_term));
  LikeDecider decider;
  // Exact term frequencies: by default Xapian estimates them across
  // several shards, and the expansion would differ from one index's.
  Xapian::ESet eset = enquire.get_eset(
      kLikeTerms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
  std::vector<Xapian::Query> parts;
  for (Xapian::ESetIterator e = eset.begin(); e != eset.end(); ++e) {
    // Shown as words: a word and its stem may both be there, once.
    std::string word = Unstemmed(*e);
    if (std::find(terms->begin(), terms->end(), word) == terms->end())
      terms->push_back(word);
    parts.emplace_back(*e);
  }
  if (parts.empty()) {
    return Status::InvalidInput("--like: article \"" + id +
                                "\" has no words to compare");
  }
  *out = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  return Status::Ok();
}

// Fills out->timeline from the counts (series -> period -> count): every
// period from the first to the last dated match (or of `span`, when the
// counts hold only the series kept), the largest `max_series` series.
void FillTimeline(
    const std::map<std::string, std::map<std::string, Xapian::doccount>>&
        counts,
    const std::map<std::string, Xapian::doccount>& span,
    const SearchRequest& request, SearchResult* out) {
  Timeline& tl = out->timeline;
  tl.interval = request.timeline_interval;
  tl.series_field = request.timeline_by;
  std::string first, last;
  if (!span.empty()) {
    first = span.begin()->first;
    last = span.rbegin()->first;
  }
  std::vector<std::pair<Xapian::doccount, std::string>> totals;
  for (const auto& [name, periods] : counts) {
    if (periods.empty()) continue;
    if (first.empty() || periods.begin()->first < first)
      first = periods.begin()->first;
    if (last.empty() || periods.rbegin()->first > last)
      last = periods.rbegin()->first;
    Xapian::doccount total = 0;
    for (const auto& pc : periods) total += pc.second;
    totals.push_back({total, name});
  }
  std::sort(totals.begin(), totals.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (totals.size() > request.timeline_series)
    totals.resize(request.timeline_series);
  tl.periods = PeriodRange(first, last, tl.interval);
  for (const auto& [total, name] : totals) {
    Timeline::Series series;
    series.name = name;
    const auto& periods = counts.at(name);
    for (const std::string& period : tl.periods) {
      auto it = periods.find(period);
      series.counts.push_back(it == periods.end() ? 0 : it->second);
    }
    tl.series.push_back(std::move(series));
  }
  out->has_timeline = true;
}

std::string IsoOfYmd(const std::string& ymd) {
  if (ymd.size() != 8) return ymd;
  return ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
}

// Documents with a date: kDateSlot holds "YYYYMMDD" when the date is known
// and nothing otherwise.
Xapian::Query DatedQuery() {
  return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");
}

// How `fields` are counted on `index` (facets.h): built-in spies when a
// shard is remote, the batch's ordinals on one local database, else our
// spies.
FacetSource FacetSourceFor(IndexSet* index,
                           const std::vector<std::string>& fields) {
  FacetSource source;
  if (index->remote) {
    source.method = FacetMethod::kBuiltin;
    for (const std::string& name : fields) {
      const schema::FacetField* field = schema::FindFacetField(name);
      if (field == nullptr || !field->multi) continue;
      auto it = index->item_slots.find(name);
      if (it == index->item_slots.end()) {
        // One get_value_freq() per slot, a round trip each to a remote
        // shard: read once per opened index, for the fields asked.
        it = index->item_slots.emplace(name, ItemSlotsInUse(index->db, *field))
                 .first;
      }
      source.item_slots.emplace(name, it->second);
    }
  } else if (index->facet_cache && index->single_local) {
    source.method = FacetMethod::kCache;
    source.cache = index->facet_cache.get();
    source.db = &index->db;
  }
  return source;
}

// series value ("" without series) -> period -> count, as HistogramSpy.
using TimelineCounts =
    std::map<std::string, std::map<std::string, Xapian::doccount>>;

// The HistogramSpy of --plot [--plot-by].
std::unique_ptr<HistogramSpy> TimelineSpy(const SearchRequest& request) {
  const schema::FacetField* by =
      request.timeline_by.empty() ? nullptr
                                  : schema::FindFacetField(request.timeline_by);
  return by ? std::make_unique<HistogramSpy>(request.timeline_interval,
                                             by->slot, true, by->multi)
            : std::make_unique<HistogramSpy>(request.timeline_interval);
}

// True, with `query` serialised into *out, if index->count_pool can share
// its matching: helpers, one local database large enough
// (CountPool::min_documents()), and a query that can be handed
// to another thread (Xapian::Query objects must not be shared between
// threads, so the helpers get it serialised; a posting source of ours has
// no name and cannot be).
bool SerialiseForHelpers(const IndexSet* index, const Xapian::Query& query,
                         std::string* out) {
  if (!index->count_pool || index->count_pool->helpers() == 0 ||
      !index->single_local || index->remote ||
      index->db.get_doccount() < index->count_pool->min_documents())
    return false;
  try {
    *out = query.serialise();
  } catch (const Xapian::Error&) {
    return false;
  }
  return true;
}

// One match of a page ranked in parallel.
struct RankedItem {
  Xapian::docid did = 0;
  double weight = 0;
  int percent = 0;
};

// The matches of a query ranked in one docid range, or of a page merged
// from ranges (MergeRanked()).
struct RankedPage {
  std::vector<RankedItem> items;  // best first
  Xapian::doccount lower = 0, estimated = 0, upper = 0;
};

// What counting every match of a query gives.
struct MatchCounts {
  Xapian::doccount total = 0;
  FacetCollector::RawCounts facets;  // one per field asked
  TimelineCounts timeline;           // when asked
};

// Counts the matches of `query` among documents first..last of `index`
// as CountRange() does, from posting lists (BooleanMatch) and the facet
// columns in memory, without Xapian's matcher. False, counting nothing,
// when the query needs the matcher (a phrase, a value range, ...), a field
// is not counted from the facet cache, a timeline is asked, or the index
// is not one local database.
bool CountDirectly(IndexSet* index, const Xapian::Query& query,
                   const std::vector<std::string>& fields,
                   const SearchRequest* timeline, Xapian::docid first,
                   Xapian::docid last, MatchCounts* out) {
  if (timeline != nullptr || index->remote || !index->single_local)
    return false;
  FacetCollector collector(fields, FacetSourceFor(index, fields));
  if (!collector.CountsByDocid()) return false;
  std::unique_ptr<BooleanMatch> match =
      BooleanMatch::Make(index->db, query, first, last);
  if (!match) return false;
  Xapian::doccount total = 0;
  for (Xapian::docid did = match->Advance(first); did != 0 && did <= last;
       did = match->Advance(did + 1)) {
    ++total;
    collector.Count(did);
  }
  *out = MatchCounts();
  out->total = total;
  out->facets = collector.Counts();
  return true;
}

// Counts the matches of `query` among documents first..last of `index`
// (one local database): the total, `fields` and, with a `timeline`
// request, its HistogramSpy counts. With `page`, also ranks them by
// relevance and keeps the best `page_size` there; without, relevance does
// not matter, and BoolWeight spares computing it.
MatchCounts CountRange(IndexSet* index, const Xapian::Query& query,
                       const std::vector<std::string>& fields,
                       const SearchRequest* timeline, Xapian::docid first,
                       Xapian::docid last, Xapian::doccount page_size = 0,
                       RankedPage* page = nullptr) {
  MatchCounts direct;
  if (page == nullptr &&
      CountDirectly(index, query, fields, timeline, first, last, &direct))
    return direct;
  Xapian::Enquire enquire = RankingEnquire(index->db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, query,
      Xapian::Query((new DocidRangeSource(first, last))->release())));
  if (page == nullptr) enquire.set_weighting_scheme(Xapian::BoolWeight());
  FacetCollector collector(fields, FacetSourceFor(index, fields));
  collector.AttachTo(&enquire);
  std::unique_ptr<HistogramSpy> spy;
  if (timeline != nullptr) {
    spy = TimelineSpy(*timeline);
    enquire.add_matchspy(spy.get());
  }
  Xapian::MSet mset = enquire.get_mset(0, page == nullptr ? 0 : page_size,
                                       index->db.get_doccount());
  if (page != nullptr) {
    page->lower = page->estimated = page->upper =
        mset.get_matches_lower_bound();
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it)
      page->items.push_back({*it, it.get_weight(), 0});
  }
  MatchCounts out;
  out.total = mset.get_matches_lower_bound();
  out.facets = collector.Counts();
  if (spy) out.timeline = spy->counts();
  return out;
}

// The counts of docid ranges added up: those of the whole.
MatchCounts SumCounts(const std::vector<MatchCounts>& counts,
                      std::size_t fields) {
  MatchCounts sum;
  sum.facets.resize(fields);
  for (const MatchCounts& c : counts) {
    sum.total += c.total;
    for (size_t f = 0; f < c.facets.size() && f < sum.facets.size(); ++f) {
      for (const auto& [value, n] : c.facets[f]) sum.facets[f][value] += n;
    }
    for (const auto& [series, periods] : c.timeline) {
      for (const auto& [period, n] : periods) sum.timeline[series][period] += n;
    }
  }
  return sum;
}

// How many ranges each thread of a CountPool count gets: more than one, so
// that the searching thread, which ranks first, and the helpers end
// together.
constexpr unsigned kRangesPerThread = 2;

// The docid ranges a count over the whole index is split into:
// kRangesPerThread for each thread of index.count_pool and the searching
// thread.
std::vector<std::pair<Xapian::docid, Xapian::docid>> CountingRanges(
    const IndexSet& index) {
  return DocidRanges(index.db.get_lastdocid(),
                     (index.count_pool->helpers() + 1) * kRangesPerThread);
}

// Counts every match of `query` as CountRange() does over the whole index,
// split across index->count_pool and this thread, which first runs
// `first()` (the ranked match). False, without running anything, under
// SerialiseForHelpers()'s conditions.
bool CountInParallel(IndexSet* index, const Xapian::Query& query,
                     const std::vector<std::string>& fields,
                     const SearchRequest* timeline,
                     const std::function<void()>& first, MatchCounts* out) {
  std::string serialised;
  if (!SerialiseForHelpers(index, query, &serialised)) return false;
  const auto ranges = CountingRanges(*index);
  std::vector<MatchCounts> counts(ranges.size());
  auto work = [&](IndexSet* own, unsigned k) {
    // The calling thread's own query object; each helper its own copy.
    const Xapian::Query q =
        own == index ? query : Xapian::Query::unserialise(serialised);
    counts[k] =
        CountRange(own, q, fields, timeline, ranges[k].first, ranges[k].second);
  };
  index->count_pool->Run(index, static_cast<unsigned>(ranges.size()), work,
                         first);
  *out = SumCounts(counts, fields.size());
  return true;
}

// The page [offset, offset + limit) of `query`'s matches ranked in docid
// ranges (`parts`, each holding its range's best offset + limit): merged in
// Xapian's order (weight descending, then docid ascending), with their
// counts summed, or `counted` when every match was counted. The term
// statistics, and so the weights, are the whole database's in every range (a
// filter changes none). Xapian's percentages scale every weight by the share of
// the query's parts the best match matches: they come from the query run again
// on the best match alone, filtered by its id term (a docid range would count
// as a part it matches).
RankedPage MergeRanked(IndexSet* index, const Xapian::Query& query,
                       std::vector<RankedPage> parts, Xapian::doccount offset,
                       Xapian::doccount limit,
                       const Xapian::doccount* counted = nullptr) {
  RankedPage page;
  for (RankedPage& part : parts) {
    page.lower += part.lower;
    page.estimated += part.estimated;
    page.upper += part.upper;
    for (const RankedItem& item : part.items) page.items.push_back(item);
  }
  if (counted != nullptr) {
    // Every match was counted: no bounds needed.
    page.lower = page.estimated = page.upper = *counted;
  } else if (page.lower != page.upper) {
    // A range cannot know how many of a term's documents it holds, where
    // the whole database can (a single word's count is its frequency):
    // Xapian's bounds without matching anything.
    Xapian::Enquire bounds(index->db);
    bounds.set_query(query);
    const Xapian::MSet all = bounds.get_mset(0, 0, Xapian::doccount(0));
    if (all.get_matches_lower_bound() == all.get_matches_upper_bound()) {
      page.lower = page.estimated = page.upper = all.get_matches_lower_bound();
    }
  }
  std::sort(page.items.begin(), page.items.end(),
            [](const RankedItem& a, const RankedItem& b) {
              if (a.weight != b.weight) return a.weight > b.weight;
              return a.did < b.did;
            });
  if (!page.items.empty()) {
    // The best match: the first Xapian meets with the greatest weight.
    const StoredArticle best =
        ParseDocument(index->db.get_document(page.items.front().did,
                                             Xapian::DOC_ASSUME_VALID),
                      index->codec.get());
    Xapian::Enquire probe = RankingEnquire(index->db);
    probe.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(best.is_quote ? ParentTerm(best.id) : IdTerm(best.id))));
    const Xapian::MSet scale = probe.get_mset(0, 1);
    for (RankedItem& item : page.items)
      item.percent = scale.convert_to_percent(item.weight);
  }
  if (page.items.size() > offset) {
    page.items.erase(page.items.begin(), page.items.begin() + offset);
  } else {
    page.items.clear();
  }
  if (page.items.size() > limit) page.items.resize(limit);
  return page;
}

// The best `size` matches of `query` by relevance among documents
// first..last of `index`, with Xapian's bounds on how many match there:
// a match that stops as early as it can.
RankedPage RankRange(IndexSet* index, const Xapian::Query& query,
                     Xapian::docid first, Xapian::docid last,
                     Xapian::doccount size) {
  Xapian::Enquire enquire = RankingEnquire(index->db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER, query,
      Xapian::Query((new DocidRangeSource(first, last))->release())));
  const Xapian::MSet mset = enquire.get_mset(0, size, 1);
  RankedPage part;
  part.lower = mset.get_matches_lower_bound();
  part.estimated = mset.get_matches_estimated();
  part.upper = mset.get_matches_upper_bound();
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it)
    part.items.push_back({*it, it.get_weight(), 0});
  return part;
}

// Ranks `query` by relevance for the page [offset, offset + limit) across
// index->count_pool and this thread, each taking a docid range and ranking
// its first offset + limit matches (MergeRanked()). False, without running
// anything, under SerialiseForHelpers()'s conditions.
bool RankInParallel(IndexSet* index, const Xapian::Query& query,
                    Xapian::doccount offset, Xapian::doccount limit,
                    RankedPage* out) {
  std::string serialised;
  if (!SerialiseForHelpers(index, query, &serialised)) return false;
  const auto ranges =
      DocidRanges(index->db.get_lastdocid(), index->count_pool->helpers() + 1);
  std::vector<RankedPage> parts(ranges.size());
  auto work = [&](IndexSet* own, unsigned k) {
    const Xapian::Query q =
        own == index ? query : Xapian::Query::unserialise(serialised);
    parts[k] =
        RankRange(own, q, ranges[k].first, ranges[k].second, offset + limit);
  };
  index->count_pool->Run(index, static_cast<unsigned>(ranges.size()), work,
                         [] {});
  *out = MergeRanked(index, query, std::move(parts), offset, limit);
  return true;
}

// Both at once, in one pass per docid range: ranks the page [offset,
// offset + limit) of `query` by relevance (as RankInParallel()) and counts
// every match (as CountInParallel()). For queries whose ranked match
// checks every match anyway (RankingChecksEveryMatch()): a phrase ranked
// on one thread while the others count it is read twice. False, without
// running anything, under SerialiseForHelpers()'s conditions.
bool RankAndCountInParallel(IndexSet* index, const Xapian::Query& query,
                            Xapian::doccount offset, Xapian::doccount limit,
                            const std::vector<std::string>& fields,
                            const SearchRequest* timeline, RankedPage* ranked,
                            MatchCounts* counted) {
  std::string serialised;
  if (!SerialiseForHelpers(index, query, &serialised)) return false;
  const auto ranges = CountingRanges(*index);
  std::vector<RankedPage> parts(ranges.size());
  std::vector<MatchCounts> counts(ranges.size());
  auto work = [&](IndexSet* own, unsigned k) {
    const Xapian::Query q =
        own == index ? query : Xapian::Query::unserialise(serialised);
    RankedPage part;
    counts[k] = CountRange(own, q, fields, timeline, ranges[k].first,
                           ranges[k].second, offset + limit, &part);
    parts[k] = std::move(part);
  };
  index->count_pool->Run(index, static_cast<unsigned>(ranges.size()), work,
                         [] {});
  *ranked = MergeRanked(index, query, std::move(parts), offset, limit);
  *counted = SumCounts(counts, fields.size());
  return true;
}

// Ranks the page [offset, offset + limit) of `query` (as RankInParallel())
// and counts every match (as CountInParallel()), as two passes each split
// into docid ranges, which index->count_pool and this thread take in turn,
// the ranking's first. Ranked on one thread beside the counting
// (CountInParallel() with the ranked match first), a query whose ranking
// costs more than its counting took as long as ranking it whole. False,
// without running anything, under SerialiseForHelpers()'s conditions.
bool RankThenCountInParallel(IndexSet* index, const Xapian::Query& query,
                             Xapian::doccount offset, Xapian::doccount limit,
                             const std::vector<std::string>& fields,
                             const SearchRequest* timeline, RankedPage* ranked,
                             MatchCounts* counted) {
  std::string serialised;
  if (!SerialiseForHelpers(index, query, &serialised)) return false;
  const auto rank_ranges =
      DocidRanges(index->db.get_lastdocid(), index->count_pool->helpers() + 1);
  const auto count_ranges = CountingRanges(*index);
  std::vector<RankedPage> parts(rank_ranges.size());
  std::vector<MatchCounts> counts(count_ranges.size());
  auto work = [&](IndexSet* own, unsigned k) {
    const Xapian::Query q =
        own == index ? query : Xapian::Query::unserialise(serialised);
    if (k < rank_ranges.size()) {
      parts[k] = RankRange(own, q, rank_ranges[k].first, rank_ranges[k].second,
                           offset + limit);
    } else {
      const auto& range = count_ranges[k - rank_ranges.size()];
      counts[k - rank_ranges.size()] =
          CountRange(own, q, fields, timeline, range.first, range.second);
    }
  };
  index->count_pool->Run(
      index, static_cast<unsigned>(rank_ranges.size() + count_ranges.size()),
      work, [] {});
  *counted = SumCounts(counts, fields.size());
  *ranked = MergeRanked(index, query, std::move(parts), offset, limit,
                        &counted->total);
  return true;
}

// Counts `fields` over every match of `query`; relevance does not matter,
// so BoolWeight spares computing it.
std::vector<FacetCounts> CountFacets(IndexSet* index,
                                     const Xapian::Query& query,
                                     const std::vector<std::string>& fields,
                                     bool collapse, size_t limit) {
  MatchCounts counted;
  if (!collapse && (CountInParallel(
                        index, query, fields, nullptr, [] {}, &counted) ||
                    CountDirectly(index, query, fields, nullptr, 1,
                                  index->db.get_lastdocid(), &counted))) {
    return FacetCollector::Finish(fields, counted.facets, limit);
  }
  Xapian::Enquire enquire(index->db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (collapse) enquire.set_collapse_key(schema::kDupSlot);
  FacetCollector collector(fields, FacetSourceFor(index, fields));
  collector.AttachTo(&enquire);
  enquire.get_mset(0, 0, index->db.get_doccount());
  return collector.Results(limit);
}

// The timeline of --plot with built-in spies only (remote shards): the date
// histogram of the matches; with --plot-by, the histogram of the matches
// holding each of the largest values, and in *span the periods of every
// dated match holding any value. Exactly HistogramSpy's counts for the
// series FillTimeline() keeps, in 2 + timeline_series counting passes.
TimelineCounts BuiltinTimeline(IndexSet* index, const Xapian::Query& query,
                               const SearchRequest& request, bool collapse,
                               std::map<std::string, Xapian::doccount>* span) {
  const std::string histogram = request.timeline_interval == DateInterval::kYear
                                    ? "date:year"
                                    : "date:month";
  auto periods_of = [&](const Xapian::Query& q) {
    std::map<std::string, Xapian::doccount> periods;
    const std::vector<FacetCounts> counted =
        CountFacets(index, q, {histogram}, collapse, 0);
    for (const FacetValue& v : counted.front().values) {
      if (v.count > 0) periods.emplace(v.value, v.count);
    }
    return periods;
  };
  TimelineCounts counts;
  const schema::FacetField* by =
      request.timeline_by.empty() ? nullptr
                                  : schema::FindFacetField(request.timeline_by);
  if (by == nullptr) {
    counts[""] = periods_of(query);
    return counts;
  }
  // A value's series total is its number of dated matches (HistogramSpy
  // adds up the periods): the largest ones are kept, ties by name.
  const Xapian::Query dated(Xapian::Query::OP_FILTER, query, DatedQuery());
  const std::vector<FacetValue> totals =
      CountFacets(index, dated, {by->name}, collapse, request.timeline_series)
          .front()
          .values;
  for (const FacetValue& total : totals) {
    // The matches holding exactly this value: in its slot, or in any of
    // the item slots of a multi-valued field.
    std::vector<Xapian::Query> holds;
    if (!by->multi) {
      holds.emplace_back(Xapian::Query::OP_VALUE_RANGE, by->slot, total.value,
                         total.value);
    } else {
      const Xapian::valueno n = index->item_slots[by->name];
      for (Xapian::valueno i = 0; i < n; ++i) {
        holds.emplace_back(Xapian::Query::OP_VALUE_RANGE, by->item_slots + i,
                           total.value, total.value);
      }
    }
    counts[total.value] = periods_of(Xapian::Query(
        Xapian::Query::OP_FILTER, dated,
        Xapian::Query(Xapian::Query::OP_OR, holds.begin(), holds.end())));
  }
  *span = periods_of(
      Xapian::Query(Xapian::Query::OP_FILTER, dated,
                    // Any value: "\0" is the least non-empty one ("" means
                    // every document to Xapian, valued or not).
                    Xapian::Query(Xapian::Query::OP_VALUE_GE, by->slot,
                                  std::string(1, '\0'))));
  return counts;
}

// --recency on remote shards: xapian-tcpsrv cannot run RecencySource, so
// the same weight of every day from the index's first date to its last is
// handed over as a ValueMapPostingSource (kDateSlot -> weight).
constexpr long kMaxRecencyDays = 200 * 366;

Status RecencyMap(const Xapian::Database& db, const RecencySource& recency,
                  Xapian::ValueMapPostingSource* out) {
  long first = 0, last = -1;
  DaysFromYmd(db.get_value_lower_bound(schema::kDateSlot), &first);
  DaysFromYmd(db.get_value_upper_bound(schema::kDateSlot), &last);
  if (last - first > kMaxRecencyDays) {
    return Status::InvalidInput(
        "--recency on remote shards needs the index's dates to span less "
        "than 200 years");
  }
  for (long day = first; day <= last; ++day) {
    const std::string ymd = YmdFromDays(day);
    out->add_mapping(ymd, recency.Boost(ymd));
  }
  return Status::Ok();
}

// One page of hits: the msets they come from, in order.
struct HitSource {
  const Xapian::Enquire* enquire;
  Xapian::MSet mset;
};

// Words of a query's text that could be misspelt: letters (and digits)
// only, operators left out.
std::vector<std::string> QueryWordsOf(const std::string& text) {
  static const std::set<std::string> kOperators = {"and", "or",   "not",
                                                   "xor", "near", "adj"};
  std::vector<std::string> words;
  std::string word;
  bool letters = false;
  auto flush = [&]() {
    if (letters && !kOperators.count(word)) words.push_back(word);
    word.clear();
    letters = false;
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
      letters = letters || std::isalpha(u) || u >= 0x80;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// Whether some word of `text` is in no document, in any form the indexer
// writes (as typed, or its stem): only then is a spelling correction
// looked for, as Xapian's FLAG_SPELLING_CORRECTION intends and Lucene's
// spell checker does by default. A word of the archive is not "corrected"
// into a more frequent one, and most searches skip Xapian's spelling
// look-up, which costs more than the search itself.
bool HasUnknownWord(const Xapian::Database& db, const std::string& text) {
  const Xapian::Stem stemmer("en");
  for (const std::string& word : QueryWordsOf(text)) {
    if (!db.term_exists(word) && !db.term_exists("Z" + stemmer(word)))
      return true;
  }
  return false;
}

// One search for spec.text, everything but the spelling retry. With
// `count_only`, only the total (no hits, facets or timeline).
Status Execute(IndexSet* index, const SearchRequest& request,
               const QuerySpec& spec, bool count_only, SearchResult* out) {
  Xapian::Database* db = &index->db;
  Xapian::Query text_query, filter;
  Status status = ParseUserQuery(spec, index->parser_db, &text_query);
  if (!status.ok()) return status;
  // Phrases of frequent word pairs become posting lists: same matches and
  // weights, no positions read.
  text_query = WithPairTerms(text_query, *index->pairs);
  status = FilterQuery(spec, "", &filter);
  if (!status.ok()) return status;

  SearchResult result;
  Xapian::Query base = text_query;
  if (!request.like_id.empty()) {
    Xapian::Query like;
    status = LikeQuery(*db, request.like_id, &like, &result.like_terms);
    if (!status.ok()) return status;
    result.like_id = request.like_id;
    base = IsBlank(spec.text)
               ? like
               : Xapian::Query(Xapian::Query::OP_AND, text_query, like);
    // Not the article itself, nor its own quotes (AND_NOT: no score
    // changes).
    base = Xapian::Query(
        Xapian::Query::OP_AND_NOT, base,
        Xapian::Query(Xapian::Query::OP_OR,
                      Xapian::Query(IdTerm(request.like_id)),
                      Xapian::Query(ParentTerm(request.like_id))));
  }
  const Xapian::Query matched =
      RestrictToType(WithFilter(base, filter), spec.type);
  Xapian::Query query = matched;
  const bool collapse = request.collapse && spec.type == DocType::kArticle;
  // Stock xapian-tcpsrv sorts only by a value, and a missing value sorts
  // first: oldest-first with undated last is then two matches (dated,
  // then undated), which cannot keep one hit per story across the two.
  const bool split_by_date =
      index->remote && request.sort == SortOrder::kDateAscending;
  if (split_by_date && collapse && !count_only) {
    return Status::InvalidInput(
        "--sort date with --collapse needs every shard local (a remote "
        "shard cannot sort undated articles last); use --sort -date");
  }
  // A remote timeline is counted in matches of its own (BuiltinTimeline()),
  // where another copy of a story may stand for it than in this one.
  if (index->remote && request.timeline && collapse && !count_only) {
    return Status::InvalidInput(
        "--plot with --collapse needs every shard local (a remote shard "
        "cannot count the kept copy of each story per period)");
  }

  // Recency: scaled to the best relevance score of this query, so a match
  // dated at the anchor gains as much as the top hit's whole relevance
  // and one a half-life older half of that.
  std::unique_ptr<RecencySource> recency;
  if (request.recency_half_life_days > 0 && !count_only) {
    std::string anchor = request.recency_anchor.empty()
                             ? db->get_value_upper_bound(schema::kDateSlot)
                             : request.recency_anchor;
    long days;
    if (DaysFromYmd(anchor, &days)) {
      Xapian::Enquire probe = RankingEnquire(*db);
      probe.set_query(matched);
      Xapian::MSet top = probe.get_mset(0, 1);
      double scale = top.empty() ? 1.0 : top.begin().get_weight();
      if (scale <= 0) scale = 1.0;  // a purely boolean query
      recency = std::make_unique<RecencySource>(
          anchor, request.recency_half_life_days, scale);
      Xapian::Query boost(recency.get());
      if (index->remote) {
        auto map =
            std::make_unique<Xapian::ValueMapPostingSource>(schema::kDateSlot);
        status = RecencyMap(*db, *recency, map.get());
        if (!status.ok()) return status;
        boost = Xapian::Query(map.release()->release());
      }
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matched, boost);
      result.recency_half_life_days = request.recency_half_life_days;
      result.recency_anchor = IsoOfYmd(anchor);
    }
  }

  Xapian::Enquire enquire = RankingEnquire(*db);
  enquire.set_query(query);
  // Owned here: Enquire only borrows a KeyMaker that was not release()d.
  DateSortKey oldest_first(false);
  if (request.sort == SortOrder::kDateAscending && !index->remote) {
    enquire.set_sort_by_key_then_relevance(&oldest_first, false);
  } else if (request.sort == SortOrder::kDateDescending) {
    // Newest first; undated articles have no value, the lowest: last.
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
  }
  if (collapse) enquire.set_collapse_key(schema::kDupSlot);
  const std::vector<std::string> no_facets;
  const std::vector<std::string>& facet_fields =
      count_only ? no_facets : request.facets;
  const bool want_timeline = request.timeline && !count_only;
  const Xapian::doccount limit = count_only ? 0 : request.limit;
  // Facets must see every match to be exact; without them we let Xapian
  // stop early and report an estimate.
  // Even with --limit 0, look for one match: the exit status must not
  // rest on an estimate that can say 0 when something matches.
  // (Oldest first on remote shards counts every match too, as sorting by a
  // key does: the total is exact like the local search's.)
  const bool exhaustive = !facet_fields.empty() ||
                          (want_timeline && !index->remote) || split_by_date;
  Xapian::MSet mset;
  // Where the counts come from: helper threads beside the ranked match
  // (CountInParallel()) or in the same pass (RankAndCountInParallel()),
  // posting lists (CountDirectly()), or spies on the ranked match itself.
  MatchCounts counted;
  bool counted_apart = false;
  std::unique_ptr<FacetCollector> facets;
  std::unique_ptr<HistogramSpy> timeline;
  // A page ranked in docid ranges on the idle cores: not with what needs
  // Xapian's one match (collapsing, --explain's matching terms, recency's
  // posting source) or another order than relevance.
  const bool rank_apart = !collapse && !count_only && limit > 0 &&
                          !request.explain && !recency &&
                          request.sort == SortOrder::kRelevance;
  RankedPage ranked;
  bool ranked_apart = false;
  if (exhaustive && rank_apart && RankingChecksEveryMatch(query)) {
    ranked_apart = counted_apart = RankAndCountInParallel(
        index, query, request.offset, limit, facet_fields,
        want_timeline ? &request : nullptr, &ranked, &counted);
  }
  // The page when the counts come from elsewhere: a ranked match free to
  // stop early.
  auto rank_page = [&]() {
    mset = enquire.get_mset(request.offset, split_by_date ? 0 : limit, 1);
  };
  if (exhaustive && !collapse && !counted_apart) {
    const SearchRequest* plot = want_timeline ? &request : nullptr;
    // Ranked apart, `query` is `matched` (no recency boost).
    if (rank_apart && !split_by_date &&
        RankThenCountInParallel(index, matched, request.offset, limit,
                                facet_fields, plot, &ranked, &counted)) {
      ranked_apart = counted_apart = true;
    } else if (CountInParallel(index, matched, facet_fields, plot, rank_page,
                               &counted)) {
      counted_apart = true;
    } else if (CountDirectly(index, matched, facet_fields, plot, 1,
                             db->get_lastdocid(), &counted)) {
      // On this thread alone, from posting lists.
      counted_apart = true;
      rank_page();
    }
  }
  // Top hits without counting everything.
  if (!exhaustive && rank_apart) {
    ranked_apart = RankInParallel(index, query, request.offset, limit, &ranked);
  }
  if (!counted_apart && !ranked_apart) {
    facets = std::make_unique<FacetCollector>(
        facet_fields, FacetSourceFor(index, facet_fields));
    facets->AttachTo(&enquire);
    if (want_timeline && !index->remote) {
      timeline = TimelineSpy(request);
      enquire.add_matchspy(timeline.get());
    }
    Xapian::doccount check_at_least = exhaustive ? db->get_doccount() : 1;
    mset = enquire.get_mset(request.offset, split_by_date ? 0 : limit,
                            check_at_least);
  }

  result.query = spec.text;
  result.type = spec.type;
  result.total = mset.get_matches_estimated();
  result.total_exact = exhaustive || mset.get_matches_lower_bound() ==
                                         mset.get_matches_upper_bound();
  if (result.total_exact) result.total = mset.get_matches_lower_bound();
  if (counted_apart) result.total = counted.total;
  if (ranked_apart && !counted_apart) {
    result.total_exact = ranked.lower == ranked.upper;
    result.total = result.total_exact ? ranked.lower : ranked.estimated;
  }
  result.offset = request.offset;
  result.limit = request.limit;
  result.sort = request.sort;
  result.collapse = collapse;
  if (count_only) {
    *out = std::move(result);
    return Status::Ok();
  }
  result.index_uuid = db->get_uuid();
  result.index_revision = index->revision;
  result.index_shards = index->shards.size();
  result.index_has_revision = index->single_local;

  // The page of hits: from the one match, or for oldest first on remote
  // shards, the dated matches oldest first, then the undated ones.
  std::vector<HitSource> sources;
  Xapian::Enquire dated_enquire = RankingEnquire(*db);
  Xapian::Enquire undated_enquire = RankingEnquire(*db);
  if (!split_by_date) {
    sources.push_back({&enquire, mset});
  } else if (limit > 0) {
    dated_enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query, DatedQuery()));
    dated_enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
    // Checking offset + limit matches makes the count exact whenever the
    // page is not filled, which is when the undated matches follow.
    Xapian::MSet dated =
        dated_enquire.get_mset(request.offset, limit, request.offset + limit);
    sources.push_back({&dated_enquire, dated});
    if (dated.size() < limit) {
      const Xapian::doccount n_dated = dated.get_matches_lower_bound();
      undated_enquire.set_query(
          Xapian::Query(Xapian::Query::OP_AND_NOT, query, DatedQuery()));
      sources.push_back(
          {&undated_enquire,
           undated_enquire.get_mset(
               request.offset > n_dated ? request.offset - n_dated : 0,
               limit - dated.size())});
    }
  }

  const QueryWords words = WordsOfQuery(base);
  Xapian::doccount rank = request.offset;
  // A hit from its document; `source` and `it` (null for a page ranked in
  // parallel) are what --collapse and --explain read.
  auto add_hit = [&](const Xapian::Document& doc, double weight, int percent,
                     const HitSource* source, const Xapian::MSetIterator* it) {
    StoredArticle stored = ParseDocument(doc, index->codec.get());
    Hit hit;
    hit.rank = ++rank;
    hit.score = weight;
    hit.percent = percent;
    if (stored.is_quote) {
      hit.is_quote = true;
      hit.quote_index = stored.quote_index;
      hit.speaker = stored.quote_speaker;
      hit.quote = MarkWords(stored.quote_text, words);
      hit.snippet = hit.quote;
    } else {
      hit.snippet = MakeSnippet(stored.text, words, request.snippet_length);
    }
    hit.id = std::move(stored.id);
    hit.title = std::move(stored.title);
    hit.date = std::move(stored.date);
    hit.outlet = std::move(stored.outlet);
    hit.url = std::move(stored.url);
    hit.source = std::move(stored.source);
    hit.speakers = std::move(stored.speakers);
    hit.topics = std::move(stored.topics);
    hit.keywords = std::move(stored.keywords);
    if (collapse && it != nullptr) {
      std::string key = doc.get_value(schema::kDupSlot);
      if (!key.empty()) FillDuplicates(*db, matched, **it, key, &hit);
    }
    if (recency) {
      hit.recency_boost = recency->Boost(doc.get_value(schema::kDateSlot));
    }
    if (request.explain && it != nullptr) {
      Xapian::Query restrict(hit.is_quote ? ParentTerm(hit.id)
                                          : IdTerm(hit.id));
      hit.explain = Explain(*db, *source->enquire, *it, restrict);
    }
    result.hits.push_back(std::move(hit));
  };
  for (const RankedItem& item : ranked.items) {
    add_hit(db->get_document(item.did, Xapian::DOC_ASSUME_VALID), item.weight,
            item.percent, nullptr, nullptr);
  }
  for (const HitSource& source :
       ranked_apart ? std::vector<HitSource>() : sources) {
    // Asks remote shards for every hit's document at once, rather than one
    // round trip per hit. (Not MSet::fetch(): in Xapian 1.4.22 it reads
    // past the items of a page that does not start at the first match.)
    source.mset.fetch(source.mset.begin(), source.mset.end());
    for (Xapian::MSetIterator it = source.mset.begin(); it != source.mset.end();
         ++it) {
      add_hit(it.get_document(), it.get_weight(), it.get_percent(), &source,
              &it);
    }
  }
  if (counted_apart) {
    result.facets = FacetCollector::Finish(facet_fields, counted.facets,
                                           request.facet_limit);
  } else if (facets) {
    result.facets = facets->Results(request.facet_limit);
  }

  // Multi-select facets (Solr's tag/exclude): a field the user filters on
  // is counted as if its own filter were off, so the other values stay
  // visible and can be added.
  for (FacetCounts& counts : result.facets) {
    if (counts.histogram) continue;
    bool filtered = false;
    for (const Filter& f : spec.filters) filtered |= f.field == counts.field;
    if (!filtered) continue;
    Xapian::Query loose_filter;
    status = FilterQuery(spec, counts.field, &loose_filter);
    if (!status.ok()) return status;
    counts =
        CountFacets(index,
                    RestrictToType(WithFilter(base, loose_filter), spec.type),
                    {counts.field}, collapse, request.facet_limit)
            .front();
  }
  if (want_timeline) {
    std::map<std::string, Xapian::doccount> span;
    if (counted_apart) {
      FillTimeline(counted.timeline, span, request, &result);
    } else if (timeline) {
      FillTimeline(timeline->counts(), span, request, &result);
    } else {
      FillTimeline(BuiltinTimeline(index, matched, request, collapse, &span),
                   span, request, &result);
    }
  }
  *out = std::move(result);
  return Status::Ok();
}

Status RunOnce(IndexSet* index, const SearchRequest& request,
               SearchResult* out) {
  QuerySpec spec = request.query;
  if (!spec.outlet_aliases) spec.outlet_aliases = LoadOutletAliases(index->db);
  spec.allow_empty_text = spec.allow_empty_text || !request.like_id.empty();
  SearchResult result;
  Status status = Execute(index, request, spec, /*count_only=*/false, &result);
  if (!status.ok()) return status;
  // Did you mean: only when the query as typed finds little, so a rare
  // but right word is not "corrected" into a common one, and only when a
  // word is in no document (HasUnknownWord()).
  // And only when the correction finds more: a suggestion that finds
  // less is no help.
  std::string corrected;
  if (result.total < kFewHits && HasUnknownWord(index->db, spec.text)) {
    Xapian::Query unused_query;
    if (!ParseUserQuery(spec, index->parser_db, &unused_query, &corrected).ok())
      corrected.clear();
  }
  if (!corrected.empty() && corrected != spec.text) {
    QuerySpec retry = spec;
    retry.text = corrected;
    // Counting is enough to decide; the whole search only if it is shown.
    SearchResult better;
    if (Execute(index, request, retry, /*count_only=*/true, &better).ok() &&
        better.total > result.total) {
      if (request.correct &&
          Execute(index, request, retry, /*count_only=*/false, &better).ok()) {
        better.corrected_from = spec.text;
        result = std::move(better);
      }
      result.did_you_mean = corrected;
    }
  }
  *out = std::move(result);
  return Status::Ok();
}

}  // namespace

Status ParseSortOrder(const std::string& text, SortOrder* out) {
  if (text == "relevance") {
    *out = SortOrder::kRelevance;
  } else if (text == "date") {
    *out = SortOrder::kDateAscending;
  } else if (text == "-date") {
    *out = SortOrder::kDateDescending;
  } else {
    return Status::InvalidInput("invalid sort \"" + text +
                                "\" (expected relevance, date or -date)");
  }
  return Status::Ok();
}

const char* SortOrderName(SortOrder order) {
  switch (order) {
    case SortOrder::kDateAscending:
      return "date";
    case SortOrder::kDateDescending:
      return "-date";
    case SortOrder::kRelevance:
      break;
  }
  return "relevance";
}

std::string DateSortKey::operator()(const Xapian::Document& doc) const {
  std::string date = doc.get_value(schema::kDateSlot);
  // '~' sorts after every digit: undated documents come last either way.
  if (date.empty()) return "~";
  if (newest_first_) {
    // Complementing each digit reverses the order of same-length keys, so
    // one ascending sort serves both orders and keeps "undated last".
    for (char& c : date) {
      if (c >= '0' && c <= '9') c = static_cast<char>('9' - (c - '0'));
    }
  }
  return date;
}

QueryWords WordsOfQuery(const Xapian::Query& query) {
  static const char* const kTextPrefixes[] = {"XQ", "XC", "S"};
  QueryWords words;
  for (Xapian::TermIterator t = query.get_unique_terms_begin();
       t != query.get_unique_terms_end(); ++t) {
    std::string term = *t;
    bool stem = !term.empty() && term[0] == 'Z';
    if (stem) term.erase(0, 1);
    for (const char* prefix : kTextPrefixes) {
      size_t n = std::char_traits<char>::length(prefix);
      if (term.compare(0, n, prefix) == 0) {
        term.erase(0, n);
        break;
      }
    }
    // What remains must be a free-text word, not a boolean term.
    if (term.empty() || std::isupper(static_cast<unsigned char>(term[0])))
      continue;
    (stem ? words.stems : words.plain).insert(term);
  }
  return words;
}

std::vector<SnippetPart> MarkWords(const std::string& text,
                                   const QueryWords& query_words) {
  WordMatcher matcher(query_words);
  const std::vector<TextWord> words = WordsOfText(text, &matcher);
  std::vector<SnippetPart> parts;
  AppendMarked(text, words, 0, words.size(), 0, text.size(), &parts);
  TrimEnd(&parts);
  return parts;
}

std::vector<SnippetPart> MakeSnippet(const std::string& text,
                                     const QueryWords& query_words,
                                     size_t length) {
  WordMatcher matcher(query_words);
  const std::vector<TextWord> words = WordsOfText(text, &matcher);
  std::vector<SnippetPart> parts;
  if (words.empty()) return parts;
  std::vector<size_t> hits;  // indexes of the matched words
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].match) hits.push_back(w);
  }
  // The window holding the most distinct query words, then the most
  // matches, the earliest of equals; a quarter of `length` is kept for
  // context before it.
  size_t first = 0;  // the first word shown
  if (!hits.empty()) {
    const size_t window = length - length / 4;
    size_t best = 0, best_distinct = 0, best_count = 0;
    std::vector<const std::string*> seen;
    for (size_t k = 0; k < hits.size(); ++k) {
      const size_t begin = words[hits[k]].begin;
      seen.clear();
      size_t count = 0;
      for (size_t j = k;
           j < hits.size() && words[hits[j]].end - begin <= window; ++j) {
        ++count;
        if (std::find(seen.begin(), seen.end(), words[hits[j]].match) ==
            seen.end())
          seen.push_back(words[hits[j]].match);
      }
      if (seen.size() > best_distinct ||
          (seen.size() == best_distinct && count > best_count)) {
        best = k;
        best_distinct = seen.size();
        best_count = count;
      }
    }
    // Context before the first match: half the room left, from the start
    // of its sentence when that is near enough.
    size_t last_hit = best;
    while (last_hit + 1 < hits.size() &&
           words[hits[last_hit + 1]].end - words[hits[best]].begin <= window)
      ++last_hit;
    const size_t span = words[hits[last_hit]].end - words[hits[best]].begin;
    const size_t back = (length > span ? length - span : 0) / 2;
    const size_t from =
        words[hits[best]].begin > back ? words[hits[best]].begin - back : 0;
    first = hits[best];
    while (first > 0 && words[first - 1].begin >= from) --first;
    for (size_t w = first; w < hits[best]; ++w) {
      if (EndsSentence(text, words[w].begin)) {
        first = w;
        break;
      }
    }
  }
  // As many words as fit, at least one.
  size_t last = first + 1;
  while (last < words.size() && words[last].end - words[first].begin <= length)
    ++last;
  // Punctuation right after the last word belongs to it, up to three
  // characters ("said.", "said.’").
  size_t end = words[last - 1].end;
  for (int n = 0; n < 3 && end < text.size() &&
                  !std::isspace(static_cast<unsigned char>(text[end]));
       ++n) {
    const TextChar ch = CharAt(text, end);
    if (ch.word) break;
    end += ch.bytes;
  }
  if (first > 0) parts.push_back({"...", false});
  AppendMarked(text, words, first, last, words[first].begin, end, &parts);
  TrimEnd(&parts);
  if (last < words.size()) {
    if (parts.empty() || parts.back().match) parts.push_back({"", false});
    parts.back().text += "...";
  }
  return parts;
}

bool DaysFromYmd(const std::string& ymd, long* days) {
  if (ymd.size() != 8) return false;
  for (char c : ymd) {
    if (c < '0' || c > '9') return false;
  }
  long y = std::stol(ymd.substr(0, 4));
  long m = std::stol(ymd.substr(4, 2));
  long d = std::stol(ymd.substr(6, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = era * 146097 + doe - 719468;
  return true;
}

std::string YmdFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04ld%02ld%02ld", y, m, d);
  return buf;
}

namespace {

// "3m" -> (3, 'm'); false unless digits then one of d w m y.
bool ParseSpan(const std::string& text, long* n, char* unit) {
  if (text.size() < 2 || text.size() > 8) return false;
  *unit =
      static_cast<char>(std::tolower(static_cast<unsigned char>(text.back())));
  if (std::string("dwmy").find(*unit) == std::string::npos) return false;
  std::string digits = text.substr(0, text.size() - 1);
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  *n = std::stol(digits);
  return true;
}

}  // namespace

RecencySource::RecencySource(const std::string& anchor, double half_life_days,
                             double max_weight)
    : Xapian::ValuePostingSource(schema::kDateSlot),
      anchor_(anchor),
      anchor_days_(0),
      half_life_days_(half_life_days),
      max_weight_(max_weight) {
  DaysFromYmd(anchor_, &anchor_days_);
}

double RecencySource::Boost(const std::string& ymd) const {
  long days;
  if (!DaysFromYmd(ymd, &days)) return 0;
  double age = std::max(0L, anchor_days_ - days);
  return max_weight_ * std::exp2(-age / half_life_days_);
}

double RecencySource::get_weight() const { return Boost(get_value()); }

RecencySource* RecencySource::clone() const {
  return new RecencySource(anchor_, half_life_days_, max_weight_);
}

std::string RecencySource::name() const { return "hpnews::RecencySource"; }

void RecencySource::init(const Xapian::Database& db_) {
  Xapian::ValuePostingSource::init(db_);
  set_maxweight(max_weight_);
}

std::string TodayYmd() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d", &tm);
  return buf;
}

Status ParseSince(const std::string& text, const std::string& today,
                  std::string* from) {
  long n;
  char unit;
  if (ParseSpan(text, &n, &unit)) {
    long days;
    if (!DaysFromYmd(today, &days)) {
      return Status::InvalidInput("invalid date \"" + today + "\"");
    }
    std::string ymd;
    if (unit == 'd' || unit == 'w') {
      ymd = YmdFromDays(days - n * (unit == 'w' ? 7 : 1));
    } else {
      // Calendar months and years: "3m" on 2013-05-31 is 2013-02-28.
      int y = std::stoi(today.substr(0, 4));
      int m = std::stoi(today.substr(4, 2));
      int d = std::stoi(today.substr(6, 2));
      long months = y * 12L + (m - 1) - n * (unit == 'y' ? 12 : 1);
      y = static_cast<int>(months / 12);
      m = static_cast<int>(months % 12) + 1;
      if (y < 1)
        return Status::InvalidInput("--since " + text + " is too far back");
      while (d > 28 && !IsValidDate(y, m, d)) --d;
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
      ymd = buf;
    }
    *from = IsoOfYmd(ymd);
    return Status::Ok();
  }
  std::string ymd;
  Status status = ParseDateBound(text, /*upper=*/false, &ymd);
  if (!status.ok()) {
    return Status::InvalidInput(
        "invalid --since \"" + text +
        "\" (expected 10d, 2w, 3m, 1y, YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  *from = text;
  return Status::Ok();
}

Status ParseHalfLife(const std::string& text, double* days) {
  long n = 0;
  char unit = 'd';
  bool digits = !text.empty() && text.size() <= 8;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    n = std::stol(text);
  } else if (!ParseSpan(text, &n, &unit)) {
    return Status::InvalidInput(
        "invalid --recency \"" + text +
        "\" (expected a half-life: 90, 90d, 6w, 3m, 1y)");
  }
  if (n <= 0) return Status::InvalidInput("--recency must be more than 0");
  static const struct {
    char unit;
    double days;
  } kUnits[] = {{'d', 1}, {'w', 7}, {'m', 30.44}, {'y', 365.25}};
  for (const auto& u : kUnits) {
    if (u.unit == unit) *days = static_cast<double>(n) * u.days;
  }
  return Status::Ok();
}

namespace {

// Metadata key of the synonyms.tsv an index was built with, which
// hpnews-index does not write yet (it belongs in common/schema.h when it
// does); until then the searcher reads the default synonyms.tsv.
constexpr const char* kSynonymsKey = "hpnews.synonyms_tsv";

// Stubs may list stubs; a loop of them must end.
constexpr int kMaxStubDepth = 8;

struct Shard {
  // The folder `db` was opened through (local shards): it must outlive db.
  std::shared_ptr<const IndexFolder> folder;
  Xapian::Database db;
  std::string name;
  bool remote = false;
};

Status OpenPath(const std::string& path, const std::string& name, int depth,
                std::vector<Shard>* out);

// A failed `status` of the same kind with another message.
Status WithMessage(const Status& status, std::string message) {
  if (status.IsNotFound()) return Status::NotFound(std::move(message));
  if (status.IsInvalidInput()) return Status::InvalidInput(std::move(message));
  return Status::IoError(std::move(message));
}

// "index has schema version 2 ..." -> "PATH: index has schema version 2 ...",
// unless the message names the path already ("no index at PATH").
Status Named(const std::string& name, const Status& status) {
  if (status.ok() || status.message().find(name) != std::string::npos)
    return status;
  return WithMessage(status, name + ": " + status.message());
}

std::string XapianMessage(const Xapian::Error& e) {
  std::string message = e.get_msg();
  const char* why = e.get_error_string();
  if (why != nullptr && *why != '\0') message += std::string(": ") + why;
  return message;
}

// One remote shard of a stub: "HOST:PORT" or ":PROGRAM ARGS", as Xapian's
// own stub reader takes them.
Status OpenRemote(const std::string& spec, const std::string& where,
                  std::vector<Shard>* out) {
  Shard shard;
  shard.name = "remote " + spec + " (" + where + ")";
  shard.remote = true;
  try {
    if (spec[0] == ':') {
      size_t space = spec.find(' ');
      std::string program = spec.substr(
          1, space == std::string::npos ? std::string::npos : space - 1);
      std::string args =
          space == std::string::npos ? "" : spec.substr(space + 1);
      shard.db = Xapian::Remote::open(program, args);
    } else {
      size_t colon = spec.rfind(':');
      std::string host = spec.substr(0, colon);
      if (host.size() > 1 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
      char* end = nullptr;
      unsigned long port =
          colon == std::string::npos
              ? 0
              : std::strtoul(spec.c_str() + colon + 1, &end, 10);
      if (colon == std::string::npos || port == 0 || port > 65535 ||
          end == nullptr || *end != '\0' || host.empty()) {
        return Status::InvalidInput(where + ": bad remote \"" + spec +
                                    "\" (expected HOST:PORT)");
      }
      shard.db = Xapian::Remote::open(host, static_cast<unsigned>(port));
    }
  } catch (const Xapian::Error& e) {
    return Status::IoError(shard.name + ": " + XapianMessage(e));
  }
  Status status;
  try {
    status = CheckSchemaVersion(shard.db);
  } catch (const Xapian::Error& e) {
    return Status::IoError(shard.name + ": " + XapianMessage(e));
  }
  if (!status.ok()) return Named(shard.name, status);
  out->push_back(std::move(shard));
  return Status::Ok();
}

// A Xapian stub database file: one shard per line. `name` is what
// messages call `stub` (the path the user gave, not the folder it is read
// through).
Status OpenStub(const std::string& stub, const std::string& name, int depth,
                std::vector<Shard>* out) {
  std::ifstream in(stub);
  if (!in) {
    return Status::IoError("cannot read " + name + ": " + std::strerror(errno));
  }
  const std::filesystem::path folder =
      std::filesystem::path(stub).parent_path();
  const std::filesystem::path named_folder =
      std::filesystem::path(name).parent_path();
  const size_t before = out->size();
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::string where = name + ":" + std::to_string(line_no);
    size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest =
        space == std::string::npos ? "" : line.substr(space + 1);
    Status status;
    if ((type == "auto" || type == "glass") && !rest.empty()) {
      std::filesystem::path path(rest), named(rest);
      if (path.is_relative()) {
        path = folder / path;
        named = named_folder / named;
      }
      status = OpenPath(path.string(), named.string(), depth + 1, out);
    } else if (type == "remote" && !rest.empty()) {
      status = OpenRemote(rest, where, out);
    } else {
      status = Status::InvalidInput(
          where +
          ": bad stub line (expected auto PATH, remote HOST:PORT or remote "
          ":PROGRAM ARGS)");
    }
    if (!status.ok()) return status;
  }
  if (out->size() == before)
    return Status::InvalidInput(name + ": lists no databases");
  return Status::Ok();
}

// `message` with every mention of `from` (a held folder's /proc path)
// naming `to` instead (the path the user gave), of the same kind.
Status Renamed(const Status& status, const std::string& from,
               const std::string& to) {
  if (status.ok() || from == to) return status;
  std::string message = status.message();
  for (size_t at = 0; (at = message.find(from, at)) != std::string::npos;
       at += to.size())
    message.replace(at, from.size(), to);
  return WithMessage(status, std::move(message));
}

// A rebuild that swaps a folder in while we open what is below it makes us
// open it again, at most this many times in all.
constexpr int kOpenAttempts = 3;

// Opens the index, sharded index or stub file at `path`, called `name` in
// messages. The folder (a stub file's own folder) is held open
// (IndexFolder) and read through while the index's files and shards are
// opened: they all come from one folder, the one at its path when we
// began, and still there when we finished.
Status OpenPath(const std::string& path, const std::string& name, int depth,
                std::vector<Shard>* out) {
  if (depth > kMaxStubDepth) {
    return Status::InvalidInput(name + ": stub databases nested more than " +
                                std::to_string(kMaxStubDepth) + " deep");
  }
  std::error_code ec;
  const auto type = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(type))
    return Status::NotFound("no index at " + name);
  const bool stub_file = std::filesystem::is_regular_file(type);
  const std::filesystem::path as_given(path);
  std::string folder_path = path;
  if (stub_file) {
    folder_path =
        as_given.has_parent_path() ? as_given.parent_path().string() : ".";
  }
  const size_t before = out->size();
  Status status;
  for (int attempt = 1; attempt <= kOpenAttempts; ++attempt) {
    out->resize(before);
    std::shared_ptr<const IndexFolder> folder;
    status = IndexFolder::Open(folder_path, &folder);
    if (!status.ok()) return Renamed(status, folder_path, name);
    const std::string& base = folder->path();
    if (stub_file) {
      status =
          OpenStub(base + "/" + as_given.filename().string(), name, depth, out);
    } else if (!std::filesystem::exists(base + "/iamglass", ec) &&
               std::filesystem::exists(base + "/XAPIANDB", ec)) {
      status = OpenStub(base + "/XAPIANDB", name + "/XAPIANDB", depth, out);
    } else {
      Shard shard;
      shard.name = name;
      shard.folder = folder;
      status = Named(name, Renamed(OpenIndex(base, &shard.db), base, name));
      if (status.ok()) out->push_back(std::move(shard));
    }
    if (folder->StillAt(folder_path)) return status;
  }
  return status;  // swapped each time: what the last folder held
}

// The synonym table for the query parser when remote shards cannot lend
// theirs (Xapian's remote protocol does not carry it): the synonyms.tsv
// stored in the index, else the one hpnews-index reads by default, as a
// database of its own. Xapian's in-memory backend holds no synonyms, so it
// is a glass database compacted into one anonymous file (unlinked: nothing
// is left behind). Without the table, queries run as typed.
Xapian::Database SynonymDatabase(const Xapian::Database& db) {
  std::string text = db.get_metadata(kSynonymsKey);
  if (text.empty()) {
    std::ifstream in(DefaultDataDir() + "/synonyms.tsv", std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  Synonyms synonyms;
  if (text.empty() || !Synonyms::Parse(text, &synonyms).ok()) {
    return Xapian::Database();
  }
  std::string dir =
      (std::filesystem::temp_directory_path() / "hpnews-synonyms-XXXXXX")
          .string();
  if (::mkdtemp(dir.data()) == nullptr) return Xapian::Database();
  Xapian::Database out;
  try {
    {
      Xapian::WritableDatabase table(dir + "/db", Xapian::DB_CREATE);
      for (const auto& [key, term] : synonyms.SynonymEntries())
        table.add_synonym(key, term);
      table.commit();
    }
    const std::string file = dir + "/single";
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      ::unlink(file.c_str());
      // compact() closes the descriptor it writes; Database(fd) owns its.
      Xapian::Database(dir + "/db")
          .compact(::dup(fd), Xapian::DBCOMPACT_SINGLE_FILE);
      ::lseek(fd, 0, SEEK_SET);
      out = Xapian::Database(fd);
    }
  } catch (const Xapian::Error&) {
    out = Xapian::Database();  // no synonyms rather than no search
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return out;
}

// The word pairs (common/word_pairs.h) that every one of `shards` has pair
// terms for; none for no shards.
std::shared_ptr<const WordPairs> SharedWordPairs(
    const std::vector<Xapian::Database>& shards) {
  std::vector<WordPairs> pairs;
  for (const Xapian::Database& shard : shards)
    pairs.push_back(
        WordPairs::Parse(shard.get_metadata(schema::kWordPairsKey)));
  return std::make_shared<const WordPairs>(WordPairs::Intersection(pairs));
}

}  // namespace

Status OpenIndexSet(const std::vector<std::string>& paths, IndexSet* out) {
  if (paths.empty()) return Status::InvalidInput("no index given");
  std::vector<Shard> shards;
  for (const std::string& path : paths) {
    Status status = OpenPath(path, path, 0, &shards);
    if (!status.ok()) return status;
  }
  // A shard listed twice would count its articles twice.
  std::map<std::string, std::string> names_by_uuid;
  for (const Shard& shard : shards) {
    std::string uuid;
    try {
      uuid = shard.db.get_uuid();
    } catch (const Xapian::Error& e) {
      return Status::IoError(shard.name + ": " + XapianMessage(e));
    }
    auto [it, added] = names_by_uuid.emplace(uuid, shard.name);
    if (!added && !uuid.empty()) {
      return Status::InvalidInput(shard.name + " is the same database as " +
                                  it->second + " (listed twice)");
    }
  }
  IndexSet index;
  index.paths = paths;
  for (const Shard& shard : shards) {
    if (shard.folder) index.folders.push_back(shard.folder);
    index.db.add_database(shard.db);
    index.shards.push_back(shard.name);
    index.remote = index.remote || shard.remote;
  }
  index.single_local = shards.size() == 1 && !index.remote;
  try {
    std::vector<Xapian::Database> shard_dbs;
    for (const Shard& shard : shards) shard_dbs.push_back(shard.db);
    index.codec = DataCodec::ForDatabase(index.db, shard_dbs);
    index.pairs = SharedWordPairs(shard_dbs);
    if (index.single_local) index.revision = index.db.get_revision();
    if (!index.remote) {
      index.parser_db = index.db;
    } else {
      index.parser_db.add_database(SynonymDatabase(index.db));
      for (const Shard& shard : shards) {
        if (!shard.remote) index.parser_db.add_database(shard.db);
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::IoError(XapianMessage(e));
  }
  *out = std::move(index);
  return Status::Ok();
}

namespace {

// Replaces *index by the index set its paths hold now (keeping its count
// pool); false, leaving it as it was, when they cannot be opened or it was
// given no paths.
bool OpenAfresh(IndexSet* index) {
  if (index->paths.empty()) return false;
  IndexSet fresh;
  if (!OpenIndexSet(index->paths, &fresh).ok()) return false;
  fresh.remote = fresh.remote || index->remote;
  fresh.count_pool = std::move(index->count_pool);
  *index = std::move(fresh);
  return true;
}

}  // namespace

Status Search(IndexSet* index, const SearchRequest& request,
              SearchResult* out) {
  for (int attempt = 1;; ++attempt) {
    try {
      if (!index->codec) index->codec = DataCodec::ForDatabase(index->db);
      if (!index->pairs) {
        // A combined database's metadata is its first shard's, which
        // another shard's pairs may not match: no pairs then.
        index->pairs = SharedWordPairs(
            index->single_local ? std::vector<Xapian::Database>{index->db}
                                : std::vector<Xapian::Database>{});
      }
      return RunOnce(index, request, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxAttempts) throw;
      try {
        index->db.reopen();
        index->parser_db.reopen();
      } catch (const Xapian::DatabaseError&) {
        // The folder it was opened through is gone (a rebuild swapped it
        // out and removed it): open what is there now.
        if (!OpenAfresh(index)) throw;
        continue;
      }
      // A rebuild may have brought records of another dictionary: read
      // again by the next attempt.
      index->codec.reset();
      index->pairs.reset();
      // Another revision: the batch's ordinals and item slots are stale.
      index->facet_cache.reset();
      index->item_slots.clear();
      if (index->single_local) index->revision = index->db.get_revision();
    } catch (const Xapian::DatabaseError&) {
      if (attempt >= kMaxAttempts || !OpenAfresh(index)) throw;
    }
  }
}

Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out) {
  IndexSet index;
  index.db = *db;
  index.parser_db = *db;
  index.shards = {""};
  try {
    index.revision = db->get_revision();
    index.single_local = true;
  } catch (const Xapian::InvalidOperationError&) {
    // Several databases combined: no one revision, docids not global.
  }
  Status status = Search(&index, request, out);
  *db = index.db;
  return status;
}

}  // namespace hpnews
