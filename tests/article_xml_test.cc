#include "common/article_xml.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(HPNEWS_TEST_DATA) + "/xml/" + name;
}

struct Parsed {
  Status status;
  std::vector<Article> articles;
  std::vector<ArticleError> errors;
};

Parsed ParseFixture(const std::string& name) {
  Parsed p;
  std::string path = Fixture(name);
  std::string xml = ReadTestFile(path);
  EXPECT_FALSE(xml.empty()) << "missing fixture " << path;
  p.status = ParseArticleXml(xml, path, &p.articles, &p.errors);
  return p;
}

std::vector<std::string> Ids(const std::vector<Article>& articles) {
  std::vector<std::string> ids;
  for (const Article& a : articles) ids.push_back(a.id);
  return ids;
}

std::string Describe(const Parsed& p) {
  std::string out =
      "status: " + (p.status.ok() ? std::string("ok") : p.status.ToString());
  for (const ArticleError& e : p.errors)
    out += "\n  article error: " + e.status.ToString();
  for (const Article& a : p.articles) out += "\n  article: " + a.id;
  return out;
}

// One case per fixture: what the file as a whole yields (status, line,
// column, message), which articles survive and which are reported.
struct Case {
  const char* file;
  bool ok;
  int line;             // file-level error; 0 when ok
  int column;           // file-level error; 0 when ok
  const char* message;  // file-level error message, exactly; "" when ok
  std::vector<std::string> ids;
  std::vector<int> error_lines;  // line of each rejected <article>
  const char* error_substring;   // in the first article error; "" if none
};

const Case kCases[] = {
    {"full.xml", true, 0, 0, "", {"full_1"}, {}, ""},
    {"corpus.xml", true, 0, 0, "", {"c1", "c2", "c3"}, {}, ""},
    {"minimal.xml", true, 0, 0, "", {"minimal_1"}, {}, ""},
    {"empty_speakers.xml", true, 0, 0, "", {"empty_speakers_1"}, {}, ""},
    {"url_as_id.xml",
     true,
     0,
     0,
     "",
     {"https://www.example.org/news/no-id-attribute"},
     {},
     ""},
    {"missing_id_and_url.xml",
     true,
     0,
     0,
     "",
     {"kept_1", "kept_2"},
     {7},
     "missing id"},
    {"missing_title.xml",
     true,
     0,
     0,
     "",
     {"with_title"},
     {3},
     "article \"no_title\": missing <title>"},
    {"empty_title.xml",
     true,
     0,
     0,
     "",
     {"with_title"},
     {7},
     "article \"blank_title\": empty <title>"},
    {"no_body.xml", true, 0, 0, "", {"good"}, {3}, "no body paragraph"},
    // A date that does not exist costs the date, not the article.
    {"invalid_date.xml",
     true,
     0,
     0,
     "",
     {"good", "feb31"},
     {8},
     "invalid date \"2011-02-31\""},
    {"non_iso_date.xml",
     true,
     0,
     0,
     "",
     {"non_iso"},
     {2},
     "invalid date \"25 November 2011\""},
    {"duplicate_id.xml",
     true,
     0,
     0,
     "",
     {"same"},
     {7},
     "duplicate id (first at line 3)"},
    {"unknown_elements.xml", true, 0, 0, "", {"future"}, {}, ""},
    {"inline_markup.xml", true, 0, 0, "", {"inline"}, {}, ""},
    {"whitespace.xml", true, 0, 0, "", {"ws_1"}, {}, ""},
    {"doctype_unused.xml", true, 0, 0, "", {"doctype_unused"}, {}, ""},
    // Whole-file errors: nothing is returned, the position is exact.
    {"unclosed_tag.xml",
     false,
     6,
     5,
     "malformed xml: start-end tags mismatch (<p> is not closed)",
     {},
     {},
     ""},
    {"truncated.xml",
     false,
     5,
     24,
     "malformed xml: unexpected end of data (<p> is not closed)",
     {},
     {},
     ""},
    {"bad_entity.xml",
     false,
     4,
     22,
     "malformed xml: undefined entity &nbsp;",
     {},
     {},
     ""},
    {"bare_ampersand.xml",
     false,
     3,
     11,
     "malformed xml: '&' not followed by an entity reference (write &amp;)",
     {},
     {},
     ""},
    {"doctype_bomb.xml",
     false,
     16,
     12,
     "malformed xml: undefined entity &lol9;",
     {},
     {},
     ""},
    {"rss.xml", false, 2, 1, "not Article XML: root element <rss>", {}, {}, ""},
    {"latin1_declared.xml",
     false,
     1,
     1,
     "unsupported encoding \"iso-8859-1\" (article xml must be utf-8)",
     {},
     {},
     ""},
};

