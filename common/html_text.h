// HTML to text, with a real HTML parser (gumbo, the HTML5 parsing
// algorithm): what feeds carry in content:encoded, description and Atom
// content, and what scrapers store as a page's body. Block elements (p, div,
// li, headings, blockquote, table rows) and double line breaks end a
// paragraph; scripts, styles, forms, navigation, embedded media and figure
// captions are dropped; entities are decoded; white space is collapsed.
//
// Not a boilerplate remover for whole pages: it keeps every paragraph except
// the link-only "Continue reading..." kind feeds append.

#ifndef HPNEWS_COMMON_HTML_TEXT_H_
#define HPNEWS_COMMON_HTML_TEXT_H_

#include <string>
#include <vector>

namespace hpnews {

// The paragraphs of the HTML document or fragment `html` (UTF-8), in order,
// each collapsed to one line; no empty paragraphs. A paragraph that is a
// single short link (at most four words: "Continue reading...", "Read
// more") is dropped. Malformed HTML is read as browsers read it.
std::vector<std::string> HtmlToParagraphs(const std::string& html);

// The text of an HTML snippet on one line (a title that carries entities or
// tags: "Trump &amp; the NHS" -> "Trump & the NHS").
std::string HtmlToLine(const std::string& html);

// True if `text` looks like HTML markup rather than plain text: it has a
// tag such as <p>, <br>, <a href=, <div or an entity such as &amp;.
bool LooksLikeHtml(const std::string& text);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_HTML_TEXT_H_
