// Reading input files: the checks before any parser sees the text, and the
// decoding every reader gets (ReadInputBytes, then DecodeToUtf8).

#include "common/input_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "common/encoding.h"

namespace hpnews {
namespace {

class InputFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = ::testing::TempDir() + "input_file_test_" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    paths_.push_back(path);
    return path;
  }
  ~InputFileTest() override {
    for (const std::string& p : paths_) std::remove(p.c_str());
  }
  std::vector<std::string> paths_;
};

// What common/reader.cc does before any format's reader sees the text.
Status ReadText(const std::string& path, std::string* out, Status* warning) {
  std::string bytes, encoding;
  Status s = ReadInputBytes(path, &bytes);
  if (!s.ok()) return s;
  return DecodeToUtf8(bytes, out, &encoding, warning);
}

TEST_F(InputFileTest, TableOfInputs) {
  struct Case {
    const char* name;
    std::string bytes;
    bool ok;
    const char* expect;  // text after reading, or a word of the error
    int line, column;
  } cases[] = {
      {"plain.txt", "Headline\n\nBody.\n", true, "Headline\n\nBody.\n", 0, 0},
      {"bom.txt", "\xEF\xBB\xBFHeadline\n", true, "Headline\n", 0, 0},
      {"empty.txt", "", false, "empty", 0, 0},
      {"blank.txt", " \n\t\n", false, "empty", 0, 0},
      {"nul.txt", std::string("ab\ncd\0ef", 8), false, "binary", 2, 3},
      {"stray_nul.txt",
       std::string("Headline\n\nA long enough body of ordinary text") +
           std::string(1, '\0') + ".\n",
       true, "Headline\n\nA long enough body of ordinary text.\n", 0, 0},
      {"utf16.txt", std::string("\xFF\xFEH\0i\0", 6), true, "Hi", 0, 0},
      {"binary.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20),
       false, "binary", 3, 1},
  };
  for (const Case& c : cases) {
    std::string out;
    Status warning;
    Status s = ReadText(Write(c.name, c.bytes), &out, &warning);
    EXPECT_EQ(s.ok(), c.ok) << c.name << ": " << s.ToString();
    if (c.ok) {
      EXPECT_EQ(out, c.expect) << c.name;
    } else {
      EXPECT_NE(s.message().find(c.expect), std::string::npos)
          << c.name << ": " << s.ToString();
      EXPECT_EQ(s.line(), c.line) << c.name;
      EXPECT_EQ(s.column(), c.column) << c.name;
    }
  }
}

TEST_F(InputFileTest, RepairsAFewBadBytesAndSaysWhere) {
  std::string out;
  Status warning;
  // Mostly UTF-8 with one bad byte: repaired, not re-read as Windows-1252.
  Status s = ReadText(Write("one_bad_byte.txt",
                            "Headline \xE2\x80\x98quoted\xE2\x80\x99\nCaf\xE9 "
                            "society and more text here\n"),
                      &out, &warning);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(out,
            "Headline \xE2\x80\x98quoted\xE2\x80\x99\nCaf\xEF\xBF\xBD society "
            "and more text here\n");
  EXPECT_FALSE(warning.ok());
  EXPECT_EQ(warning.line(), 2);
  EXPECT_EQ(warning.column(), 4);
}

TEST_F(InputFileTest, MissingFileIsAnIoError) {
  std::string out;
  Status warning;
  Status s =
      ReadText(::testing::TempDir() + "no/such/file.txt", &out, &warning);
  EXPECT_TRUE(s.IsIoError()) << s.ToString();
}

TEST(RepairUtf8Test, RejectsOverlongAndSurrogates) {
  struct Case {
    std::string in;
    size_t bad;
  } cases[] = {
      {"plain ascii", 0},
      {"\xE2\x80\x98quoted\xE2\x80\x99", 0},  // ‘quoted’
      {"\xF0\x9F\x98\x80", 0},                // emoji
      {"\xC0\xAF", 2},                        // overlong '/'
      {"\xED\xA0\x80", 3},                    // UTF-16 surrogate
      {"\xE2\x80", 2},                        // truncated
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    int line, column;
    EXPECT_EQ(RepairUtf8(&s, &line, &column), c.bad) << c.in;
  }
}

}  // namespace
}  // namespace hpnews
