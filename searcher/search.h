// Running a search: query building (query_builder.h) + Enquire + facet
// spies (facets.h), turned into plain result data that the printers format.
//
// Not a printer (printer.h formats a SearchResult and never runs a query)
// and not a query parser. Ranking here knows nothing about facets: it only
// attaches the collector the request asks for.

#ifndef HPNEWS_SEARCHER_SEARCH_H_
#define HPNEWS_SEARCHER_SEARCH_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"

namespace hpnews {

// Result order. Both date orders put undated articles last and break ties
// by relevance.
enum class SortOrder { kRelevance, kDateAscending, kDateDescending };

// Parses "relevance", "date" (oldest first) or "-date" (newest first).
Status ParseSortOrder(const std::string& text, SortOrder* out);
// The inverse of ParseSortOrder(): "relevance", "date" or "-date".
const char* SortOrderName(SortOrder order);

// A timeline for --plot: matches per period, one series per value of a
// field (outlet, speaker, topic) or one series named "" for all matches.
struct Timeline {
  DateInterval interval = DateInterval::kMonth;
  std::string series_field;          // "" = one series
  std::vector<std::string> periods;  // every period, first to last match
  struct Series {
    std::string name;
    std::vector<Xapian::doccount> counts;  // one per period
  };
  std::vector<Series> series;  // largest total first
};

struct SearchRequest {
  QuerySpec query;  // query.type says articles or quotes (--quotes)
  std::vector<std::string> facets;  // field names, from ParseFacetFields()
  size_t facet_limit = 10;          // values per facet; 0 = all
  SortOrder sort = SortOrder::kRelevance;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  size_t snippet_length = 200;  // bytes of text to aim for
  // --recency: days after which a match's date boost halves; 0 = off.
  double recency_half_life_days = 0;
  // The day recency counts back from ("YYYYMMDD"); "" = the newest date in
  // the index, so an archive ranks its own latest coverage first.
  std::string recency_anchor;
  std::string like_id;    // --like: the article to find more like
  bool collapse = false;  // --collapse: one hit per near-duplicate story
  bool explain = false;   // --explain: why each hit matched
  // --correct: run the spelling-corrected query when the query as typed
  // finds fewer than kFewHits and the correction finds more.
  bool correct = false;
  // --plot: compute `timeline` (series_field "" = one series).
  bool timeline = false;
  std::string timeline_by;  // "", "outlet", "speaker" or "topic"
  DateInterval timeline_interval = DateInterval::kMonth;
  size_t timeline_series = 8;  // at most this many series, largest first
};

// Fewer matches than this and the search offers a spelling correction.
inline constexpr Xapian::doccount kFewHits = 3;

// One matching term of a hit, for --explain.
struct ExplainTerm {
  std::string term;   // as in the index: "Zreorganis", "XSWporter"
  std::string field;  // body, title, quote, comment, speaker, synonym, ...
  std::string word;   // the term without its prefix
  Xapian::termcount wdf = 0;  // occurrences in the document
  double weight = 0;  // its BM25 part of the score (0 for boolean terms)
};

// A piece of a snippet: the words that matched the query have `match` set.
// Text is plain (no HTML entities); runs of white space are one space.
struct SnippetPart {
  std::string text;
  bool match = false;
  bool operator==(const SnippetPart& o) const {
    return text == o.text && match == o.match;
  }
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based, counting the offset
  double score = 0;           // the Xapian weight
  int percent = 0;
  std::string id;
  std::string title;
  std::string date;    // "YYYY-MM-DD", empty when unknown
  std::string outlet;  // empty when unknown
  std::string url;
  std::string source;
  std::vector<std::string> speakers;
  std::vector<std::string> topics;
  std::vector<std::string> keywords;
  std::vector<SnippetPart> snippet;
  // Quote hits (--quotes): who said it and what, the match marked; the
  // fields above are the quote's article's.
  bool is_quote = false;
  int quote_index = 0;
  std::string speaker;
  std::vector<SnippetPart> quote;
  // --collapse: how many other matching articles carry this story, and
  // their outlets other than this hit's (sorted).
  Xapian::doccount duplicates = 0;
  std::vector<std::string> also_in;
  // --explain
  std::vector<ExplainTerm> explain;
  double recency_boost = 0;  // the part of `score` recency added
};

struct SearchResult {
  std::string query;  // the query text as given
  Xapian::doccount total = 0;
  bool total_exact = false;  // true when `total` is a count, not an estimate
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 0;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<Hit> hits;
  std::vector<FacetCounts> facets;  // one per asked field, in asked order
  DocType type = DocType::kArticle;
  std::string index_uuid;  // Database::get_uuid()
  Xapian::rev index_revision = 0;
  // Did you mean: the spelling-corrected query, when the query found
  // fewer than kFewHits and the index's spelling data has a correction.
  std::string did_you_mean;
  // --correct ran `query` instead of this text ("" = it did not).
  std::string corrected_from;
  // --like: the article and the terms of its expanded query.
  std::string like_id;
  std::vector<std::string> like_terms;
  double recency_half_life_days = 0;
  std::string recency_anchor;  // YYYY-MM-DD, when recency was on
  bool collapse = false;
  bool has_timeline = false;
  Timeline timeline;
};

// Runs `request` on *db into *out. Returns InvalidInput for a bad query
// (out is then unchanged). Xapian failures other than a bad query are
// thrown as Xapian::Error; a DatabaseModifiedError (the index was rewritten
// under us) is retried a few times after db->reopen(), which is why db is
// not const; given `index_path`, other database errors (a rebuild swapped
// the index folder mid-search) are retried on the index opened afresh.
//
// Facet counts and `total` are exact when facets are asked: the match then
// visits every matching document. Without facets it stops as early as
// Xapian allows.
Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out, const std::string& index_path = "");

