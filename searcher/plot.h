// --plot: a search's timeline (search.h) as an SVG 1.1 chart, one line per
// series, with axes, period labels, a legend and a title.
//
// Writes text only; the search computes the numbers and main.cc writes
// the file. Plain SVG (no scripts, no CSS files, no fonts to fetch), so
// every browser and converter shows it alike.

#ifndef HPNEWS_SEARCHER_PLOT_H_
#define HPNEWS_SEARCHER_PLOT_H_

#include <string>

#include "searcher/search.h"

namespace hpnews {

// The SVG document for `timeline`, titled `title` (escaped here). A
// timeline with no periods gives a chart that says "no dated matches".
std::string TimelineSvg(const Timeline& timeline, const std::string& title);

// `text` with & < > " ' escaped for XML character data and attributes.
std::string XmlEscape(const std::string& text);

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_PLOT_H_
