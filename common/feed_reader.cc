#include "common/feed_reader.h"

#include <cctype>

#include "common/html_text.h"
#include "common/text_util.h"
#include "common/xml_util.h"

namespace hpnews {

namespace {

using xml::AllText;
using xml::Attr;
using xml::LocalName;
using xml::NamespaceUri;

constexpr char kContentNs[] = "http://purl.org/rss/1.0/modules/content";
constexpr char kAtomNs[] = "http://www.w3.org/2005/Atom";

enum class Kind { kRss, kRdf, kAtom };

// Text that may be HTML (RSS descriptions, Atom type="html") as paragraphs;
// plain text is split at blank lines.
std::vector<std::string> BodyParagraphs(const std::string& text) {
  if (LooksLikeHtml(text)) return HtmlToParagraphs(text);
  std::vector<std::string> out;
  std::string current;
  for (const std::string& line : SplitLines(text)) {
    if (Trim(line).empty()) {
      if (!Trim(current).empty()) out.push_back(CollapseWhitespace(current));
      current.clear();
    } else {
      current += line + "\n";
    }
  }
  if (!Trim(current).empty()) out.push_back(CollapseWhitespace(current));
  return out;
}

// An Atom text construct (title, summary, content) as HTML or plain text.
std::string AtomMarkup(const pugi::xml_node& node, bool* html) {
  std::string type = AsciiLower(Attr(node, "type"));
  if (type == "xhtml" || type == "application/xhtml+xml") {
    *html = true;
    return xml::InnerXml(node);
  }
  *html = type == "html" || type == "text/html";
  return AllText(node);
}

// An element's content as markup: serialised children when it has element
// children (unescaped XHTML inside RSS, which happens), else its text.
std::string Markup(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return xml::InnerXml(node);
  }
  return AllText(node);
}

// "jane@example.com (Jane Doe)" -> "Jane Doe"; a bare address -> "".
std::string PersonName(const std::string& text) {
  std::string t = CollapseWhitespace(text);
  size_t open = t.find('(');
  size_t close = t.rfind(')');
  if (t.find('@') != std::string::npos) {
    if (open != std::string::npos && close != std::string::npos &&
        close > open) {
      return Trim(t.substr(open + 1, close - open - 1));
    }
    // "Jane Doe <jane@example.com>"
    size_t lt = t.find('<');
    if (lt != std::string::npos && lt > 0) return Trim(t.substr(0, lt));
    return "";
  }
  return t;
}

void AppendName(std::string* byline, const std::string& name) {
  if (name.empty() || ContainsIgnoreCase(*byline, name)) return;
  if (!byline->empty()) *byline += ", ";
  *byline += name;
}

std::string AtomLink(const pugi::xml_node& parent) {
  std::string fallback;
  for (pugi::xml_node l = parent.first_child(); l; l = l.next_sibling()) {
    if (l.type() != pugi::node_element || LocalName(l) != "link") continue;
    std::string href = Attr(l, "href");
    if (href.empty()) continue;
    std::string rel = Attr(l, "rel");
    if (rel.empty() || rel == "alternate") return href;
    if (fallback.empty() && rel != "self" && rel != "enclosure" &&
        rel != "replies" && rel != "edit")
      fallback = href;
  }
  return fallback;
}

// What the channel (feed) says about all its items.
struct Channel {
  std::string title;
  std::string link;
  std::string host_outlet;  // the outlet of the channel's link host, if known
};

std::string ChannelLink(const pugi::xml_node& channel, Kind kind) {
  if (kind == Kind::kAtom) return AtomLink(channel);
  // RSS may also carry atom:link rel="self"; the plain <link> is the site.
  for (pugi::xml_node l = channel.first_child(); l; l = l.next_sibling()) {
    if (l.type() == pugi::node_element && LocalName(l) == "link" &&
        NamespaceUri(l) != kAtomNs) {
      std::string text = Trim(AllText(l));
      if (!text.empty()) return text;
    }
  }
  return Attr(channel, "about");
}

class ItemReader {
 public:
  ItemReader(const std::string& text, const std::string& source,
             const ReaderContext& context, const Channel& channel, Kind kind)
      : text_(text),
        source_(source),
        context_(context),
        channel_(channel),
        kind_(kind) {}

