// Printers format hand-built SearchResults (they never run a query): the
// JSON is parsed back and checked key by key, TSV split into columns.

#include "searcher/printer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace hpnews {
namespace {

using nlohmann::json;

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

SearchResult Sample() {
  SearchResult r;
  r.query = "nhs reform";
  r.total = 12;
  r.total_exact = true;
  r.offset = 0;
  r.limit = 2;
  r.sort = SortOrder::kDateDescending;
  Hit dated;
  dated.rank = 1;
  dated.score = 1.5;
  dated.percent = 87;
  dated.id = "pulse-1";
  dated.title = "GPs\twarn over reform";
  dated.date = "2011-11-25";
  dated.outlet = "Pulse";
  dated.url = "https://example.org/1";
  dated.source = "seeds/1.txt";
  dated.speakers = {"Mark Porter", "Clare Gerada"};
  dated.topics = {"commissioning"};
  dated.snippet = {{"...the ", false},
                   {"NHS", true},
                   {" & its <b>", false},
                   {"reforms", true},
                   {"...", false}};
  Hit undated;
  undated.rank = 2;
  undated.score = 0.25;
  undated.percent = 14;
  undated.id = "anon-2";
  undated.title = "Untraceable";
  r.hits = {dated, undated};
  r.facets = {{"outlet", {{"Pulse", 7}, {"HSJ", 5}}}, {"speaker", {}}};
  return r;
}

TEST(JsonPrinterTest, ShapeKeysAndTypes) {
  std::ostringstream out;
  PrintJson(Sample(), out);
  std::string text = out.str();
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(text.find('\n'), text.size() - 1) << "one line: " << text;
  json j = json::parse(text);

  // ordered_json keeps the keys in the order they were written.
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (auto it = ordered.begin(); it != ordered.end(); ++it) {
    keys.push_back(it.key());
  }
  EXPECT_EQ(keys, (std::vector<std::string>{
                      "format_version", "query", "total", "total_exact",
                      "offset", "limit", "sort", "hits", "facets", "index",
                      "mode", "did_you_mean", "corrected_from", "like",
                      "recency", "collapse"}));
  EXPECT_EQ(j["format_version"], kJsonFormatVersion);
  EXPECT_EQ(j["mode"], "articles");
  EXPECT_TRUE(j["did_you_mean"].is_null());
  EXPECT_TRUE(j["like"].is_null());
  EXPECT_TRUE(j["recency"].is_null());
  EXPECT_EQ(j["collapse"], false);
  EXPECT_EQ(j["query"], "nhs reform");
  EXPECT_EQ(j["total"], 12);
  EXPECT_EQ(j["total_exact"], true);
  EXPECT_EQ(j["offset"], 0);
  EXPECT_EQ(j["limit"], 2);
  EXPECT_EQ(j["sort"], "-date");
  ASSERT_TRUE(j["hits"].is_array());
  ASSERT_EQ(j["hits"].size(), 2u);

  const json& h = j["hits"][0];
  const nlohmann::ordered_json& first_hit = ordered["hits"][0];
  std::vector<std::string> hit_keys;
  for (auto it = first_hit.begin(); it != first_hit.end(); ++it) {
    hit_keys.push_back(it.key());
  }
  EXPECT_EQ(hit_keys,
            (std::vector<std::string>{"rank", "id", "score", "percent", "title",
                                      "date", "outlet", "speakers", "topics",
                                      "url", "source", "snippet", "keywords"}));
  EXPECT_TRUE(h["rank"].is_number_integer());
  EXPECT_EQ(h["rank"], 1);
  EXPECT_TRUE(h["score"].is_number());
  EXPECT_DOUBLE_EQ(h["score"].get<double>(), 1.5);
  EXPECT_EQ(h["percent"], 87);
  EXPECT_EQ(h["title"], "GPs\twarn over reform");
  EXPECT_EQ(h["date"], "2011-11-25");
  EXPECT_EQ(h["outlet"], "Pulse");
  EXPECT_EQ(h["speakers"], json({"Mark Porter", "Clare Gerada"}));
  EXPECT_EQ(h["topics"], json({"commissioning"}));
  EXPECT_EQ(h["url"], "https://example.org/1");
  EXPECT_EQ(h["source"], "seeds/1.txt");
  EXPECT_EQ(h["snippet"],
            "...the <mark>NHS</mark> & its <b><mark>reforms</mark>...");

  const json& u = j["hits"][1];
  EXPECT_TRUE(u["date"].is_null());
  EXPECT_TRUE(u["outlet"].is_null());
  EXPECT_EQ(u["speakers"], json::array());
  EXPECT_EQ(u["topics"], json::array());
  EXPECT_EQ(u["snippet"], "");

  ASSERT_TRUE(j["facets"].is_object());
  EXPECT_EQ(j["facets"].size(), 2u);
  EXPECT_EQ(j["facets"]["outlet"], json::parse(R"([{"value":"Pulse","count":7},
                            {"value":"HSJ","count":5}])"));
  EXPECT_EQ(j["facets"]["speaker"], json::array());
}

TEST(JsonPrinterTest, NoFacetsIsAnEmptyObjectAndLineComesFirst) {
  SearchResult r = Sample();
  r.facets.clear();
  nlohmann::ordered_json j = ResultToJson(r, 7);
  EXPECT_EQ(j.begin().key(), "line");
  EXPECT_EQ(j["line"], 7);
  EXPECT_TRUE(j["facets"].is_object());
  EXPECT_TRUE(j["facets"].empty());
  EXPECT_EQ(ResultToJson(r).count("line"), 0u);
}

TEST(JsonPrinterTest, InvalidUtf8IsReplacedNotThrown) {
  SearchResult r = Sample();
  r.query = "caf\xe9";
  std::ostringstream out;
  EXPECT_NO_THROW(PrintJson(r, out));
  json j = json::parse(out.str());
  EXPECT_EQ(j["query"], "caf\xef\xbf\xbd");
}

// The line is written directly, not through ordered_json: it must be what
// nlohmann writes for the same object, byte for byte (escapes, numbers,
// key order, replaced invalid UTF-8), for every optional part.
TEST(JsonPrinterTest, LineIsWhatNlohmannWritesForTheSameObject) {
  SearchResult plain = Sample();
  SearchResult everything = Sample();
  everything.query = "tabs\tquotes\" back\\slash \x01 caf\xe9 \xe2\x82";
  everything.collapse = true;
  everything.recency_half_life_days = 91.3125;
  everything.recency_anchor = "2013-01-01";
  everything.like_id = "x";
  everything.like_terms = {"a", "\xc3\xa9t\xc3\xa9"};
  everything.did_you_mean = "nhs reform";
  everything.index_has_revision = false;
  everything.index_shards = 3;
  everything.type = DocType::kQuote;
  Hit& hit = everything.hits[0];
  hit.is_quote = true;
  hit.speaker = "Mark Porter";
  hit.quote = {{"a \"gamble\"", false}, {"reforms", true}};
  hit.duplicates = 2;
  hit.also_in = {"The Guardian"};
  hit.recency_boost = 1e-7;
  hit.score = 12345678.125;
  hit.explain = {{"Zreform", "text", "reform", 3, 0.1 + 0.2}};
  everything.facets.push_back({"date:month", {{"2011-11", 0}}, true});
  for (const SearchResult& r : {plain, everything}) {
    for (size_t line : {0, 12}) {
      std::string written = ResultJsonLine(r, line);
      EXPECT_EQ(written, ResultToJson(r, line).dump(
                             -1, ' ', false,
                             nlohmann::ordered_json::error_handler_t::replace));
      EXPECT_EQ(written.find('\n'), std::string::npos);
    }
  }
  nlohmann::ordered_json j = ResultToJson(everything);
  EXPECT_EQ(j["query"],
            "tabs\tquotes\" back\\slash \x01 caf\xef\xbf\xbd \xef\xbf\xbd");
  EXPECT_TRUE(j["index"]["revision"].is_null());
  EXPECT_EQ(j["index"]["shards"], 3);
  EXPECT_EQ(j["hits"][0]["quote"], "a \"gamble\"<mark>reforms</mark>");
}

TEST(TsvPrinterTest, HeaderRowsAndFacets) {
  std::ostringstream out;
  PrintTsv(Sample(), out);
  std::vector<std::string> lines = Split(out.str(), '\n');
  ASSERT_GE(lines.size(), 3u) << out.str();
  std::vector<std::string> header = Split(lines[0], '\t');
  EXPECT_EQ(header,
            (std::vector<std::string>{"rank", "id", "score", "percent", "date",
                                      "outlet", "title", "speakers", "topics",
                                      "url", "source", "snippet"}));
  std::vector<std::string> row = Split(lines[1], '\t');
  ASSERT_EQ(row.size(), header.size()) << lines[1];
  EXPECT_EQ(row[0], "1");
  EXPECT_EQ(row[1], "pulse-1");
  EXPECT_EQ(row[2], "1.500");
  EXPECT_EQ(row[3], "87");
  EXPECT_EQ(row[4], "2011-11-25");
  EXPECT_EQ(row[5], "Pulse");
  EXPECT_EQ(row[6], "GPs warn over reform");  // the tab became a space
  EXPECT_EQ(row[7], "Mark Porter; Clare Gerada");
  EXPECT_EQ(row[8], "commissioning");
  EXPECT_EQ(row[11],
            "...the <mark>NHS</mark> & its <b><mark>reforms</mark>...");
  row = Split(lines[2], '\t');
  ASSERT_EQ(row.size(), header.size()) << lines[2];
  EXPECT_EQ(row[4], "");
  EXPECT_EQ(row[5], "");
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "facet\tvalue\tcount");
  EXPECT_EQ(lines[5], "outlet\tPulse\t7");
  EXPECT_EQ(lines[6], "outlet\tHSJ\t5");
  EXPECT_EQ(lines[7], "");  // the final newline
  EXPECT_EQ(lines.size(), 8u);
}

