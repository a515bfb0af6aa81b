#include "searcher/printer.h"

#include <cstdio>

namespace hpnews {

namespace {

using nlohmann::ordered_json;

constexpr const char* kBoldOn = "\x1b[1m";
constexpr const char* kBoldOff = "\x1b[0m";

ordered_json StringOrNull(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

std::string JoinList(const std::vector<std::string>& items,
                     const char* separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// A TSV field: tabs and line breaks would break the columns.
std::string TsvField(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string FormatScore(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

}  // namespace

Status ParseOutputFormat(const std::string& text, OutputFormat* out) {
  if (text == "text") {
    *out = OutputFormat::kText;
  } else if (text == "json") {
    *out = OutputFormat::kJson;
  } else if (text == "tsv") {
    *out = OutputFormat::kTsv;
  } else {
    return Status::InvalidInput("invalid format \"" + text +
                                "\" (expected text, json or tsv)");
  }
  return Status::Ok();
}

std::string SnippetMarkup(const std::vector<SnippetPart>& parts,
                          const std::string& open, const std::string& close) {
  std::string out;
  for (const SnippetPart& part : parts) {
    if (part.match) {
      out += open + part.text + close;
    } else {
      out += part.text;
    }
  }
  return out;
}

ordered_json ResultToJson(const SearchResult& result, size_t line) {
  ordered_json hits = ordered_json::array();
  for (const Hit& hit : result.hits) {
    hits.push_back({
        {"rank", hit.rank},
        {"id", hit.id},
        {"score", hit.score},
        {"percent", hit.percent},
        {"title", hit.title},
        {"date", StringOrNull(hit.date)},
        {"outlet", StringOrNull(hit.outlet)},
        {"speakers", hit.speakers},
        {"topics", hit.topics},
        {"url", hit.url},
        {"source", hit.source},
        {"snippet", SnippetMarkup(hit.snippet, "<mark>", "</mark>")},
    });
  }
  ordered_json facets = ordered_json::object();
  for (const FacetCounts& facet : result.facets) {
    ordered_json values = ordered_json::array();
    for (const FacetValue& v : facet.values) {
      values.push_back({{"value", v.value}, {"count", v.count}});
    }
    facets[facet.field] = std::move(values);
  }
  ordered_json object = ordered_json::object();
  if (line > 0) object["line"] = line;
  object["query"] = result.query;
  object["total"] = result.total;
  object["total_exact"] = result.total_exact;
  object["offset"] = result.offset;
  object["limit"] = result.limit;
  object["sort"] = SortOrderName(result.sort);
  object["hits"] = std::move(hits);
  object["facets"] = std::move(facets);
  return object;
}

std::string JsonLine(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void PrintJson(const SearchResult& result, std::ostream& out) {
  out << JsonLine(ResultToJson(result)) << '\n';
}

void PrintTsv(const SearchResult& result, std::ostream& out) {
  out << "rank\tid\tscore\tpercent\tdate\toutlet\ttitle\tspeakers\ttopics\t"
         "url\tsource\tsnippet\n";
  for (const Hit& hit : result.hits) {
    out << hit.rank << '\t' << TsvField(hit.id) << '\t'
        << FormatScore(hit.score) << '\t' << hit.percent << '\t'
        << TsvField(hit.date) << '\t' << TsvField(hit.outlet) << '\t'
        << TsvField(hit.title) << '\t' << TsvField(JoinList(hit.speakers, "; "))
        << '\t' << TsvField(JoinList(hit.topics, "; ")) << '\t'
        << TsvField(hit.url) << '\t' << TsvField(hit.source) << '\t'
        << TsvField(SnippetMarkup(hit.snippet, "<mark>", "</mark>")) << '\n';
  }
  if (!result.facets.empty()) {
    out << "\nfacet\tvalue\tcount\n";
    for (const FacetCounts& facet : result.facets) {
      for (const FacetValue& v : facet.values) {
        out << facet.field << '\t' << TsvField(v.value) << '\t' << v.count
            << '\n';
      }
    }
  }
}

void PrintText(const SearchResult& result, bool color, std::ostream& out) {
  const std::string open = color ? kBoldOn : "[";
  const std::string close = color ? kBoldOff : "]";
  std::string total = std::to_string(result.total);
  if (!result.total_exact) total = "about " + total;
  out << total << (result.total == 1 ? " match" : " matches");
  if (!result.hits.empty()) {
    out << ", showing " << result.hits.front().rank << "-"
        << result.hits.back().rank;
  }
  out << ", sorted by " << SortOrderName(result.sort) << "\n";
  for (const Hit& hit : result.hits) {
    out << "\n"
        << hit.rank << ". " << (hit.title.empty() ? "(untitled)" : hit.title)
        << "\n";
    out << "   " << (hit.date.empty() ? "undated" : hit.date) << " | "
        << (hit.outlet.empty() ? "unknown outlet" : hit.outlet) << " | "
        << hit.id << " | score " << FormatScore(hit.score) << " ("
        << hit.percent << "%)\n";
    if (!hit.speakers.empty()) {
      out << "   speakers: " << JoinList(hit.speakers, ", ") << "\n";
    }
    if (!hit.topics.empty()) {
      out << "   topics: " << JoinList(hit.topics, ", ") << "\n";
    }
    if (!hit.snippet.empty()) {
      out << "   " << SnippetMarkup(hit.snippet, open, close) << "\n";
    }
    if (!hit.url.empty()) out << "   " << hit.url << "\n";
  }
  for (const FacetCounts& facet : result.facets) {
    out << "\n" << facet.field << ":";
    if (facet.values.empty()) out << " (none)";
    out << "\n";
    for (const FacetValue& v : facet.values) {
      out << "  " << v.count << "  " << v.value << "\n";
    }
  }
}

}  // namespace hpnews
