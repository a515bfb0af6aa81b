// NITF documents to Articles (common/nitf_reader.h).

#include "common/nitf_reader.h"

#include <gtest/gtest.h>

#include "common/encoding.h"
#include "common/input_file.h"

namespace hpnews {
namespace {

TEST(NitfReaderTest, MapsHeadlineDateOutletBylineSubjectsPeopleAndBody) {
  std::string bytes, text, encoding;
  ASSERT_TRUE(ReadInputBytes(
                  std::string(HPNEWS_TEST_DATA) + "/formats/nitf.xml", &bytes)
                  .ok());
  Status warning;
  ASSERT_TRUE(DecodeToUtf8(bytes, &text, &encoding, &warning).ok());
  EXPECT_EQ(encoding,
            "windows-1252");  // declared iso-8859-1, read as its superset
  OutletMap outlets;
  ASSERT_TRUE(OutletMap::Parse("PA\tPA Media\n", &outlets).ok());
  ReaderContext context{&outlets};
  Article a;
  std::vector<Status> warnings;
  Status s = ReadNitf(text, "nitf.xml", context, &a, &warnings);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(a.id, "PA-2011-1207-health-reforms");
  EXPECT_EQ(a.format, SourceFormat::kNitf);
  EXPECT_EQ(a.title, "Peers back health reforms");  // hl1, not head/title
  EXPECT_EQ(a.date->Iso(), "2011-12-07");
  EXPECT_EQ(a.outlet, "PA Media");
  EXPECT_EQ(a.byline, "John O'Neill");  // without byttl, capitals undone
  EXPECT_EQ(a.topics, (std::vector<std::string>{"politics", "reorganisation"}));
  // "Health" (the subject type) and the code's name "health" are one
  // keyword; "Health and Social Care Bill" maps to a topic.
  EXPECT_EQ(a.keywords, (std::vector<std::string>{"Health", "Lords"}));
  EXPECT_EQ(a.people, std::vector<std::string>{"Andrew Lansley"});
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0],
            "Peers have backed the Government's health reforms for the "
            "caf\xC3\xA9 culture.");
  EXPECT_EQ(a.paragraphs[1], "Andrew Lansley said the NHS would benefit.");
  EXPECT_TRUE(a.given.title && a.given.date && a.given.outlet &&
              a.given.byline && a.given.topics);
  EXPECT_FALSE(a.given.speakers);
}

TEST(NitfReaderTest, NamespacedAndWithoutDocIdGetsAStableId) {
  const std::string xml =
      "<nitf "
      "xmlns=\"http://iptc.org/std/NITF/2006-10-18/"
      "\"><head><docdata><date.release norm=\"20190703\"/>"
      "</docdata></head><body><body.head><hedline><hl1>Top "
      "Ten</hl1></hedline></body.head>"
      "<body.content><p>One.</p></body.content></body></nitf>";
  Article a1, a2;
  std::vector<Status> w;
  ASSERT_TRUE(ReadNitf(xml, "a.xml", ReaderContext{}, &a1, &w).ok());
  ASSERT_TRUE(ReadNitf(xml, "b.xml", ReaderContext{}, &a2, &w).ok());
  EXPECT_EQ(a1.id, a2.id);
  EXPECT_EQ(a1.id.rfind("nitf-", 0), 0u) << a1.id;
  EXPECT_EQ(a1.date->Iso(), "2019-07-03");
  EXPECT_FALSE(a1.given.outlet);
  EXPECT_FALSE(a1.given.topics);  // nothing mapped: the extractor decides
}

TEST(NitfReaderTest, RejectsEmptyAndForeignDocuments) {
  Article a;
  std::vector<Status> w;
  EXPECT_FALSE(
      ReadNitf("<nitf><head/><body/></nitf>", "x", ReaderContext{}, &a, &w)
          .ok());
  Status s = ReadNitf("<nitf><head>", "x", ReaderContext{}, &a, &w);
  EXPECT_FALSE(s.ok());
  EXPECT_GT(s.line(), 0) << s.ToString();
}

}  // namespace
}  // namespace hpnews
