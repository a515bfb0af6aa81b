// Outlet signatures: masthead vs story mention vs citation, URL hosts,
// the default outlet, explicit metadata, and the file format's errors.

#include "common/extract_outlet.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/extract.h"

namespace hpnews {
namespace {

OutletSignatures LoadCorpusSignatures() {
  std::ifstream in(std::string(HPNEWS_SOURCE_DIR) + "/corpus/outlets.tsv");
  std::stringstream ss;
  ss << in.rdbuf();
  OutletSignatures sig;
  Status s = OutletSignatures::Parse(ss.str(), &sig);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return sig;
}

struct Case {
  std::string url;
  std::vector<std::string> paragraphs;
  std::string outlet;
};

TEST(ExtractOutletTest, Cases) {
  OutletSignatures sig = LoadCorpusSignatures();
  const Case kCases[] = {
      // Masthead/tagline and copyright lines are strong evidence.
      {"",
       {"At the heart of general practice since 1960", "The BMA said no."},
       "Pulse"},
      {"",
       {"A story about nothing.", "© Copyright 2011 Nursing Times"},
       "Nursing Times"},
      {"", {"HSJ", "A story about nothing."}, "Health Service Journal"},
      // Phrases that mean "us".
      {"", {"The BMA is bidding to avoid change, Pulse has learnt."}, "Pulse"},
      {"",
       {"In a statement to MiP a spokesperson said it was wrong."},
       "Management in Practice"},
      // Of an outlet that others quote as a source, one such phrase is not
      // enough ("a source told the BBC" on ITV's page), two are.
      {"", {"One GP told the Guardian it was wrong."}, ""},
      {"",
       {"One GP told the Guardian it was wrong.",
        "Another told the Guardian the same."},
       "The Guardian"},
      {"", {"A source told the BBC that hospitals were full."}, ""},
      {"", {"One GP told Pulse it was wrong."}, "Pulse"},
      // HSJ calls itself "HSJ"; others quote "the Health Service Journal".
      {"", {"Mr Mackey told HSJ it was stupid."}, "Health Service Journal"},
      {"", {"Mr Mackey told the Health Service Journal it was stupid."}, ""},
      {"",
       {"An HSJ investigation found the trust in deficit."},
       "Health Service Journal"},
      // A citation of another outlet is not the page's own.
      {"",
       {"GPs are leaving, as this survey by Pulse Magazine has found.",
        "As one former enthusiast told Pulse: it is sad."},
       ""},
      {"", {"According to the BMJ, the trial failed."}, ""},
      // A bare mention is too weak alone.
      {"", {"The BBC covered the story."}, ""},
      // The agency line of a first paragraph.
      {"", {"LONDON (Reuters) - The NHS said no."}, "Reuters"},
      {"",
       {"TUESDAY, Jan. 31, 2017 (HealthDay News) -- A breath test shows "
        "promise."},
       "HealthDay"},
      // Host names in the URL, also inside an archive address.
      {"https://www.theguardian.com/society/2018/dec/16/x",
       {"Text."},
       "The Guardian"},
      {"https://web.archive.org/web/2017/http://www.nytimes.com/2017/x.html",
       {"Text."},
       "The New York Times"},
      {"https://notbbc.co.uk.example.org/x", {"Text."}, ""},
  };
  for (const Case& c : kCases) {
    Article a;
    a.url = c.url;
    a.paragraphs = c.paragraphs;
    EXPECT_EQ(sig.Find(a), c.outlet)
        << "url=" << c.url << " first=" << c.paragraphs[0];
  }
}

// Page furniture (Article::furniture) carries mastheads, taglines and
// copyright lines: strong evidence there, while a mere mention (a link to
// another site's story) counts for nothing.
TEST(ExtractOutletTest, FurnitureMastheadsAreStrongEvidence) {
  OutletSignatures sig = LoadCorpusSignatures();
  struct FurnitureCase {
    std::vector<std::string> furniture;
    std::vector<std::string> paragraphs;
    std::string outlet;
  };
  const FurnitureCase kCases[] = {
      // A tagline alone names the site.
      {{"This site is intended for health professionals only",
        "At the heart of general practice since 1960"},
       {"The BMA said no."},
       "Pulse"},
      // The outlet's name on a line of its own, or after a copyright sign.
      {{"Health Service Journal"},
       {"The BMA said no."},
       "Health Service Journal"},
      {{"\xC2\xA9 2011 Reuters"}, {"The NHS said no."}, "Reuters"},
      {{"Copyright 2013 The Guardian. All rights reserved."},
       {"Text."},
       "The Guardian"},
      // A copyright notice names the outlet anywhere in it: before the
      // sign, or after the publisher's name.
      {{"Nursing Times \xC2\xA9 2013"}, {"The BMA said no."}, "Nursing Times"},
      {{"Copyright \xC2\xA9 Emap Publishing Limited 2013 - HSJ"},
       {"The BMA said no."},
       "Health Service Journal"},
      {{"Mail Online (c) Associated Newspapers Ltd"},
       {"The BMA said no."},
       "Daily Mail"},
      // A long sentence that happens to say "copyright" is no notice.
      {{"Related articles"},
       {"The court heard that the copyright in the photographs, some of "
        "which the Guardian later printed, belonged to the hospital trust "
        "and not to the staff who took them."},
       ""},
      // The masthead outweighs a story that cites another outlet.
      {{"At the heart of general practice since 1960"},
       {"GPs will be told to cut lists, the BMJ has learnt."},
       "Pulse"},
      // A link in a "Related" list that mentions an outlet is not a masthead.
      {{"Related articles", "What the Guardian got wrong about the NHS"},
       {"Text."},
       ""},
      // Nothing in the furniture: the story decides as before.
      {{}, {"The BMA is bidding, Pulse has learnt."}, "Pulse"},
  };
  for (const FurnitureCase& c : kCases) {
    Article a;
    a.furniture = c.furniture;
    a.paragraphs = c.paragraphs;
    EXPECT_EQ(sig.Find(a), c.outlet)
        << "furniture=" << (c.furniture.empty() ? "" : c.furniture.back())
        << " first=" << c.paragraphs[0];
  }
}

TEST(ExtractOutletTest, DefaultAndExplicitOutlet) {
  Status status;
  auto extractor =
      Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
  ASSERT_NE(extractor, nullptr) << status.ToString();

  Article unknown;
  unknown.paragraphs = {"Nothing here names a site."};
  extractor->Extract(&unknown, "Healthcare Leader");
  EXPECT_EQ(unknown.outlet, "Healthcare Leader");

  Article none;
  none.paragraphs = unknown.paragraphs;
  extractor->Extract(&none, "");
  EXPECT_EQ(none.outlet, "");

  Article signed_page;
  signed_page.paragraphs = {"The BMA is bidding, Pulse has learnt."};
  extractor->Extract(&signed_page, "Healthcare Leader");
  EXPECT_EQ(signed_page.outlet, "Pulse");

  // Explicit metadata wins, even when empty.
  Article given;
  given.paragraphs = signed_page.paragraphs;
  given.outlet = "OnMedica";
  given.given.outlet = true;
  extractor->Extract(&given, "Healthcare Leader");
  EXPECT_EQ(given.outlet, "OnMedica");
  Article given_empty;
  given_empty.paragraphs = signed_page.paragraphs;
  given_empty.given.outlet = true;
  extractor->Extract(&given_empty, "Healthcare Leader");
  EXPECT_EQ(given_empty.outlet, "");
}

TEST(ExtractOutletTest, ParseErrorsNameTheLine) {
  const std::pair<const char*, int> kCases[] = {
      {"# header\nPulse\tname\n", 2},
      {"Pulse\tname\tPulse\nPulse\tslogan\tWe are Pulse\n", 2},
      {"\n\nPulse\tname\t\n", 3},
      {"# only comments\n", 0},  // the file as a whole
  };
  for (const auto& [text, line] : kCases) {
    OutletSignatures sig;
    Status s = OutletSignatures::Parse(text, &sig);
    EXPECT_TRUE(s.IsInvalidInput()) << text;
    EXPECT_EQ(s.line(), line) << text << " -> " << s.ToString();
  }
}

}  // namespace
}  // namespace hpnews
