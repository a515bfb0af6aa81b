#include "searcher/search.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <set>

#include "common/document.h"
#include "common/schema.h"

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

// Undoes the escaping MSet::snippet() applies to the document text.
std::string UnescapeHtml(const std::string& text) {
  static const struct {
    const char* entity;
    char c;
  } kEntities[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                   {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      bool replaced = false;
      for (const auto& e : kEntities) {
        size_t n = std::char_traits<char>::length(e.entity);
        if (text.compare(i, n, e.entity) == 0) {
          out += e.c;
          i += n - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out += text[i];
  }
  return out;
}

bool IsBlank(const std::string& text) {
  for (unsigned char c : text) {
    if (!std::isspace(c)) return false;
  }
  return true;
}

// Collapses runs of white space (paragraph breaks included) to one space
// and trims the ends: a snippet is one line in every output format.
std::string CollapseSpace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The words a query looks for, to mark them in a quote (MSet::snippet()
// only knows unprefixed terms, and `quote:` words are XQ terms): each
// term without its field prefix, unstemmed and stemmed ("Z") forms apart.
struct QueryWords {
  std::set<std::string> plain;
  std::set<std::string> stems;
};

QueryWords WordsOf(const Xapian::Query& query) {
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

// The whole of `text` as snippet parts, the words of `words` marked.
std::vector<SnippetPart> MarkWords(const std::string& text,
                                   const QueryWords& words,
                                   const Xapian::Stem& stemmer) {
  std::vector<SnippetPart> parts;
  std::string collapsed = CollapseSpace(text);
  std::string plain;
  auto push = [&parts](const std::string& piece, bool match) {
    if (piece.empty()) return;
    if (!parts.empty() && parts.back().match == match) {
      parts.back().text += piece;
    } else {
      parts.push_back({piece, match});
    }
  };
  size_t i = 0;
  while (i < collapsed.size()) {
    auto is_word = [&collapsed](size_t k) {
      unsigned char c = static_cast<unsigned char>(collapsed[k]);
      return std::isalnum(c) || c >= 0x80;
    };
    if (!is_word(i)) {
      push(std::string(1, collapsed[i]), false);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < collapsed.size() && is_word(j)) ++j;
    std::string word = collapsed.substr(i, j - i);
    std::string lower = word;
    for (char& c : lower) {
      if (static_cast<unsigned char>(c) < 0x80) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    bool match = words.plain.count(lower) || words.stems.count(stemmer(lower));
    push(word, match);
    i = j;
  }
  return parts;
}

// The field a term belongs to, by its prefix (schema.h).
std::string FieldOfTerm(const std::string& term, std::string* word) {
  static const struct {
    const char* prefix;
    const char* field;
  } kFields[] = {
      {"XSW", "speaker"},  {"XS", "speaker"}, {"XO", "outlet"},
      {"XT", "topic"},     {"XQ", "quote"},   {"XC", "comment"},
      {"XN", "synonym"},   {"XY", "type"},    {"XP", "parent"},
      {"XU", "duplicate"}, {"K", "keyword"},  {"S", "title"},
      {"D", "date"},       {"M", "date"},     {"Y", "date"},
      {"Q", "id"},
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

// Expansion terms for --like: plain words of three letters or more.
class LikeDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || IsStopword(term)) return false;
    bool letter = false;
    for (unsigned char c : term) {
      if (std::isupper(c)) return false;
      if (std::isalpha(c) || c >= 0x80) letter = true;
    }
    return letter;
  }
};

constexpr Xapian::termcount kLikeTerms = 25;

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
    Xapian::TermIterator d = doc.termlist_begin();
    d.skip_to(e.term);
    if (d != doc.termlist_end() && *d == e.term) e.wdf = d.get_wdf();
    Xapian::Enquire one(db);
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
  Xapian::ESet eset = enquire.get_eset(kLikeTerms, rset, &decider);
  std::vector<Xapian::Query> parts;
  for (Xapian::ESetIterator e = eset.begin(); e != eset.end(); ++e) {
    terms->push_back(*e);
    parts.emplace_back(*e);
  }
  if (parts.empty()) {
    return Status::InvalidInput("--like: article \"" + id +
                                "\" has no words to compare");
  }
  *out = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
  return Status::Ok();
}

// Fills out->timeline from the spy: every period from the first to the
// last dated match, the largest `max_series` series.
void FillTimeline(const HistogramSpy& spy, const SearchRequest& request,
                  SearchResult* out) {
  Timeline& tl = out->timeline;
  tl.interval = request.timeline_interval;
  tl.series_field = request.timeline_by;
  std::string first, last;
  std::vector<std::pair<Xapian::doccount, std::string>> totals;
  for (const auto& [name, periods] : spy.counts()) {
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
    const auto& periods = spy.counts().at(name);
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

// One search for spec.text, everything but the spelling retry.
Status Execute(Xapian::Database* db, const SearchRequest& request,
               const QuerySpec& spec, SearchResult* out,
               std::string* corrected) {
  Xapian::Query text_query, filter;
  Status status = ParseUserQuery(spec, *db, &text_query, corrected);
  if (!status.ok()) return status;
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
    // Not the article itself, nor its own quotes.
    filter = Xapian::Query(
        Xapian::Query::OP_AND_NOT, filter,
        Xapian::Query(Xapian::Query::OP_OR,
                      Xapian::Query(IdTerm(request.like_id)),
                      Xapian::Query(ParentTerm(request.like_id))));
  }
  const Xapian::Query matched(Xapian::Query::OP_FILTER, base, filter);
  Xapian::Query query = matched;

  // Recency: scaled to the best relevance score of this query, so a match
  // dated at the anchor gains as much as the top hit's whole relevance
  // and one a half-life older half of that.
  std::unique_ptr<RecencySource> recency;
  if (request.recency_half_life_days > 0) {
    std::string anchor = request.recency_anchor.empty()
                             ? db->get_value_upper_bound(schema::kDateSlot)
                             : request.recency_anchor;
    long days;
    if (DaysFromYmd(anchor, &days)) {
      Xapian::Enquire probe(*db);
      probe.set_query(matched);
      Xapian::MSet top = probe.get_mset(0, 1);
      double scale = top.empty() ? 1.0 : top.begin().get_weight();
      if (scale <= 0) scale = 1.0;  // a purely boolean query
      recency = std::make_unique<RecencySource>(
          anchor, request.recency_half_life_days, scale);
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, matched,
                            Xapian::Query(recency.get()));
      result.recency_half_life_days = request.recency_half_life_days;
      result.recency_anchor = IsoOfYmd(anchor);
    }
  }

  Xapian::Enquire enquire(*db);
  enquire.set_query(query);
  // Owned here: Enquire only borrows a KeyMaker that was not release()d.
  DateSortKey oldest_first(false);
  DateSortKey newest_first(true);
  if (request.sort == SortOrder::kDateAscending) {
    enquire.set_sort_by_key_then_relevance(&oldest_first, false);
  } else if (request.sort == SortOrder::kDateDescending) {
    enquire.set_sort_by_key_then_relevance(&newest_first, false);
  }
  const bool collapse = request.collapse && spec.type == DocType::kArticle;
  if (collapse) enquire.set_collapse_key(schema::kDupSlot);
  FacetCollector facets(request.facets);
  facets.AttachTo(&enquire);
  std::unique_ptr<HistogramSpy> timeline;
  if (request.timeline) {
    const schema::FacetField* by =
        request.timeline_by.empty()
            ? nullptr
            : schema::FindFacetField(request.timeline_by);
    timeline = by ? std::make_unique<HistogramSpy>(request.timeline_interval,
                                                   by->slot, true, by->multi)
                  : std::make_unique<HistogramSpy>(request.timeline_interval);
    enquire.add_matchspy(timeline.get());
  }
  // Facets must see every match to be exact; without them we let Xapian
  // stop early and report an estimate.
  // Even with --limit 0, look for one match: the exit status must not
  // rest on an estimate that can say 0 when something matches.
  const bool exhaustive = !facets.empty() || timeline != nullptr;
  Xapian::doccount check_at_least = exhaustive ? db->get_doccount() : 1;
  Xapian::MSet mset =
      enquire.get_mset(request.offset, request.limit, check_at_least);

  result.query = spec.text;
  result.type = spec.type;
  result.total = mset.get_matches_estimated();
  result.total_exact = exhaustive || mset.get_matches_lower_bound() ==
                                         mset.get_matches_upper_bound();
  if (result.total_exact) result.total = mset.get_matches_lower_bound();
  result.offset = request.offset;
  result.limit = request.limit;
  result.sort = request.sort;
  result.collapse = collapse;
  result.index_uuid = db->get_uuid();
  result.index_revision = db->get_revision();

  const Xapian::Stem stemmer("en");
  const QueryWords words = WordsOf(base);
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    Xapian::Document doc = it.get_document();
    StoredArticle stored = ParseDocumentData(doc.get_data());
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    if (stored.is_quote) {
      hit.is_quote = true;
      hit.quote_index = stored.quote_index;
      hit.speaker = stored.quote_speaker;
      hit.quote = MarkWords(stored.quote_text, words, stemmer);
      hit.snippet = hit.quote;
    } else {
      // Our marks are control characters, which readers never let into the
      // text; clear any that slipped in so they cannot fake a match.
      for (char& c : stored.text) {
        if (c == kSnippetMarkStart[0] || c == kSnippetMarkEnd[0]) c = ' ';
      }
      hit.snippet = ParseSnippet(mset.snippet(
          stored.text, request.snippet_length, stemmer,
          // No background model and no exhaustive search: the model looks
          // up the frequency of every word of the text in the index, which
          // made snippets cost more than the search (bench/README.md);
          // the query terms' own weights pick a good enough window.
          0, kSnippetMarkStart, kSnippetMarkEnd, "..."));
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
    if (collapse) {
      std::string key = doc.get_value(schema::kDupSlot);
      if (!key.empty()) FillDuplicates(*db, matched, *it, key, &hit);
    }
    if (recency) {
      hit.recency_boost = recency->Boost(doc.get_value(schema::kDateSlot));
    }
    if (request.explain) {
      Xapian::Query restrict(hit.is_quote ? ParentTerm(hit.id)
                                          : IdTerm(hit.id));
      hit.explain = Explain(*db, enquire, it, restrict);
    }
    result.hits.push_back(std::move(hit));
  }
  result.facets = facets.Results(request.facet_limit);

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
    if (!request.like_id.empty()) {
      loose_filter = Xapian::Query(
          Xapian::Query::OP_AND_NOT, loose_filter,
          Xapian::Query(Xapian::Query::OP_OR,
                        Xapian::Query(IdTerm(request.like_id)),
                        Xapian::Query(ParentTerm(request.like_id))));
    }
    Xapian::Enquire other(*db);
    other.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, base, loose_filter));
    other.set_weighting_scheme(Xapian::BoolWeight());
    if (collapse) other.set_collapse_key(schema::kDupSlot);
    FacetCollector one({counts.field});
    one.AttachTo(&other);
    other.get_mset(0, 0, db->get_doccount());
    counts = one.Results(request.facet_limit).front();
  }
  if (timeline) FillTimeline(*timeline, request, &result);
  *out = std::move(result);
  return Status::Ok();
}

Status RunOnce(Xapian::Database* db, const SearchRequest& request,
               SearchResult* out) {
  QuerySpec spec = request.query;
  if (!spec.outlet_aliases) spec.outlet_aliases = LoadOutletAliases(*db);
  spec.allow_empty_text = spec.allow_empty_text || !request.like_id.empty();
  SearchResult result;
  Status status = Execute(db, request, spec, &result, nullptr);
  if (!status.ok()) return status;
  // Did you mean: only when the query as typed finds little, so a rare
  // but right word is not "corrected" into a common one.
  // And only when the correction finds more: a suggestion that finds
  // less is no help.
  // The correction is looked for only then: Xapian's spelling suggestion
  // costs more than many a whole search, and most queries find plenty.
  std::string corrected;
  if (result.total < kFewHits) {
    Xapian::Query unused_query;
    if (!ParseUserQuery(spec, *db, &unused_query, &corrected).ok())
      corrected.clear();
  }
  if (result.total < kFewHits && !corrected.empty() && corrected != spec.text) {
    QuerySpec retry = spec;
    retry.text = corrected;
    SearchResult better;
    if (Execute(db, request, retry, &better, nullptr).ok() &&
        better.total > result.total) {
      if (request.correct) {
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

std::vector<SnippetPart> ParseSnippet(const std::string& marked) {
  std::string text = CollapseSpace(marked);
  std::vector<SnippetPart> parts;
  std::string current;
  bool match = false;
  auto flush = [&]() {
    if (!current.empty()) parts.push_back({UnescapeHtml(current), match});
    current.clear();
  };
  for (char c : text) {
    if (c == kSnippetMarkStart[0]) {
      flush();
      match = true;
    } else if (c == kSnippetMarkEnd[0]) {
      flush();
      match = false;
    } else {
      current += c;
    }
  }
  flush();
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

namespace {

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

Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out, const std::string& index_path) {
  for (int attempt = 1;; ++attempt) {
    try {
      return RunOnce(db, request, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxAttempts) throw;
      db->reopen();
    } catch (const Xapian::DatabaseError&) {
      if (attempt >= kMaxAttempts || index_path.empty()) throw;
      *db = Xapian::Database(index_path);
    }
  }
}

}  // namespace hpnews
