#include "searcher/printer.h"

#include <algorithm>
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
  } else if (text == "csv") {
    *out = OutputFormat::kCsv;
  } else {
    return Status::InvalidInput("invalid format \"" + text +
                                "\" (expected text, json, tsv or csv)");
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
    ordered_json h = {
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
        {"keywords", hit.keywords},
    };
    if (hit.is_quote) {
      h["speaker"] = hit.speaker;
      h["quote"] = SnippetMarkup(hit.quote, "<mark>", "</mark>");
      h["quote_index"] = hit.quote_index;
    }
    if (result.collapse) {
      h["duplicates"] = hit.duplicates;
      h["also_in"] = hit.also_in;
    }
    if (result.recency_half_life_days > 0)
      h["recency_boost"] = hit.recency_boost;
    if (!hit.explain.empty()) {
      ordered_json terms = ordered_json::array();
      for (const ExplainTerm& e : hit.explain) {
        terms.push_back({{"term", e.term},
                         {"field", e.field},
                         {"word", e.word},
                         {"wdf", e.wdf},
                         {"weight", e.weight}});
      }
      h["explain"] = std::move(terms);
    }
    hits.push_back(std::move(h));
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
  object["format_version"] = kJsonFormatVersion;
  object["query"] = result.query;
  object["total"] = result.total;
  object["total_exact"] = result.total_exact;
  object["offset"] = result.offset;
  object["limit"] = result.limit;
  object["sort"] = SortOrderName(result.sort);
  object["hits"] = std::move(hits);
  object["facets"] = std::move(facets);
  object["index"] = {{"uuid", result.index_uuid},
                     {"revision", result.index_revision}};
  object["mode"] = result.type == DocType::kQuote ? "quotes" : "articles";
  object["did_you_mean"] = StringOrNull(result.did_you_mean);
  object["corrected_from"] = StringOrNull(result.corrected_from);
  object["like"] = result.like_id.empty()
                       ? ordered_json(nullptr)
                       : ordered_json({{"id", result.like_id},
                                       {"terms", result.like_terms}});
  object["recency"] =
      result.recency_half_life_days > 0
          ? ordered_json({{"half_life_days", result.recency_half_life_days},
                          {"anchor", result.recency_anchor}})
          : ordered_json(nullptr);
  object["collapse"] = result.collapse;
  return object;
}