  // Returns false (with a reason in *error) when the item is unusable.
  bool Read(const pugi::xml_node& item, Article* a, Status* error,
            std::vector<Status>* warnings) const {
    int line = xml::LineAt(text_, item.offset_debug());
    a->source = source_;
    a->format = SourceFormat::kFeed;

    std::string guid, atom_id, date_text, date_updated, item_source, html_body,
        plain_body;
    std::string description, summary;
    bool summary_html = false;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string name = LocalName(c);
      std::string ns = NamespaceUri(c);
      if (name == "title" && a->title.empty()) {
        bool html = kind_ != Kind::kAtom;  // RSS titles may carry entities
        std::string t =
            kind_ == Kind::kAtom ? AtomMarkup(c, &html) : AllText(c);
        a->title = html ? HtmlToLine(t) : CollapseWhitespace(t);
      } else if (name == "link" && a->url.empty()) {
        a->url = kind_ == Kind::kAtom || !Attr(c, "href").empty()
                     ? AtomLink(item)
                     : Trim(AllText(c));
      } else if (name == "guid") {
        guid = Trim(AllText(c));
      } else if (name == "id" && ns == kAtomNs) {
        atom_id = Trim(AllText(c));
      } else if (name == "pubDate" || name == "published" || name == "issued" ||
                 (name == "date" &&
                  ns.find("purl.org/dc") != std::string::npos)) {
        if (date_text.empty()) date_text = Trim(AllText(c));
      } else if (name == "updated" || name == "modified") {
        if (date_updated.empty()) date_updated = Trim(AllText(c));
      } else if (name == "author" || name == "creator") {
        pugi::xml_node n = xml::Child(c, "name");
        AppendName(&a->byline, PersonName(n ? AllText(n) : AllText(c)));
      } else if (name == "category") {
        std::string term = Attr(c, "label");
        if (term.empty()) term = Attr(c, "term");
        if (term.empty()) term = AllText(c);
        topics_mapped_ |= AddSubject(HtmlToLine(term), a);
      } else if (name == "subject" &&
                 ns.find("purl.org/dc") != std::string::npos) {
        topics_mapped_ |= AddSubject(AllText(c), a);
      } else if (name == "source" && (ns.empty() || ns == kAtomNs)) {
        // RSS <source url="...">Name</source>; Atom <source><title>.
        pugi::xml_node t = xml::Child(c, "title");
        item_source = CollapseWhitespace(t ? AllText(t) : AllText(c));
        // A source named by its address only is named by its host.
        if (item_source.empty() ||
            item_source.find("://") != std::string::npos) {
          std::string url = item_source.empty() ? Attr(c, "url") : item_source;
          item_source = context_.outlets ? context_.outlets->ForUrl(url) : "";
        }
      } else if (name == "encoded" &&
                 ns.compare(0, sizeof kContentNs - 1, kContentNs) == 0) {
        html_body = Markup(c);
      } else if (name == "description") {
        description = Markup(c);
      } else if (name == "content" && kind_ == Kind::kAtom &&
                 Attr(c, "src").empty()) {
        bool html = false;
        std::string t = AtomMarkup(c, &html);
        (html ? html_body : plain_body) = t;
      } else if (name == "summary") {
        summary = AtomMarkup(c, &summary_html);
      }
    }
    if (kind_ == Kind::kRdf && a->url.empty()) a->url = Attr(item, "about");

    // Body: the full content when the feed has it, else the summary.
    if (!html_body.empty()) {
      a->paragraphs = HtmlToParagraphs(html_body);
    } else if (!plain_body.empty()) {
      a->paragraphs = BodyParagraphs(plain_body);
    }
    if (a->paragraphs.empty() && !description.empty())
      a->paragraphs = BodyParagraphs(description);
    if (a->paragraphs.empty() && !summary.empty()) {
      a->paragraphs =
          summary_html ? HtmlToParagraphs(summary) : BodyParagraphs(summary);
    }
    if (a->title.empty() && a->paragraphs.empty()) {
      *error = Status::InvalidInput(
          "item has neither a title nor text: skipped", line);
      return false;
    }

    // Date: when it was published; an Atom entry that only says when it was
    // last updated gives that.
    if (date_text.empty()) date_text = date_updated;
    if (!date_text.empty()) {
      a->date = ParseNewsDate(date_text);
      if (a->date) {
        a->given.date = true;
      } else {
        warnings->push_back(Status::InvalidInput(
            "unreadable date \"" + date_text + "\": left to extraction", line));
      }
    }

    a->outlet = Outlet(item_source, a->url);
    a->given.outlet = !a->outlet.empty();
    a->given.url = !a->url.empty();
    a->given.title = !a->title.empty();
    a->given.byline = !a->byline.empty();
    a->given.topics = topics_mapped_;
    topics_mapped_ = false;
    a->id = Id(guid, atom_id, *a, date_text);
    return true;
  }

