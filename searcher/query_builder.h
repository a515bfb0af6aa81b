// Query building: turns what a user typed (query text, --filter, --from and
// --to) into one Xapian::Query, following common/schema.h.
//
// It parses and normalises; it never runs a query (that is search.h), so
// everything here can be tested by running the result against a small index.
// User mistakes (a bad date, an unknown filter field, a syntax error) come
// back as Status::InvalidInput with a lower-case message, never as
// exceptions.

#ifndef HPNEWS_SEARCHER_QUERY_BUILDER_H_
#define HPNEWS_SEARCHER_QUERY_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "common/outlet_aliases.h"
#include "common/schema.h"
#include "common/status.h"

namespace hpnews {

// How words with no operator between them combine.
enum class DefaultOp { kAnd, kOr };

// Parses "and" or "or" (--default-op).
Status ParseDefaultOp(const std::string& text, DefaultOp* out);

// One --filter FIELD:VALUE. `field` is one of schema::FacetFields().
struct Filter {
  std::string field;
  std::string value;
};

// Parses "FIELD:VALUE" into *out. InvalidInput for a missing ':' or an
// unknown field (the message lists the known ones); *out is then unchanged.
Status ParseFilter(const std::string& spec, Filter* out);

// Which documents a search returns (schema.h, "Quotes").
enum class DocType { kArticle, kQuote };

// Everything that decides which documents match.
struct QuerySpec {
  std::string text;  // Xapian query syntax; must not be blank unless
                     // allow_empty_text (then it matches everything)
  bool allow_empty_text = false;
  DefaultOp default_op = DefaultOp::kAnd;
  std::vector<Filter> filters;  // same field: OR'ed; fields: AND'ed
  std::string from;             // date bound as typed ("2011", "2011-11",
  std::string to;               // "2011-11-25"); empty = open
  DocType type = DocType::kArticle;
  // Expand words and runs of words through the index's synonym table
  // (corpus/synonyms.tsv at build time); --no-synonyms clears it.
  bool synonyms = true;
  // outlet: and --filter outlet: values are looked up here first ("HSJ" ->
  // "Health Service Journal"); null = canonical names only.
  std::shared_ptr<const OutletAliases> outlet_aliases;
};

// The outlet aliases of the outlets.tsv stored in `db` at build time
// (schema::kOutletsKey), else of DefaultDataDir()'s outlets.tsv; null when
// neither is there or parses.
std::shared_ptr<const OutletAliases> LoadOutletAliases(
    const Xapian::Database& db);

// The query syntax is Xapian's (AND OR NOT NEAR, "phrases", +/-, trailing
// wildcards, pure NOT; words combine with spec.default_op) plus:
//   title: quote: comment:               free text in that part only (in a
//                                        quote search, quote: is the quote
//                                        document's own text)
//   outlet: speaker: topic: year: month: boolean filters (see FieldTerm())
//   date:A..B, A..B, date:A.., date:..B  kDateSlot ranges (ParseDateBound())
//   date:2011-11                         one day, month or year
// Builds the query for `spec` into *out. `db` is the database the query will
// run on (the parser uses it for wildcards). Returns InvalidInput with the
// parser's message for syntax errors and with our own message for bad
// dates, filters and field values; *out is then unchanged.
//
// Words are stemmed (STEM_ALL_Z), as common/document.cc indexes them. A
// trailing wildcard "reorgan*" expands over the index's stems: those that
// start with it, its own stem ("commission*": commiss, so commissioning
// matches), else the longest indexed stem it starts with ("nursin*":
// nurs); at most 1,000, the most frequent.
//
// Filters and --from/--to are applied with OP_FILTER: they restrict the
// matches but never change a score.
//
// The query parser also suggests a spelling correction from the index's
// spelling data: *corrected (when not null) gets the corrected query text,
// or "" when it has none. Pass null unless the correction is needed: the
// suggestion costs a spelling-table look-up per word.
Status BuildQuery(const QuerySpec& spec, const Xapian::Database& db,
                  Xapian::Query* out, std::string* corrected = nullptr);

// The parts of BuildQuery(), for searches that combine them differently
// (multi-select facets, more-like-this): RestrictToType(WithFilter(
// ParseUserQuery(), FilterQuery())).
// ParseUserQuery() parses spec.text (MatchAll for a blank text when
// allowed); FilterQuery() is the boolean filter of spec's filters (except
// those on `except_field`, when given) and dates: an empty Query when
// there are none.
Status ParseUserQuery(const QuerySpec& spec, const Xapian::Database& db,
                      Xapian::Query* out, std::string* corrected = nullptr);
Status FilterQuery(const QuerySpec& spec, const std::string& except_field,
                   Xapian::Query* out);

// `query` restricted by `filter` with OP_FILTER (no score changes), or
// `query` itself when `filter` is empty.
Xapian::Query WithFilter(const Xapian::Query& query,
                         const Xapian::Query& filter);

// True if no quote document can match `query`: every match must hold an
// article-only term (schema::IsArticleOnlyTerm()). Conservative: false
// for MatchAll, value ranges, posting sources and what it cannot see into.
bool MatchesArticlesOnly(const Xapian::Query& query);

// True if ranking `query` must look at about as many matches as counting
// them does: it checks positions (a phrase or NEAR, whose positions Xapian
// reads for each candidate) and weights no disjunction (OR, SYNONYM, ...,
// where Xapian's ranked match skips what cannot reach the page and a count
// cannot). Such a query is best ranked and counted in one pass.
bool RankingChecksEveryMatch(const Xapian::Query& query);

// `query` restricted to documents of `type`: OP_FILTER with the XYarticle
// or XYquote term, except for an article search that MatchesArticlesOnly(),
// which is returned as it is (the filter would only cost time).
Xapian::Query RestrictToType(const Xapian::Query& query, DocType type);

// ---- Pieces, exposed for tests ----------------------------------------------

// The boolean term a user's `value` for `field` stands for, normalised as
// the indexer wrote it:
//   outlet  "Health Service Journal" -> XOhealth service journal
//   outlet  "hsj" (with `aliases`)   -> XOhealth service journal
//   topic   "Social Care"            -> XTsocial-care (spaces/_ become '-')
//   speaker "Dr Mark Porter"         -> XSmark porter   (full name)
//   speaker "Porter", "Dr Porter"    -> XSWporter       (one name word)
//   speaker "Porter, Mark", "Porter's" -> XSmark porter, XSWporter
//   year    "2011"                   -> Y2011
//   month   "2011-11"                -> M201111
// InvalidInput for an empty value or a malformed year or month.
Status FieldTerm(const schema::FacetField& field, const std::string& value,
                 std::string* term, const OutletAliases* aliases = nullptr);

// Drops leading honorifics ("Dr", "Prof.", "Sir", ...), case-insensitively,
// unless nothing would be left: "Dr Mark Porter" -> "Mark Porter".
std::string StripHonorifics(const std::string& name);

// Parses a date bound: "YYYY", "YYYY-MM", "YYYY-MM-DD" or "YYYYMMDD" into
// the "YYYYMMDD" value kDateSlot holds. A partial date stands for its first
// day, or its last day when `upper` is set ("2011" -> 20110101 / 20111231).
// InvalidInput if the text is not such a date or names no real day.
Status ParseDateBound(const std::string& text, bool upper, std::string* ymd);

// The query for the dates between the bounds as typed (either may be empty
// for an open end, not both): DateTermsQuery() for a closed range, a value
// range over kDateSlot for an open one. InvalidInput for a bad date or a
// range that ends before it starts.
Status DateRangeQuery(const std::string& from, const std::string& to,
                      Xapian::Query* out);

// The days from `lo` to `hi` ("YYYYMMDD", lo <= hi, both real days) as the
// fewest date terms: Y<year> for whole years, M<month> for whole months, D
// for the days left, OR'ed and scaled to weight 0. It matches exactly the
// documents a value range over kDateSlot does, at half the cost on
// Reuters-21578: the terms' postlists hold only the matches, while a value
// range reads the date of every document it is asked about. Spans of more
// than a few centuries fall back to the value range.
Xapian::Query DateTermsQuery(const std::string& lo, const std::string& hi);

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_QUERY_BUILDER_H_
