// Reader for raw text scraped from a news page (.txt): cookie banners, the
// article, then reader comments. It separates the parts by general rules
// (not a list of known sites' lines): site furniture is dropped, the
// headline found, reader comments split off with their authors and
// timestamps. It also takes the article's date and byline from the page
// header, because only the reader sees the header lines (they are not body
// paragraphs); it does not infer outlet, speakers or topics (that is
// common/extract.h).

#ifndef HPNEWS_COMMON_RAW_TEXT_H_
#define HPNEWS_COMMON_RAW_TEXT_H_

#include <string>

#include "common/article.h"

namespace hpnews {

// Reads the page text `text` of file `source` into an Article:
// id = the file name without directory and extension ("000_d5bc8f2fb5615c15"),
// source = `source`, format = kRawText, title = the headline (the first line
// that is not site furniture), paragraphs = the article body without site
// furniture, comments = the reader comments, split off, furniture = the
// lines of every other block outside the comments (banners, mastheads,
// taglines, toolbars, copyright footers), in page order, as evidence for the
// outlet. No field is "given".
//
// Also sets, when the page states them in its header: date = the dateline
// ("25 November 2011", "Published: 7 Dec 2011", "By Jane Smith, 7 December
// 2011"; see common/extract_date.h), else a news-agency dateline opening the
// story, else a labelled date line ("Published ...") at its foot — never a
// comment's timestamp nor a date in the story's sentences; byline = the name
// in a "By Jane Smith" / "Posted by Jane Smith at 10:32" line. Both stay
// empty when the page does not say. Date lines and bylines are not body
// paragraphs. The text should be UTF-8; other bytes pass through untouched.
Article ReadRawText(const std::string& text, const std::string& source);

// The id a raw page gets from its path: the file name without extension
// when it is distinctive (8+ characters with a letter, as crawlers' hashes
// and slugs are: "000_d5bc8f2fb5615c15"), else qualified by its folder
// ("bbc-news/politics/026.txt" -> "politics/026").
std::string RawTextId(const std::string& source);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_RAW_TEXT_H_
