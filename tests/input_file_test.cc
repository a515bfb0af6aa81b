// Reading input files: the checks before any parser sees the text.

#include "common/input_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

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
      {"utf16.txt", "\xFF\xFEH\0i\0", false, "utf-16", 0, 0},
      {"binary.bin", "\x89PNG\r\n\x1a\n\xff\xfe\xfd\xfc\xfb", false, "binary",
       1, 1},
  };
  for (const Case& c : cases) {
    std::string out;
    Status warning;
    Status s = ReadInputFile(Write(c.name, c.bytes), &out, &warning);
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
  Status s = ReadInputFile(
      Write("latin1.txt", "Headline\nCaf\xE9 society and more text here\n"),
      &out, &warning);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(out, "Headline\nCaf\xEF\xBF\xBD society and more text here\n");
  EXPECT_FALSE(warning.ok());
  EXPECT_EQ(warning.line(), 2);
  EXPECT_EQ(warning.column(), 4);
}

TEST_F(InputFileTest, MissingFileIsAnIoError) {
  std::string out;
  Status warning;
  Status s =
      ReadInputFile(::testing::TempDir() + "no/such/file.txt", &out, &warning);
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