TEST(ArticleXmlTest, Fixtures) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.file);
    Parsed p = ParseFixture(c.file);
    std::string got = Describe(p);
    EXPECT_EQ(c.ok, p.status.ok()) << got;
    if (!c.ok) {
      EXPECT_TRUE(p.status.IsInvalidInput()) << got;
      EXPECT_EQ(c.message, p.status.message()) << got;
      EXPECT_EQ(c.line, p.status.line()) << got;
      EXPECT_EQ(c.column, p.status.column()) << got;
    }
    EXPECT_EQ(c.ids, Ids(p.articles)) << got;
    std::vector<int> error_lines;
    for (const ArticleError& e : p.errors) {
      EXPECT_TRUE(e.status.IsInvalidInput()) << got;
      error_lines.push_back(e.status.line());
    }
    EXPECT_EQ(c.error_lines, error_lines) << got;
    if (*c.error_substring != '\0' && !p.errors.empty()) {
      EXPECT_NE(std::string::npos,
                p.errors[0].status.message().find(c.error_substring))
          << got;
    }
    for (const Article& a : p.articles) {
      if (a.id == "feb31" || a.id == "non_iso") {
        EXPECT_FALSE(a.date.has_value()) << got;
        EXPECT_TRUE(a.given.date) << "unknown, and not to be inferred: " << got;
      }
      EXPECT_EQ(Fixture(c.file), a.source) << got;
      EXPECT_EQ(SourceFormat::kArticleXml, a.format) << got;
    }
  }
}

TEST(ArticleXmlTest, FullArticleHasEveryFieldGiven) {
  Parsed p = ParseFixture("full.xml");
  ASSERT_TRUE(p.status.ok()) << Describe(p);
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  const Article& a = p.articles[0];
  EXPECT_EQ("https://www.example.org/news/bma-chair-lobbies-labour", a.url);
  EXPECT_EQ("Pulse", a.outlet);
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ("2013-09-25", a.date->Iso());
  EXPECT_EQ("BMA chair lobbies Labour to avoid another NHS reorganisation",
            a.title);
  EXPECT_EQ("Jane Doe", a.byline);
  EXPECT_EQ((std::vector<std::string>{"reorganisation", "politics"}), a.topics);
  EXPECT_EQ((std::vector<std::string>{"Mark Porter"}), a.speakers);
  ASSERT_EQ(2u, a.quotes.size());
  EXPECT_EQ("Mark Porter", a.quotes[0].speaker);
  EXPECT_EQ("We have had six months of this policy.", a.quotes[0].text);
  EXPECT_EQ("BMA", a.quotes[1].speaker);
  ASSERT_EQ(2u, a.paragraphs.size());
  EXPECT_EQ("Dr Porter said: ‘We have had six months of this policy.’",
            a.paragraphs[1]);
  ASSERT_EQ(2u, a.comments.size());
  EXPECT_EQ("Clive Peedell", a.comments[0].author);
  EXPECT_EQ("25 September 2013 9:32am", a.comments[0].date);
  EXPECT_EQ("First paragraph.\n\nSecond paragraph.", a.comments[0].text);
  EXPECT_EQ("", a.comments[1].author);
  EXPECT_EQ("", a.comments[1].date);
  EXPECT_EQ("Too late.", a.comments[1].text);

  const GivenFields& g = a.given;
  EXPECT_TRUE(g.url && g.outlet && g.date && g.title && g.byline && g.topics &&
              g.speakers && g.quotes && g.comments);
}

