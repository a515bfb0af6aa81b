#include "common/extract_date.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/raw_text.h"

namespace hpnews {
namespace {

struct DateCase {
  const char* text;
  const char* expected;  // "YYYY-MM-DD", or nullptr for "not a date"
};

std::string Show(const std::optional<Date>& d) {
  return d ? d->Iso() : "(none)";
}
std::string Want(const char* expected) {
  return expected ? expected : "(none)";
}

TEST(ParseDateTest, CommonEnglishForms) {
  const DateCase kCases[] = {
      {"25 November 2011", "2011-11-25"},
      {"Wednesday, 7 December 2011", "2011-12-07"},
      {"Wednesday 7 December 2011", "2011-12-07"},
      {"Wed, 7 Dec 2011", "2011-12-07"},
      {"7 Dec 2011", "2011-12-07"},
      {"7 Dec. 2011", "2011-12-07"},
      {"7 Sept 2011", "2011-09-07"},
      {"Dec 7, 2011", "2011-12-07"},
      {"Dec. 7, 2011", "2011-12-07"},
      {"December 7, 2011", "2011-12-07"},
      {"December 7 2011", "2011-12-07"},
      {"December 7th, 2011", "2011-12-07"},
      {"Wednesday, December 7, 2011", "2011-12-07"},
      {"7th December 2011", "2011-12-07"},
      {"1st March 2012", "2012-03-01"},
      {"22nd May 2012", "2012-05-22"},
      {"3rd June 2012", "2012-06-03"},
      {"7th of December 2011", "2011-12-07"},
      {"7 December, 2011", "2011-12-07"},
      {"07-Dec-2011", "2011-12-07"},
      {"DECEMBER 7, 2011", "2011-12-07"},
      {"2011-12-07", "2011-12-07"},
      {"2011/12/07", "2011-12-07"},
      {"2011-12-07T09:32:00Z", "2011-12-07"},
      {"2011-12-07T09:32:00+01:00", "2011-12-07"},
      {"25/11/2011", "2011-11-25"},
      {"25.11.2011", "2011-11-25"},
      {"25-11-2011", "2011-11-25"},
      {"07/12/2011", "2011-12-07"},  // day first: UK pages
      {"11/25/2011",
       "2011-11-25"},  // month first only when day first is impossible
      {"  25 November 2011  ", "2011-11-25"},
      {"25\xC2\xA0November\xC2\xA0"
       "2011",
       "2011-11-25"},                      // no-break spaces
      {"29 February 2012", "2012-02-29"},  // leap year
      // With a time after the date.
      {"25 September 2013 9:32am", "2013-09-25"},
      {"25 September 2013 9:32 am", "2013-09-25"},
      {"25 September 2013, 10:32", "2013-09-25"},
      {"7 December 2011 10:32 GMT", "2011-12-07"},
      {"Wed, 07 Dec 2011 10:32:00 +0100", "2011-12-07"},  // RFC 822
      {"7 Dec 2011 10:32 -0500", "2011-12-07"},
      {"7 December 2011 | 10:32", "2011-12-07"},
      {"7 December 2011 at 10.32pm", "2011-12-07"},
      {"Dec 7, 2011 9:05 p.m.", "2011-12-07"},
      {"7 December 2011 10:32:15 (BST)", "2011-12-07"},
      // The year first, as PubMed writes it.
      {"2007 June 29", "2007-06-29"},
      {"2007 Jun 29", "2007-06-29"},
  };
  for (const DateCase& c : kCases) {
    EXPECT_EQ(Show(ParseDate(c.text)), Want(c.expected))
        << "input: \"" << c.text << "\"";
  }
}

TEST(ParseDateTest, NotDates) {
  const DateCase kCases[] = {
      {"", nullptr},
      {"31 February 2011", nullptr},  // no such day
      {"29 February 2011", nullptr},  // not a leap year
      {"31 November 2011", nullptr},
      {"32 December 2011", nullptr},
      {"0 December 2011", nullptr},
      {"2011", nullptr},           // a year alone
      {"December 2011", nullptr},  // no day
      {"7 December", nullptr},     // no year
      {"Wednesday 23 November", nullptr},
      {"in January", nullptr},
      {"January", nullptr},
      {"Wednesday", nullptr},
      {"10:32", nullptr},  // a time alone
      {"9:32am", nullptr},
      {"25/11/11", nullptr},  // two-digit years are ambiguous
      {"7 Dec 11", nullptr},
      {"13/13/2011", nullptr},
      {"2011-13-01", nullptr},
      {"2011-02-30", nullptr},
      {"1.2.2011.5", nullptr},  // a section number
      {"25 November 20111", nullptr},
      {"25 November 2011 is the day",
       nullptr},  // ParseDate wants the whole text
      {"May 2011 was busy", nullptr},
      {"7 Maybe 2011", nullptr},
      {"7 December 1066", nullptr},  // outside the news window
      {"7 December 2011 25:00", nullptr},
      {"2007 June", nullptr},     // no day
      {"2007 June 31", nullptr},  // no such day
      {"2007 June 29th", nullptr},
  };
  for (const DateCase& c : kCases) {
    EXPECT_EQ(Show(ParseDate(c.text)), Want(c.expected))
        << "input: \"" << c.text << "\"";
  }
}

TEST(ParseDatePrefixTest, ReportsTheLengthOfDateAndTime) {
  struct Case {
    const char* text;
    const char* expected;
    const char* rest;  // what follows the date and its time
  };
  const Case kCases[] = {
      {"25 September 2013 9:32am 'now the public'", "2013-09-25",
       " 'now the public'"},
      {"25 November 2011 is the day", "2011-11-25", " is the day"},
      {"Wednesday, 7 December 2011, by Jane", "2011-12-07", ", by Jane"},
      {"2011-12-07T09:32:00Z rest", "2011-12-07", " rest"},
      {"7 Dec 2011 - 10:32 GMT.", "2011-12-07", "."},
  };
  for (const Case& c : kCases) {
    std::size_t length = 0;
    std::optional<Date> d = ParseDatePrefix(c.text, &length);
    ASSERT_TRUE(d.has_value()) << "input: \"" << c.text << "\"";
    EXPECT_EQ(d->Iso(), c.expected) << "input: \"" << c.text << "\"";
    EXPECT_EQ(std::string(c.text).substr(length), c.rest)
        << "input: \"" << c.text << "\"";
  }
  EXPECT_FALSE(ParseDatePrefix("The 25 November 2011 meeting", nullptr));
}

TEST(ParseDateLineTest, DatelinesAndBylines) {
  const DateCase kCases[] = {
      {"25 November 2011", "2011-11-25"},
      {"Wednesday, 7 December 2011", "2011-12-07"},
      {"Published: 25 November 2011", "2011-11-25"},
      {"Published 25 November 2011 10:32", "2011-11-25"},
      {"Last updated 7 Dec 2011", "2011-12-07"},
      {"Last updated: 7 December 2011 10:32 GMT", "2011-12-07"},
      {"Page last updated at 10:32 GMT, Wednesday, 7 December 2011",
       "2011-12-07"},
      {"Posted on 7 December 2011 by Jane Smith", "2011-12-07"},
      {"Date: 07/12/2011", "2011-12-07"},
      {"By Jane Smith, 7 December 2011", "2011-12-07"},
      {"By Jane Smith | 7 December 2011", "2011-12-07"},
      {"Jane Smith | 7 Dec 2011", "2011-12-07"},
      {"By Jane Smith, Health Correspondent, 7 December 2011", "2011-12-07"},
      {"7 December 2011 | By Jane Smith", "2011-12-07"},
      {"First published: Wed 7 Dec 2011 09.32 GMT", "2011-12-07"},
      // A reading time after the date.
      {"24 Nov 2023 4 minute read", "2023-11-24"},
      {"24 Nov 2023 | 12 mins read", "2023-11-24"},
      {"We read 24 Nov 2023 reports for 4 minute read", nullptr},
      // Sentences that mention a date are not datelines.
      {"On 7 December 2011 the BMA voted to oppose the bill.", nullptr},
      {"The bill was published on 25 November 2011 and debated the next week.",
       nullptr},
      {"As reported by Management in Practice on Wednesday 23 November",
       nullptr},
      {"Mr Burnham said in January that he would give budgets to boards.",
       nullptr},
      {"The meeting on 7 December 2011", nullptr},
      {"At the heart of general practice since 1960", nullptr},
      {"No comments:", nullptr},
  };
  for (const DateCase& c : kCases) {
    EXPECT_EQ(Show(ParseDateLine(c.text)), Want(c.expected))
        << "input: \"" << c.text << "\"";
  }
}

TEST(IsDateOnlyLineTest, DateWithLabelOrTimeOnly) {
  struct Case {
    const char* text;
    bool expected;
  };
  const Case kCases[] = {
      {"25 November 2011", true},
      {"Wednesday, 7 December 2011", true},
      {"Published: 25 November 2011", true},
      {"Updated 7 Dec 2011, 10:32", true},
      {"By Jane Smith, 7 December 2011", false},  // a byline, not only a date
      {"On 7 December 2011 the BMA voted.", false},
      {"7 December", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(IsDateOnlyLine(c.text), c.expected)
        << "input: \"" << c.text << "\"";
  }
}

TEST(IsDateOrTimeLineTest, PartialDatesAndTimesAreStillDateLines) {
  struct Case {
    const char* text;
    bool expected;
  };
  const Case kCases[] = {
      {"Saturday 20 November", true},  // no year: no date, but not a headline
      {"1300 GMT", true},
      {"Updated 10:32", true},
      {"25 November 2011", true},
      {"Wednesday", false},
      {"May", false},
      {"Ireland v USA (Sat)", false},
      {"Lansdowne Road, Dublin", false},
      {"20 November protest", false},
      {"3-1", false},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(IsDateOrTimeLine(c.text), c.expected)
        << "input: \"" << c.text << "\"";
  }
}

TEST(FindArticleDateTest, FirstDatelineOfTheHeader) {
  EXPECT_EQ(Show(FindArticleDate(
                {"BMA has 'misunderstood' gov plans", "25 November 2011"})),
            "2011-11-25");
  EXPECT_EQ(Show(FindArticleDate(
                {"Wednesday, 7 December 2011", "By Jane Smith, 8 Dec 2011"})),
            "2011-12-07");
  // Header lines that are story sentences never give the date.
  EXPECT_EQ(Show(FindArticleDate(
                {"The BMA met on 7 December 2011 to discuss the bill and "
                 "voted against it after a long debate about funding."})),
            "(none)");
  EXPECT_EQ(Show(FindArticleDate({})), "(none)");
}

TEST(FindLeadDatelineTest, AgencyDatelines) {
  const DateCase kCases[] = {
      {"LONDON, Dec 7, 2011 (Reuters) - Doctors voted to oppose the bill.",
       "2011-12-07"},
      {"7 December 2011 - The BMA has rejected Labour's proposals.",
       "2011-12-07"},
      {"London, 7 December 2011: The BMA has rejected the plans.",
       "2011-12-07"},
      {"The BMA said on 7 December 2011 - a Wednesday - that it would vote.",
       nullptr},
      {"In a statement released 7 December 2011 (a Wednesday) the BMA said.",
       nullptr},
      {"Mr Burnham said in January that he would give budgets to boards.",
       nullptr},
  };
  for (const DateCase& c : kCases) {
    EXPECT_EQ(Show(FindLeadDateline(c.text)), Want(c.expected))
        << "input: \"" << c.text << "\"";
  }
}

// The seeds: the reader finds each page's own date in its header, never a
// comment's timestamp (000) nor a date in the story (001's "Wednesday 23
// November").
std::string ReadSeed(const std::string& name) {
  for (const std::string& dir : {std::string(HPNEWS_SOURCE_DIR "/corpus/raw/"),
                                 std::string(HPNEWS_SHARED_DIR "/seeds/")}) {
    std::ifstream in(dir + name);
    if (in) {
      std::stringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  return "";
}

TEST(ArticleDateTest, Seeds) {
  const DateCase kCases[] = {
      {"000_d5bc8f2fb5615c15.txt", nullptr},  // only a comment's timestamp
      {"001_21ab1e7a802854f9.txt", "2011-11-25"},
      {"002_25c1a4615cb701d2.txt", nullptr},
      {"003_68cd254a9990010e.txt", nullptr},
      {"004_6399eb31511db6d3.txt", "2011-12-07"},
  };
  for (const DateCase& c : kCases) {
    std::string text = ReadSeed(c.text);
    if (text.empty()) GTEST_SKIP() << "seed not found: " << c.text;
    Article a = ReadRawText(text, c.text);
    EXPECT_EQ(Show(a.date), Want(c.expected)) << "seed: " << c.text;
  }
}

}  // namespace
}  // namespace hpnews
