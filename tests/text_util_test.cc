// The shared string helpers (common/text_util.h).

#include "common/text_util.h"

#include <gtest/gtest.h>

namespace hpnews {
namespace {

// FoldedWords keys outlet names, synonym groups and a heading's echo: the
// same words in any case and punctuation give the same key.
TEST(TextUtilTest, FoldedWords) {
  EXPECT_EQ(FoldedWords("It was \xE2\x80\x98horrendous\xE2\x80\x99."),
            "it was \xE2\x80\x98horrendous\xE2\x80\x99");
  EXPECT_EQ(FoldedWords("  Don't  STOP -- now! "), "don t stop now");
  EXPECT_EQ(FoldedWords("Don't stop", ' ', "'"), "dont stop");
  EXPECT_EQ(FoldedWords("P.A. Sport", ' ', ".'"), "pa sport");
  EXPECT_EQ(FoldedWords("Clinical Commissioning Group (CCG)", '-'),
            "clinical-commissioning-group-ccg");
  EXPECT_EQ(FoldedWords("Caf\xC3\xA9 NHS", '-'), "caf\xC3\xA9-nhs");
  EXPECT_EQ(FoldedWords(""), "");
  EXPECT_EQ(FoldedWords("--- ..."), "");
}

}  // namespace
}  // namespace hpnews
