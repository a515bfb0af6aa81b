// Reader for NITF (News Industry Text Format, IPTC), versions 2.x-3.x,
// with or without the NITF namespace: one <nitf> document, one Article.
//   id       docdata/doc-id@id-string, else du-key@key, else a hash of
//            outlet, date and headline (stable, never the file's position);
//   title    body.head/hedline/hl1, else head/title;
//   date     docdata date.issue@norm, else date.release@norm, else
//            pubdata@date.publication, else dateline/story.date@norm
//            (ISO 8601 basic "20151014T043001+0100": the date as written);
//   outlet   doc.copyright@holder, else pubdata@name, else
//            body.head/distributor, else docdata/doc-id@regsrc (agency
//            names made canonical through corpus/hosts.tsv: "AP" ->
//            "Associated Press");
//   byline   body.head/byline without its byttl ("By BERNARD CONDON" ->
//            "Bernard Condon");
//   topics, keywords  tobject.subject (refnum, type, matter), classifier,
//            key-list keywords (common/news_meta.h AddSubject);
//   people   inline <person> tags of the body (evidence for speakers);
//   body     the <p> of body.content (any depth), in order.
//
// Not a validator: unknown elements are ignored, missing ones leave fields
// for extraction.

#ifndef HPNEWS_COMMON_NITF_READER_H_
#define HPNEWS_COMMON_NITF_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/news_meta.h"
#include "common/status.h"

namespace hpnews {

// Reads the NITF document `xml` (UTF-8) of file `source` into *article
// (format kNitf, given.* set for what the document states). Returns
// InvalidInput (with line and column) if it is not well-formed XML with a
// <nitf> root, or has neither headline nor text. Oddities that cost a field
// go to *warnings.
Status ReadNitf(const std::string& xml, const std::string& source,
                const ReaderContext& context, Article* article,
                std::vector<Status>* warnings);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_NITF_READER_H_
