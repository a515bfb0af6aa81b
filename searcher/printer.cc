#include "searcher/printer.h"

#include <algorithm>
#include <cstdio>

#include "common/input_file.h"

namespace hpnews {

namespace {

using nlohmann::ordered_json;

constexpr const char* kBoldOn = "\x1b[1m";
constexpr const char* kBoldOff = "\x1b[0m";

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

namespace {

// Writes compact JSON exactly as ordered_json::dump(-1, ' ', false,
// replace) would: the same escapes, the same numbers.
class JsonWriter {
 public:
  std::string Take() { return std::move(out_); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

  JsonWriter& Key(const char* key) {
    Separate();
    out_ += '"';
    out_ += key;  // our own keys: nothing to escape
    out_ += "\":";
    after_key_ = true;
    return *this;
  }
  JsonWriter& String(const std::string& s) {
    Separate();
    AppendString(s);
    return *this;
  }
  JsonWriter& StringOrNull(const std::string& s) {
    return s.empty() ? Null() : String(s);
  }
  JsonWriter& Strings(const std::vector<std::string>& items) {
    BeginArray();
    for (const std::string& item : items) String(item);
    return EndArray();
  }
  JsonWriter& Null() { return Raw("null"); }
  JsonWriter& Bool(bool b) { return Raw(b ? "true" : "false"); }
  JsonWriter& Number(unsigned long long n) { return Raw(std::to_string(n)); }
  JsonWriter& Signed(long long n) { return Raw(std::to_string(n)); }
  // nlohmann's own shortest round-trip form (and null for NaN).
  JsonWriter& Double(double d) { return Raw(ordered_json(d).dump()); }

 private:
  JsonWriter& Open(char c) {
    Separate();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonWriter& Close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  JsonWriter& Raw(const std::string& text) {
    Separate();
    out_ += text;
    return *this;
  }
  void Separate() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  void AppendString(const std::string& s) {
    // Anything but well-formed UTF-8 goes through nlohmann's own
    // replacement, byte for byte what ResultToJson() used to write.
    bool plain = true;
    for (size_t i = 0; i < s.size() && plain; ++i) {
      plain = static_cast<unsigned char>(s[i]) < 0x80;
    }
    if (!plain && !IsValidUtf8(s)) {
      out_ += ordered_json(s).dump(-1, ' ', false,
                                   ordered_json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    for (char c : s) {
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x",
                          static_cast<unsigned>(static_cast<unsigned char>(c)));
            out_ += buf;
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }
  std::string out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace

std::string ResultJsonLine(const SearchResult& result, size_t line) {
  JsonWriter w;
  w.BeginObject();
  if (line > 0) w.Key("line").Number(line);
  w.Key("format_version").Signed(kJsonFormatVersion);
  w.Key("query").String(result.query);
  w.Key("total").Number(result.total);
  w.Key("total_exact").Bool(result.total_exact);
  w.Key("offset").Number(result.offset);
  w.Key("limit").Number(result.limit);
  w.Key("sort").String(SortOrderName(result.sort));
  w.Key("hits").BeginArray();
  for (const Hit& hit : result.hits) {
    w.BeginObject();
    w.Key("rank").Number(hit.rank);
    w.Key("id").String(hit.id);
    w.Key("score").Double(hit.score);
    w.Key("percent").Signed(hit.percent);
    w.Key("title").String(hit.title);
    w.Key("date").StringOrNull(hit.date);
    w.Key("outlet").StringOrNull(hit.outlet);
    w.Key("speakers").Strings(hit.speakers);
    w.Key("topics").Strings(hit.topics);
    w.Key("url").String(hit.url);
    w.Key("source").String(hit.source);
    w.Key("snippet").String(SnippetMarkup(hit.snippet, "<mark>", "</mark>"));
    w.Key("keywords").Strings(hit.keywords);
    if (hit.is_quote) {
      w.Key("speaker").String(hit.speaker);
      w.Key("quote").String(SnippetMarkup(hit.quote, "<mark>", "</mark>"));
      w.Key("quote_index").Signed(hit.quote_index);
    }
    if (result.collapse) {
      w.Key("duplicates").Number(hit.duplicates);
      w.Key("also_in").Strings(hit.also_in);
    }
    if (result.recency_half_life_days > 0)
      w.Key("recency_boost").Double(hit.recency_boost);
    if (!hit.explain.empty()) {
      w.Key("explain").BeginArray();
      for (const ExplainTerm& e : hit.explain) {
        w.BeginObject();
        w.Key("term").String(e.term);
        w.Key("field").String(e.field);
        w.Key("word").String(e.word);
        w.Key("wdf").Number(e.wdf);
        w.Key("weight").Double(e.weight);
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("facets").BeginObject();
  for (const FacetCounts& facet : result.facets) {
    w.Key(facet.field.c_str()).BeginArray();
    for (const FacetValue& v : facet.values) {
      w.BeginObject();
      w.Key("value").String(v.value);
      w.Key("count").Number(v.count);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.Key("index").BeginObject();
  w.Key("uuid").String(result.index_uuid);
  w.Key("revision");
  if (result.index_has_revision) {
    w.Number(result.index_revision);
  } else {
    w.Null();
  }
  w.Key("shards").Number(result.index_shards);
  w.EndObject();
  w.Key("mode").String(result.type == DocType::kQuote ? "quotes" : "articles");
  w.Key("did_you_mean").StringOrNull(result.did_you_mean);
  w.Key("corrected_from").StringOrNull(result.corrected_from);
  w.Key("like");
  if (result.like_id.empty()) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("id").String(result.like_id);
    w.Key("terms").Strings(result.like_terms);
    w.EndObject();
  }
  w.Key("recency");
  if (result.recency_half_life_days > 0) {
    w.BeginObject();
    w.Key("half_life_days").Double(result.recency_half_life_days);
    w.Key("anchor").String(result.recency_anchor);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("collapse").Bool(result.collapse);
  w.EndObject();
  return w.Take();
}

ordered_json ResultToJson(const SearchResult& result, size_t line) {
  return ordered_json::parse(ResultJsonLine(result, line));
}

std::string JsonLine(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void PrintJson(const SearchResult& result, std::ostream& out) {
  out << ResultJsonLine(result) << '\n';
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
