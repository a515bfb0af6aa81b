#include "common/html_text.h"

#include <gumbo.h>

#include <cctype>

#include "common/text_util.h"

namespace hpnews {

namespace {

bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

// Collects paragraphs while walking the tree.
class ParagraphBuilder {
 public:
  void Text(const char* text, bool in_link) {
    std::string t = text;
    bool visible = !Trim(t).empty();
    current_ += t;
    if (visible) {
      after_break_ = false;
      if (in_link) {
        link_text_ = true;
      } else {
        plain_text_ = true;
      }
    }
  }
  void LineBreak() {
    // One <br> is a line break inside a paragraph; two in a row end it.
    if (after_break_) {
      End();
    } else {
      current_ += ' ';
      after_break_ = true;
    }
  }
  void End() {
    std::string p = CollapseWhitespace(current_);
    bool link_only = link_text_ && !plain_text_ && CountWords(p) <= 4;
    if (!p.empty() && !link_only) paragraphs_.push_back(p);
    current_.clear();
    link_text_ = plain_text_ = after_break_ = false;
  }
  std::vector<std::string> Take() {
    End();
    return std::move(paragraphs_);
  }

 private:
  std::string current_;
  bool after_break_ = false;
  bool link_text_ = false;   // the paragraph has text inside <a>
  bool plain_text_ = false;  // ... and outside
  std::vector<std::string> paragraphs_;
};

void Walk(const GumboNode* node, bool in_link, ParagraphBuilder* out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      out->Text(node->v.text.text, in_link);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
    case GUMBO_NODE_DOCUMENT:
      break;
    default:
      return;
  }
  const GumboVector* children;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    children = &node->v.document.children;
  } else {
    GumboTag tag = node->v.element.tag;
    if (IsSkipped(tag)) return;
    if (tag == GUMBO_TAG_BR) {
      out->LineBreak();
      return;
    }
    if (tag == GUMBO_TAG_A) in_link = true;
    if (IsBlock(tag)) out->End();
    // Cells of one row stay in one paragraph, apart.
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out->Text(" ", false);
    children = &node->v.element.children;
  }
  for (unsigned i = 0; i < children->length; ++i) {
    Walk(static_cast<const GumboNode*>(children->data[i]), in_link, out);
  }
  if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag))
    out->End();
}

}  // namespace

std::vector<std::string> HtmlToParagraphs(const std::string& html) {
  GumboOutput* output =
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  ParagraphBuilder builder;
  Walk(output->document, false, &builder);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return builder.Take();
}

std::string HtmlToLine(const std::string& html) {
  if (!LooksLikeHtml(html)) return CollapseWhitespace(html);
  std::string line;
  for (const std::string& p : HtmlToParagraphs(html)) {
    if (!line.empty()) line += ' ';
    line += p;
  }
  return line;
}

bool LooksLikeHtml(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<') {
      size_t j = i + 1;
      if (text[j] == '/') ++j;
      if (j < text.size() &&
          std::isalpha(static_cast<unsigned char>(text[j]))) {
        size_t end = j;
        while (end < text.size() &&
               std::isalnum(static_cast<unsigned char>(text[end])))
          ++end;
        if (end < text.size() &&
            (text[end] == '>' || text[end] == ' ' || text[end] == '/'))
          return true;
      }
      if (text.compare(i, 4, "<!--") == 0) return true;
    } else if (text[i] == '&') {
      size_t semi = text.find(';', i);
      if (semi != std::string::npos && semi - i <= 10 && semi > i + 1) {
        bool name = true;
        for (size_t k = i + 1; k < semi; ++k) {
          char c = text[k];
          if (!std::isalnum(static_cast<unsigned char>(c)) && c != '#')
            name = false;
        }
        if (name) return true;
      }
    }
  }
  return false;
}

}  // namespace hpnews
