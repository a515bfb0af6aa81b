// The peers' Article XML reader: the few fields the benchmark peers index
// (id, outlet, date, title, topics, body text), read with pugixml the way a
// newcomer would. For bench/ only: it does no validation, no extraction and
// none of common/article_xml.h's quirk handling, on purpose, so that the
// peers measure their engines and not a reader.

#ifndef HPNEWS_BENCH_PEER_ARTICLES_H_
#define HPNEWS_BENCH_PEER_ARTICLES_H_

#include <functional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace hpnews {
namespace bench {

struct PeerArticle {
  std::string id;
  std::string outlet;
  std::string date;  // "YYYYMMDD" or empty
  std::string title;
  std::vector<std::string> topics;
  std::string body;  // paragraphs joined by "\n"
  size_t bytes = 0;  // title + body, the "input text" of the MB/s figures
};

inline void AppendText(const pugi::xml_node& node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      out->append(child.value());
    } else if (child.type() == pugi::node_element) {
      out->push_back(' ');
      AppendText(child, out);
    }
  }
}

inline void CollectParagraphs(const pugi::xml_node& node, std::string* out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string(child.name()) == "p") {
      if (!out->empty()) out->push_back('\n');
      AppendText(child, out);
    } else {
      CollectParagraphs(child, out);
    }
  }
}

inline PeerArticle ReadPeerArticle(const pugi::xml_node& a) {
  PeerArticle art;
  art.id = a.attribute("id").value();
  art.outlet = a.child("outlet").text().get();
  std::string date = a.child("date").text().get();
  if (date.size() == 10)
    art.date = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
  art.title = a.child("title").text().get();
  for (pugi::xml_node t : a.child("topics").children("topic")) {
    art.topics.push_back(t.text().get());
  }
  CollectParagraphs(a.child("body"), &art.body);
  art.bytes = art.title.size() + art.body.size();
  return art;
}

// Calls `fn` for each article of an Article XML file (<article> or
// <corpus> root). Returns false if the file does not parse.
inline bool ForEachPeerArticle(
    const std::string& path,
    const std::function<void(const PeerArticle&)>& fn) {
  pugi::xml_document doc;
  if (!doc.load_file(path.c_str())) return false;
  pugi::xml_node root = doc.document_element();
  if (std::string(root.name()) == "article") {
    fn(ReadPeerArticle(root));
  } else {
    for (pugi::xml_node a : root.children("article")) fn(ReadPeerArticle(a));
  }
  return true;
}

}  // namespace bench
}  // namespace hpnews

#endif  // HPNEWS_BENCH_PEER_ARTICLES_H_
