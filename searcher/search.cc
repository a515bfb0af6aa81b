#include "searcher/search.h"

#include <cctype>

#include "common/document.h"
#include "common/schema.h"

namespace hpnews {

namespace {

// A DatabaseModifiedError means a writer replaced the revision we were
// reading; reopening gets the new one. More than a few in a row means the
// index is being rewritten faster than we can read it: give up then.
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

Status RunOnce(Xapian::Database* db, const SearchRequest& request,
               SearchResult* out) {
  Xapian::Query query;
  Status status = BuildQuery(request.query, *db, &query);
  if (!status.ok()) return status;

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
  FacetCollector facets(request.facets);
  facets.AttachTo(&enquire);
  // Facets must see every match to be exact; without them we let Xapian
  // stop early and report an estimate.
  // Even with --limit 0, look for one match: the exit status must not
  // rest on an estimate that can say 0 when something matches.
  Xapian::doccount check_at_least = facets.empty() ? 1 : db->get_doccount();
  Xapian::MSet mset =
      enquire.get_mset(request.offset, request.limit, check_at_least);

  SearchResult result;
  result.query = request.query.text;
  result.total = mset.get_matches_estimated();
  result.total_exact = !facets.empty() || mset.get_matches_lower_bound() ==
                                              mset.get_matches_upper_bound();
  if (result.total_exact) result.total = mset.get_matches_lower_bound();
  result.offset = request.offset;
  result.limit = request.limit;
  result.sort = request.sort;

  const Xapian::Stem stemmer("en");
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    StoredArticle stored = ParseDocumentData(it.get_document().get_data());
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    // Our marks are control characters, which readers never let into the
    // text; clear any that slipped in so they cannot fake a match.
    for (char& c : stored.text) {
      if (c == kSnippetMarkStart[0] || c == kSnippetMarkEnd[0]) c = ' ';
    }
    hit.snippet = ParseSnippet(mset.snippet(
        stored.text, request.snippet_length, stemmer,
        // Exhaustive: about twice as slow here, but it finds windows
        // with twice as many matched words as the "good enough" stop.
        Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
            Xapian::MSet::SNIPPET_EXHAUSTIVE,
        kSnippetMarkStart, kSnippetMarkEnd, "..."));
    hit.id = std::move(stored.id);
    hit.title = std::move(stored.title);
    hit.date = std::move(stored.date);
    hit.outlet = std::move(stored.outlet);
    hit.url = std::move(stored.url);
    hit.source = std::move(stored.source);
    hit.speakers = std::move(stored.speakers);
    hit.topics = std::move(stored.topics);
    result.hits.push_back(std::move(hit));
  }
  result.facets = facets.Results(request.facet_limit);
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

Status Search(Xapian::Database* db, const SearchRequest& request,
              SearchResult* out) {
  for (int attempt = 1;; ++attempt) {
    try {
      return RunOnce(db, request, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxAttempts) throw;
      db->reopen();
    }
  }
}

}  // namespace hpnews
