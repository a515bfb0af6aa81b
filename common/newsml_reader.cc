#include "common/newsml_reader.h"

#include <algorithm>
#include <sstream>

#include "common/html_text.h"
#include "common/nitf_reader.h"
#include "common/text_util.h"
#include "common/xml_util.h"

namespace hpnews {

namespace {

using xml::AllText;
using xml::Attr;
using xml::Child;
using xml::LocalName;

// "nprov:REUTERS" -> "REUTERS".
std::string QcodeValue(const std::string& qcode) {
  size_t colon = qcode.find(':');
  return colon == std::string::npos ? qcode : qcode.substr(colon + 1);
}

std::string NameOf(const pugi::xml_node& node) {
  std::string literal = Attr(node, "literal");
  if (!literal.empty()) return CollapseWhitespace(literal);
  pugi::xml_node name = Child(node, "name");
  if (name) return CollapseWhitespace(AllText(name));
  return QcodeValue(Attr(node, "qcode"));
}

// Body paragraphs from the item's contentSet; fills *nitf_article when the
// content is inline NITF.
bool ReadContent(const pugi::xml_node& item, const std::string& source,
                 const ReaderContext& context, Article* a,
                 Article* nitf_article, bool* has_nitf,
                 std::vector<Status>* warnings) {
  pugi::xml_node set = Child(item, "contentSet");
  for (pugi::xml_node c = set.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string name = LocalName(c);
    if (name == "inlineXML") {
      for (pugi::xml_node x = c.first_child(); x; x = x.next_sibling()) {
        if (x.type() != pugi::node_element) continue;
        std::string root = LocalName(x);
        if (root == "nitf") {
          std::ostringstream out;
          x.print(out, "", pugi::format_raw);
          if (ReadNitf(out.str(), source, context, nitf_article, warnings)
                  .ok()) {
            *has_nitf = true;
            a->paragraphs = nitf_article->paragraphs;
          }
        } else {
          pugi::xml_node body = root == "html" ? Child(x, "body") : x;
          a->paragraphs = HtmlToParagraphs(root == "html" ? xml::InnerXml(body)
                                                          : xml::InnerXml(c));
        }
        if (!a->paragraphs.empty()) return true;
      }
    } else if (name == "inlineData") {
      std::string type = Attr(c, "contenttype");
      std::string text = AllText(c);
      if (type.find("html") != std::string::npos || LooksLikeHtml(text)) {
        a->paragraphs = HtmlToParagraphs(text);
      } else {
        for (const std::string& line : SplitLines(text)) {
          std::string p = CollapseWhitespace(line);
          if (!p.empty()) a->paragraphs.push_back(p);
        }
      }
      if (!a->paragraphs.empty()) return true;
    }
  }
  return false;
}

bool ReadItem(const pugi::xml_node& item, const std::string& text,
              const std::string& source, const ReaderContext& context,
              Article* a, Status* error, std::vector<Status>* warnings) {
  int line = xml::LineAt(text, item.offset_debug());
  a->source = source;
  a->format = SourceFormat::kNewsMlG2;
  pugi::xml_node item_meta = Child(item, "itemMeta");
  pugi::xml_node content_meta = Child(item, "contentMeta");
  std::string guid = Trim(Attr(item, "guid"));

  Article nitf;
  bool has_nitf = false;
  bool has_text =
      ReadContent(item, source, context, a, &nitf, &has_nitf, warnings);
  std::string item_class = Attr(Child(item_meta, "itemClass"), "qcode");
  // A text item with a headline but no body yet (a flash) is still news;
  // a picture's or video's headline is a caption.
  bool text_class =
      item_class.empty() || item_class.find("text") != std::string::npos;
  if (!has_text &&
      !(text_class &&
        !CollapseWhitespace(AllText(Child(content_meta, "headline")))
             .empty())) {
    *error = Status::InvalidInput(
        "news item \"" + guid + "\" has no text content" +
            (item_class.empty() ? "" : " (" + item_class + ")") + ": skipped",
        line);
    return false;
  }

  // Title: the first headline (some items carry several roles).
  for (pugi::xml_node h = content_meta.first_child(); h; h = h.next_sibling()) {
    if (h.type() == pugi::node_element && LocalName(h) == "headline") {
      a->title = CollapseWhitespace(AllText(h));
      if (!a->title.empty()) break;
    }
  }

  std::string date_text;
  for (pugi::xml_node d :
       {Child(content_meta, "contentCreated"), Child(item_meta, "firstCreated"),
        Child(item_meta, "versionCreated")}) {
    if (d && date_text.empty()) date_text = Trim(AllText(d));
  }
  if (!date_text.empty()) {
    a->date = ParseNewsDate(date_text);
    a->given.date = a->date.has_value();
    if (!a->date) {
      warnings->push_back(Status::InvalidInput(
          "unreadable date \"" + date_text + "\": left to extraction", line));
    }
  }

  // Outlet: the provider, else a creator or source.
  std::string outlet = NameOf(Child(item_meta, "provider"));
  pugi::xml_node by = Child(content_meta, "by");
  std::string byline = CleanByline(AllText(by));
  for (pugi::xml_node c = content_meta.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string name = LocalName(c);
    if (name == "creator" || name == "infoSource") {
      std::string role = Attr(c, "role");
      std::string who = NameOf(c);
      bool person = role.find("person") != std::string::npos ||
                    Attr(c, "type").find("person") != std::string::npos;
      if (person && byline.empty()) {
        byline = CleanByline(who);
      } else if (!person && outlet.empty()) {
        outlet = who;
      }
    }
  }
  if (!outlet.empty()) {
    std::string canonical =
        context.outlets ? context.outlets->ForName(outlet) : "";
    if (canonical.empty() && context.outlets &&
        outlet.find('.') != std::string::npos) {
      canonical = context.outlets->ForUrl("http://" + outlet);  // "reuters.com"
    }
    a->outlet = canonical.empty() ? outlet : canonical;
  }
  a->byline = byline;

  // Subjects and keywords.
  bool mapped = false;
  for (pugi::xml_node c = content_meta.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string name = LocalName(c);
    if (name == "subject") {
      std::string type = Attr(c, "type");
      pugi::xml_node n = Child(c, "name");
      std::string label =
          n ? CollapseWhitespace(AllText(n)) : Attr(c, "literal");
      if (type.find("person") != std::string::npos) {
        if (!label.empty()) a->people.push_back(label);
        continue;
      }
      if (!label.empty()) mapped |= AddSubject(label, a);
      std::string qcode = Attr(c, "qcode");
      if (!qcode.empty()) mapped |= AddSubject(qcode, a);
    } else if (name == "keyword") {
      mapped |= AddSubject(AllText(c), a);
    }
  }

  // Inline NITF fills what the item's own metadata left unsaid.
  if (has_nitf) {
    if (a->title.empty()) a->title = nitf.title;
    if (!a->date && nitf.date) a->date = nitf.date;
    if (a->outlet.empty()) a->outlet = nitf.outlet;
    if (a->byline.empty()) a->byline = nitf.byline;
    for (const std::string& t : nitf.topics) {
      if (std::find(a->topics.begin(), a->topics.end(), t) == a->topics.end()) {
        a->topics.push_back(t);
        mapped = true;
      }
    }
    for (const std::string& k : nitf.keywords) a->keywords.push_back(k);
    for (const std::string& p : nitf.people) a->people.push_back(p);
  }
  a->given.title = !a->title.empty();
  a->given.date = a->date.has_value();
  a->given.outlet = !a->outlet.empty();
  a->given.byline = !a->byline.empty();
  a->given.topics = mapped;

  if (!guid.empty()) {
    a->id =
        guid.find("://") != std::string::npos ? UrlId(guid) : BoundedId(guid);
  } else if (has_nitf && !nitf.id.empty()) {
    a->id = nitf.id;
  } else {
    a->id = "newsml-" + HashHex(a->outlet + "\n" + date_text + "\n" + a->title);
  }
  return true;
}

}  // namespace

Status ReadNewsMl(const std::string& text, const std::string& source,
                  const ReaderContext& context, std::vector<Article>* articles,
                  std::vector<Status>* item_errors,
                  std::vector<Status>* warnings) {
  pugi::xml_document doc;
  Status parsed = xml::Parse(text, &doc);
  if (!parsed.ok()) return parsed;
  pugi::xml_node root = doc.document_element();
  std::string root_name = LocalName(root);
  std::vector<pugi::xml_node> items;
  if (root_name == "newsItem") {
    items.push_back(root);
  } else if (root_name == "newsMessage") {
    for (pugi::xml_node set = Child(root, "itemSet"); set;
         set = set.next_sibling()) {
      if (set.type() != pugi::node_element || LocalName(set) != "itemSet")
        continue;
      for (pugi::xml_node c = set.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (LocalName(c) == "newsItem") {
          items.push_back(c);
        } else {
          item_errors->push_back(
              Status::InvalidInput("newsml-g2 <" + LocalName(c) +
                                       "> carries no article text: skipped",
                                   xml::LineAt(text, c.offset_debug())));
        }
      }
    }
  } else if (root_name == "packageItem" || root_name == "conceptItem" ||
             root_name == "knowledgeItem" || root_name == "planningItem" ||
             root_name == "catalog") {
    return Status::InvalidInput("newsml-g2 <" + root_name +
                                "> carries no article text");
  } else {
    return Status::InvalidInput("not newsml-g2: root element <" +
                                std::string(root.name()) + ">");
  }
  for (const pugi::xml_node& item : items) {
    Article a;
    Status error;
    if (ReadItem(item, text, source, context, &a, &error, warnings)) {
      articles->push_back(std::move(a));
    } else {
      item_errors->push_back(error);
    }
  }
  return Status::Ok();
}

}  // namespace hpnews
