#include "searcher/plot.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace hpnews {

namespace {

// Colour-blind-safe palette (Okabe and Ito), one per series.
const char* const kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                "#56B4E9", "#D55E00", "#F0E442", "#000000"};

constexpr double kWidth = 860, kHeight = 420;
constexpr double kLeft = 60, kRight = 200, kTop = 40, kBottom = 70;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A "nice" step for about `ticks` steps up to `most` (1, 2, 5 x 10^k).
Xapian::doccount NiceStep(Xapian::doccount most, int ticks) {
  Xapian::doccount step = 1;
  while (true) {
    for (Xapian::doccount m : {1u, 2u, 5u}) {
      if (step * m * static_cast<Xapian::doccount>(ticks) >= most)
        return step * m;
    }
    step *= 10;
  }
}

}  // namespace

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n')
          out += c;
    }
  }
  return out;
}

std::string TimelineSvg(const Timeline& timeline, const std::string& title) {
  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\""
      << kWidth << "\" height=\"" << kHeight << "\" viewBox=\"0 0 " << kWidth
      << " " << kHeight << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
      << "<title>" << XmlEscape(title) << "</title>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << kWidth << "\" height=\"" << kHeight
      << "\" fill=\"white\"/>\n"
      << "<text x=\"" << kLeft << "\" y=\"24\" font-size=\"15\">"
      << XmlEscape(title) << "</text>\n";
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  const size_t n = timeline.periods.size();
  if (n == 0 || timeline.series.empty()) {
    svg << "<text x=\"" << Num(kLeft + plot_w / 2) << "\" y=\""
        << Num(kTop + plot_h / 2)
        << "\" text-anchor=\"middle\">no dated matches</text>\n</svg>\n";
    return svg.str();
  }
  Xapian::doccount most = 1;
  for (const Timeline::Series& s : timeline.series) {
    for (Xapian::doccount c : s.counts) most = std::max(most, c);
  }
  const Xapian::doccount step = NiceStep(most, 5);
  const Xapian::doccount top = (most + step - 1) / step * step;
  auto x_of = [&](size_t i) {
    return n == 1 ? kLeft + plot_w / 2 : kLeft + plot_w * i / (n - 1);
  };
  auto y_of = [&](Xapian::doccount c) {
    return kTop + plot_h - plot_h * c / top;
  };
  // Grid and y labels.
  for (Xapian::doccount v = 0; v <= top; v += step) {
    svg << "<line x1=\"" << kLeft << "\" y1=\"" << Num(y_of(v)) << "\" x2=\""
        << kLeft + plot_w << "\" y2=\"" << Num(y_of(v))
        << "\" stroke=\"#dddddd\"/>\n"
        << "<text x=\"" << kLeft - 6 << "\" y=\"" << Num(y_of(v) + 4)
        << "\" text-anchor=\"end\">" << v << "</text>\n";
  }
  // Axes.
  svg << "<line x1=\"" << kLeft << "\" y1=\"" << kTop << "\" x2=\"" << kLeft
      << "\" y2=\"" << kTop + plot_h << "\" stroke=\"black\"/>\n"
      << "<line x1=\"" << kLeft << "\" y1=\"" << kTop + plot_h << "\" x2=\""
      << kLeft + plot_w << "\" y2=\"" << kTop + plot_h
      << "\" stroke=\"black\"/>\n";
  // X labels: at most about 12, evenly spaced, first and last included.
  const size_t label_every = std::max<size_t>(1, (n + 11) / 12);
  for (size_t i = 0; i < n; ++i) {
    if (i % label_every != 0 && i + 1 != n) continue;
    double x = x_of(i), y = kTop + plot_h + 14;
    svg << "<text x=\"" << Num(x) << "\" y=\"" << Num(y)
        << "\" text-anchor=\"end\" transform=\"rotate(-40 " << Num(x) << " "
        << Num(y) << ")\">" << XmlEscape(timeline.periods[i]) << "</text>\n";
  }
  // One line (and its points) per series, then the legend.
  for (size_t k = 0; k < timeline.series.size(); ++k) {
    const Timeline::Series& s = timeline.series[k];
    const char* colour = kPalette[k % (sizeof kPalette / sizeof *kPalette)];
    std::string name = s.name.empty() ? "all matches" : s.name;
    svg << "<g class=\"series\" stroke=\"" << colour << "\" fill=\"" << colour
        << "\">\n<title>" << XmlEscape(name) << "</title>\n"
        << "<polyline fill=\"none\" stroke-width=\"2\" points=\"";
    for (size_t i = 0; i < n; ++i) {
      svg << (i ? " " : "") << Num(x_of(i)) << "," << Num(y_of(s.counts[i]));
    }
    svg << "\"/>\n";
    for (size_t i = 0; i < n; ++i) {
      svg << "<circle cx=\"" << Num(x_of(i)) << "\" cy=\""
          << Num(y_of(s.counts[i])) << "\" r=\"2.5\"><title>"
          << XmlEscape(name + " " + timeline.periods[i] + ": " +
                       std::to_string(s.counts[i]))
          << "</title></circle>\n";
    }
    svg << "</g>\n";
    double ly = kTop + 8 + 18 * static_cast<double>(k);
    double lx = kLeft + plot_w + 16;
    svg << "<rect x=\"" << Num(lx) << "\" y=\"" << Num(ly - 9)
        << "\" width=\"12\" height=\"12\" fill=\"" << colour << "\"/>\n"
        << "<text x=\"" << Num(lx + 18) << "\" y=\"" << Num(ly + 1) << "\">"
        << XmlEscape(name) << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

}  // namespace hpnews
