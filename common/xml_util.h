// Small pugixml helpers shared by the news-format readers (feeds, NITF,
// NewsML-G2): namespace-aware element names, all the text under an element,
// markup serialised back for the HTML parser, and line numbers for
// messages. Internal to common/: pugixml types never reach the Article.

#ifndef HPNEWS_COMMON_XML_UTIL_H_
#define HPNEWS_COMMON_XML_UTIL_H_

#include <pugixml.hpp>
#include <string>

#include "common/status.h"

namespace hpnews {
namespace xml {

// "content:encoded" -> "encoded"; "title" -> "title".
std::string LocalName(const pugi::xml_node& node);

// The namespace URI of the element's prefix (or of its default namespace),
// found on it or its ancestors; "" when none is declared.
std::string NamespaceUri(const pugi::xml_node& node);

// The first child element with this local name (any namespace); null if none.
pugi::xml_node Child(const pugi::xml_node& node, const char* local_name);
// The first child element with this local name whose namespace URI starts
// with `uri_prefix`.
pugi::xml_node ChildNs(const pugi::xml_node& node, const char* local_name,
                       const char* uri_prefix);
// The first descendant element (depth first) with this local name.
pugi::xml_node Descendant(const pugi::xml_node& node, const char* local_name);
// An attribute by local name ("xml:lang" matches "lang").
std::string Attr(const pugi::xml_node& node, const char* local_name);

// All character data (text and CDATA) under `node`, concatenated.
std::string AllText(const pugi::xml_node& node);
// The children of `node` serialised as markup (tags kept), for content
// that is XHTML inline in the document.
std::string InnerXml(const pugi::xml_node& node);

// Parses `text` (UTF-8). On failure returns InvalidInput with the line and
// column of the error; `doc` may then hold what was parsed before it.
Status Parse(const std::string& text, pugi::xml_document* doc);

// 1-based line of the byte `offset` in `text` (node.offset_debug()).
int LineAt(const std::string& text, std::ptrdiff_t offset);

}  // namespace xml
}  // namespace hpnews

#endif  // HPNEWS_COMMON_XML_UTIL_H_
