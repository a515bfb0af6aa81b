// Dates: parsing the common English ways of writing a calendar date, and
// finding an article's OWN date among the lines of its page header.
//
// For: "25 November 2011", "Wednesday, 7 December 2011", "7 Dec 2011",
// "Dec 7, 2011", "December 7th, 2011", "7th of December 2011", "2011-12-07",
// "2011-12-07T09:32:00Z", UK numeric "25/11/2011" and "25.11.2011" (day
// first), each optionally followed by a time ("9:32am", "10:32 GMT").
// Not for: dates in running text ("in January", "on Wednesday 23 November"),
// partial dates (a year alone, "November 2011", "7 December") and two-digit
// years ("25/11/11", "7 Dec 11"): they are ambiguous, so they are not dates.
// A numeric date is read day first; month first only when the day-first
// reading is impossible and the month-first one is not ("11/25/2011").
// Invalid days ("31 February 2011") are never dates.

#ifndef HPNEWS_COMMON_EXTRACT_DATE_H_
#define HPNEWS_COMMON_EXTRACT_DATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"

namespace hpnews {

// Parses a date expression at the start of `text` (leading whitespace and an
// optional weekday allowed), with an optional time after it. On success sets
// *length (if not null) to the number of bytes the date and its time span,
// so the caller can look at what follows. Trailing text is allowed.
std::optional<Date> ParseDatePrefix(std::string_view text, std::size_t* length);

// Parses `text` when ALL of it (after trimming) is one date expression,
// optionally with a weekday before and a time (and time zone) after it.
// "25 November 2011" -> 2011-11-25; "25 November 2011 is" -> nullopt.
std::optional<Date> ParseDate(std::string_view text);

// The date of a dateline: a short line whose point is to give the date —
// the bare date ("Wednesday, 7 December 2011"), a labelled one
// ("Published: 25 November 2011", "Last updated 7 Dec 2011 10:32 GMT",
// "Posted on 7 December 2011 by Jane Smith"), or a byline with a date
// ("By Jane Smith, 7 December 2011", "Jane Smith | 7 Dec 2011").
// nullopt for a sentence that merely mentions a date.
std::optional<Date> ParseDateLine(std::string_view line);

// True when `line` is nothing but a date expression, possibly with a label
// or a time: the reader drops such lines from the body. (A byline with a
// date is not "only a date"; see ParseDateLine.)
bool IsDateOnlyLine(std::string_view line);

// True when `line` is only date-and-time words, complete or not:
// "Saturday 20 November", "1300 GMT", "Updated 10:32", "25 November 2011".
// Such a line is page furniture, never a headline or a paragraph, even when
// it gives no usable date.
bool IsDateOrTimeLine(std::string_view line);

// The article's own date from the lines of its page header (the lines
// before and just after the headline, furniture and comments removed):
// the first dateline among them (see ParseDateLine). Dates mentioned in
// story sentences and comment timestamps are never taken: pass only header
// lines, and long lines are ignored anyway. nullopt when none is found.
std::optional<Date> FindArticleDate(
    const std::vector<std::string>& header_lines);

// A news-agency dateline at the very start of a first paragraph:
// "LONDON, Dec 7, 2011 (Reuters) - ..." or "7 December 2011 - The BMA ...".
// Returns the date only when it opens the paragraph and is followed by a
// dash or a parenthesised agency; never for a date later in the sentence.
std::optional<Date> FindLeadDateline(std::string_view first_paragraph);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_DATE_H_
