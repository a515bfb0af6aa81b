#include "common/nitf_reader.h"

#include "common/text_util.h"
#include "common/xml_util.h"

namespace hpnews {

namespace {

using xml::AllText;
using xml::Attr;
using xml::Child;
using xml::Descendant;
using xml::LocalName;

void CollectAll(const pugi::xml_node& node, const char* name,
                std::vector<pugi::xml_node>* out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == name) {
      out->push_back(c);
    } else {
      CollectAll(c, name, out);
    }
  }
}

void AddPerson(const std::string& name, Article* a) {
  std::string n = CollapseWhitespace(name);
  // "Brian Ashton's side": the tag often includes the possessive.
  if (EndsWith(n, "'s")) {
    n.erase(n.size() - 2);
  } else if (EndsWith(n, "\xE2\x80\x99s")) {  // ’s
    n.erase(n.size() - 4);
  }
  if (n.empty()) return;
  for (const std::string& p : a->people) {
    if (p == n) return;
  }
  a->people.push_back(n);
}

// The byline's own text: "By BERNARD CONDON<byttl>AP Business Writer</byttl>".
std::string BylineText(const pugi::xml_node& byline) {
  std::string out;
  for (pugi::xml_node c = byline.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
    } else if (c.type() == pugi::node_element && LocalName(c) != "byttl") {
      out += AllText(c);
    }
  }
  return CleanByline(out);
}

}  // namespace

Status ReadNitf(const std::string& text, const std::string& source,
                const ReaderContext& context, Article* a,
                std::vector<Status>* warnings) {
  pugi::xml_document doc;
  Status parsed = xml::Parse(text, &doc);
  if (!parsed.ok()) return parsed;
  pugi::xml_node nitf = doc.document_element();
  if (LocalName(nitf) != "nitf") {
    return Status::InvalidInput("not nitf: root element <" +
                                std::string(nitf.name()) + ">");
  }
  *a = Article();
  a->source = source;
  a->format = SourceFormat::kNitf;
  pugi::xml_node head = Child(nitf, "head");
  pugi::xml_node body = Child(nitf, "body");
  pugi::xml_node docdata = Child(head, "docdata");
  pugi::xml_node body_head = Child(body, "body.head");

  // Title.
  pugi::xml_node hl1 = Descendant(Child(body_head, "hedline"), "hl1");
  a->title = CollapseWhitespace(AllText(hl1));
  if (a->title.empty())
    a->title = CollapseWhitespace(AllText(Child(head, "title")));

  // Date.
  pugi::xml_node pubdata = Child(head, "pubdata");
  std::string date_text;
  for (const char* name : {"date.issue", "date.release"}) {
    pugi::xml_node d = Child(docdata, name);
    if (d && date_text.empty()) date_text = Attr(d, "norm");
  }
  if (date_text.empty()) date_text = Attr(pubdata, "date.publication");
  if (date_text.empty())
    date_text =
        Attr(Descendant(Child(body_head, "dateline"), "story.date"), "norm");
  if (!date_text.empty()) {
    a->date = ParseNewsDate(date_text);
    a->given.date = a->date.has_value();
    if (!a->date)
      warnings->push_back(Status::InvalidInput(
          "unreadable date \"" + date_text + "\": left to extraction"));
  }

  // Outlet: who holds the copyright, else the publication, else the
  // distributor or registering agency.
  std::string outlet = Attr(Child(docdata, "doc.copyright"), "holder");
  if (outlet.empty()) outlet = Attr(pubdata, "name");
  if (outlet.empty())
    outlet = CollapseWhitespace(AllText(Child(body_head, "distributor")));
  if (outlet.empty()) outlet = Attr(Child(docdata, "doc-id"), "regsrc");
  if (outlet.empty()) outlet = Attr(Child(docdata, "doc.rights"), "owner");
  outlet = CollapseWhitespace(outlet);
  if (!outlet.empty()) {
    std::string canonical =
        context.outlets ? context.outlets->ForName(outlet) : "";
    a->outlet = canonical.empty() ? outlet : canonical;
    a->given.outlet = true;
  }

  // Byline.
  pugi::xml_node byline = Child(body_head, "byline");
  if (byline) {
    a->byline = BylineText(byline);
    a->given.byline = !a->byline.empty();
  }

  // Subjects.
  bool mapped = false;
  std::vector<pugi::xml_node> subjects;
  CollectAll(head, "tobject.subject", &subjects);
  for (const pugi::xml_node& s : subjects) {
    std::string named = Attr(s, "tobject.subject.matter");
    if (named.empty()) named = Attr(s, "tobject.subject.type");
    if (!named.empty()) {
      mapped |= AddSubject(named, a);
    }
    // The code's top level (politics -> topic, others -> keyword).
    std::string refnum = Attr(s, "tobject.subject.refnum");
    if (!refnum.empty())
      mapped |= AddSubject(refnum.size() == 8 ? "iptc:" + refnum : refnum, a);
  }
  std::vector<pugi::xml_node> classifiers;
  CollectAll(head, "classifier", &classifiers);
  for (const pugi::xml_node& c : classifiers) {
    std::string value = Attr(c, "value");
    if (value.empty()) value = AllText(c);
    mapped |= AddSubject(value, a);
  }
  std::vector<pugi::xml_node> keys;
  CollectAll(Child(docdata, "key-list"), "keyword", &keys);
  for (const pugi::xml_node& k : keys) mapped |= AddSubject(Attr(k, "key"), a);
  a->given.topics = mapped;

  // Body paragraphs and the people tagged in them.
  pugi::xml_node content = Child(body, "body.content");
  std::vector<pugi::xml_node> paragraphs;
  CollectAll(content, "p", &paragraphs);
  for (const pugi::xml_node& p : paragraphs) {
    std::string t = CollapseWhitespace(AllText(p));
    if (!t.empty()) a->paragraphs.push_back(t);
  }
  if (a->paragraphs.empty()) {
    // Some agencies put the text straight into body.content or a <block>.
    std::string t = CollapseWhitespace(AllText(content));
    if (!t.empty()) a->paragraphs.push_back(t);
  }
  std::vector<pugi::xml_node> people;
  CollectAll(body, "person", &people);
  for (const pugi::xml_node& p : people) AddPerson(AllText(p), a);

  if (a->title.empty() && a->paragraphs.empty())
    return Status::InvalidInput("nitf document has no headline or text");
  a->given.title = !a->title.empty();

  // Id: the agency's document id; else the key that identifies the story
  // across its updates; else a hash of what identifies it.
  std::string id = Attr(Child(docdata, "doc-id"), "id-string");
  if (id.empty()) id = Attr(Child(docdata, "du-key"), "key");
  if (id.empty()) {
    id = "nitf-" + HashHex(a->outlet + "\n" + (a->date ? a->date->Iso() : "") +
                           "\n" + a->title);
  }
  a->id = BoundedId(Trim(id));
  return Status::Ok();
}

}  // namespace hpnews
