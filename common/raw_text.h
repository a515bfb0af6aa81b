// Reader for raw text scraped from a news page (.txt): cookie banners, the
// article, then reader comments. It separates the parts; it does not infer
// date, outlet, speakers or topics (that is common/extract.h).

#ifndef HPNEWS_COMMON_RAW_TEXT_H_
#define HPNEWS_COMMON_RAW_TEXT_H_

#include <string>

#include "common/article.h"

namespace hpnews {

// Reads the page text `text` of file `source` into an Article:
// id = the file name without directory and extension ("000_d5bc8f2fb5615c15"),
// source = `source`, format = kRawText, title = the headline (the first line
// that is not site furniture), paragraphs = the article body without site
// furniture, comments = the reader comments, split off. No field is "given".
Article ReadRawText(const std::string& text, const std::string& source);

// The id a raw page gets from its path (file name without extension).
std::string RawTextId(const std::string& source);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_RAW_TEXT_H_
