// Reader for news feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0.
// Each item or entry becomes an Article with what the feed states:
//   id      guid (qualified by the channel's host when it is a bare number
//           or word), else atom:id, else the link (UrlId), else a hash of
//           channel, title and date — never a position in the file, so the
//           same item fetched on two days is the same article;
//   title   title (entities and tags removed);
//   url     link (Atom: rel="alternate" or no rel);
//   date    pubDate, dc:date, published, dcterms:issued, updated (in that
//           order; RFC 822 or RFC 3339, the date as written in its zone);
//   outlet  the item's <source>, else the outlet of the channel's or the
//           item's link host (corpus/hosts.tsv), else the channel title;
//   byline  author / dc:creator / atom:author name;
//   topics, keywords  category, dc:subject, atom:category (AddSubject);
//   body    content:encoded, else description (RSS); content, else summary
//           (Atom): HTML turned into paragraphs by common/html_text.h.
// What the feed states is marked in Article::given; extraction infers the
// rest (speakers, quotes, topics when no category named one).
//
// Not a fetcher: it reads a feed document already on disk.

#ifndef HPNEWS_COMMON_FEED_READER_H_
#define HPNEWS_COMMON_FEED_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/news_meta.h"
#include "common/status.h"

namespace hpnews {

// Reads the feed document `xml` (UTF-8) of file `source`. Appends one
// Article per usable item (format kFeed) to *articles; an item with neither
// title nor text is skipped with an entry in *item_errors (with its line);
// oddities that cost nothing but a field (an unreadable date) go to
// *warnings. Returns InvalidInput (with line and column) if `xml` is not a
// well-formed RSS, RDF or Atom document; when the XML breaks after some
// items, those items are kept and the break is reported in *item_errors.
Status ReadFeed(const std::string& xml, const std::string& source,
                const ReaderContext& context, std::vector<Article>* articles,
                std::vector<Status>* item_errors,
                std::vector<Status>* warnings);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_FEED_READER_H_
