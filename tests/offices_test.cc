// Office holders: the corpus table and its parser.

#include "common/offices.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hpnews {
namespace {

std::string Held(const OfficeHolders& offices, const std::string& name,
                 const char* date, bool former = false) {
  std::optional<Date> day;
  if (date != nullptr) day = ParseIsoDate(date);
  std::string out;
  for (const OfficeHolders::Phrase* phrase : offices.Held(name, day, former)) {
    std::string words;
    for (const std::string& w : *phrase)
      words += (words.empty() ? "" : " ") + w;
    out += (out.empty() ? "" : "|") + words;
  }
  return out;
}

OfficeHolders Corpus() {
  std::ifstream in(std::string(HPNEWS_SOURCE_DIR) + "/corpus/offices.tsv");
  std::stringstream text;
  text << in.rdbuf();
  OfficeHolders offices;
  Status status = OfficeHolders::Parse(text.str(), &offices);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return offices;
}

TEST(OfficeHoldersTest, TheCorpusTableKnowsWhoHeldWhatWhen) {
  const OfficeHolders offices = Corpus();
  ASSERT_FALSE(offices.empty());
  EXPECT_EQ(Held(offices, "Jeremy Hunt", "2016-03-01"),
            "health secretary|health and social care secretary|"
            "secretary of state for health|"
            "secretary of state for health and social care");
  EXPECT_EQ(Held(offices, "Jeremy Hunt", "2023-03-15"),
            "chancellor|chancellor of the exchequer");
  EXPECT_EQ(Held(offices, "Wes Streeting", "2023-03-15"),
            "shadow health secretary|shadow health and social care secretary");
  EXPECT_EQ(Held(offices, "Jeremy Hunt", "2011-01-01"), "");
  // Without a date, every office the person held.
  const std::string ever = Held(offices, "Jeremy Hunt", nullptr);
  EXPECT_NE(ever.find("health secretary"), std::string::npos) << ever;
  EXPECT_NE(ever.find("chancellor"), std::string::npos) << ever;
  // A surname alone is the one holder with it that day: in 2008 Alan
  // Johnson was health secretary and Boris Johnson mayor of London.
  EXPECT_EQ(Held(offices, "Streeting", "2024-09-01").substr(0, 16),
            "health secretary");
  EXPECT_EQ(Held(offices, "Johnson", "2008-06-01"), "");
  EXPECT_EQ(Held(offices, "Nobody Atall", "2008-06-01"), "");
  // The offices left by a day: in 2016 Andrew Lansley was a former health
  // secretary; in 2011 only a former shadow one, and in 2016 Jeremy Hunt
  // not yet a former one.
  auto has = [](const std::string& held, const std::string& phrase) {
    return ("|" + held + "|").find("|" + phrase + "|") != std::string::npos;
  };
  EXPECT_TRUE(has(Held(offices, "Andrew Lansley", "2016-03-01", true),
                  "health secretary"));
  EXPECT_FALSE(has(Held(offices, "Andrew Lansley", "2011-03-01", true),
                   "health secretary"));
  EXPECT_TRUE(has(Held(offices, "Andrew Lansley", "2011-03-01", true),
                  "shadow health secretary"));
  EXPECT_FALSE(has(Held(offices, "Jeremy Hunt", "2016-03-01", true),
                   "health secretary"));
}

TEST(OfficeHoldersTest, BadLinesAreNamed) {
  const std::pair<const char*, int> kBad[] = {
      {"# c\nhealth-secretary\tWes Streeting\t2024-07-05\tnow\n", 2},
      {"a\tphrase\tthe a\na\tJo Bloggs\t2024-13-01\tnow\n", 2},
      {"a\tphrase\tthe a\na\tJo Bloggs\t2024-01-01\t2023-01-01\n", 2},
      {"a\tphrase\tthe a\na\tBloggs\t2024-01-01\tnow\n", 2},
      {"a\tphrase\tthe a\n\na\tJo Bloggs\t2024-01-01\tsoon\n", 3},
      {"Bad Id\tphrase\tthe a\n", 1},
      {"a\tword\tthe a\n", 1},
  };
  for (const auto& [text, line] : kBad) {
    OfficeHolders offices;
    Status status = OfficeHolders::Parse(text, &offices);
    EXPECT_FALSE(status.ok()) << text;
    EXPECT_EQ(status.line(), line) << text << status.ToString();
  }
}

}  // namespace
}  // namespace hpnews
