// Format detection and dispatch (common/reader.h), and every real news
// file of ../shared/data/news-xml read or rejected with a clear reason.

#include "common/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>

namespace hpnews {
namespace {

namespace fs = std::filesystem;

const std::string kNewsXml = std::string(HPNEWS_SHARED_DIR) + "/data/news-xml";

std::string Describe(const Article& a) {
  return "id=" + a.id + " title=" + a.title +
         " date=" + (a.date ? a.date->Iso() : "-") + " outlet=" + a.outlet +
         " byline=" + a.byline +
         " paragraphs=" + std::to_string(a.paragraphs.size());
}

TEST(ReaderTest, DetectsTheFormatFromContent) {
  struct Case {
    const char* path;
    const char* text;
    InputFormat format;
  } cases[] = {
      {"a.xml", "<?xml version='1.0'?>\n<!-- c --><corpus/>",
       InputFormat::kArticleXml},
      {"feed", "<!DOCTYPE rss [<!ENTITY x 'y'>]><rss version='2.0'/>",
       InputFormat::kFeed},
      {"a.xml", "<rdf:RDF xmlns:rdf='x'/>", InputFormat::kFeed},
      {"a.atom", "<feed xmlns='http://www.w3.org/2005/Atom'/>",
       InputFormat::kFeed},
      {"tag_reuters.com_0000", "<newsMessage/>", InputFormat::kNewsMlG2},
      {"a.xml", "<nitf:nitf xmlns:nitf='x'/>", InputFormat::kNitf},
      {"a.dat", "  {\"title\": 1}", InputFormat::kJson},
      {"a.json", "not json at all", InputFormat::kJson},
      {"page.txt", "<p>scraped</p>", InputFormat::kRawText},
      {"page", "Headline\n\nBody", InputFormat::kRawText},
      {"a.xml", "<settings/>", InputFormat::kUnknownXml},
  };
  for (const Case& c : cases) {
    std::string root;
    EXPECT_EQ(DetectInputFormat(c.path, c.text, &root), c.format)
        << c.path << ": " << c.text;
  }
  EXPECT_TRUE(IsInputFileName("x/Feed.RSS"));
  EXPECT_TRUE(IsInputFileName("a.jsonl"));
  EXPECT_FALSE(IsInputFileName("a.png"));
}

struct FileCase {
  const char* name;
  bool ok;
  const char* title;  // of the first article, or a word of the first problem
  const char* outlet;
};

TEST(ReaderTest, FixturesThroughTheWholePath) {
  const FileCase cases[] = {
      {"utf16.rss", true, "QIPP savings \xE2\x80\x93 a reality check",
       "Health Policy Insight"},
      {"cp1252.rss", true,
       "Nurses\xE2\x80\x99 pay \xE2\x80\x93 the \xE2\x80\x9Creal\xE2\x80\x9D "
       "cut",
       "Nursing Times"},
      {"gb2312.rss", true, "\xE4\xB8\xAD\xE5\x9B\xBD",
       "\xE6\x96\xB0\xE9\x97\xBB"},
      {"undeclared-latin1.rss", true,
       "Caf\xC3\xA9"
       " culture",
       "No declaration"},
      {"unknown.xml", false, "not a known news format: root element <settings>",
       ""},
      {"fakehealth.json", true, "Obesity rates rise again", "Reuters"},
  };
  for (const FileCase& c : cases) {
    std::vector<FileProblem> problems, warnings;
    bool ok = false;
    std::vector<Article> a =
        ReadArticleFile(std::string(HPNEWS_TEST_DATA) + "/formats/" + c.name,
                        &problems, &warnings, &ok);
    EXPECT_EQ(ok, c.ok) << c.name;
    if (!c.ok) {
      ASSERT_FALSE(problems.empty()) << c.name;
      EXPECT_EQ(problems[0].status.message(), c.title) << c.name;
      continue;
    }
    ASSERT_FALSE(a.empty()) << c.name;
    EXPECT_EQ(a[0].title, c.title) << c.name;
    EXPECT_EQ(a[0].outlet, c.outlet) << c.name;
  }
}

struct SpotCheck {
  const char* file;  // under news-xml/
  const char* title;
  const char* date;
  const char* outlet;
};

// Written from reading the files themselves.
TEST(ReaderSharedDataTest, SpotChecks) {
  if (!fs::is_directory(kNewsXml)) GTEST_SKIP() << kNewsXml << " is absent";
  const SpotCheck cases[] = {
      {"superdesk-fixtures/pa4.xml",
       "GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016",
       "2016-10-03", "PA Media"},
      {"superdesk-fixtures/ap-nitf.xml",
       "Can trading pollution like stocks help fight climate change?",
       "2015-12-10", "Associated Press"},
      {"superdesk-fixtures/stt1.xml",
       "Mikko Moilanen siirtyy Revenion toimitusjohtajaksi", "2019-04-15",
       "STT"},
      {"rss-parser-fixtures/guardian.rss",
       "Trump State of the Union address promised unity but emphasized discord",
       "2018-01-31", "The Guardian"},
      {"rss-parser-fixtures/heise.atom",
       "Java-Anwendungsserver: Red Hat gibt WildFly 10 frei", "2016-02-01",
       "heise online"},
      {"rss-parser-fixtures/encoding.rss",
       "M\xC3\xA3"
       "e de utente \xC3\xA9 a nova presidente da Rar\xC3\xAD"
       "ssimas",
       "2018-01-03",
       "Jornal de Not\xC3\xAD"
       "cias"},
      {"rss-parser-fixtures/nhs-feed.rss",
       "As measles cases continue to rise, NHS North West invites thousands of "
       "school children to catch up with "
       "life-saving MMR",
       "2024-03-18", "NHS England"},
  };
  for (const SpotCheck& c : cases) {
    std::vector<FileProblem> problems, warnings;
    bool ok = false;
    std::vector<Article> a =
        ReadArticleFile(kNewsXml + "/" + c.file, &problems, &warnings, &ok);
    ASSERT_TRUE(ok) << c.file;
    ASSERT_FALSE(a.empty()) << c.file;
    EXPECT_EQ(a[0].title, c.title) << c.file;
    ASSERT_TRUE(a[0].date.has_value()) << c.file;
    EXPECT_EQ(a[0].date->Iso(), c.date) << c.file;
    EXPECT_EQ(a[0].outlet, c.outlet) << c.file;
  }
}

TEST(ReaderSharedDataTest, EveryNewsXmlFileIsReadOrRejectedWithAReason) {
  if (!fs::is_directory(kNewsXml)) GTEST_SKIP() << kNewsXml << " is absent";
  size_t files = 0, read = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kNewsXml)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    if (name.rfind("LICENSE", 0) == 0 || entry.path().extension() == ".md" ||
        entry.path().extension() == ".xsd") {
      continue;
    }
    ++files;
    std::vector<FileProblem> problems, warnings;
    bool ok = false;
    std::vector<Article> articles =
        ReadArticleFile(entry.path().string(), &problems, &warnings, &ok);
    if (ok) {
      ++read;
      EXPECT_FALSE(articles.empty()) << entry.path();
    } else {
      ASSERT_FALSE(problems.empty()) << entry.path();
    }
    for (const FileProblem& p : problems)
      EXPECT_FALSE(p.status.message().empty()) << entry.path();
    for (const Article& a : articles) {
      EXPECT_FALSE(a.id.empty()) << entry.path();
      EXPECT_FALSE(a.title.empty() && a.paragraphs.empty()) << entry.path();
      if (std::getenv("HPNEWS_VERBOSE"))
        std::cerr << name << ": " << Describe(a) << "\n";
    }
    if (std::getenv("HPNEWS_VERBOSE")) {
      for (const FileProblem& p : problems)
        std::cerr << name << ": problem: " << p.status.ToString() << "\n";
      for (const FileProblem& p : warnings)
        std::cerr << name << ": warning: " << p.status.ToString() << "\n";
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(read, files / 2) << read << " of " << files;
}

}  // namespace
}  // namespace hpnews
