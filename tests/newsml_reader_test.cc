// NewsML-G2 news items (common/newsml_reader.h).

#include "common/newsml_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace hpnews {
namespace {

TEST(NewsMlReaderTest, NewsItemWithInlineXhtml) {
  std::ifstream in(std::string(HPNEWS_TEST_DATA) + "/formats/newsml.xml",
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  OutletMap outlets;
  ASSERT_TRUE(OutletMap::Parse("Reuters\tReuters\n", &outlets).ok());
  std::vector<Article> a;
  std::vector<Status> errors, warnings;
  ASSERT_TRUE(ReadNewsMl(s.str(), "n.xml", ReaderContext{&outlets}, &a, &errors,
                         &warnings)
                  .ok());
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].id, "urn:newsml:example.com:20120301:nhs-bill");
  EXPECT_EQ(a[0].title, "Lansley defends NHS bill");
  EXPECT_EQ(a[0].date->Iso(), "2012-03-01");  // firstCreated, in its own zone
  EXPECT_EQ(a[0].outlet, "Reuters");
  EXPECT_EQ(a[0].byline, "Kate Kelland");
  EXPECT_EQ(a[0].topics,
            (std::vector<std::string>{"politics", "reorganisation"}));
  EXPECT_EQ(a[0].keywords, std::vector<std::string>{"health"});
  EXPECT_EQ(a[0].people, std::vector<std::string>{"Andrew Lansley"});
  EXPECT_EQ(a[0].paragraphs,
            (std::vector<std::string>{
                "Health Secretary Andrew Lansley defended the bill.",
                "\"It will go ahead,\" he said."}));
}

TEST(NewsMlReaderTest, PicturesAndPackagesAreReported) {
  std::vector<Article> a;
  std::vector<Status> errors, warnings;
  EXPECT_FALSE(ReadNewsMl("<packageItem guid='p'/>", "p.xml", ReaderContext{},
                          &a, &errors, &warnings)
                   .ok());
  const std::string picture =
      "<newsItem guid='g'><itemMeta><itemClass "
      "qcode='ninat:picture'/></itemMeta>"
      "<contentMeta><headline>A "
      "caption</headline></contentMeta><contentSet><remoteContent "
      "href='x.jpg'/>"
      "</contentSet></newsItem>";
  ASSERT_TRUE(
      ReadNewsMl(picture, "p.xml", ReaderContext{}, &a, &errors, &warnings)
          .ok());
  EXPECT_TRUE(a.empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("ninat:picture"), std::string::npos)
      << errors[0].ToString();
}

}  // namespace
}  // namespace hpnews