std::string JsonLine(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void PrintJson(const SearchResult& result, std::ostream& out) {
  out << JsonLine(ResultToJson(result)) << '\n';
}

void PrintTsv(const SearchResult& result, std::ostream& out) {
  const bool quotes = result.type == DocType::kQuote;
  out << "rank\tid\tscore\tpercent\tdate\toutlet\ttitle\tspeakers\ttopics\t"
         "url\tsource\tsnippet"
      << (quotes ? "\tspeaker\tquote\n" : "\n");
  for (const Hit& hit : result.hits) {
    out << hit.rank << '\t' << TsvField(hit.id) << '\t'
        << FormatScore(hit.score) << '\t' << hit.percent << '\t'
        << TsvField(hit.date) << '\t' << TsvField(hit.outlet) << '\t'
        << TsvField(hit.title) << '\t' << TsvField(JoinList(hit.speakers, "; "))
        << '\t' << TsvField(JoinList(hit.topics, "; ")) << '\t'
        << TsvField(hit.url) << '\t' << TsvField(hit.source) << '\t'
        << TsvField(SnippetMarkup(hit.snippet, "<mark>", "</mark>"));
    if (quotes) {
      out << '\t' << TsvField(hit.speaker) << '\t'
          << TsvField(SnippetMarkup(hit.quote, "<mark>", "</mark>"));
    }
    out << '\n';
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

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void PrintCsv(const SearchResult& result, std::ostream& out) {
  const bool quotes = result.type == DocType::kQuote;
  const char* const kEnd = "\r\n";
  out << "rank,id,score,percent,date,outlet,title,speakers,topics,url,source,"
         "snippet";
  if (quotes) out << ",speaker,quote";
  out << kEnd;
  for (const Hit& hit : result.hits) {
    out << hit.rank << ',' << CsvField(hit.id) << ',' << FormatScore(hit.score)
        << ',' << hit.percent << ',' << CsvField(hit.date) << ','
        << CsvField(hit.outlet) << ',' << CsvField(hit.title) << ','
        << CsvField(JoinList(hit.speakers, "; ")) << ','
        << CsvField(JoinList(hit.topics, "; ")) << ',' << CsvField(hit.url)
        << ',' << CsvField(hit.source) << ','
        << CsvField(SnippetMarkup(hit.snippet, "<mark>", "</mark>"));
    if (quotes) {
      out << ',' << CsvField(hit.speaker) << ','
          << CsvField(SnippetMarkup(hit.quote, "<mark>", "</mark>"));
    }
    out << kEnd;
  }
  if (!result.facets.empty()) {
    out << kEnd << "facet,value,count" << kEnd;
    for (const FacetCounts& facet : result.facets) {
      for (const FacetValue& v : facet.values) {
        out << CsvField(facet.field) << ',' << CsvField(v.value) << ','
            << v.count << kEnd;
      }
    }
  }
}

void PrintHistogram(const FacetCounts& histogram, size_t width,
                    std::ostream& out) {
  Xapian::doccount most = 0;
  size_t label = 0;
  for (const FacetValue& v : histogram.values) {
    most = std::max(most, v.count);
    label = std::max(label, v.value.size());
  }
  for (const FacetValue& v : histogram.values) {
    // Round up so that any count above 0 shows at least one mark.
    size_t bar = most == 0 ? 0 : (v.count * width + most - 1) / most;
    out << "  " << v.value << std::string(label - v.value.size(), ' ') << "  "
        << std::string(bar, '#') << (bar ? " " : "") << v.count << "\n";
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
  out << ", sorted by " << SortOrderName(result.sort);
  if (result.type == DocType::kQuote) out << " (quotes)";
  if (result.recency_half_life_days > 0) {
    out << ", recency half-life " << result.recency_half_life_days
        << " days from " << result.recency_anchor;
  }
  out << "\n";
  if (!result.corrected_from.empty()) {
    out << "showing results for \"" << result.query << "\" (no match for \""
        << result.corrected_from << "\")\n";
  } else if (!result.did_you_mean.empty()) {
    out << "did you mean: " << result.did_you_mean << "\n";
  }
  if (!result.like_id.empty()) {
    out << "more like " << result.like_id << ": "
        << JoinList(result.like_terms, " ") << "\n";
  }
  for (const Hit& hit : result.hits) {
    if (hit.is_quote) {
      out << "\n"
          << hit.rank << ". "
          << (hit.speaker.empty() ? "(unattributed)" : hit.speaker) << ": \""
          << SnippetMarkup(hit.quote, open, close) << "\"\n";
      out << "   " << (hit.title.empty() ? "(untitled)" : hit.title) << "\n";
      out << "   " << (hit.date.empty() ? "undated" : hit.date) << " | "
          << (hit.outlet.empty() ? "unknown outlet" : hit.outlet) << " | "
          << hit.id << " | score " << FormatScore(hit.score) << "\n";
      for (const ExplainTerm& e : hit.explain) {
        out << "   explain: " << e.field << " \"" << e.word << "\" x" << e.wdf
            << " weight " << FormatScore(e.weight) << "\n";
      }
      continue;
    }
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
    if (!hit.keywords.empty()) {
      out << "   keywords: " << JoinList(hit.keywords, ", ") << "\n";
    }
    if (hit.duplicates > 0) {
      out << "   also in " << hit.also_in.size()
          << (hit.also_in.size() == 1 ? " outlet" : " outlets");
      if (!hit.also_in.empty())
        out << " (" << JoinList(hit.also_in, ", ") << ")";
      out << "; " << hit.duplicates << " more "
          << (hit.duplicates == 1 ? "copy" : "copies") << " of this story\n";
    }
    if (result.recency_half_life_days > 0) {
      out << "   recency boost " << FormatScore(hit.recency_boost) << "\n";
    }
    for (const ExplainTerm& e : hit.explain) {
      out << "   explain: " << e.field << " \"" << e.word << "\" x" << e.wdf
          << " weight " << FormatScore(e.weight) << "\n";
    }
  }
  for (const FacetCounts& facet : result.facets) {
    out << "\n" << facet.field << ":";
    if (facet.values.empty()) out << " (none)";
    out << "\n";
    if (facet.histogram) {
      PrintHistogram(facet, 40, out);
      continue;
    }
    for (const FacetValue& v : facet.values) {
      out << "  " << v.count << "  " << v.value << "\n";
    }
  }
}

}  // namespace hpnews
