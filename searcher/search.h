// Running a search: query building (query_builder.h) + Enquire + facet
// spies (facets.h), turned into plain result data that the printers format.
//
// A search reads one index or several shards as one (IndexSet): local
// folders, Xapian stub files, and remote shards served by stock
// xapian-tcpsrv. With a remote shard it uses only what xapian-tcpsrv can
// run (built-in spies, sort by value, built-in posting sources) and gives
// the same answers; what it cannot do exactly that way it refuses.
//
// Not a printer (printer.h formats a SearchResult and never runs a query)
// and not a query parser. Ranking here knows nothing about facets: it only
// attaches the collector the request asks for.

#ifndef HPNEWS_SEARCHER_SEARCH_H_
#define HPNEWS_SEARCHER_SEARCH_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/data_codec.h"
#include "common/index_db.h"
#include "common/status.h"
#include "common/word_pairs.h"
#include "searcher/count_pool.h"
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
  std::string index_uuid;  // Database::get_uuid() (shards' joined by ':')
  Xapian::rev index_revision = 0;
  // Xapian knows a revision only for one local database, not for remote
  // shards or several combined: index_revision is then 0 and this false.
  bool index_has_revision = true;
  size_t index_shards = 1;
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

// ---- The databases a search runs on -----------------------------------------

// Every shard a search reads, opened once and reused for many queries (a
// batch worker keeps one). Not thread-safe: one per thread.
struct IndexSet {
  // The folders the local shards were opened through (common/index_db.h),
  // so that a rebuild's swap cannot mix two indexes; before `db`, which
  // must not outlive them.
  std::vector<std::shared_ptr<const IndexFolder>> folders;
  // Every shard, combined with Database::add_database(): Xapian merges the
  // term statistics, so rankings, totals and facet counts are those of
  // one index holding every article.
  Xapian::Database db;
  // What the query parser reads synonyms and spelling data from. Xapian's
  // remote protocol carries neither, so with remote shards it is a small
  // database of the synonym table alone (in an unlinked temporary file),
  // plus the local shards.
  Xapian::Database parser_db;
  // Some shard is remote: the search then uses only what stock
  // xapian-tcpsrv can run (built-in match spies, sort by value, built-in
  // weights and posting sources). Tests set it on local shards too.
  bool remote = false;
  // Exactly one local database (its docids are the ones a match spy sees).
  bool single_local = false;
  std::vector<std::string> paths;   // as given, to open them again
  std::vector<std::string> shards;  // each shard's name, for messages
  // The revision of the one local database; 0 otherwise (Xapian has no
  // revision for remote shards or a combination of several).
  Xapian::rev revision = 0;
  // A batch's shared facet ordinals (single_local only); null = read values.
  std::shared_ptr<FacetCache> facet_cache;
  // Reads the hits' stored data: every shard's data dictionary
  // (common/data_codec.h); read by the first search when null.
  std::shared_ptr<const DataCodec> codec;
  // The word pairs with pair terms in every shard (common/word_pairs.h),
  // which phrases are rewritten to use; read by the first search when null.
  std::shared_ptr<const WordPairs> pairs;
  // ItemSlotsInUse() per multi-valued field, read when first needed.
  std::map<std::string, Xapian::valueno> item_slots;
  // Helper threads that count a query's matches (total, facets, timeline)
  // beside the ranked match (count_pool.h); single_local only. Null:
  // everything is counted in the searching thread.
  std::shared_ptr<CountPool> count_pool;
};

// Opens every path into *out. A path is an index folder, a Xapian stub
// database file, or a folder holding one named XAPIANDB. A stub lists one
// shard per line, as Xapian reads it: "auto PATH" (or "glass PATH"; PATH
// relative to the stub's folder; it may be a stub too), "remote HOST:PORT"
// (a xapian-tcpsrv), "remote :PROGRAM ARGS" (a xapian-progsrv); '#' starts
// a comment line. Every shard's schema version is checked, remote ones too.
// Errors name the path or shard: NotFound ("no index at PATH"),
// InvalidInput (not an hpnews index, another schema version, a bad stub
// line), IoError (a remote shard that cannot be reached). *out is
// unchanged on error.
Status OpenIndexSet(const std::vector<std::string>& paths, IndexSet* out);

// Runs `request` on *index into *out. Returns InvalidInput for a bad query
// or for what cannot be exact with remote shards (out is then unchanged).
// Xapian failures other than a bad query are thrown as Xapian::Error; a
// DatabaseModifiedError (an index was rewritten under us) is retried a few
// times after reopening, and other database errors of local shards (a
// rebuild swapped an index folder mid-search) on the paths opened afresh.
//
// Facet counts and `total` are exact when facets are asked: the match then
// visits every matching document. Without facets it stops as early as
// Xapian allows.
Status Search(IndexSet* index, const SearchRequest& request, SearchResult* out);

// The same on one local database (or several combined), reopened after a
// DatabaseModifiedError; other database errors are thrown.
Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out);

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
// The inverse: "YYYYMMDD" of a day count.
std::string YmdFromDays(long days);

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

// The words a query looks for, to mark them in snippets and quotes: its
// free-text terms without their field prefix (title:, quote:, comment:
// words too), as typed and as stems ("Z" terms) apart.
struct QueryWords {
  std::set<std::string> plain;
  std::set<std::string> stems;
};
QueryWords WordsOfQuery(const Xapian::Query& query);

// About `length` bytes of `text` around the query's words, whole words,
// white space collapsed, the query's words marked, "..." where text was
// cut: the window that holds the most distinct query words (then the most
// matches, then the earliest), with some context before, from a sentence
// start when one is near. A word matches as typed (any case) or by its
// English stem. The start of the text when nothing matches.
std::vector<SnippetPart> MakeSnippet(const std::string& text,
                                     const QueryWords& words, size_t length);

// The whole of `text`, white space collapsed, the query's words marked.
std::vector<SnippetPart> MarkWords(const std::string& text,
                                   const QueryWords& words);

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
