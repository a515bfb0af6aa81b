#include "common/schema.h"

#include <gtest/gtest.h>

namespace hpnews {
namespace {

TEST(SchemaTest, ListRoundTrips) {
  const std::vector<std::vector<std::string>> cases = {
      {}, {"Mark Porter"}, {"Mark Porter", "Andy Burnham", "Chaand Nagpaul"}};
  for (const auto& items : cases) {
    EXPECT_EQ(schema::DecodeList(schema::EncodeList(items)), items)
        << "encoded: " << schema::EncodeList(items);
  }
}

TEST(SchemaTest, TermsAreNormalised) {
  struct Case {
    const char* prefix;
    const char* value;
    const char* term;
  } cases[] = {
      {schema::kOutletPrefix, "Pulse", "XOpulse"},
      {schema::kOutletPrefix, "  Health   Service Journal ",
       "XOhealth service journal"},
      {schema::kSpeakerPrefix, "Mark Porter", "XSmark porter"},
      {schema::kTopicPrefix, "commissioning", "XTcommissioning"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(schema::Term(c.prefix, c.value), c.term) << c.value;
  }
}

TEST(SchemaTest, LongTermsAreCutAtUtf8Boundary) {
  std::string name;
  for (int i = 0; i < 200; ++i) name += "\xC3\xA9";  // é
  std::string term = schema::Term(schema::kSpeakerPrefix, name);
  EXPECT_LE(term.size(), 240u);
  EXPECT_EQ((term.size() - 2) % 2, 0u) << "cut inside a two-byte sequence";
}

TEST(SchemaTest, FacetFieldsAreKnown) {
  for (const char* name : {"outlet", "speaker", "topic", "year", "month"}) {
    ASSERT_NE(schema::FindFacetField(name), nullptr) << name;
  }
  EXPECT_EQ(schema::FindFacetField("colour"), nullptr);
  EXPECT_TRUE(schema::FindFacetField("speaker")->multi);
  EXPECT_FALSE(schema::FindFacetField("outlet")->multi);
}

}  // namespace
}  // namespace hpnews
