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

struct SearchRequest {
  QuerySpec query;
  std::vector<std::string> facets;  // field names, from ParseFacetFields()
  size_t facet_limit = 10;          // values per facet; 0 = all
  SortOrder sort = SortOrder::kRelevance;
  Xapian::doccount offset = 0;
  Xapian::doccount limit = 10;
  size_t snippet_length = 200;  // bytes of text to aim for
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
  std::vector<SnippetPart> snippet;
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
};

// Runs `request` on *db into *out. Returns InvalidInput for a bad query
// (out is then unchanged). Xapian failures other than a bad query are
// thrown as Xapian::Error; a DatabaseModifiedError (the index was rewritten
// under us) is retried a few times after db->reopen(), which is why db is
// not const.
//
// Facet counts and `total` are exact when facets are asked: the match then
// visits every matching document. Without facets it stops as early as
// Xapian allows.
Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out);

// ---- Pieces, exposed for tests ----------------------------------------------

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
