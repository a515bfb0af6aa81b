// Bytes to UTF-8 (common/encoding.h).

#include "common/encoding.h"

#include <gtest/gtest.h>

namespace hpnews {
namespace {

TEST(EncodingTest, TableOfInputs) {
  struct Case {
    const char* name;
    std::string bytes;
    bool ok;
    const char* encoding;  // used, when ok
    std::string text;      // expected UTF-8, when ok ("" = not checked)
    bool warns;
  } cases[] = {
      {"utf-8", "<a>caf\xC3\xA9</a>", true, "utf-8", "<a>caf\xC3\xA9</a>",
       false},
      {"bom", "\xEF\xBB\xBFhi", true, "utf-8", "hi", false},
      {"latin-1 declared",
       "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xE9 \x93q\x94</a>",
       true, "windows-1252",
       "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xC3\xA9 "
       "\xE2\x80\x9Cq\xE2\x80\x9D</a>",
       false},
      {"latin-1 label on utf-8",
       "<?xml version='1.0' encoding='iso-8859-1'?><a>caf\xC3\xA9</a>", true,
       "utf-8", "<?xml version='1.0' encoding='iso-8859-1'?><a>caf\xC3\xA9</a>",
       true},
      {"utf-16le bom", std::string("\xFF\xFE<\0a\0>\0", 8), true, "utf-16le",
       "<a>", false},
      {"utf-16be no bom", std::string("\0<\0?\0x", 6), true, "utf-16be", "<?x",
       false},
      {"latin-2",
       "<?xml version='1.0' encoding='ISO-8859-2'?><a>\xA3\xF3\x64\xBC</a>",
       true, "iso-8859-2",
       "<?xml version='1.0' "
       "encoding='ISO-8859-2'?><a>\xC5\x81\xC3\xB3\x64\xC5\xBA</a>",
       false},
      {"gb2312",
       "<?xml version='1.0' encoding='gb2312'?><a>\xD6\xD0\xB9\xFA</a>", true,
       "gb18030",
       "<?xml version='1.0' encoding='gb2312'?><a>\xE4\xB8\xAD\xE5\x9B\xBD</a>",
       false},
      {"html meta",
       "<html><head><meta "
       "charset=\"windows-1251\"></head><body>\xCC\xE8\xF0</body></html>",
       true, "windows-1251", "", false},
      {"undeclared cp1252", "Caf\xE9 society and a longer line of plain text",
       true, "windows-1252",
       "Caf\xC3\xA9 society and a longer line of plain text", true},
      {"utf-8 with a bad byte", "caf\xC3\xA9 and \xFF here in text", true,
       "utf-8", "", true},
      {"unknown encoding", "<?xml version='1.0' encoding='x-klingon'?><a/>",
       false, "", "", false},
      {"binary", std::string("ab\0cd", 5), false, "", "", false},
      {"undeclared cyrillic", "\xCC\xE8\xF0 \xEC\xE8\xF0 \xEC\xE8\xF0\xF3",
       false, "", "", false},
  };
  for (const Case& c : cases) {
    std::string out, encoding;
    Status warning;
    Status s = DecodeToUtf8(c.bytes, &out, &encoding, &warning);
    EXPECT_EQ(s.ok(), c.ok) << c.name << ": " << s.ToString();
    if (!c.ok || !s.ok()) continue;
    EXPECT_EQ(encoding, c.encoding) << c.name;
    if (!c.text.empty()) {
      EXPECT_EQ(out, c.text) << c.name;
    }
    EXPECT_EQ(!warning.ok(), c.warns) << c.name << ": " << warning.ToString();
  }
}

TEST(EncodingTest, DeclaredEncoding) {
  EXPECT_EQ(DeclaredEncoding("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"),
            "utf-8");
  EXPECT_EQ(DeclaredEncoding("  <?xml version='1.0'?><a/>"), "");
  EXPECT_EQ(DeclaredEncoding("plain text"), "");
}

}  // namespace
}  // namespace hpnews
