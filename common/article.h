// The Article: what every reader produces and every later stage consumes.
//
// Plain data only: no Xapian, pugixml or JSON types, so readers, extractors,
// the schema mapping and the printers can each be tested on their own.
// Fields a reader cannot fill stay empty; extraction (common/extract.h) fills
// what the input left unsaid and never overrides what it said explicitly.

#ifndef HPNEWS_COMMON_ARTICLE_H_
#define HPNEWS_COMMON_ARTICLE_H_

#include <optional>
#include <string>
#include <vector>

namespace hpnews {

// A calendar date. Always valid when present (readers and extractors reject
// "31 February"); an unknown date is an empty std::optional<Date>.
struct Date {
  int year = 0;   // four digits
  int month = 0;  // 1-12
  int day = 0;    // 1-31, valid for the month

  std::string Iso() const;  // "YYYY-MM-DD"
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
  bool operator!=(const Date& o) const { return !(*this == o); }
};

// True if year/month/day name a real day of the Gregorian calendar.
bool IsValidDate(int year, int month, int day);

// Parses exactly "YYYY-MM-DD"; nullopt if the text is not such a valid date.
std::optional<Date> ParseIsoDate(const std::string& text);

// Words attributed to a speaker: a person ("Mark Porter") or a body
// ("BMA", "Department of Health"). `speaker` is the canonical name.
struct Quote {
  std::string speaker;
  std::string text;
};

// A reader's comment under the article. Its author is a commenter, never a
// speaker; its text is searchable only under `comment:`.
struct Comment {
  std::string author;  // empty when anonymous or not given
  std::string date;  // as printed on the page ("25 September 2013 9:32am"); may
                     // be empty
  std::string text;
};

// Which input format an article came from. Lower values are more explicit:
// when two inputs of one run give the same id, the more explicit one wins
// (hand-made Article XML, then the agencies' structured formats, then feeds
// and scraper JSON, then raw page text).
enum class SourceFormat {
  kArticleXml = 0,
  kNitf = 1,      // NITF 2.x-3.x (common/nitf_reader.h)
  kNewsMlG2 = 2,  // NewsML-G2 news items (common/newsml_reader.h)
  kFeed = 3,      // RSS 2.0, RSS 1.0 (RDF), Atom (common/feed_reader.h)
  kJson = 4,      // JSON / JSON Lines from scrapers (common/json_reader.h)
  kRawText = 5,
};

// Which metadata fields the input stated explicitly (an Article XML element
// that is present, even if empty). Extraction never touches a given field:
// explicit metadata always wins over what is inferred.
struct GivenFields {
  bool url = false;
  bool outlet = false;
  bool date = false;
  bool title = false;
  bool byline = false;
  bool topics = false;
  bool speakers = false;
  bool quotes = false;
  bool comments = false;
};

struct Article {
  std::string id;  // unique key in the index; required, never empty once read
  std::string
      source;  // the file it was read from, as given on the command line
  SourceFormat format = SourceFormat::kRawText;
  std::string url;
  std::string outlet;  // canonical outlet name ("Pulse"); empty = unknown
  std::optional<Date> date;
  std::string title;
  std::string byline;
  std::vector<std::string>
      topics;  // topic ids from corpus/topics.tsv ("commissioning")
  // Subjects, categories and keywords the input states that are not topics
  // of the taxonomy ("Donald Trump", "health"), as written; never inferred.
  std::vector<std::string> keywords;
  // Names the input itself tags as people (NITF <person>, NewsML-G2 person
  // subjects): evidence for the speaker extractor, not speakers themselves.
  std::vector<std::string> people;
  std::vector<std::string>
      speakers;  // canonical names of people quoted; no bodies
  std::vector<Quote> quotes;
  std::vector<std::string> paragraphs;  // the body, one entry per paragraph
  std::vector<Comment> comments;
  // Page lines dropped as site furniture (header and footer), kept as
  // evidence for the outlet (mastheads, taglines, copyright lines); never
  // indexed.
  std::vector<std::string> furniture;
  GivenFields given;

  // The body as one text, paragraphs separated by blank lines.
  std::string Body() const;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_ARTICLE_H_
