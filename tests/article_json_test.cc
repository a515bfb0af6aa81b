#include "common/article_json.h"

#include <gtest/gtest.h>

#include <string>

namespace hpnews {
namespace {

Article FullArticle() {
  Article a;
  a.id = "001_21ab1e7a802854f9";
  a.source = "corpus/raw/001_21ab1e7a802854f9.txt";
  a.url = "http://example.org/bma";
  a.outlet = "Management in Practice";
  a.date = Date{2011, 11, 25};
  a.title = "BMA has \xE2\x80\x98misunderstood\xE2\x80\x99 gov plans";
  a.byline = "Jane Smith";
  a.topics = {"commissioning", "reorganisation"};
  a.speakers = {"Hamish Meldrum"};
  a.quotes = {{"Hamish Meldrum",
               "A key plank of the government\xE2\x80\x99s NHS reforms"},
              {"Department of Health", "The BMA has misunderstood our plans"}};
  a.paragraphs = {"First paragraph.", "Second \"quoted\" paragraph."};
  a.comments = {{"Theodora Munroe", "25 November 2011 9:32am",
                 "No, they need to do more."},
                {"", "", "Too late."}};
  return a;
}

TEST(ArticleToJsonTest, AllFieldsRoundTrip) {
  const Article a = FullArticle();
  // Through text and back, as a consumer of `hpnews-index --extract` sees it.
  nlohmann::json j = nlohmann::json::parse(ArticleToJson(a).dump());
  EXPECT_EQ(j.at("id"), a.id);
  EXPECT_EQ(j.at("source"), a.source);
  EXPECT_EQ(j.at("title"), a.title);
  EXPECT_EQ(j.at("date"), "2011-11-25");
  EXPECT_EQ(j.at("outlet"), "Management in Practice");
  EXPECT_EQ(j.at("url"), a.url);
  EXPECT_EQ(j.at("byline"), "Jane Smith");
  EXPECT_EQ(j.at("speakers").get<std::vector<std::string>>(), a.speakers);
  EXPECT_EQ(j.at("topics").get<std::vector<std::string>>(), a.topics);
  ASSERT_EQ(j.at("quotes").size(), 2u);
  EXPECT_EQ(j.at("quotes")[0].at("speaker"), "Hamish Meldrum");
  EXPECT_EQ(j.at("quotes")[0].at("text"), a.quotes[0].text);
  EXPECT_EQ(j.at("quotes")[1].at("speaker"), "Department of Health");
  ASSERT_EQ(j.at("comments").size(), 2u);
  EXPECT_EQ(j.at("comments")[0].at("author"), "Theodora Munroe");
  EXPECT_EQ(j.at("comments")[0].at("date"), "25 November 2011 9:32am");
  EXPECT_EQ(j.at("comments")[0].at("text"), "No, they need to do more.");
  EXPECT_TRUE(j.at("comments")[1].at("author").is_null());
  EXPECT_TRUE(j.at("comments")[1].at("date").is_null());
  EXPECT_EQ(j.at("body"), "First paragraph.\n\nSecond \"quoted\" paragraph.");
  EXPECT_EQ(j.size(), 12u) << j.dump(2);
}

TEST(ArticleToJsonTest, UnknownsAreNullOrEmpty) {
  Article a;
  a.id = "x";
  nlohmann::json j = nlohmann::json::parse(ArticleToJson(a).dump());
  EXPECT_TRUE(j.at("date").is_null());
  EXPECT_TRUE(j.at("outlet").is_null());
  EXPECT_EQ(j.at("url"), "");
  EXPECT_EQ(j.at("byline"), "");
  EXPECT_EQ(j.at("title"), "");
  for (const char* key : {"speakers", "quotes", "topics", "comments"}) {
    EXPECT_TRUE(j.at(key).is_array()) << key;
    EXPECT_TRUE(j.at(key).empty()) << key;
  }
  EXPECT_EQ(j.at("body"), "");
}

TEST(ArticleToJsonTest, Utf8SurvivesDump) {
  Article a = FullArticle();
  std::string text = ArticleToJson(a).dump();
  // Typographic quotes are written as UTF-8, not escaped or mangled.
  EXPECT_NE(text.find("\xE2\x80\x98misunderstood\xE2\x80\x99"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace hpnews
