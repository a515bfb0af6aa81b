// RSS 2.0, RSS 1.0 (RDF) and Atom feeds to Articles (common/feed_reader.h).

#include "common/feed_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/reader.h"
#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

std::string Fixture(const std::string& name) {
  return ReadTestFile(std::string(HPNEWS_TEST_DATA) + "/formats/" + name);
}

class FeedReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        OutletMap::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus/hosts.tsv",
                        &outlets_)
            .ok());
    context_.outlets = &outlets_;
  }
  std::vector<Article> Read(const std::string& name) {
    std::vector<Article> articles;
    errors_.clear();
    warnings_.clear();
    Status s = ReadFeed(Fixture(name), name, context_, &articles, &errors_,
                        &warnings_);
    EXPECT_TRUE(s.ok()) << name << ": " << s.ToString();
    return articles;
  }
  OutletMap outlets_;
  ReaderContext context_;
  std::vector<Status> errors_, warnings_;
};

TEST_F(FeedReaderTest, Rss2ItemsMapEveryField) {
  std::vector<Article> a = Read("rss2.rss");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "GPs warn CCG & practice budgets are overstretched");
  // The guid, without scheme and www: the same item from any fetch.
  EXPECT_EQ(a[0].id, "pulsetoday.co.uk/news/ccg-budgets");
  EXPECT_EQ(a[0].url,
            "https://www.pulsetoday.co.uk/news/"
            "ccg-budgets?utm_source=rss&utm_medium=feed");
  // The date as written in its own zone (it is the next day in UTC).
  ASSERT_TRUE(a[0].date.has_value());
  EXPECT_EQ(a[0].date->Iso(), "2011-12-07");
  EXPECT_EQ(a[0].outlet,
            "Pulse");  // the channel's host, not "Pulse Today - Latest news"
  EXPECT_EQ(a[0].byline, "Jane Smith");
  EXPECT_EQ(a[0].topics, std::vector<std::string>{"commissioning"});
  EXPECT_EQ(a[0].keywords, std::vector<std::string>{"Dr Clare Gerada"});
  // content:encoded wins over description; script, style and the
  // "Continue reading..." link are dropped.
  EXPECT_EQ(
      a[0].paragraphs,
      (std::vector<std::string>{"GP leaders said budgets were overstretched.",
                                "\"We cannot go on,\" said Dr Clare Gerada."}));
  EXPECT_TRUE(a[0].given.title && a[0].given.date && a[0].given.outlet &&
              a[0].given.byline && a[0].given.topics && a[0].given.url);
  EXPECT_FALSE(a[0].given.speakers);
  EXPECT_EQ(a[0].format, SourceFormat::kFeed);

  // A bare guid is scoped by the channel's host; two-digit year; HTML in
  // the description becomes paragraphs; no categories: topics not given.
  EXPECT_EQ(a[1].id, "pulsetoday.co.uk#12345");
  ASSERT_TRUE(a[1].date.has_value());
  EXPECT_EQ(a[1].date->Iso(), "2011-12-08");
  EXPECT_EQ(a[1].paragraphs, (std::vector<std::string>{"First paragraph.",
                                                       "Second paragraph."}));
  EXPECT_FALSE(a[1].given.topics);
  EXPECT_FALSE(a[1].given.byline);

  // The empty third item is reported with its line.
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0].line(), 23);
}

TEST_F(FeedReaderTest, AtomEntries) {
  std::vector<Article> a = Read("atom.atom");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "Integrated care pilots named");
  EXPECT_EQ(a[0].id, "tag:theguardian.com,2013:integrated-care-pilots");
  EXPECT_EQ(
      a[0].url,
      "https://www.theguardian.com/society/2013/sep/25/integrated-care-pilots");
  ASSERT_TRUE(a[0].date.has_value());
  EXPECT_EQ(a[0].date->Iso(), "2013-09-25");  // published, not updated
  EXPECT_EQ(a[0].outlet, "The Guardian");
  EXPECT_EQ(a[0].byline, "Denis Campbell");
  EXPECT_EQ(a[0].topics, std::vector<std::string>{"integration"});
  EXPECT_EQ(a[0].keywords, std::vector<std::string>{"NHS"});
  EXPECT_EQ(a[0].paragraphs,
            (std::vector<std::string>{
                "Fourteen areas will pilot integrated care.",
                "Norman Lamb said the pilots would lead the way."}));
  ASSERT_TRUE(a[1].date.has_value());
  EXPECT_EQ(a[1].date->Iso(), "2013-09-27");  // only <updated>
  EXPECT_EQ(a[1].paragraphs,
            (std::vector<std::string>{"Plain text summary.",
                                      "Second paragraph of it."}));
}

TEST_F(FeedReaderTest, Rss1Rdf) {
  std::vector<Article> a = Read("rdf.rdf");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].id, "kingsfund.org.uk/blog/2012/01/funding-gap");
  EXPECT_EQ(a[0].outlet, "The King's Fund");
  EXPECT_EQ(a[0].date->Iso(), "2012-01-16");
  EXPECT_EQ(a[0].byline, "John Appleby");
  EXPECT_EQ(a[0].topics, std::vector<std::string>{"funding"});
}

TEST_F(FeedReaderTest, SameItemFromTwoFetchesHasOneId) {
  std::string day1 = Fixture("rss2.rss");
  std::string day2 = day1;
  // The next day's fetch: another order, another tracking parameter.
  size_t pos = day2.find("utm_source=rss");
  day2.replace(pos, 14, "utm_source=twitter");
  std::vector<Article> a1, a2;
  ASSERT_TRUE(
      ReadFeed(day1, "day1.rss", context_, &a1, &errors_, &warnings_).ok());
  ASSERT_TRUE(
      ReadFeed(day2, "day2.rss", context_, &a2, &errors_, &warnings_).ok());
  ASSERT_EQ(a1.size(), a2.size());
  for (size_t i = 0; i < a1.size(); ++i) EXPECT_EQ(a1[i].id, a2[i].id);
}

TEST_F(FeedReaderTest, BrokenXmlKeepsTheItemsBeforeTheBreak) {
  // The second item breaks off inside; what was parsed of it is kept too.
  std::vector<Article> a = Read("broken.rss");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].title, "Kept item");
  EXPECT_EQ(a[0].paragraphs, std::vector<std::string>{"Text."});
  ASSERT_FALSE(errors_.empty());
  EXPECT_NE(errors_.back().message().find("not well-formed"), std::string::npos)
      << errors_.back().ToString();
  EXPECT_EQ(errors_.back().line(), 1);
}

TEST_F(FeedReaderTest, RejectsWhatIsNotAFeed) {
  std::vector<Article> a;
  Status s =
      ReadFeed("<settings/>", "x.xml", context_, &a, &errors_, &warnings_);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("<settings>"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace hpnews
