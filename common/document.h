// The one place that turns an Article into a Xapian::Document, following
// common/schema.h, and that reads the stored document data back.
//
// Not an indexer: it never opens a database.

#ifndef HPNEWS_COMMON_DOCUMENT_H_
#define HPNEWS_COMMON_DOCUMENT_H_

#include <xapian.h>

#include <string>
#include <vector>

#include "common/article.h"
#include "common/synonyms.h"

namespace hpnews {

// Builds the document for `article`: the unique id term, the type term
// XYarticle, free text (title weighted above the body, quotes, comments)
// with positions through `*termgen`, boolean terms for date, outlet,
// speaker, topic and keyword, the concept terms of the `synonyms` groups
// the title and body name (none when null), the near-duplicate key, the
// value slots and the JSON document data. `*termgen` must have its stemmer
// set; its document is replaced.
Xapian::Document DocumentFromArticle(const Article& article,
                                     Xapian::TermGenerator* termgen,
                                     const Synonyms* synonyms = nullptr);

// One document per quote of `article` (schema.h, "Quotes"), in order: the
// quote's words (unprefixed and under XQ), its speaker, the parent term,
// and the article's outlet, topic, keyword and date terms and values.
// Quotes with no text give no document.
std::vector<Xapian::Document> QuoteDocuments(const Article& article,
                                             Xapian::TermGenerator* termgen);

// How many articles `db` holds (quote documents not counted).
Xapian::doccount ArticleCount(const Xapian::Database& db);

// The parent term of an article's quote documents ("XP" + id).
std::string ParentTerm(const std::string& id);

// The near-duplicate key of an article (schema::kDupSlot): 16 hex digits,
// the smallest hash of its body's word 5-shingles (a one-hash MinHash), so
// two articles share it with a probability equal to the Jaccard similarity
// of their shingles: a wire story reprinted with another headline, intro
// line or footer still collapses, unrelated stories almost never do.
// Empty for a body under 8 words: too short to call anything a copy.
std::string NearDuplicateKey(const Article& article);

// The unique-id term of an article id ("Q" + id).
std::string IdTerm(const std::string& id);

// What a result displays, as stored in the document data.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string date;    // "YYYY-MM-DD" or empty when unknown
  std::string outlet;  // empty when unknown
  std::string url;
  std::string source;
  std::vector<std::string> speakers;
  std::vector<std::string> topics;
  std::vector<std::string> keywords;
  std::string text;  // body text, for snippets
  // Quote documents only: which quote of the article this is.
  bool is_quote = false;
  int quote_index = 0;
  std::string quote_speaker;
  std::string quote_text;
};

// Parses document data written by DocumentFromArticle(). Missing keys give
// empty fields; data that is not JSON gives an all-empty StoredArticle.
StoredArticle ParseDocumentData(const std::string& data);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_DOCUMENT_H_
