// Reader for the project's Article XML (documented in corpus/README.md):
// one <article> or a <corpus> of them per file.
//
// It only turns XML into Articles and records which fields were given
// explicitly (Article::given); inference is left to common/extract.h.

#ifndef HPNEWS_COMMON_ARTICLE_XML_H_
#define HPNEWS_COMMON_ARTICLE_XML_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace hpnews {

// One problem with one article of a file that was otherwise readable.
struct ArticleError {
  Status status;        // carries the line (and column) where known
  bool skipped = true;  // false: a warning; the article was kept (e.g. a
                        // date that does not exist is dropped, not the article)
};

// Parses `xml` (UTF-8 text of the file `source`). Appends every valid article
// to *articles (with source = `source`, format = kArticleXml) and one entry
// per rejected article to *errors (e.g. a missing id or title), and one with
// skipped = false per kept article with a dropped field, so one bad
// article does not cost the others. Returns a non-OK Status, with line and
// column, if the document as a whole is not well-formed Article XML (then
// nothing is appended to *articles).
Status ParseArticleXml(const std::string& xml, const std::string& source,
                       std::vector<Article>* articles,
                       std::vector<ArticleError>* errors);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_ARTICLE_XML_H_
