// The SVG timeline of --plot, parsed back as XML: valid SVG 1.1 with one
// polyline per series, a point per period, labels and escaped text.

#include "searcher/plot.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>

namespace hpnews {
namespace {

Timeline TwoSeries() {
  Timeline t;
  t.interval = DateInterval::kYear;
  t.series_field = "outlet";
  t.periods = {"2011", "2012", "2013"};
  t.series = {{"Pulse", {3, 0, 5}}, {"Health <&> Journal", {1, 2, 0}}};
  return t;
}

TEST(PlotTest, ParsesAsSvgWithOneLinePerSeries) {
  std::string svg = TimelineSvg(TwoSeries(), "nhs & \"reform\"");
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << "\n" << svg;
  pugi::xml_node root = doc.child("svg");
  ASSERT_TRUE(root);
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(root.attribute("version").value(), "1.1");
  EXPECT_STREQ(root.child("title").text().get(), "nhs & \"reform\"");
  int lines = 0;
  std::vector<std::string> names;
  for (pugi::xml_node g : root.children("g")) {
    ++lines;
    names.push_back(g.child("title").text().get());
    pugi::xml_node polyline = g.child("polyline");
    ASSERT_TRUE(polyline);
    std::string points = polyline.attribute("points").value();
    EXPECT_EQ(std::count(points.begin(), points.end(), ','), 3) << points;
    EXPECT_EQ(
        std::distance(g.children("circle").begin(), g.children("circle").end()),
        3);
  }
  EXPECT_EQ(lines, 2);
  EXPECT_EQ(names, (std::vector<std::string>{"Pulse", "Health <&> Journal"}));
  // Every period is labelled.
  std::string all_text;
  for (pugi::xml_node text : root.children("text"))
    all_text += text.text().get() + std::string("|");
  for (const char* period : {"2011", "2012", "2013"}) {
    EXPECT_NE(all_text.find(std::string(period) + "|"), std::string::npos)
        << period;
  }
}

TEST(PlotTest, HigherCountsAreHigherOnThePage) {
  Timeline t;
  t.periods = {"2012-01", "2012-02"};
  t.series = {{"", {1, 4}}};
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(TimelineSvg(t, "x").c_str()));
  pugi::xml_node g = doc.child("svg").child("g");
  auto circle = g.children("circle").begin();
  double y1 = circle->attribute("cy").as_double();
  ++circle;
  double y2 = circle->attribute("cy").as_double();
  EXPECT_LT(y2, y1) << "SVG y grows downwards";
  EXPECT_STREQ(g.child("title").text().get(), "all matches");
}

TEST(PlotTest, EmptyTimelineSaysSo) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(TimelineSvg(Timeline(), "none").c_str()));
  std::string svg = TimelineSvg(Timeline(), "none");
  EXPECT_NE(svg.find("no dated matches"), std::string::npos);
}

}  // namespace
}  // namespace hpnews