TEST(ArticleXmlTest, MissingOptionalFieldsAreNotGiven) {
  Parsed p = ParseFixture("minimal.xml");
  ASSERT_TRUE(p.status.ok()) << Describe(p);
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  const Article& a = p.articles[0];
  const GivenFields& g = a.given;
  EXPECT_TRUE(g.title);
  EXPECT_FALSE(g.url);
  EXPECT_FALSE(g.outlet);
  EXPECT_FALSE(g.date);
  EXPECT_FALSE(g.byline);
  EXPECT_FALSE(g.topics);
  EXPECT_FALSE(g.speakers);
  EXPECT_FALSE(g.quotes);
  EXPECT_FALSE(g.comments);
  EXPECT_FALSE(a.date.has_value());
  EXPECT_TRUE(a.outlet.empty());
  EXPECT_TRUE(a.speakers.empty());
  EXPECT_EQ(
      (std::vector<std::string>{"Everything else is left to extraction."}),
      a.paragraphs);
}

TEST(ArticleXmlTest, ExplicitlyEmptyElementsAreGiven) {
  Parsed p = ParseFixture("empty_speakers.xml");
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  const Article& a = p.articles[0];
  EXPECT_TRUE(a.given.speakers);
  EXPECT_TRUE(a.speakers.empty());
  EXPECT_TRUE(a.given.quotes);
  EXPECT_TRUE(a.quotes.empty());
  // <date/> says "unknown, do not infer".
  EXPECT_TRUE(a.given.date);
  EXPECT_FALSE(a.date.has_value());
  EXPECT_FALSE(a.given.topics);
}

TEST(ArticleXmlTest, UrlStandsInForMissingId) {
  Parsed p = ParseFixture("url_as_id.xml");
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  EXPECT_EQ(p.articles[0].url, p.articles[0].id);
  EXPECT_TRUE(p.articles[0].given.url);
}

TEST(ArticleXmlTest, WhitespaceIsCollapsed) {
  Parsed p = ParseFixture("whitespace.xml");
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  const Article& a = p.articles[0];
  EXPECT_EQ("ws_1", a.id);
  EXPECT_EQ("White space is collapsed", a.title);
  // An empty <speaker> is no speaker.
  EXPECT_EQ((std::vector<std::string>{"Mark Porter"}), a.speakers);
  EXPECT_EQ((std::vector<std::string>{"One paragraph over lines.", "Two"}),
            a.paragraphs);
}

TEST(ArticleXmlTest, InlineMarkupAndReferences) {
  Parsed p = ParseFixture("inline_markup.xml");
  ASSERT_EQ(1u, p.articles.size()) << Describe(p);
  const Article& a = p.articles[0];
  EXPECT_EQ("Inline markup is transparent", a.title);
  EXPECT_EQ(
      (std::vector<std::string>{
          "The NHS reforms line one line two & <raw> text.", "Café – dash."}),
      a.paragraphs);
}

