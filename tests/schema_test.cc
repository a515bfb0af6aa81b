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

// What no quote document holds: the terms that let an article search
// drop its type filter (schema.h, "Quotes").
TEST(SchemaTest, ArticleOnlyTermsAreThoseQuoteDocumentsNeverHold) {
  const struct {
    const char* term;
    bool article_only;
  } kCases[] = {
      {"Zreorganis", true},    // a body (or title) word
      {"Z2013", true},         // a number in the text
      {"Z\xc3\xa9tat", true},  // a word starting with a UTF-8 letter
      {"ZSreorganis", true},   // a title word
      {"ZXCreorganis", true},  // a comment word
      {"XNccg", true},         // a synonym concept
      {"Q000_d5bc8f2fb5615c15", true},
      {"QABC-123", true},  // ids keep their capitals
      {"XU0123456789abcdef", true},
      {"ZXQreorganis", false},   // quote words: quote documents too
      {"XSmark porter", false},  // speakers, outlets, topics, dates, ...
      {"XSWporter", false},
      {"XOpulse", false},
      {"XTcommissioning", false},
      {"Khealth", false},
      {"D20130925", false},
      {"M201309", false},
      {"Y2013", false},
      {"XYarticle", false},
      {"XParticle-1", false},
      {"", false},
      {"Z", false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(schema::IsArticleOnlyTerm(c.term), c.article_only) << c.term;
  }
}

TEST(SchemaTest, MultiValuesGoInOneSlotAndOneSlotPerDistinctItem) {
  const schema::FacetField& topic = *schema::FindFacetField("topic");
  Xapian::Document doc;
  schema::AddMultiValue(topic, {"gp", "", "funding", "gp", "nhs"}, &doc);
  EXPECT_EQ(schema::DecodeList(doc.get_value(topic.slot)),
            (std::vector<std::string>{"gp", "funding", "nhs"}));
  EXPECT_EQ(doc.get_value(topic.item_slots), "gp");
  EXPECT_EQ(doc.get_value(topic.item_slots + 1), "funding");
  EXPECT_EQ(doc.get_value(topic.item_slots + 2), "nhs");
  EXPECT_EQ(doc.get_value(topic.item_slots + 3), "");
  // The ranges of the fields never overlap, nor reach the plain slots.
  std::vector<std::pair<Xapian::valueno, Xapian::valueno>> ranges;
  for (const schema::FacetField& f : schema::FacetFields()) {
    if (!f.multi) continue;
    EXPECT_GT(f.item_slots, schema::kParentSlot) << f.name;
    for (const auto& [begin, end] : ranges) {
      EXPECT_TRUE(f.item_slots + schema::kMaxItemSlots <= begin ||
                  f.item_slots >= end)
          << f.name;
    }
    ranges.emplace_back(f.item_slots, f.item_slots + schema::kMaxItemSlots);
  }
}

TEST(SchemaTest, AnEmptyListWritesNoValue) {
  const schema::FacetField& speaker = *schema::FindFacetField("speaker");
  Xapian::Document doc;
  schema::AddMultiValue(speaker, {"", ""}, &doc);
  EXPECT_EQ(doc.values_count(), 0u);
}

}  // namespace
}  // namespace hpnews
