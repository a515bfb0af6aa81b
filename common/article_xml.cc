#include "common/article_xml.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <vector>

namespace hpnews {
namespace {

// 1-based line and column of byte `offset` in `text`. Columns count
// characters (UTF-8 code points), as editors show them, not bytes.
void LineColumn(const std::string& text, std::ptrdiff_t offset, int* line,
                int* column) {
  std::size_t end =
      offset < 0 ? 0 : std::min(static_cast<std::size_t>(offset), text.size());
  int l = 1;
  int c = 1;
  for (std::size_t i = 0; i < end; ++i) {
    unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch == '\n') {
      ++l;
      c = 1;
    } else if ((ch & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++c;
    }
  }
  *line = l;
  *column = c;
}

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Runs of XML white space become one space; leading and trailing space goes.
std::string Collapse(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsXmlSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Visits the descendants of `root` in document order; `visit(node)` returns
// whether to descend into node. Iterative, so that a hostile file nesting
// elements a million deep cannot overflow the stack.
template <typename Visit>
void Walk(const pugi::xml_node& root, Visit visit) {
  pugi::xml_node n = root.first_child();
  while (n) {
    if (visit(n) && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) break;
    n = n.next_sibling();
  }
}

// All character data under `node` in document order, white space
// collapsed. Inline markup (<em>, <a>) is transparent; <br/> separates words.
std::string TextOf(const pugi::xml_node& node) {
  std::string raw;
  Walk(node, [&raw](const pugi::xml_node& n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      raw += n.value();
    } else if (n.type() == pugi::node_element &&
               std::strcmp(n.name(), "br") == 0) {
      raw += ' ';
    }
    return n.type() == pugi::node_element;
  });
  return Collapse(raw);
}

// The non-empty <p> paragraphs under `node`, outermost only, in order; they
// may sit inside wrappers (<section>, <div>) that we do not interpret.
void CollectParagraphs(const pugi::xml_node& node,
                       std::vector<std::string>* out) {
  Walk(node, [out](const pugi::xml_node& n) {
    if (n.type() != pugi::node_element) return false;
    if (std::strcmp(n.name(), "p") != 0) return true;
    std::string text = TextOf(n);
    if (!text.empty()) out->push_back(std::move(text));
    return false;
  });
}

// The distinct non-empty texts of `list`'s <item_name> children, in order.
std::vector<std::string> ItemList(const pugi::xml_node& list,
                                  const char* item_name) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (pugi::xml_node item : list.children(item_name)) {
    std::string text = TextOf(item);
    if (!text.empty() && seen.insert(text).second)
      out.push_back(std::move(text));
  }
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ||
         c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

// pugixml leaves references it does not know ("&nbsp;", "&lol9;") and bare
// ampersands ("Q&A") as literal text, so a mistake would be indexed
// silently. XML says both make a document not well-formed; we agree, and
// we never expand entities declared in a DOCTYPE (no "billion laughs").
// Returns the byte offset of the first bad '&' and sets *what, or npos.
std::size_t FindBadReference(const std::string& xml, std::string* what) {
  static const char* const kPredefined[] = {"amp", "lt", "gt", "quot", "apos"};
  std::size_t i = 0;
  const std::size_t n = xml.size();
  auto skip_past = [&](std::size_t from, const char* end) {
    std::size_t pos = xml.find(end, from);
    return pos == std::string::npos ? n : pos + std::strlen(end);
  };
  while (i < n) {
    char c = xml[i];
    if (c == '<') {
      if (xml.compare(i, 4, "<!--") == 0) {
        i = skip_past(i + 4, "-->");
      } else if (xml.compare(i, 9, "<![CDATA[") == 0) {
        i = skip_past(i + 9, "]]>");
      } else if (xml.compare(i, 2, "<?") == 0) {
        i = skip_past(i + 2, "?>");
      } else if (xml.compare(i, 2, "<!") == 0) {
        // A DOCTYPE: its internal subset may hold entity values with '&'
        // and nested markup declarations; skip to the '>' that closes it.
        int depth = 0;
        char quote = 0;
        for (++i; i < n; ++i) {
          char d = xml[i];
          if (!quote && xml.compare(i, 4, "<!--") == 0) {
            i = skip_past(i + 4, "-->") - 1;
          } else if (quote) {
            if (d == quote) quote = 0;
          } else if (d == '"' || d == '\'') {
            quote = d;
          } else if (d == '[' || d == '<') {
            ++depth;
          } else if (d == ']' || (d == '>' && depth > 0)) {
            --depth;
          } else if (d == '>') {
            break;
          }
        }
        ++i;
      } else {
        ++i;
      }
      continue;
    }
    if (c != '&') {
      ++i;
      continue;
    }
    std::size_t semi = xml.find(';', i + 1);
    std::size_t name_end = i + 1;
    if (name_end < n && xml[name_end] == '#') ++name_end;
    while (name_end < n && name_end - i < 64 && IsNameChar(xml[name_end]))
      ++name_end;
    std::string name = xml.substr(i + 1, name_end - i - 1);
    bool terminated = semi == name_end && !name.empty();
    if (terminated) {
      bool ok = false;
      if (name[0] == '#') {
        bool hex = name.size() > 1 && name[1] == 'x';
        std::size_t digits_from = hex ? 2 : 1;
        ok = name.size() > digits_from;
        for (std::size_t k = digits_from; ok && k < name.size(); ++k) {
          ok = hex ? std::isxdigit(static_cast<unsigned char>(name[k]))
                   : std::isdigit(static_cast<unsigned char>(name[k]));
        }
      } else {
        for (const char* p : kPredefined) ok = ok || name == p;
      }
      if (ok) {
        i = semi + 1;
        continue;
      }
      *what = name[0] == '#' ? "invalid character reference &" + name + ";"
                             : "undefined entity &" + name + ";";
    } else {
      *what = "'&' not followed by an entity reference (write &amp;)";
    }
    return i;
  }
  return std::string::npos;
}

// The encoding named in the XML declaration, lower-cased; "" if none.
std::string DeclaredEncoding(const std::string& xml) {
  std::size_t start = 0;
  // A byte order mark may precede the declaration.
  if (xml.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
  if (xml.compare(start, 5, "<?xml") != 0) return "";
  std::size_t end = xml.find("?>", start);
  if (end == std::string::npos) return "";
  std::string decl = xml.substr(start, end - start);
  std::size_t key = decl.find("encoding");
  if (key == std::string::npos) return "";
  std::size_t q = decl.find_first_of("\"'", key);
  if (q == std::string::npos) return "";
  std::size_t q2 = decl.find(decl[q], q + 1);
  if (q2 == std::string::npos) return "";
  std::string enc = decl.substr(q + 1, q2 - q - 1);
  for (char& ch : enc)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return enc;
}

std::string Lower(std::string s) {
  for (char& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

class Reader {
 public:
  Reader(const std::string& xml, const std::string& source)
      : xml_(xml), source_(source) {}

  Status Run(std::vector<Article>* articles,
             std::vector<ArticleError>* errors) {
    // parse_default keeps offsets usable for offset_debug(); parse_ws_pcdata
    // keeps the space in "<b>NHS</b> <i>reform</i>" between inline elements.
    // The text is already UTF-8 (common/input_file.h), so never re-decode it
    // from what a declaration might claim.
    pugi::xml_parse_result result = doc_.load_buffer(
        xml_.data(), xml_.size(), pugi::parse_default | pugi::parse_ws_pcdata,
        pugi::encoding_utf8);
    if (!result) return ParseError(result);
    std::string what;
    std::size_t bad = FindBadReference(xml_, &what);
    if (bad != std::string::npos) {
      int line = 0;
      int column = 0;
      LineColumn(xml_, static_cast<std::ptrdiff_t>(bad), &line, &column);
      return Status::InvalidInput("malformed xml: " + what, line, column);
    }

    pugi::xml_node root = doc_.document_element();
    std::vector<pugi::xml_node> nodes;
    if (std::strcmp(root.name(), "article") == 0) {
      nodes.push_back(root);
    } else if (std::strcmp(root.name(), "corpus") == 0) {
      // Other children of <corpus> are reserved for later versions.
      for (pugi::xml_node node : root.children("article"))
        nodes.push_back(node);
    } else {
      int line = 0;
      int column = 0;
      ElementPosition(root, &line, &column);
      return Status::InvalidInput(
          std::string("not Article XML: root element <") + root.name() + ">",
          line, column);
    }

    // Checked after the root, so that a Latin-1 RSS feed is reported as
    // what it is. Input files reach us as UTF-8 (invalid bytes already
    // replaced), so a file declaring another encoding was misread.
    std::string encoding = DeclaredEncoding(xml_);
    if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" &&
        encoding != "us-ascii" && encoding != "ascii") {
      return Status::InvalidInput("unsupported encoding \"" + encoding +
                                      "\" (article xml must be utf-8)",
                                  1, 1);
    }

    std::map<std::string, int> first_line;  // id -> line of its first <article>
    for (const pugi::xml_node& node : nodes) {
      int line = 0;
      int column = 0;
      ElementPosition(node, &line, &column);
      Article article;
      warning_.clear();
      std::string problem = ReadArticle(node, &article);
      if (problem.empty()) {
        auto [it, inserted] = first_line.emplace(article.id, line);
        if (!inserted) {
          problem =
              "duplicate id (first at line " + std::to_string(it->second) + ")";
        }
      }
      if (!problem.empty()) {
        std::string who =
            article.id.empty() ? "article" : "article \"" + article.id + "\"";
        errors->push_back(
            {Status::InvalidInput(who + ": " + problem, line, column)});
        continue;
      }
      if (!warning_.empty()) {
        errors->push_back(
            {Status::InvalidInput("article \"" + article.id + "\": " + warning_,
                                  line, column),
             /*skipped=*/false});
      }
      articles->push_back(std::move(article));
    }
    return Status::Ok();
  }

 private:
  // A whole-file error from pugixml, named by its own description. pugixml
  // reports a file that ends inside an element as a tag mismatch at its last
  // byte; we say what happened instead. For both, we name the element that
  // was left open.
  Status ParseError(const pugi::xml_parse_result& result) const {
    std::ptrdiff_t offset = result.offset;
    std::string message = Lower(result.description());
    if (result.status == pugi::status_end_element_mismatch) {
      // A real mismatch points at the name of an end tag, just after "</".
      bool at_end_tag =
          offset >= 2 &&
          xml_.compare(static_cast<std::size_t>(offset) - 2, 2, "</") == 0;
      if (!at_end_tag) {
        message = "unexpected end of data";
        offset = static_cast<std::ptrdiff_t>(xml_.size());
      }
      std::string open = InnermostOpenElement(offset);
      if (!open.empty()) message += " (<" + open + "> is not closed)";
    }
    int line = 0;
    int column = 0;
    LineColumn(xml_, offset, &line, &column);
    return Status::InvalidInput("malformed xml: " + message, line, column);
  }

  // The name of the innermost element still open at the error `offset`, or
  // "" if unsure. pugixml keeps the tree it built before the error; along
  // its chain of last children the open elements come first and the closed
  // ones after, and an element is closed if its end tag lies between its
  // start and the error.
  std::string InnermostOpenElement(std::ptrdiff_t offset) const {
    std::vector<pugi::xml_node> chain;
    for (pugi::xml_node n = doc_.last_child(); n; n = n.last_child()) {
      if (n.type() == pugi::node_element) chain.push_back(n);
    }
    std::size_t limit =
        std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)),
                 xml_.size());
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      std::ptrdiff_t start = it->offset_debug();
      if (start < 0) return "";
      std::string end_tag = std::string("</") + it->name();
      bool closed = false;
      for (std::size_t pos =
               xml_.find(end_tag, static_cast<std::size_t>(start));
           pos != std::string::npos && pos + end_tag.size() <= limit;
           pos = xml_.find(end_tag, pos + 1)) {
        std::size_t after = pos + end_tag.size();
        if (after < xml_.size() &&
            (xml_[after] == '>' || IsXmlSpace(xml_[after]))) {
          closed = true;
          break;
        }
      }
      if (!closed) return it->name();
    }
    return "";
  }

