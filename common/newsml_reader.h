// Reader for NewsML-G2 (IPTC): a <newsItem>, or a <newsMessage> carrying
// several. Each news item with text becomes an Article:
//   id       newsItem@guid (all versions of an item are one article: a new
//            version replaces the old in the index);
//   title    contentMeta/headline;
//   date     contentMeta/contentCreated, else itemMeta/firstCreated, else
//            versionCreated (the date as written in its zone);
//   outlet   itemMeta/provider (literal, name or qcode), else a creator or
//            infoSource name (agency names made canonical by hosts.tsv);
//   byline   contentMeta/by, else creator names with a person role;
//   topics, keywords  subject names and IPTC codes, keyword (AddSubject);
//   people   subjects of type cpnat:person;
//   body     contentSet/inlineXML as XHTML (common/html_text.h) or as NITF
//            (common/nitf_reader.h, whose fields fill what the item's own
//            metadata leaves unsaid), else inlineData text.
// Picture, video and package items, which carry no text, are reported.
//
// Not NewsML 1.x (a different standard): that is reported as unsupported.

#ifndef HPNEWS_COMMON_NEWSML_READER_H_
#define HPNEWS_COMMON_NEWSML_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/news_meta.h"
#include "common/status.h"

namespace hpnews {

// Reads the NewsML-G2 document `xml` (UTF-8) of file `source`. Appends one
// Article (format kNewsMlG2) per news item with text; items without text go
// to *item_errors. Returns InvalidInput (with line and column) if `xml` is
// not well-formed or its root is not a NewsML-G2 item or message.
Status ReadNewsMl(const std::string& xml, const std::string& source,
                  const ReaderContext& context, std::vector<Article>* articles,
                  std::vector<Status>* item_errors,
                  std::vector<Status>* warnings);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_NEWSML_READER_H_
