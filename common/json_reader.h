// Reader for articles as scrapers write them: one JSON object per file, a
// JSON array of objects (or an object whose "articles", "items" or "data"
// member is one), or JSON Lines (one object per line, .jsonl / .ndjson).
//
// The FakeHealth layout (url, title, text, authors, publish_date as epoch
// seconds, keywords, meta_data) is one case of the generic shape below; the
// first member present of each row wins:
//   id       "id", "guid", "uuid" (string or number); else the URL (UrlId);
//            else a hash of title and date
//   url      "url", "link", "canonical_link", "canonical_url"
//   title    "title", "headline"
//   body     "text", "body", "content", "maintext", "article_text": a string
//            (paragraphs at blank lines, or at line breaks when it has no
//            blank line; HTML when it is markup) or an array of paragraphs;
//            else "html", "content_html", "body_html" (HTML)
//   date     "date", "published", "publish_date", "published_at",
//            "datePublished", "date_publish", "pubDate": RFC 3339, RFC 822,
//            "YYYY-MM-DD HH:MM:SS", or epoch seconds (milliseconds when
//            larger than 10^11), the UTC date
//   outlet   "outlet", "publisher", "site_name", "source_name" (a string or
//            {"name": ...}); else the URL's host (corpus/hosts.tsv, seeing
//            through web.archive.org); else a "source" that is a name, not a
//            URL; else meta_data.og.site_name
//   byline   "byline", "author", "authors", "creator": a string, a list of
//            strings or of {"name": ...}
//   topics / keywords  "topics", "categories", "category", "tags",
//            "keywords", "subjects", "section" (AddSubject)
// Unknown members are ignored. What the object states is marked given.
//
// Not a JSON library: nlohmann::json parses.

#ifndef HPNEWS_COMMON_JSON_READER_H_
#define HPNEWS_COMMON_JSON_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/news_meta.h"
#include "common/status.h"

namespace hpnews {

// Reads `text` (UTF-8) of file `source` as JSON, or as JSON Lines when it
// is not one JSON value but lines of them. Appends one Article per usable
// object (format kJson) to *articles; an object without title and text, or
// a JSON Lines line that does not parse, goes to *item_errors with its line.
// Returns InvalidInput (with line and column) when the text is neither.
Status ReadJsonArticles(const std::string& text, const std::string& source,
                        const ReaderContext& context,
                        std::vector<Article>* articles,
                        std::vector<Status>* item_errors,
                        std::vector<Status>* warnings);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_JSON_READER_H_