TEST(ArticleXmlTest, DoctypeEntitiesAreNeverExpanded) {
  std::string xml = ReadTestFile(Fixture("doctype_bomb.xml"));
  std::vector<Article> articles;
  std::vector<ArticleError> errors;
  auto start = std::chrono::steady_clock::now();
  Status s = ParseArticleXml(xml, "doctype_bomb.xml", &articles, &errors);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(articles.empty());
  // Expanding &lol9; would take 10^9 copies; refusing takes microseconds.
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(ArticleXmlTest, FileErrorAppendsNothing) {
  std::vector<Article> articles(1);  // what the caller already had
  std::vector<ArticleError> errors;
  Status s = ParseArticleXml(
      "<corpus><article id='a'><title>T</title><body><p>x</p></body>"
      "</article><article>",
      "x.xml", &articles, &errors);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(1u, articles.size());
  EXPECT_TRUE(errors.empty());
}

// The element a malformed file leaves open is named, and only when sure.
TEST(ArticleXmlTest, MalformedNamesTheOpenElement) {
  struct Input {
    const char* xml;
    const char* message;
  };
  const Input kInputs[] = {
      {"<article><title>T</title>",
       "malformed xml: unexpected end of data (<article> is not closed)"},
      {"<article><title>T</title><body><p>x</p></body>",
       "malformed xml: unexpected end of data (<article> is not closed)"},
      {"<article><body><p><b>x</p></body></article>",
       "malformed xml: start-end tags mismatch (<b> is not closed)"},
      {"<article><pre><p>x</pre></article>",
       "malformed xml: start-end tags mismatch (<p> is not closed)"},
  };
  for (const Input& in : kInputs) {
    std::vector<Article> articles;
    std::vector<ArticleError> errors;
    Status s = ParseArticleXml(in.xml, "in.xml", &articles, &errors);
    EXPECT_EQ(in.message, s.message()) << "input: " << in.xml;
  }
}

TEST(ArticleXmlTest, EmptyAndElementlessInputs) {
  struct Input {
    const char* xml;
    const char* message;
  };
  const Input kInputs[] = {
      {"", "malformed xml: no document element found"},
      {"   \n", "malformed xml: no document element found"},
      {"<?xml version=\"1.0\"?>\n<!-- nothing -->\n",
       "malformed xml: no document element found"},
      {"just text", "malformed xml: no document element found"},
  };
  for (const Input& in : kInputs) {
    std::vector<Article> articles;
    std::vector<ArticleError> errors;
    Status s = ParseArticleXml(in.xml, "in.xml", &articles, &errors);
    EXPECT_EQ(in.message, s.message()) << "input: " << in.xml;
  }
}

TEST(ArticleXmlTest, DeepNestingDoesNotOverflow) {
  const int kDepth = 200000;
  std::string xml = "<article id='deep'><title>Deep</title><body><p>";
  for (int i = 0; i < kDepth; ++i) xml += "<b>";
  xml += "bottom";
  for (int i = 0; i < kDepth; ++i) xml += "</b>";
  xml += "</p></body></article>";
  std::vector<Article> articles;
  std::vector<ArticleError> errors;
  Status s = ParseArticleXml(xml, "deep.xml", &articles, &errors);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(1u, articles.size());
  EXPECT_EQ((std::vector<std::string>{"bottom"}), articles[0].paragraphs);
}

// Every hand-written article of the shipped corpus reads cleanly, carries
// the id of its raw page, a title and a body; every raw page has one.
TEST(ArticleXmlTest, ShippedCorpusMatchesRawPages) {
  fs::path corpus = fs::path(HPNEWS_SOURCE_DIR) / "corpus";
  std::set<std::string> raw_ids;
  for (const auto& entry : fs::directory_iterator(corpus / "raw")) {
    if (entry.path().extension() == ".txt")
      raw_ids.insert(entry.path().stem().string());
  }
  ASSERT_FALSE(raw_ids.empty());
  std::set<std::string> xml_ids;
  for (const auto& entry : fs::directory_iterator(corpus / "articles")) {
    if (entry.path().extension() != ".xml") continue;
    std::string path = entry.path().string();
    SCOPED_TRACE(path);
    std::vector<Article> articles;
    std::vector<ArticleError> errors;
    Status s =
        ParseArticleXml(ReadTestFile(entry.path()), path, &articles, &errors);
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (const ArticleError& e : errors) ADD_FAILURE() << e.status.ToString();
    ASSERT_EQ(1u, articles.size());
    const Article& a = articles[0];
    EXPECT_EQ(entry.path().stem().string(), a.id) << "file name and id differ";
    EXPECT_EQ(1u, raw_ids.count(a.id)) << "no corpus/raw/" << a.id << ".txt";
    EXPECT_FALSE(a.title.empty());
    EXPECT_FALSE(a.paragraphs.empty());
    // The corpus states every judgement explicitly, empty or not.
    EXPECT_TRUE(a.given.speakers && a.given.quotes && a.given.topics);
    // Ground truth must be consistent with its own text: quotes are copied
    // from the body, speakers are named in it, topics are from the taxonomy.
    std::string body = a.Body();
    for (const Quote& q : a.quotes) {
      EXPECT_FALSE(q.speaker.empty()) << q.text;
      EXPECT_NE(std::string::npos, body.find(q.text)) << q.text;
    }
    for (const std::string& speaker : a.speakers) {
      EXPECT_NE(std::string::npos, body.find(speaker)) << speaker;
    }
    static const std::set<std::string> kTopics = {
        "commissioning", "reorganisation", "integration",  "competition",
        "funding",       "workforce",      "primary-care", "public-health",
        "quality",       "regulation",     "politics"};
    for (const std::string& topic : a.topics) {
      EXPECT_EQ(1u, kTopics.count(topic)) << topic;
    }
    xml_ids.insert(a.id);
  }
  EXPECT_EQ(raw_ids, xml_ids);
}

}  // namespace
}  // namespace hpnews