 private:
  std::string Outlet(const std::string& item_source,
                     const std::string& url) const {
    const OutletMap* m = context_.outlets;
    if (!item_source.empty()) {
      std::string canonical = m ? m->ForName(item_source) : "";
      return canonical.empty() ? item_source : canonical;
    }
    if (!channel_.host_outlet.empty()) return channel_.host_outlet;
    if (m) {
      std::string by_host = m->ForUrl(url);
      if (!by_host.empty()) return by_host;
      std::string by_name = m->ForName(channel_.title);
      if (!by_name.empty()) return by_name;
    }
    return channel_.title;
  }

  std::string Id(const std::string& guid, const std::string& atom_id,
                 const Article& a, const std::string& date_text) const {
    for (const std::string& given : {guid, atom_id}) {
      if (given.empty()) continue;
      if (given.find("://") != std::string::npos) return UrlId(given);
      // "urn:uuid:...", "tag:example.com,2018:1" are unique by design; a bare
      // "12345" only within its channel.
      if (given.find(':') != std::string::npos) return BoundedId(given);
      std::string scope = UrlHost(channel_.link);
      if (scope.empty()) scope = channel_.title;
      return BoundedId(scope + "#" + given);
    }
    if (!a.url.empty()) return UrlId(a.url);
    return "feed-" +
           HashHex(channel_.title + "\n" + a.title + "\n" + date_text);
  }

  const std::string& text_;
  const std::string& source_;
  const ReaderContext& context_;
  const Channel& channel_;
  Kind kind_;
  mutable bool topics_mapped_ = false;
};

}  // namespace

Status ReadFeed(const std::string& text, const std::string& source,
                const ReaderContext& context, std::vector<Article>* articles,
                std::vector<Status>* item_errors,
                std::vector<Status>* warnings) {
  pugi::xml_document doc;
  Status parsed = xml::Parse(text, &doc);
  pugi::xml_node root = doc.document_element();
  std::string root_name = root ? LocalName(root) : "";
  Kind kind;
  pugi::xml_node channel;
  if (root_name == "rss") {
    kind = Kind::kRss;
    channel = xml::Child(root, "channel");
  } else if (root_name == "RDF") {
    kind = Kind::kRdf;
    channel = xml::Child(root, "channel");
  } else if (root_name == "feed" || root_name == "entry") {
    kind = Kind::kAtom;
    channel = root;
  } else {
    if (!parsed.ok()) return parsed;
    return Status::InvalidInput("not a feed: root element <" +
                                std::string(root.name()) + ">");
  }

  Channel ch;
  if (channel && root_name != "entry") {
    pugi::xml_node title = xml::Child(channel, "title");
    bool html = kind != Kind::kAtom;
    ch.title = title ? (kind == Kind::kAtom ? AtomMarkup(title, &html)
                                            : AllText(title))
                     : "";
    ch.title = html ? HtmlToLine(ch.title) : CollapseWhitespace(ch.title);
    ch.link = ChannelLink(channel, kind);
    if (context.outlets) ch.host_outlet = context.outlets->ForUrl(ch.link);
  }

  // Items: RSS 2.0 in <channel>; RSS 1.0 beside it (some put them inside);
  // Atom entries in <feed>, or the document is one <entry>.
  std::vector<pugi::xml_node> items;
  auto collect = [&items](const pugi::xml_node& parent, const char* name) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && LocalName(c) == name)
        items.push_back(c);
    }
  };
  if (root_name == "entry") {
    items.push_back(root);
  } else if (kind == Kind::kAtom) {
    collect(root, "entry");
  } else {
    if (channel) collect(channel, "item");
    if (kind == Kind::kRdf || items.empty()) collect(root, "item");
  }

  ItemReader reader(text, source, context, ch, kind);
  size_t before = articles->size();
  for (const pugi::xml_node& item : items) {
    Article a;
    Status error;
    if (reader.Read(item, &a, &error, warnings)) {
      articles->push_back(std::move(a));
    } else {
      item_errors->push_back(error);
    }
  }
  if (!parsed.ok()) {
    // pugixml keeps what it parsed before the error: the items so far are
    // good, the rest of the feed is lost, and the user is told so.
    if (articles->size() == before) return parsed;
    item_errors->push_back(Status::InvalidInput(
        parsed.message() + "; " + std::to_string(articles->size() - before) +
            " items before it were read, the rest of the feed is lost",
        parsed.line(), parsed.column()));
  }
  return Status::Ok();
}

}  // namespace hpnews
