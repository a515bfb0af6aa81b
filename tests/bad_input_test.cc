// Bad input end to end: hpnews-index over tests/data/bad/ (one quirk per
// file) plus a few files too big to keep in the repository, made here.
// Nothing may crash or hang; every problem is one line naming the file;
// what can be indexed is; the good files beside the bad are all indexed.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "common/document.h"
#include "tests/run_as_nobody.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

class BadInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::path(::testing::TempDir()) /
                        ("bad_input_test_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "made");
    const fs::path made = *dir_ / "made";
    {  // a 10 MB line in a text page
      std::ofstream out(made / "long_line.txt");
      out << "A headline before a very long line\n\n";
      for (int i = 0; i < 1000000; ++i) out << "commission ";
      out << "\n";
    }
    {  // a file over the 64 MiB limit (sparse: costs no disk)
      std::ofstream out(made / "huge.txt");
      out << "Huge\n\n";
      out.seekp((65 << 20) - 1);
      out << '\n';
    }
    {  // 100,000 nested elements
      std::ofstream out(made / "deep.xml");
      out << "<article id=\"deep\"><title>Deep</title><body><p>";
      for (int i = 0; i < 100000; ++i) out << "<b>";
      out << "deep text";
      for (int i = 0; i < 100000; ++i) out << "</b>";
      out << "</p></body></article>\n";
    }
    fs::copy(std::string(HPNEWS_SOURCE_DIR) + "/corpus/articles",
             *dir_ / "good");
    std::string cmd = "timeout 300 " + std::string(HPNEWS_INDEX_BIN) + " -o " +
                      (*dir_ / "index").string() + " " +
                      std::string(HPNEWS_TEST_DATA) + "/bad " + made.string() +
                      " " + (*dir_ / "good").string() + " 2>" +
                      (*dir_ / "stderr").string();
    int raw = std::system(cmd.c_str());
    status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    std::ifstream err(*dir_ / "stderr");
    for (std::string line; std::getline(err, line);)
      stderr_lines_->push_back(line);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // The stderr lines that name `file` (a path ending).
  static std::vector<std::string> LinesAbout(const std::string& file) {
    std::vector<std::string> out;
    for (const std::string& l : *stderr_lines_) {
      if (l.find("/" + file + ":") != std::string::npos) out.push_back(l);
    }
    return out;
  }

  static bool Indexed(const std::string& id) {
    Xapian::Database db((*dir_ / "index").string());
    return db.postlist_begin(IdTerm(id)) != db.postlist_end(IdTerm(id));
  }

  static fs::path* dir_;
  static int status_;
  static std::vector<std::string>* stderr_lines_;
};

fs::path* BadInputTest::dir_ = nullptr;
int BadInputTest::status_ = -1;
std::vector<std::string>* BadInputTest::stderr_lines_ =
    new std::vector<std::string>;

TEST_F(BadInputTest, RunEndsWithStatusOneNotACrashOrHang) {
  EXPECT_EQ(status_, 1) << "1 = some input skipped; 124 = hung; >128 = crashed";
}

TEST_F(BadInputTest, EveryProblemIsOneLocatedLine) {
  const std::regex shape(R"(hpnews-index: (/[^:]+)(:\d+(:\d+)?)?: [a-z].+)");
  ASSERT_FALSE(stderr_lines_->empty());
  const std::regex summary(R"(hpnews-index: \d+ files read.*)");
  for (const std::string& line : *stderr_lines_) {
    if (std::regex_match(line, summary)) continue;
    EXPECT_TRUE(std::regex_match(line, shape)) << line;
  }
}

