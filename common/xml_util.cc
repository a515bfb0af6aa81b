#include "common/xml_util.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <sstream>

namespace hpnews {
namespace xml {

std::string LocalName(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

std::string NamespaceUri(const pugi::xml_node& node) {
  std::string name = node.name();
  size_t colon = name.find(':');
  std::string attr =
      colon == std::string::npos ? "xmlns" : "xmlns:" + name.substr(0, colon);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    pugi::xml_attribute a = n.attribute(attr.c_str());
    if (a) return a.value();
  }
  return "";
}

pugi::xml_node Child(const pugi::xml_node& node, const char* local_name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local_name) return c;
  }
  return pugi::xml_node();
}

pugi::xml_node ChildNs(const pugi::xml_node& node, const char* local_name,
                       const char* uri_prefix) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == local_name &&
        NamespaceUri(c).compare(0, std::strlen(uri_prefix), uri_prefix) == 0) {
      return c;
    }
  }
  return pugi::xml_node();
}

pugi::xml_node Descendant(const pugi::xml_node& node, const char* local_name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == local_name) return c;
    pugi::xml_node d = Descendant(c, local_name);
    if (d) return d;
  }
  return pugi::xml_node();
}

std::string Attr(const pugi::xml_node& node, const char* local_name) {
  for (pugi::xml_attribute a = node.first_attribute(); a;
       a = a.next_attribute()) {
    const char* name = a.name();
    const char* colon = std::strchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local_name) == 0)
      return a.value();
  }
  return "";
}

namespace {
void CollectText(const pugi::xml_node& node, std::string* out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      *out += c.value();
    } else if (c.type() == pugi::node_element) {
      CollectText(c, out);
    }
  }
}
}  // namespace

std::string AllText(const pugi::xml_node& node) {
  std::string out;
  CollectText(node, &out);
  return out;
}

std::string InnerXml(const pugi::xml_node& node) {
  std::ostringstream out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    c.print(out, "", pugi::format_raw);
  }
  return out.str();
}

int LineAt(const std::string& text, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  size_t end = std::min(text.size(), static_cast<size_t>(offset));
  return 1 + static_cast<int>(std::count(
                 text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end),
                 '\n'));
}

Status Parse(const std::string& text, pugi::xml_document* doc) {
  pugi::xml_parse_result r = doc->load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_declaration,
      pugi::encoding_utf8);
  if (r) return Status::Ok();
  size_t offset = std::min(
      text.size(), static_cast<size_t>(std::max<std::ptrdiff_t>(0, r.offset)));
  int line = LineAt(text, static_cast<std::ptrdiff_t>(offset));
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start =
      line_start == std::string::npos || offset == 0 ? 0 : line_start + 1;
  int column = static_cast<int>(offset - line_start) + 1;
  std::string what = r.description();
  for (char& c : what)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return Status::InvalidInput("xml is not well-formed: " + what, line, column);
}

}  // namespace xml
}  // namespace hpnews
