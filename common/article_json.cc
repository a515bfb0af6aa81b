#include "common/article_json.h"

namespace hpnews {

namespace {

// Unknown values are null rather than "": a consumer can tell "no outlet"
// from an outlet named "".
nlohmann::json StringOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

}  // namespace

nlohmann::json ArticleToJson(const Article& article) {
  nlohmann::json j = nlohmann::json::object();
  j["id"] = article.id;
  j["source"] = article.source;
  j["title"] = article.title;
  j["date"] = article.date ? nlohmann::json(article.date->Iso())
                           : nlohmann::json(nullptr);
  j["outlet"] = StringOrNull(article.outlet);
  j["url"] = article.url;
  j["byline"] = article.byline;
  j["speakers"] = article.speakers;
  nlohmann::json quotes = nlohmann::json::array();
  for (const Quote& q : article.quotes) {
    quotes.push_back({{"speaker", q.speaker}, {"text", q.text}});
  }
  j["quotes"] = std::move(quotes);
  j["topics"] = article.topics;
  nlohmann::json comments = nlohmann::json::array();
  for (const Comment& c : article.comments) {
    comments.push_back({{"author", StringOrNull(c.author)},
                        {"date", StringOrNull(c.date)},
                        {"text", c.text}});
  }
  j["comments"] = std::move(comments);
  j["body"] = article.Body();
  return j;
}

}  // namespace hpnews