TEST(TsvPrinterTest, NoFacetsNoFacetTable) {
  SearchResult r = Sample();
  r.facets.clear();
  std::ostringstream out;
  PrintTsv(r, out);
  EXPECT_EQ(out.str().find("facet\t"), std::string::npos);
  EXPECT_EQ(Split(out.str(), '\n').size(), 4u);  // header, 2 rows, ""
}

TEST(TextPrinterTest, MarksWithBracketsOrBold) {
  std::ostringstream plain;
  PrintText(Sample(), /*color=*/false, plain);
  std::string text = plain.str();
  EXPECT_EQ(text.rfind("12 matches, showing 1-2, sorted by -date\n", 0), 0u)
      << text;
  EXPECT_NE(text.find("1. GPs\twarn over reform\n"), std::string::npos);
  EXPECT_NE(text.find("...the [NHS] & its <b>[reforms]..."), std::string::npos)
      << text;
  EXPECT_NE(text.find("speakers: Mark Porter, Clare Gerada"),
            std::string::npos);
  EXPECT_NE(text.find("undated | unknown outlet | anon-2"), std::string::npos)
      << text;
  EXPECT_NE(text.find("outlet:\n  7  Pulse\n  5  HSJ\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("speaker: (none)"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);

  std::ostringstream bold;
  PrintText(Sample(), /*color=*/true, bold);
  EXPECT_NE(bold.str().find("\x1b[1mNHS\x1b[0m"), std::string::npos);
}

TEST(TextPrinterTest, EstimatedTotalsSayAbout) {
  SearchResult r = Sample();
  r.total_exact = false;
  r.hits.clear();
  r.facets.clear();
  std::ostringstream out;
  PrintText(r, false, out);
  EXPECT_EQ(out.str(), "about 12 matches, sorted by -date\n");
}

TEST(SnippetMarkupTest, WrapsOnlyMatches) {
  std::vector<SnippetPart> parts = {{"a ", false}, {"b", true}, {" c", false}};
  EXPECT_EQ(SnippetMarkup(parts, "<mark>", "</mark>"), "a <mark>b</mark> c");
  EXPECT_EQ(SnippetMarkup({}, "[", "]"), "");
}

TEST(OutputFormatTest, Parses) {
  OutputFormat f;
  EXPECT_TRUE(ParseOutputFormat("json", &f).ok());
  EXPECT_EQ(f, OutputFormat::kJson);
  EXPECT_TRUE(ParseOutputFormat("tsv", &f).ok());
  EXPECT_EQ(f, OutputFormat::kTsv);
  EXPECT_TRUE(ParseOutputFormat("text", &f).ok());
  EXPECT_EQ(f, OutputFormat::kText);
  EXPECT_TRUE(ParseOutputFormat("JSON", &f).IsInvalidInput());
}

TEST(CsvPrinterTest, Rfc4180Quoting) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"plain", "plain"},
      {"a, b", "\"a, b\""},
      {"say \"no\"", "\"say \"\"no\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;
}

TEST(CsvPrinterTest, HeaderRowsAndCrlf) {
  std::ostringstream out;
  SearchResult r = Sample();
  r.hits[0].title = "Reform, \"again\"";
  PrintCsv(r, out);
  std::string text = out.str();
  EXPECT_EQ(text.rfind("rank,id,score,percent,date,outlet,title,", 0), 0u)
      << text;
  EXPECT_NE(text.find(",\"Reform, \"\"again\"\"\","), std::string::npos)
      << text;
  EXPECT_NE(text.find("\r\nfacet,value,count\r\noutlet,Pulse,7\r\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find('\t'), std::string::npos);
  OutputFormat f;
  ASSERT_TRUE(ParseOutputFormat("csv", &f).ok());
  EXPECT_EQ(f, OutputFormat::kCsv);
}

}  // namespace
}  // namespace hpnews