// ---- Pieces, exposed for tests ----------------------------------------------

// Recency as a posting source: every dated document gets
// max_weight * 2^(-age / half_life), age in days before `anchor`
// ("YYYYMMDD"; dates after it count as age 0). Combined with the query by
// OP_AND_MAYBE, it adds to the BM25 score inside the match, so the top
// documents are chosen on the blended score, not re-sorted afterwards.
class RecencySource : public Xapian::ValuePostingSource {
 public:
  RecencySource(const std::string& anchor, double half_life_days,
                double max_weight);
  double get_weight() const override;
  RecencySource* clone() const override;
  std::string name() const override;
  void init(const Xapian::Database& db) override;

  // The boost a document dated `ymd` gets ("" or malformed: 0).
  double Boost(const std::string& ymd) const;

 private:
  std::string anchor_;
  long anchor_days_;
  double half_life_days_;
  double max_weight_;
};

// Days since 1970-01-01 of "YYYYMMDD"; false if malformed.
bool DaysFromYmd(const std::string& ymd, long* days);

// Parses --since: a relative span back from `today` ("YYYYMMDD") — "10d",
// "2w", "3m", "1y" — or a date as --from takes it ("2013", "2013-01",
// "2013-01-15"). *from gets the first day as "YYYY-MM-DD" or the date as
// typed. InvalidInput for anything else.
Status ParseSince(const std::string& text, const std::string& today,
                  std::string* from);

// Today's date, "YYYYMMDD" (UTC).
std::string TodayYmd();

// Parses a --recency half-life: "90", "90d", "6w", "3m", "1y" into days.
Status ParseHalfLife(const std::string& text, double* days);

// Splits a snippet made with kSnippetMarkStart/kSnippetMarkEnd around the
// matched words into parts, undoing the HTML escaping MSet::snippet() does.
inline constexpr const char* kSnippetMarkStart = "\x01";
inline constexpr const char* kSnippetMarkEnd = "\x02";
std::vector<SnippetPart> ParseSnippet(const std::string& marked);

// The sort key for the date orders: ascending keys give oldest first (or
// newest first when `newest_first`), undated always last.
class DateSortKey : public Xapian::KeyMaker {
 public:
  explicit DateSortKey(bool newest_first) : newest_first_(newest_first) {}
  std::string operator()(const Xapian::Document& doc) const override;

 private:
  bool newest_first_;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_SEARCH_H_
