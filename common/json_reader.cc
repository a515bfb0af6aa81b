#include "common/json_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "common/html_text.h"
#include "common/text_util.h"

namespace hpnews {

namespace {

using nlohmann::json;

const json* Member(const json& obj, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    auto it = obj.find(name);
    if (it != obj.end() && !it->is_null()) {
      if (it->is_string() && Trim(it->get<std::string>()).empty()) continue;
      if ((it->is_array() || it->is_object()) && it->empty()) continue;
      return &*it;
    }
  }
  return nullptr;
}

std::string StringOf(const json* v) {
  if (v == nullptr) return "";
  if (v->is_string()) return Trim(v->get<std::string>());
  if (v->is_number_integer()) return std::to_string(v->get<long long>());
  if (v->is_number_unsigned())
    return std::to_string(v->get<unsigned long long>());
  if (v->is_object()) {
    auto name = v->find("name");
    if (name != v->end() && name->is_string())
      return Trim(name->get<std::string>());
  }
  return "";
}

bool LooksLikeUrl(const std::string& s) {
  return s.find("://") != std::string::npos || StartsWith(s, "www.");
}

std::vector<std::string> TextParagraphs(const std::string& text) {
  if (LooksLikeHtml(text) && text.find('<') != std::string::npos)
    return HtmlToParagraphs(text);
  std::vector<std::string> lines = SplitLines(text);
  bool blank_lines =
      std::any_of(lines.begin(), lines.end(),
                  [](const std::string& l) { return Trim(l).empty(); });
  std::vector<std::string> out;
  std::string current;
  for (const std::string& line : lines) {
    if (Trim(line).empty() || !blank_lines) {
      if (!blank_lines) current = line;
      std::string p = CollapseWhitespace(current);
      if (!p.empty()) out.push_back(p);
      current.clear();
    } else {
      current += line + " ";
    }
  }
  std::string p = CollapseWhitespace(current);
  if (!p.empty()) out.push_back(p);
  return out;
}

std::optional<Date> DateOf(const json& v, std::string* as_text) {
  if (v.is_number()) {
    double seconds = v.get<double>();
    if (seconds > 1e11) seconds /= 1000;  // milliseconds
    *as_text = std::to_string(static_cast<long long>(seconds));
    return DateFromEpochSeconds(seconds);
  }
  if (!v.is_string()) return std::nullopt;
  *as_text = Trim(v.get<std::string>());
  // "1546059600.0": epoch seconds written as a string.
  const std::string& t = *as_text;
  if (!t.empty() && t.size() >= 9 &&
      t.find_first_not_of("0123456789.") == std::string::npos) {
    try {
      double seconds = std::stod(t);
      if (seconds > 1e11) seconds /= 1000;
      return DateFromEpochSeconds(seconds);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return ParseNewsDate(t);
}

// One object to an Article; false with *error when it has no title or text.
bool ArticleFromObject(const json& obj, const std::string& source,
                       const ReaderContext& context, int line, Article* a,
                       Status* error, std::vector<Status>* warnings) {
  a->source = source;
  a->format = SourceFormat::kJson;
  a->url =
      StringOf(Member(obj, {"url", "link", "canonical_link", "canonical_url"}));
  a->title = HtmlToLine(StringOf(Member(obj, {"title", "headline"})));

  const json* body =
      Member(obj, {"text", "body", "content", "maintext", "article_text"});
  if (body != nullptr && body->is_string()) {
    a->paragraphs = TextParagraphs(body->get<std::string>());
  } else if (body != nullptr && body->is_array()) {
    for (const json& p : *body) {
      if (!p.is_string()) continue;
      for (std::string& q : TextParagraphs(p.get<std::string>()))
        a->paragraphs.push_back(std::move(q));
    }
  }
  if (a->paragraphs.empty()) {
    std::string html =
        StringOf(Member(obj, {"html", "content_html", "body_html"}));
    if (!html.empty()) a->paragraphs = HtmlToParagraphs(html);
  }
  if (a->title.empty() && a->paragraphs.empty()) {
    *error = Status::InvalidInput(
        "object has neither a title nor text: skipped", line);
    return false;
  }
  a->given.title = !a->title.empty();
  a->given.url = !a->url.empty();

  std::string date_text;
  const json* date =
      Member(obj, {"date", "published", "publish_date", "published_at",
                   "datePublished", "date_publish", "pubDate", "pub_date"});
  if (date != nullptr) {
    a->date = DateOf(*date, &date_text);
    a->given.date = a->date.has_value();
    if (!a->date) {
      warnings->push_back(Status::InvalidInput(
          "unreadable date \"" + date_text + "\": left to extraction", line));
    }
  }

  // Outlet.
  const OutletMap* m = context.outlets;
  std::string outlet = StringOf(
      Member(obj, {"outlet", "publisher", "site_name", "source_name"}));
  if (!outlet.empty() && LooksLikeUrl(outlet))
    outlet = m ? m->ForUrl(outlet) : "";
  if (!outlet.empty() && m && !m->ForName(outlet).empty())
    outlet = m->ForName(outlet);
  if (outlet.empty() && m) outlet = m->ForUrl(a->url);
  if (outlet.empty()) {
    std::string s = StringOf(Member(obj, {"source"}));
    if (!s.empty() && !LooksLikeUrl(s))
      outlet = m && !m->ForName(s).empty() ? m->ForName(s) : s;
  }
  if (outlet.empty()) {
    auto meta = obj.find("meta_data");
    if (meta != obj.end() && meta->is_object()) {
      auto og = meta->find("og");
      if (og != meta->end() && og->is_object()) {
        std::string site = StringOf(Member(*og, {"site_name"}));
        if (!site.empty() && !LooksLikeUrl(site))
          outlet = m && !m->ForName(site).empty() ? m->ForName(site) : site;
      }
    }
  }
  a->outlet = outlet;
  a->given.outlet = !outlet.empty();

  // Byline.
  const json* authors = Member(obj, {"byline", "author", "authors", "creator"});
  if (authors != nullptr) {
    std::vector<std::string> names;
    if (authors->is_array()) {
      for (const json& x : *authors) names.push_back(StringOf(&x));
    } else {
      names.push_back(StringOf(authors));
    }
    for (const std::string& n : names) {
      std::string clean = CleanByline(n);
      if (clean.empty() || ContainsIgnoreCase(a->byline, clean)) continue;
      if (!a->byline.empty()) a->byline += ", ";
      a->byline += clean;
    }
    a->given.byline = !a->byline.empty();
  }

  // Topics and keywords.
  bool mapped = false;
  for (const char* name : {"topics", "categories", "category", "tags",
                           "keywords", "subjects", "section"}) {
    auto it = obj.find(name);
    if (it == obj.end()) continue;
    if (it->is_array()) {
      for (const json& x : *it) mapped |= AddSubject(StringOf(&x), a);
    } else {
      mapped |= AddSubject(StringOf(&*it), a);
    }
  }
  a->given.topics = mapped;

  std::string id = StringOf(Member(obj, {"id", "guid", "uuid"}));
  if (!id.empty()) {
    a->id = LooksLikeUrl(id) ? UrlId(id) : BoundedId(id);
  } else if (!a->url.empty()) {
    a->id = UrlId(a->url);
  } else {
    a->id = "json-" + HashHex(a->title + "\n" + date_text);
  }
  return true;
}

Status FromJsonError(const json::parse_error& e, const std::string& text,
                     int line_offset) {
  // nlohmann reports a byte position; turn it into line and column.
  size_t pos =
      std::min(text.size(), e.byte == 0 ? 0 : static_cast<size_t>(e.byte - 1));
  int line =
      1 + line_offset +
      static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
  size_t start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  start = (start == std::string::npos || pos == 0) ? 0 : start + 1;
  std::string what = e.what();
  size_t colon = what.rfind(": ");
  if (colon != std::string::npos) what = what.substr(colon + 2);
  return Status::InvalidInput("json is not valid: " + what, line,
                              static_cast<int>(pos - start) + 1);
}

}  // namespace

Status ReadJsonArticles(const std::string& text, const std::string& source,
                        const ReaderContext& context,
                        std::vector<Article>* articles,
                        std::vector<Status>* item_errors,
                        std::vector<Status>* warnings) {
  auto add = [&](const json& obj, int line) {
    if (!obj.is_object()) {
      item_errors->push_back(
          Status::InvalidInput("not a json object: skipped", line));
      return;
    }
    Article a;
    Status error;
    if (ArticleFromObject(obj, source, context, line, &a, &error, warnings)) {
      articles->push_back(std::move(a));
    } else {
      item_errors->push_back(error);
    }
  };

  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& whole_error) {
    // Not one JSON value: JSON Lines, if its first line is a whole object.
    std::vector<std::string> lines = SplitLines(text);
    size_t first = 0;
    while (first < lines.size() && Trim(lines[first]).empty()) ++first;
    bool jsonl = false;
    if (first < lines.size()) {
      jsonl = json::accept(lines[first]) && lines.size() > first + 1;
    }
    if (!jsonl) return FromJsonError(whole_error, text, 0);
    for (size_t i = first; i < lines.size(); ++i) {
      if (Trim(lines[i]).empty()) continue;
      try {
        add(json::parse(lines[i]), static_cast<int>(i + 1));
      } catch (const json::parse_error& e) {
        item_errors->push_back(FromJsonError(e, lines[i], static_cast<int>(i)));
      }
    }
    return Status::Ok();
  }

  if (doc.is_array()) {
    for (const json& obj : doc) add(obj, 0);
    return Status::Ok();
  }
  if (!doc.is_object())
    return Status::InvalidInput("json is not an object or an array of objects");
  for (const char* list : {"articles", "items", "data", "results"}) {
    auto it = doc.find(list);
    if (it != doc.end() && it->is_array() &&
        Member(doc, {"title", "headline"}) == nullptr) {
      for (const json& obj : *it) add(obj, 0);
      return Status::Ok();
    }
  }
  add(doc, 0);
  return Status::Ok();
}

}  // namespace hpnews
