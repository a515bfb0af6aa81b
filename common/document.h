// The one place that turns an Article into a Xapian::Document, following
// common/schema.h, and that reads the stored document data back.
//
// Not an indexer: it never opens a database.

#ifndef HPNEWS_COMMON_DOCUMENT_H_
#define HPNEWS_COMMON_DOCUMENT_H_

#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"

namespace hpnews {

// Builds the document for `article`: the unique id term, free text (title
// weighted above the body, quotes, comments) with positions through
// `*termgen`, boolean terms for date/outlet/speaker/topic, the value slots
// and the JSON document data. `*termgen` must have its stemmer set; its
// document is replaced.
Xapian::Document DocumentFromArticle(const Article& article, Xapian::TermGenerator* termgen);

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
  std::string text;  // body text, for snippets
};

// Parses document data written by DocumentFromArticle(). Missing keys give
// empty fields; data that is not JSON gives an all-empty StoredArticle.
StoredArticle ParseDocumentData(const std::string& data);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_DOCUMENT_H_