TEST_F(BadInputTest, EachQuirk) {
  struct Case {
    const char* file;
    const char* id;       // the article's id, or "" when nothing can be indexed
    const char* message;  // a fragment of its stderr line, or "" for none
    bool located;         // the line carries LINE:COL
  } cases[] = {
      {"unclosed_tag.xml", "", "malformed xml", true},
      {"bad_entity.xml", "", "entity", true},
      {"truncated.xml", "", "malformed xml", true},
      {"other_vocabulary.xml", "", "<inventory>", false},
      {"empty.txt", "", "empty file", false},
      {"empty.xml", "", "empty file", false},
      {"binary.txt", "", "binary", true},  // where the first NUL is
      {"entity_bomb.xml", "", "entity", true},
      {"invalid_utf8.txt", "invalid_utf8", "",
       false},  // repaired or decoded as Windows-1252
      {"invalid_utf8.xml", "bad-utf8-xml", "utf-8",
       true},  // repaired, with where
      {"utf16_bom.txt", "utf16_bom", "", false},
      {"nul_bytes.txt", "nul_bytes", "nul", true},  // repaired: NULs dropped
      {"date_31_february.xml", "feb31", "invalid date",
       true},  // indexed without a date
      {"date_31_february.txt", "date_31_february", "", false},
      {"long_line.txt", "long_line", "", false},
      {"huge.txt", "", "too large", false},
      {"deep.xml", "deep", "", false},
  };
  for (const Case& c : cases) {
    std::vector<std::string> lines = LinesAbout(c.file);
    if (*c.id) {
      EXPECT_TRUE(Indexed(c.id)) << c.file << " should be indexed as " << c.id;
    }
    if (*c.message) {
      ASSERT_EQ(lines.size(), 1u) << c.file;
      EXPECT_NE(lines[0].find(c.message), std::string::npos) << lines[0];
      EXPECT_EQ(std::regex_search(lines[0], std::regex(std::string(c.file) +
                                                       R"(:\d+:\d+: )")),
                c.located)
          << lines[0];
    } else if (!*c.id) {
      ADD_FAILURE() << c.file << ": a case must expect an article or a message";
    }
  }
}

TEST_F(BadInputTest, MissingAndEmptyMetadata) {
  std::vector<std::string> lines = LinesAbout("missing_metadata.xml");
  EXPECT_EQ(lines.size(), 4u);
  EXPECT_FALSE(Indexed("no-title"));
  EXPECT_FALSE(Indexed("empty-title"));
  EXPECT_FALSE(Indexed("no-body"));
  EXPECT_TRUE(Indexed("empty-fields"))
      << "empty optional fields are not errors";
}

TEST_F(BadInputTest, GoodFilesBesideTheBadAreAllIndexed) {
  for (const auto& entry : fs::directory_iterator(*dir_ / "good")) {
    EXPECT_TRUE(Indexed(entry.path().stem().string())) << entry.path();
    EXPECT_TRUE(LinesAbout(entry.path().filename().string()).empty())
        << entry.path();
  }
}

}  // namespace
}  // namespace hpnews

namespace hpnews {
namespace {

// An unreadable folder (and a link to a file that has vanished) in a walk:
// reported, the rest indexed, exit status 1. Root reads every folder, so the
// indexer runs as nobody (setpriv) when the test runs as root.
TEST(BadInputWalkTest, UnreadableFolderIsReportedAndTheRestIndexed) {
  const bool root = ::geteuid() == 0;
  if (root && !std::filesystem::exists("/usr/bin/setpriv"))
    GTEST_SKIP() << "needs setpriv to drop root";
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) /
                 ("bad_walk_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in" / "locked");
  fs::create_directories(dir / "out");
  fs::permissions(dir, fs::perms::all);  // nobody may write the index here
  fs::permissions(dir / "out", fs::perms::all);
  std::ofstream(dir / "in" / "winter-beds-story.txt")
      << "Trusts warned over winter beds\n\nHospital trusts were warned.\n";
  std::ofstream(dir / "in" / "locked" / "hidden-story.txt")
      << "Hidden\n\nNot readable.\n";
  fs::create_symlink(dir / "in" / "vanished-story.txt",
                     dir / "in" / "dangling.txt");
  fs::permissions(dir / "in" / "locked", fs::perms::none);
  // As nobody: a copy of the binary and its data (the checkout may be
  // private to root).
  std::string indexer = root ? testing_util::NobodyIndexer(dir / "nobody")
                             : std::string(HPNEWS_INDEX_BIN);
  std::string cmd = indexer + " -o " + (dir / "out" / "index").string() + " " +
                    (dir / "in").string() + " 2>" + (dir / "err").string();
  int raw = std::system(cmd.c_str());
  fs::permissions(dir / "in" / "locked", fs::perms::owner_all);
  std::ifstream in(dir / "err");
  std::string err((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, 1) << err;
  EXPECT_NE(err.find("/locked: cannot read directory"), std::string::npos)
      << err;
  Xapian::Database db((dir / "out" / "index").string());
  EXPECT_NE(db.postlist_begin(IdTerm("winter-beds-story")),
            db.postlist_end(IdTerm("winter-beds-story")));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hpnews
