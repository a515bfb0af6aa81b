// The Article as JSON: what `hpnews-index --extract` prints, one object per
// line. Keys: id, source, title, date ("YYYY-MM-DD" or null), outlet (string
// or null), url, byline, speakers, quotes [{speaker, text}], topics,
// comments [{author, date, text}], body.

#ifndef HPNEWS_COMMON_ARTICLE_JSON_H_
#define HPNEWS_COMMON_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>

#include "common/article.h"

namespace hpnews {

nlohmann::json ArticleToJson(const Article& article);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_ARTICLE_JSON_H_
