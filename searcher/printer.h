// Printing search results: text for people, JSON and TSV for programs.
//
// Printers format a SearchResult (search.h) and never run a query, so one
// result feeds every format, and batch mode reuses the JSON object.
//
// The JSON object (--format json; one per line in batch mode), format
// version kJsonFormatVersion:
//   {"format_version": 2, "query", "total", "total_exact", "offset",
//    "limit", "sort",
//    "hits": [{"rank", "id", "score", "percent", "title", "date"|null,
//              "outlet"|null, "speakers", "topics", "url", "source",
//              "snippet", "keywords",
//              --quotes:   "speaker", "quote", "quote_index",
//              --collapse: "duplicates", "also_in": [outlet, ...],
//              --recency:  "recency_boost",
//              --explain:  "explain": [{"term", "field", "word", "wdf",
//                                       "weight"}]}],
//    "facets": {"<field>": [{"value", "count"}], ...},
//    "index": {"uuid", "revision"|null, "shards"},
//    "mode": "articles"|"quotes",
//    "did_you_mean": "corrected query"|null,
//    "corrected_from": "query as typed"|null,
//    "like": {"id", "terms": [...]}|null,
//    "recency": {"half_life_days", "anchor": "YYYY-MM-DD"}|null,
//    "collapse": true|false}
// Snippets and quotes mark matched words with <mark>...</mark>; the rest
// is plain text. A date histogram facet ("date:month") lists every period
// in time order, empty ones with count 0. Keys are only ever added: a
// script written for format 1 (the keys up to "facets") still works, and
// a change that is not an addition bumps the version.

#ifndef HPNEWS_SEARCHER_PRINTER_H_
#define HPNEWS_SEARCHER_PRINTER_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "common/status.h"
#include "searcher/search.h"

namespace hpnews {

inline constexpr int kJsonFormatVersion = 2;

enum class OutputFormat { kText, kJson, kTsv, kCsv };

// Parses "text", "json", "tsv" or "csv".
Status ParseOutputFormat(const std::string& text, OutputFormat* out);

// The snippet as one string, each matched run between `open` and `close`.
std::string SnippetMarkup(const std::vector<SnippetPart>& parts,
                          const std::string& open, const std::string& close);

// The JSON object described above, on one line (no trailing newline),
// written directly: batch mode writes one per query, and building an
// ordered_json first cost more than a tenth of a batch. A `line` above 0
// (batch mode) comes first as "line": N. Invalid UTF-8 in the result (a
// query typed in another encoding) is replaced rather than thrown on.
std::string ResultJsonLine(const SearchResult& result, size_t line = 0);

// The same object parsed back, keys in order (for tests and programs).
nlohmann::ordered_json ResultToJson(const SearchResult& result,
                                    size_t line = 0);

// One line of JSON (no trailing newline). Invalid UTF-8 in the result (a
// query typed in another encoding) is replaced rather than thrown on.
std::string JsonLine(const nlohmann::ordered_json& value);

// --format json: the object on one line, then a newline.
void PrintJson(const SearchResult& result, std::ostream& out);

// --format tsv: a header line, then one line per hit with the columns
//   rank id score percent date outlet title speakers topics url source snippet
// (and speaker, quote with --quotes)
// (lists joined by "; ", unknown values empty, tabs and newlines inside
// values turned into spaces). If facets were asked: an empty line, then a
// header "facet value count" and one line per facet value.
void PrintTsv(const SearchResult& result, std::ostream& out);

// --format csv: the columns of tsv (plus speaker and quote with
// --quotes), RFC 4180: fields holding a comma, a double quote or a line
// break are quoted, quotes doubled, lines end in CRLF. Facets follow as in
// tsv, after an empty line, under the header "facet,value,count".
void PrintCsv(const SearchResult& result, std::ostream& out);

// One RFC 4180 field: `text` as is, or quoted when it must be.
std::string CsvField(const std::string& text);

// A date histogram as terminal bars, one line per period:
//   "2011-11  ######## 4". `width` is the longest bar.
void PrintHistogram(const FacetCounts& histogram, size_t width,
                    std::ostream& out);

// --format text: a summary line, then each hit as a short block, then the
// facets. `color` marks matched words in bold (ANSI escapes, for a
// terminal); otherwise they are shown as [word].
void PrintText(const SearchResult& result, bool color, std::ostream& out);

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_PRINTER_H_