  // Where the element's start tag begins: offset_debug() gives the offset of
  // its name, one past the '<'.
  // Line and column of `node`'s '<'. Articles are visited in document
  // order, so counting carries on from the previous one: counting from the
  // start each time made a <corpus> of n articles cost O(n^2).
  void ElementPosition(const pugi::xml_node& node, int* line, int* column) {
    std::size_t offset = static_cast<std::size_t>(
        std::max<std::ptrdiff_t>(0, node.offset_debug() - 1));
    offset = std::min(offset, xml_.size());
    if (offset < cursor_offset_)
      cursor_offset_ = 0, cursor_line_ = 1, cursor_column_ = 1;
    for (std::size_t i = cursor_offset_; i < offset; ++i) {
      unsigned char ch = static_cast<unsigned char>(xml_[i]);
      if (ch == '\n') {
        ++cursor_line_;
        cursor_column_ = 1;
      } else if ((ch & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
        ++cursor_column_;
      }
    }
    cursor_offset_ = offset;
    *line = cursor_line_;
    *column = cursor_column_;
  }
  std::size_t cursor_offset_ = 0;
  int cursor_line_ = 1;
  int cursor_column_ = 1;

  // Fills *a from <article> `node`. Returns "" or what makes it unusable
  // (a->id is set as early as possible so the message can name it).
  // A problem with a field that does not cost the article (set by ReadArticle).
  std::string warning_;

  std::string ReadArticle(const pugi::xml_node& node, Article* a) {
    a->source = source_;
    a->format = SourceFormat::kArticleXml;
    a->id = Collapse(node.attribute("id").value());

    if (pugi::xml_node url = node.child("url")) {
      a->given.url = true;
      a->url = TextOf(url);
    }
    if (a->id.empty()) a->id = a->url;
    if (a->id.empty()) return "missing id (give id=\"...\" or a <url>)";

    if (pugi::xml_node outlet = node.child("outlet")) {
      a->given.outlet = true;
      a->outlet = TextOf(outlet);
    }
    if (pugi::xml_node date = node.child("date")) {
      // An empty <date/> says "the date is unknown": given, left empty.
      a->given.date = true;
      std::string text = TextOf(date);
      if (!text.empty()) {
        a->date = ParseIsoDate(text);
        // The article is worth more than its date: keep it, date unknown.
        if (!a->date)
          warning_ = "invalid date \"" + text +
                     "\" dropped (want a real day as YYYY-MM-DD)";
      }
    }
    pugi::xml_node title = node.child("title");
    if (!title) return "missing <title>";
    a->given.title = true;
    a->title = TextOf(title);
    if (a->title.empty()) return "empty <title>";

    if (pugi::xml_node byline = node.child("byline")) {
      a->given.byline = true;
      a->byline = TextOf(byline);
    }
    if (pugi::xml_node topics = node.child("topics")) {
      a->given.topics = true;
      a->topics = ItemList(topics, "topic");
    }
    if (pugi::xml_node speakers = node.child("speakers")) {
      a->given.speakers = true;
      a->speakers = ItemList(speakers, "speaker");
    }
    if (pugi::xml_node quotes = node.child("quotes")) {
      a->given.quotes = true;
      for (pugi::xml_node q : quotes.children("quote")) {
        Quote quote{Collapse(q.attribute("speaker").value()), TextOf(q)};
        if (!quote.text.empty()) a->quotes.push_back(std::move(quote));
      }
    }
    if (pugi::xml_node body = node.child("body"))
      CollectParagraphs(body, &a->paragraphs);
    if (a->paragraphs.empty())
      return "no body paragraph (want <body><p>...</p></body>)";

    if (pugi::xml_node comments = node.child("comments")) {
      a->given.comments = true;
      for (pugi::xml_node c : comments.children("comment")) {
        Comment comment;
        comment.author = Collapse(c.attribute("author").value());
        comment.date = Collapse(c.attribute("date").value());
        std::vector<std::string> paragraphs;
        CollectParagraphs(c, &paragraphs);
        if (paragraphs.empty()) {
          comment.text = TextOf(c);
        } else {
          for (const std::string& p : paragraphs) {
            if (!comment.text.empty()) comment.text += "\n\n";
            comment.text += p;
          }
        }
        if (!comment.text.empty()) a->comments.push_back(std::move(comment));
      }
    }
    return "";
  }

  const std::string& xml_;
  const std::string& source_;
  pugi::xml_document doc_;
};

}  // namespace

Status ParseArticleXml(const std::string& xml, const std::string& source,
                       std::vector<Article>* articles,
                       std::vector<ArticleError>* errors) {
  Reader reader(xml, source);
  std::vector<Article> read;
  Status status = reader.Run(&read, errors);
  if (!status.ok()) return status;
  for (Article& a : read) articles->push_back(std::move(a));
  return Status::Ok();
}

}  // namespace hpnews
