#include "common/raw_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/article_xml.h"
#include "common/text_util.h"
#include "tests/test_files.h"

namespace hpnews {
namespace {

using testing_util::ReadTestFile;

namespace fs = std::filesystem;

// The seeds live in corpus/raw/ once copied into the repository, and in the
// shared seeds folder until then.
std::string SeedPath(const std::string& name) {
  for (const std::string& dir : {std::string(HPNEWS_SOURCE_DIR "/corpus/raw/"),
                                 std::string(HPNEWS_SHARED_DIR "/seeds/")}) {
    if (fs::exists(dir + name)) return dir + name;
  }
  return "";
}

std::string Fixture(const std::string& name) {
  return ReadTestFile(std::string(HPNEWS_TEST_DATA "/raw/") + name);
}

bool BodyContains(const Article& a, const std::string& needle) {
  return a.Body().find(needle) != std::string::npos;
}

std::vector<std::string> Authors(const Article& a) {
  std::vector<std::string> out;
  for (const Comment& c : a.comments) out.push_back(c.author);
  return out;
}

bool HasAuthor(const Article& a, const std::string& author) {
  std::vector<std::string> authors = Authors(a);
  return std::find(authors.begin(), authors.end(), author) != authors.end();
}

// Regression: ids were the bare file name, so bbc-news/politics/026.txt and
// bbc-news/sport/026.txt were one article and indexing the folder kept 512
// of 2,225. Generic names are now qualified by their folder.
TEST(RawTextIdTest, DistinctiveNamesAloneGenericNamesWithTheirFolder) {
  struct Case {
    const char* path;
    const char* id;
  } cases[] = {
      {"corpus/raw/000_d5bc8f2fb5615c15.txt", "000_d5bc8f2fb5615c15"},
      {"/abs/nhs-reorganisation-plans.txt", "nhs-reorganisation-plans"},
      {"bbc-news/politics/026.txt", "politics/026"},
      {"bbc-news/sport/026.txt", "sport/026"},
      {"/abs/path/page.v2.txt", "path/page.v2"},
      {"dir\\index.txt", "dir/index"},
      {"page.txt", "page"},
      {"./page.txt", "page"},
      {"20111125.txt", "20111125"},
  };
  for (const Case& c : cases) EXPECT_EQ(RawTextId(c.path), c.id) << c.path;
}

struct SeedCase {
  const char* file;
  const char* title;
  std::size_t comments;
  std::vector<std::string> authors;  // some of the comment authors
  // Lines of the page that must not reach the body (furniture, comments).
  std::vector<std::string> not_in_body;
  // Story text that must stay in the body.
  std::vector<std::string> in_body;
};

const std::vector<SeedCase>& SeedCases() {
  static const std::vector<SeedCase> kCases = {
      {"000_d5bc8f2fb5615c15.txt",
       "BMA chair lobbies Labour to avoid another NHS reorganisation",
       6,
       {"Vinci Ho"},
       {"Cookie policy notice", "cookies", "intended for health professionals",
        "At the heart of general practice since 1960", "Readers' comments",
        "Unsuitable or offensive", "Have your say", "Vinci Ho", "Too late",
        "No-one voted for this", "25 September 2013"},
       {"Exclusive The BMA is making a high-level bid",
        "Mr Burnham said in January that he would give budgets"}},
      {"001_21ab1e7a802854f9.txt",
       "BMA has \xE2\x80\x98misunderstood\xE2\x80\x99 gov plans",
       1,
       {"Theodora Munroe"},
       {"intended for health professionals", "25 November 2011",
        "Share this article", "Your comments", "Theodora Munroe",
        "People are against the bill"},
       {"on Wednesday 23 November", "The BMA is urging CCGs to review"}},
      {"002_25c1a4615cb701d2.txt",
       "BMA rejects \xE2\x80\x98undesirable\xE2\x80\x99 Labour proposals to "
       "integrate health and "
       "social care",
       0,
       {},
       {"intended for health professionals"},
       {"they are consulting."}},
      {"003_68cd254a9990010e.txt",
       "The coalition\xE2\x80\x99s honeymoon is in danger of being called off",
       8,
       {"Star Geezer", "Clive Peedell"},
       {"Privacy & Cookies", "Read more", "PCTs make slow progress with QIPP",
        "Michael White: Rattled by reform", "Readers' comments", "Star Geezer",
        "Clive Peedell", "illicit honeymoon", "Unsuitable or offensive",
        "Have your say", "You must sign in", "Related Jobs", "Sign in to see",
        "Sign up to get"},
       {"Momentum is a priceless asset",
        "it is not certain the government can or will clear."}},
      {"004_6399eb31511db6d3.txt",
       "The bureaucrats shall inherit the NHS",
       0,
       {},
       {"Wednesday, 7 December 2011", "No comments"},
       {"told Pulse:", "You never seem to be making any progress.",
        "was laudable"}},
  };
  return kCases;
}

TEST(ReadRawTextTest, Seeds) {
  for (const SeedCase& c : SeedCases()) {
    std::string path = SeedPath(c.file);
    if (path.empty()) GTEST_SKIP() << "seeds not found";
    Article a = ReadRawText(ReadTestFile(path), path);
    SCOPED_TRACE(c.file);
    EXPECT_EQ(a.id, RawTextId(c.file));
    EXPECT_EQ(a.source, path);
    EXPECT_EQ(a.format, SourceFormat::kRawText);
    EXPECT_EQ(a.title, c.title);
    EXPECT_EQ(a.comments.size(), c.comments);
    for (const std::string& author : c.authors) {
      EXPECT_TRUE(HasAuthor(a, author)) << "missing comment author: " << author;
    }
    for (const std::string& line : c.not_in_body) {
      EXPECT_FALSE(BodyContains(a, line)) << "in the body: " << line;
    }
    for (const std::string& text : c.in_body) {
      EXPECT_TRUE(BodyContains(a, text)) << "not in the body: " << text;
    }
    ASSERT_FALSE(a.paragraphs.empty());
    EXPECT_NE(a.paragraphs.front(), a.title);
    for (const std::string& p : a.paragraphs) {
      EXPECT_EQ(p, CollapseWhitespace(p)) << "whitespace not collapsed";
    }
    for (const Comment& comment : a.comments) {
      EXPECT_FALSE(comment.text.empty());
      EXPECT_FALSE(BodyContains(a, comment.text.substr(0, 40)))
          << "comment text in the body: " << comment.text;
    }
    // The page states nothing explicitly: extraction may fill every field.
    EXPECT_FALSE(a.given.url || a.given.outlet || a.given.date ||
                 a.given.title || a.given.byline || a.given.topics ||
                 a.given.speakers || a.given.quotes || a.given.comments);
  }
}

TEST(ReadRawTextTest, SeedCommentDetails) {
  std::string path = SeedPath("000_d5bc8f2fb5615c15.txt");
  if (path.empty()) GTEST_SKIP() << "seeds not found";
  Article a = ReadRawText(ReadTestFile(path), path);
  ASSERT_EQ(a.comments.size(), 6u);
  // "Anonymous | 25 September 2013 9:32am '...'": no author, a timestamp.
  const Comment& last = a.comments.back();
  EXPECT_EQ(last.author, "");
  EXPECT_EQ(last.date, "25 September 2013 9:32am");
  EXPECT_EQ(last.text.rfind("'now the public has what they voted for.'", 0), 0u)
      << last.text;
  EXPECT_NE(last.text.find("swapping 'hare brained' schemes"),
            std::string::npos);
  EXPECT_EQ(a.comments[3].author, "Vinci Ho");
  EXPECT_EQ(a.comments[3].text.rfind("Wait a minute", 0), 0u)
      << a.comments[3].text;
  // The "---" rule inside the second comment is not text.
  EXPECT_EQ(a.comments[1].text.find("---"), std::string::npos)
      << a.comments[1].text;

  path = SeedPath("001_21ab1e7a802854f9.txt");
  a = ReadRawText(ReadTestFile(path), path);
  ASSERT_EQ(a.comments.size(), 1u);
  EXPECT_EQ(a.comments[0].author, "Theodora Munroe");
  EXPECT_EQ(a.comments[0].text.find("Munroe"), std::string::npos)
      << a.comments[0].text;
  EXPECT_EQ(a.comments[0].text.rfind("\xE2\x80\x9CNo, they need", 0), 0u)
      << a.comments[0].text;
}

// Fixtures from other site styles, one quirk each: the rules generalise.
struct FixtureCase {
  const char* file;
  const char* title;
  const char* date;  // ISO or nullptr
  const char* byline;
  std::size_t paragraphs;
  std::vector<std::string> authors;  // all comment authors, in order
  std::vector<std::string> not_in_body;
  std::vector<std::string> in_body;
};

TEST(ReadRawTextTest, OtherSiteStyles) {
  const FixtureCase kCases[] = {
      // A menu block, a dateline with the time first, share links, and a
      // "SEE ALSO" / "RELATED INTERNET LINKS" list of links after the story.
      {"bbc_like_menu_and_see_also.txt",
       "GPs quit new commissioning groups",
       "2011-12-07",
       "",
       4,
       {},
       {"BBC NEWS", "Page last updated", "E-mail this", "Printable version",
        "SEE ALSO", "GP commissioning plans unveiled", "12 Jul 10",
        "Department of Health", "not responsible for the content"},
       {"Health Secretary Andrew Lansley said"}},
      // A blog: name and description, the date before the post title,
      // "Posted by X at 10:32", "N comments:", "X said..." comments with the
      // timestamp after the text, "Newer Post Older Post Home".
      {"blog_posted_by_and_said_comments.txt",
       "The bureaucrats move in",
       "2011-12-07",
       "Jane Trelawny",
       2,
       {"", "Peter Penhallow", "Jane Trelawny"},
       {"NHS Watch", "Cornish GP", "Posted by", "BlogThis",
        "Labels:", "comments:", "Spot on", "Newer Post", "Subscribe to"},
       {"local knowledge the reforms promised will be lost."}},
      // A page whose lines are not separated by blank lines.
      {"no_blank_lines.txt",
       "Trusts told to cut agency spending",
       "2011-11-25",
       "Sam Okafor",
       3,
       {},
       {"Skip to main content", "Published", "By Sam Okafor",
        "Share this article", "Print"},
       {"\"Agency spending is out of control,\" a spokesperson said."}},
      // Cookie banner, breadcrumb, an "Exclusive" label line, byline with a
      // role, a dated line with a weekday and time, a story sentence with a
      // year-less date, a short sub-heading that stays, "Related articles",
      // "Name | date text" comments with "Report abuse" separators.
      {"byline_related_and_report_abuse.txt",
       "Nurses' leaders warn of winter staffing crisis",
       "2012-03-01",
       "Helen Marsh",
       4,
       {"Mary Collins", "Tom Price"},
       {"cookies", "Home >", "Exclusive", "Helen Marsh", "09:15",
        "Agency bill tops", "Comments (2)", "Vacancies on my ward",
        "Report abuse", "Add your comment", "newsletter", "Copyright"},
       {"Why it matters", "on Wednesday 23 November", "since January 2011"}},
      // A motto line before the headline and no dateline: the headline is
      // the line whose words the story uses. Bullet comments, indented.
      {"tagline_without_dateline.txt",
       "Council budgets squeezed as social care demand rises",
       nullptr,
       "",
       2,
       {"Edith Lamb"},
       {"Accept cookies", "Independent thinking", "Edith Lamb",
        "long-term settlement", "Have your say", "sign in"},
       {"rose by 4% last year"}},
      // Browser notices above the headline, and a count of comments under
      // it that is a link, not the comment section.
      {"browser_notice_and_comment_count.txt",
       "Community nurses warn over caseloads, says union",
       nullptr,
       "",
       4,
       {},
       {"browser", "cookies", "12 Comments"},
       {"three in four had left visits undone", "safe caseload limits"}},
      // Headline, a longer standfirst, then a byline that is only a name
      // and the date: the byline is not the headline.
      {"headline_standfirst_bare_byline.txt",
       "Walk-in centre closures leave patients waiting",
       "2014-03-04",
       "Anna Fielding",
       3,
       {},
       {"intended for healthcare professionals", "Anna Fielding"},
       {"Commissioners say the savings", "Three walk-in centres"}},
      // No headline-like line: the first paragraph is the title and stays
      // the story's first paragraph, which names who the rest quotes.
      {"no_headline_lede_first.txt",
       "Asked whether patients have a right to see their GP in person, "
       "college chair Professor Martin Hale told MPs he had heard calls for "
       "this to be the case.",
       nullptr,
       "",
       3,
       {},
       {},
       {"college chair Professor Martin Hale", "getting worse"}},
      // Comments signed after a dash: "“text” – Name, Place".
      {"comment_signature_dash.txt",
       "Pharmacists to offer flu jabs",
       nullptr,
       "",
       2,
       {"Rita Evans", "Dr Omar Shah"},
       {"Your comments", "About time", "Rita Evans"},
       {"alongside GP flu clinics."}},
  };
  for (const FixtureCase& c : kCases) {
    SCOPED_TRACE(c.file);
    std::string text = Fixture(c.file);
    ASSERT_FALSE(text.empty()) << "missing fixture";
    Article a = ReadRawText(text, c.file);
    EXPECT_EQ(a.title, c.title);
    EXPECT_EQ(a.date ? a.date->Iso() : "(none)", c.date ? c.date : "(none)");
    EXPECT_EQ(a.byline, c.byline);
    EXPECT_EQ(a.paragraphs.size(), c.paragraphs) << a.Body();
    EXPECT_EQ(Authors(a), c.authors);
    for (const std::string& line : c.not_in_body) {
      EXPECT_FALSE(BodyContains(a, line)) << "in the body: " << line << "\n"
                                          << a.Body();
    }
    for (const std::string& t : c.in_body) {
      EXPECT_TRUE(BodyContains(a, t)) << "not in the body: " << t << "\n"
                                      << a.Body();
    }
  }
}

TEST(ReadRawTextTest, CommentTimestampsAreNotTheArticleDate) {
  Article a =
      ReadRawText(Fixture("blog_posted_by_and_said_comments.txt"), "blog.txt");
  ASSERT_EQ(a.comments.size(), 3u);
  EXPECT_EQ(a.comments[0].date, "8 December 2011 09:12");
  EXPECT_EQ(a.comments[0].text, "Spot on. The PCTs are back in all but name.");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2011-12-07");

  // Without a dateline in the header, the comments' dates are not used.
  Article b = ReadRawText(
      "Headline about the NHS budget\n\nThe NHS budget will rise, ministers "
      "said.\n\n"
      "2 comments:\n\nAnonymous said...\n\nGood.\n\n8 December 2011 09:12\n",
      "x.txt");
  EXPECT_FALSE(b.date.has_value()) << b.date->Iso();
  ASSERT_EQ(b.comments.size(), 1u);
  EXPECT_EQ(b.comments[0].date, "8 December 2011 09:12");
}

TEST(ReadRawTextTest, EdgeCases) {
  Article empty = ReadRawText("", "empty.txt");
  EXPECT_EQ(empty.id, "empty");
  EXPECT_EQ(empty.title, "");
  EXPECT_TRUE(empty.paragraphs.empty());

  Article one = ReadRawText("Just a headline\n", "one.txt");
  EXPECT_EQ(one.title, "Just a headline");
  EXPECT_TRUE(one.paragraphs.empty());

  // CRLF line ends, no-break spaces and a byte-order mark.
  Article crlf = ReadRawText(
      "\xEF\xBB\xBFHeadline here\r\n\r\nFirst\xC2\xA0paragraph  of   text.\r\n",
      "crlf.txt");
  EXPECT_EQ(crlf.title, "Headline here");
  ASSERT_EQ(crlf.paragraphs.size(), 1u);
  EXPECT_EQ(crlf.paragraphs[0], "First paragraph of text.");

  // A page that is only a sentence: it is the title, as nothing better is.
  Article prose =
      ReadRawText("The BMA said the plans were flawed.\n", "prose.txt");
  EXPECT_EQ(prose.title, "The BMA said the plans were flawed.");

  // Lines inside a body block are joined into one paragraph.
  Article joined = ReadRawText(
      "Headline\n\nA sentence that\nruns over two lines.\n", "j.txt");
  ASSERT_EQ(joined.paragraphs.size(), 1u);
  EXPECT_EQ(joined.paragraphs[0], "A sentence that runs over two lines.");

  // A heading that says "Comments" before any story is not the comment
  // section ("12 comments" links sit in the header of many pages).
  Article early = ReadRawText(
      "Headline on waiting times\n\n12 comments\n\nWaiting times rose again in "
      "March.\n",
      "early.txt");
  ASSERT_EQ(early.paragraphs.size(), 1u);
  EXPECT_TRUE(early.comments.empty());
}

// Headlines that use the words of furniture are still headlines.
TEST(ReadRawTextTest, HeadlinesThatSoundLikeFurniture) {
  const char* const kHeadlines[] = {
      "GPs told to sign up to new contract",
      "Report says GPs must register all patients",
      "Email scam targets NHS staff",
      "Share of NHS budget spent on agency staff rises",
      "Print media campaign on flu vaccination launched",
  };
  for (const char* headline : kHeadlines) {
    std::string page =
        std::string("This site is intended for health professionals only\n\n") +
        headline +
        "\n\nThe Department of Health said on Monday that the change would "
        "apply "
        "to all practices in England from April.\n";
    Article a = ReadRawText(page, "h.txt");
    EXPECT_EQ(a.title, headline) << page;
    EXPECT_EQ(a.paragraphs.size(), 1u) << page;
  }
}

TEST(ReadRawTextTest, StandfirstWithoutFullStopIsNotTheTitle) {
  Article a = ReadRawText(
      "Cookie settings: we use cookies, accept to continue\n\n"
      "Hunt orders review of NHS pay\n\n"
      "Health secretary says review of NHS pay will report in the spring\n\n"
      "Jeremy Hunt has ordered a review of NHS pay, which will report in the "
      "spring.\n",
      "s.txt");
  EXPECT_EQ(a.title, "Hunt orders review of NHS pay");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(
      a.paragraphs[0],
      "Health secretary says review of NHS pay will report in the spring");
}

// A crawler's leading date field run into the page's first line.
TEST(ReadRawTextTest, CrawlersDateFieldIsTheDate) {
  Article a = ReadRawText(
      " date 2022-07-20 Gloucestershire care home closure challenge rejected\n"
      "- Published\n"
      "Four council care homes in Gloucestershire are set to shut in the "
      "autumn.\n"
      "Six opposition councillors had called in the decision.\n",
      "d.txt");
  EXPECT_EQ(a.title, "Gloucestershire care home closure challenge rejected");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2022-07-20");
  EXPECT_EQ(a.paragraphs.size(), 2u) << a.Body();
}

// A headline, a byline and a dateline on lines of one block, the headline
// printed twice.
TEST(ReadRawTextTest, BylineAndDatelineInsideABlock) {
  Article a = ReadRawText(
      "This site is intended for health professionals only\n\n"
      "ICB cuts could mean merging systems\n\n"
      "ICB cuts could mean merging systems\nBy Beth Gault\n27 March 2025\n\n"
      "The cuts to ICBs announced earlier this month could mean merging "
      "systems, MPs have heard.\n",
      "b.txt");
  EXPECT_EQ(a.title, "ICB cuts could mean merging systems");
  EXPECT_EQ(a.byline, "Beth Gault");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2025-03-27");
  EXPECT_EQ(a.paragraphs.size(), 1u) << a.Body();
}

// A press archive's masthead over the headline, a site's lower-case label,
// a reading time and a journal's citation line.
TEST(ReadRawTextTest, MastheadsLabelsAndCitationsAreNotTheTitle) {
  Article a = ReadRawText(
      "The Daily Telegraph\n\nNHS tells hospitals to cancel all routine "
      "operations\n\nHospitals in England were told to cancel operations, "
      "the NHS said.\n",
      "m.txt");
  EXPECT_EQ(a.title, "NHS tells hospitals to cancel all routine operations");
  a = ReadRawText(
      "latest health care news\n\nSingle joint chief appointed to lead five "
      "Norfolk CCGs\n\n1 min read\n\nFive CCGs have appointed a single "
      "accountable officer.\n",
      "l.txt");
  EXPECT_EQ(a.title, "Single joint chief appointed to lead five Norfolk CCGs");
  EXPECT_EQ(a.paragraphs.size(), 1u) << a.Body();
  a = ReadRawText(
      "Intended for healthcare professionals\n\nGPs must not be left out of "
      "clinical commissioning, warns BMA\n\nBMJ 2012; 344 doi: "
      "https://doi.org/10.1136/bmj.e3673 (Published 24 May 2012) Cite this "
      "as: BMJ 2012;344:e3673\n\nThe emerging clinical commissioning groups "
      "must include ordinary GPs, the BMA has said.\n",
      "c.txt");
  EXPECT_EQ(a.title,
            "GPs must not be left out of clinical commissioning, warns BMA");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2012-05-24");
}

// A headline over its standfirst, then the dateline; and one over a bare
// byline and a standfirst, with an archive's notice and a comments link.
TEST(ReadRawTextTest, HeadlineOverStandfirstBeforeTheDateline) {
  Article a = ReadRawText(
      "Lansley contests waiting time claim\n\n"
      "Andrew Lansley insists there are fewer patients than ever waiting a "
      "long time for treatment\n19 April 2012\n\n"
      "NHS patients are waiting longer for treatment, a report claims, and "
      "Lansley contests it.\n",
      "l.txt");
  EXPECT_EQ(a.title, "Lansley contests waiting time claim");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2012-04-19");
  a = ReadRawText(
      "Stay up to date with notifications from The Independent\n\n"
      "Notifications can be managed in browser preferences.\n\n"
      "Doctors lambast Boris Johnson over NHS crisis\n\n"
      "This article is more than 5 years old\n\n"
      "Staff working in the NHS have endured winter after winter of crisis, "
      "BMA chair says\n\nHenry Austin\nSunday 03 November 2019 00:47 "
      "GMT\nComments\nJunior doctor calls visit a PR stunt\n\n"
      "Doctors have accused Boris Johnson of ignoring the NHS crisis in "
      "winter.\n",
      "i.txt");
  EXPECT_EQ(a.title, "Doctors lambast Boris Johnson over NHS crisis");
  EXPECT_EQ(a.byline, "Henry Austin");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2019-11-03");
}

// A headline over its standfirst in one block; a byline with a social
// handle; a title's suffix on its own line, but not a list's item.
TEST(ReadRawTextTest, HeadlineLinesAndSuffixes) {
  Article a = ReadRawText(
      "The inspector falls: why the CQC needs a fresh start\n"
      "After years of chaos, the Care Quality Commission urgently needs to "
      "rebuild trust.\n\nRegulators are rarely popular.\n",
      "c.txt");
  EXPECT_EQ(a.title, "The inspector falls: why the CQC needs a fresh start");
  a = ReadRawText(
      "Health board 'disappointed' by intervention measures\n\n"
      "Wednesday, 16 July 2025 13:53\n\nBy Gareth Joy X @lookoutwales2\n\n"
      "Cardiff and Vale health board says it is disappointed.\n",
      "w.txt");
  EXPECT_EQ(a.title, "Health board 'disappointed' by intervention measures");
  EXPECT_EQ(a.byline, "Gareth Joy");
  a = ReadRawText(
      "- ITV Report\nRoyal College of GPs: Doctors demoralised by plans\n"
      "The chair of the college has said the plans are preposterous.\n"
      "She listed the questions patients ask:\n- What is up?\n",
      "t.txt");
  EXPECT_EQ(a.title, "Royal College of GPs: Doctors demoralised by plans");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.back(), "- What is up?");
}

// Widgets and notices are not the headline: a weather reading, a
// publisher's company notice, an image's placeholder (and its caption after
// the dateline); a section's label over the headline in one block is not
// part of it, but a byline's name over its job title stays the byline.
TEST(ReadRawTextTest, WidgetsNoticesAndLabelsAreNotTheTitle) {
  Article a = ReadRawText(
      "| 13.5\u00b0C Belfast\n\nPatients' lives not in danger during A&E "
      "chaos: chiefs\n\nHealth bosses have denied patients were put at "
      "risk.\n",
      "w.txt");
  EXPECT_EQ(a.title, "Patients' lives not in danger during A&E chaos: chiefs");
  a = ReadRawText(
      "Chemist + Druggist is part of Pharma Intelligence UK Limited\n\n"
      "This is operated by Pharma Intelligence UK Limited, a company "
      "registered in England and Wales with company number 13787459.\n\n"
      "This copy is for your personal, non-commercial use.\n\nPrinted By"
      "\n\nContractors fear another funding cut\n\nOne contractor warned "
      "they may be forced to make redundancies.\n",
      "c.txt");
  EXPECT_EQ(a.title, "Contractors fear another funding cut");
  a = ReadRawText(
      "MP seeks views on South Bristol Hospital\n\nPublished on: 07 Nov "
      "2015\n\nThumbnail Image\n\nSouth Bristol Hospital\n\nMP Karin Smyth "
      "is concerned the new hospital is not yet fulfilling its potential.\n",
      "b.txt");
  EXPECT_EQ(a.title, "MP seeks views on South Bristol Hospital");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2015-11-07");
  a = ReadRawText(
      "Health\nScale of ambulance waits across Wales revealed in latest "
      "figures\nOVER 10,000 people with serious conditions are waiting over "
      "an hour.\nIn figures obtained by the Welsh Conservatives, 3,351 "
      "people waited.\n",
      "h.txt");
  EXPECT_EQ(a.title,
            "Scale of ambulance waits across Wales revealed in latest figures");
  a = ReadRawText(
      "NHS crisis: Senior Tory MP hits out at Government\n\nMinisters must "
      "show they understand the problems, Health Committee chair says\n\n"
      "Alex Matthews-King\nHealth Correspondent\nFriday 12 January 2018 "
      "17:01\n\nA senior Conservative MP has hit out at the Government.\n",
      "i.txt");
  EXPECT_EQ(a.title, "NHS crisis: Senior Tory MP hits out at Government");
  EXPECT_EQ(a.byline, "Alex Matthews-King");
}

// Bylines as press archives and papers print them: a list item with the
// job title after the name, two authors, a job title before the name.
TEST(ReadRawTextTest, BylinesWithoutTheirJobTitles) {
  const std::pair<const char*, const char*> kCases[] = {
      {"- By Laura Donnelly HEALTH EDITOR", "Laura Donnelly"},
      {"- By Hanna Geissler Health Editor", "Hanna Geissler"},
      {"- By Lucy Fisher deputy Political Editor", "Lucy Fisher"},
      // A capitalised job title before each name.
      {"by ITV News National Editor Allegra Stratton and Health and Science "
       "Producer Patrick Russell",
       "Allegra Stratton and Patrick Russell"},
      {"By Political Editor Jane Smith", "Jane Smith"},
      {"- By Laura Donnelly and Henry Bodkin",
       "Laura Donnelly and Henry Bodkin"},
      {"By chief reporter Angela Cole", "Angela Cole"},
      // An email address after the name, with "By" or without; an
      // "EXCLUSIVE" label; a name then the date; a name and a reporter's
      // job title after a comma.
      {"- By AMY ORTON Local Democracy Reporter amy.orton@reachplc.com "
       "@amy__orton",
       "AMY ORTON"},
      {"- STUART PIKE accringtonobserver@menmedia.co.uk", "STUART PIKE"},
      {"- EXCLUSIVE BY ALAN SELBY", "ALAN SELBY"},
      {"Dan Peters 21 December 2017", "Dan Peters"},
      {"Richard Evans, local democracy reporter", "Richard Evans"},
      // An "Author:" label, and a date's label run into the name.
      {"Author: Nadia FerrarisPublished 7th Feb 2026", "Nadia Ferraris"},
      // Not a date's label.
      {"Last Updated 21 December 2017", ""},
      // A short byline after a dash is not a title's leftover suffix.
      {"- By Richard Marsden", "Richard Marsden"},
      {"\u2013 By Richard Marsden", "Richard Marsden"},
  };
  for (const auto& [line, name] : kCases) {
    Article a = ReadRawText(
        std::string(
            "NHS tells hospitals to cancel all routine operations\n\n") +
            line + "\n\nHospitals in England were told to cancel operations.\n",
        "b.txt");
    EXPECT_EQ(a.byline, name) << line;
    EXPECT_EQ(a.title, "NHS tells hospitals to cancel all routine operations");
    EXPECT_EQ(a.paragraphs.size(), 1u) << line;
  }
}

// A subscription's notices after a crawler's date, breadcrumbs set apart
// by spaces, "Accessibility Links" and picture captions are not the title.
TEST(ReadRawTextTest, NoticesBreadcrumbsAndCaptionsAreNotTheTitle) {
  Article a = ReadRawText(
      " date 2022-02-08 Subscription Notification\nMinisters expect well "
      "funded NHS to deliver on waiting lists\n\nMinisters want the NHS to "
      "agree to the most stretching targets possible, a source said.\n",
      "t.txt");
  EXPECT_EQ(a.title,
            "Ministers expect well funded NHS to deliver on waiting lists");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2022-02-08");
  a = ReadRawText(
      " date 2019-12-22 Subscription Notification\nWe have noticed that "
      "there is an issue with your subscription billing details.\nYour "
      "subscription will end shortly\n\nAccessibility Links\n\nTop doctor "
      "warns of black hole in NHS funding\n\nThe NHS faces a black hole, "
      "the BMA chair said.\n",
      "u.txt");
  EXPECT_EQ(a.title, "Top doctor warns of black hole in NHS funding");
  a = ReadRawText(
      "Home   News   Article\n\nChallenging time ahead at Addenbrooke's "
      "Hospital\n\nCambridge hospitals are facing a challenging time, say "
      "health chiefs.\n",
      "h.txt");
  EXPECT_EQ(a.title, "Challenging time ahead at Addenbrooke's Hospital");
  a = ReadRawText(
      "ADCS raises concern over care review\n\nImage of Steve Crocker, the "
      "vice-president\nSteve Crocker, the ADCS vice-president (credit: "
      "ADCS)\n\nStory updated 30 August 2021\n\nThe directors have raised "
      "a significant concern.\n",
      "c.txt");
  EXPECT_EQ(a.title, "ADCS raises concern over care review");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2021-08-30");
}

// A site's menu of short points, its search box's empty answer, a
// breadcrumb with slashes and a donation appeal are not the title; a
// desk's reporter and a name printed twice are the byline.
TEST(ReadRawTextTest, MenusBreadcrumbsAndAppealsAreNotTheTitle) {
  Article a = ReadRawText(
      "  \u2022 About\n    \u2022 Ethics policy\n    \u2022 Privacy Policy\n"
      "    \u2022 Complaints procedure\n    \u2022 Terms & Conditions\n  "
      "\u2022 Contact\n  \u2022 Support\n  \u2022 Newsletter\nBrighton and "
      "Hove News\n  \u2022 Politics\n  \u2022 Business\nNo Result\nView All "
      "Result\nHospital trust merger "
      "plans prompt questions\nby Frank le Duc\nThursday 10 Dec, 2020 at "
      "2:53PM\nFears that a merger would mean patients travelling further "
      "were spelt out at a council meeting.\n",
      "m.txt");
  EXPECT_EQ(a.title, "Hospital trust merger plans prompt questions");
  EXPECT_EQ(a.byline, "Frank le Duc");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2020-12-10");
  a = ReadRawText(
      "News / Adult Social Care\nCuts to vital social care support "
      "criticised\nBristol City Council will cut a fifth of the budget for "
      "preventative services.\n",
      "b.txt");
  EXPECT_EQ(a.title, "Cuts to vital social care support criticised");
  a = ReadRawText(
      "Support our Nation today - please donate here\n\nMSs warned "
      "turning troubled health board around could take a decade\n\n"
      "Chris Haines, ICNN Senedd reporter\n\nA decade of improvements may "
      "still be required at the health board, a committee has been "
      "warned.\n",
      "d.txt");
  EXPECT_EQ(a.title,
            "MSs warned turning troubled health board around could take a "
            "decade");
  EXPECT_EQ(a.byline, "Chris Haines");
  a = ReadRawText(
      "Ambulance service reassures the public\n\nGraeme Anderson, Local "
      "Democracy Reporting Service\n\nThe ambulance service has reassured "
      "the public, the trust said.\n",
      "l.txt");
  EXPECT_EQ(a.byline, "Graeme Anderson");
  a = ReadRawText(
      "Isabel Hardman Isabel Hardman\n\nDo we really need more national "
      "conversations?\n\nWhat could Wes Streeting possibly learn from a "
      "national conversation about the NHS?\n",
      "h.txt");
  EXPECT_EQ(a.title, "Do we really need more national conversations?");
  EXPECT_EQ(a.byline, "Isabel Hardman");
}

// A press archive's masthead under the headline in the same block, and a
// news reader app's promotion over the page, are neither title, byline
// nor story.
TEST(ReadRawTextTest, MastheadsAndAppPromotionsAreNotTheTitle) {
  Article a = ReadRawText(
      "Our NHS is 'fighting for its life'\nDaily Express\n|June 30, "
      "2025\nWes Streeting described the NHS as broken, experts say.\n",
      "e.txt");
  EXPECT_EQ(a.title, "Our NHS is 'fighting for its life'");
  EXPECT_EQ(a.byline, "");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2025-06-30");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs[0],
            "Wes Streeting described the NHS as broken, experts say.");
  // A picture's agency credit on its own line under the caption.
  a = ReadRawText(
      "Hunt joins call to stem bleed of NHS doctors\n\nThe former health "
      "secretary has joined the BMA's call, the paper said.\n\n\u201cWe can "
      "forget fixing the backlog,\u201d said Jeremy Hunt\nSIMON "
      "DAWSON/REUTERS\nThe BMA welcomed his support.\n",
      "c.txt");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[1],
            "\u201cWe can forget fixing the backlog,\u201d said Jeremy Hunt");
  EXPECT_EQ(a.paragraphs[2], "The BMA welcomed his support.");
  a = ReadRawText(
      "Get all your news in one place.\n100\u2019s of premium titles.\nOne "
      "app.\nStart reading\nDaily Mirror\n\nNHS in crisis: The Brits who "
      "have died while waiting for ambulances\n\nBrits are dying because "
      "of delays in emergency care.\n",
      "m.txt");
  EXPECT_EQ(a.title,
            "NHS in crisis: The Brits who have died while waiting for "
            "ambulances");
}

// With no byline line, the writer the standfirst names; not a newsmaker,
// a programme or a paper.
TEST(ReadRawTextTest, TheWriterTheStandfirstNames) {
  struct Case {
    const char* standfirst;
    const char* byline;
  };
  const Case kCases[] = {
      {"Health service staff are not immune to cuts and patients could "
       "suffer, the nursing leader tells Denis Campbell",
       "Denis Campbell"},
      {"Directors tend to emphasise different parts of their brief, writes "
       "Craig Kenny.",
       "Craig Kenny"},
      {"With deaths from superbugs doubling, Judith Woods analyses the state "
       "of our hospital wards",
       "Judith Woods"},
      {"ITV News Central Health Correspondent Nancy Cole reports.",
       "Nancy Cole"},
      {"The health secretary tells Sky News the plan will work.", ""},
      {"Jeremy Hunt explains why the plan will work.", ""},
      {"The plan, writes the BMA, will fail.", ""},
  };
  for (const Case& c : kCases) {
    const Article a = ReadRawText(
        std::string("A headline over the story\n\n") + c.standfirst +
            "\n\nThe story's first sentence is here, the trust said.\n",
        "s.txt");
    EXPECT_EQ(a.byline, c.byline) << c.standfirst;
  }
}

// A picture's caption ends in its credit ("Photograph: ..."): neither it nor
// the picture's description over it is the title, and the caption's words
// stay in the body without the credit.
TEST(ReadRawTextTest, CreditedCaptionsAreNotTheTitle) {
  Article a = ReadRawText(
      "Skip to main contentSkip to navigation\nWes Streeting outside "
      "Downing Street with England flags in the background\nWes Streeting "
      "has said he is \u2018not going to blame NHS staff\u2019. Photograph: "
      "Wiktor Szymanowicz/Rex/Shutterstock\nWes Streeting has said he is "
      "\u2018not going to blame NHS staff\u2019. Photograph: Wiktor "
      "Szymanowicz/Rex/Shutterstock\n\nWes Streeting to \u2018write "
      "prescription\u2019 for NHS after independent investigation\n\nThis "
      "article is more than 1 month old\n\nWes Streeting has ordered an "
      "independent investigation into the performance of the NHS.\n",
      "g.txt");
  EXPECT_EQ(a.title,
            "Wes Streeting to \u2018write prescription\u2019 for NHS after "
            "independent investigation");
  // A headline right over its picture's caption is the headline; the
  // caption is the story's, each of its lines a paragraph, so the credit
  // does not run into the next line's name.
  a = ReadRawText(
      "Edinburgh\u2019s social care \u2018not in crisis\u2019 says city "
      "leader\n\nAdam McVey at the City Chambers. Picture: Jane "
      "Barlow\nAdam McVey at the City Chambers. Picture: Jane "
      "Barlow\n\nCOUNCIL leader Adam McVey has denied the system is in "
      "crisis.\n",
      "s.txt");
  EXPECT_EQ(a.title,
            "Edinburgh\u2019s social care \u2018not in crisis\u2019 says city "
            "leader");
  ASSERT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(a.paragraphs[0],
            "Adam McVey at the City Chambers. Picture: Jane Barlow");
  EXPECT_EQ(a.paragraphs[1], a.paragraphs[0]);
}

// A kicker in capitals over the headline and a donation appeal are not the
// title.
TEST(ReadRawTextTest, KickersAndAppealsAreNotTheTitle) {
  Article a = ReadRawText(
      " date 2021-10-14 Subscription Notification\nCORONAVIRUS\n\nSpare GPs "
      "strain of seeing more patients, urges Hunt\n\nJeremy Hunt has urged "
      "ministers to spare GPs, he said.\n",
      "k.txt");
  EXPECT_EQ(a.title, "Spare GPs strain of seeing more patients, urges Hunt");
  // Up to three words in capitals over a headline in sentence case.
  a = ReadRawText(
      " date 2022-09-22 Jump directly to the content\nCOFFEY ROASTED\n\n"
      "Therese Coffey slammed for telling patients to switch GPs\n\n"
      "HEALTH Secretary Therese Coffey was slammed yesterday for it.\n",
      "t.txt");
  EXPECT_EQ(a.title,
            "Therese Coffey slammed for telling patients to switch GPs");
  // A video's caption over the BBC's notice is not the title.
  a = ReadRawText(
      "Unidentified patient with crutches holds paperwork\nMedia playback "
      "is unsupported on your device\n\nNHS chief: Urgent decisions "
      "needed\n\nThe NHS in England needs to take urgent decisions, "
      "according to its leaders.\n",
      "t.txt");
  EXPECT_EQ(a.title, "NHS chief: Urgent decisions needed");
  a = ReadRawText(
      "Your support helps us to tell the story Read more Support Now From "
      "reproductive rights to climate change, we are on the ground. Your "
      "donation allows us to keep sending journalists.\n\nChange in the NHS "
      "has begun, the Health Secretary has said.\n\nWes Streeting said "
      "fixing it will take time.\n",
      "a.txt");
  EXPECT_EQ(a.title,
            "Change in the NHS has begun, the Health Secretary has said.");
  ASSERT_EQ(a.paragraphs.size(), 2u) << a.Body();
}

// A summary's first point, when it is the title, is also the story's first
// paragraph: the points are the story's own words and quotes.
TEST(ReadRawTextTest, SummaryPointAsTheTitleStaysInTheStory) {
  const Article a = ReadRawText(
      "\u2022 Chris Hopson describes winter pressure as \u201ctest\u201d\n"
      "  \u2022 NHS Providers chief calls for leaders to \u201cstep "
      "up\u201d\n\nChanging the culture will be a \u201cclear test\u201d, "
      "the chief executive of NHS Providers has said.\n",
      "u.txt");
  EXPECT_EQ(a.title,
            "Chris Hopson describes winter pressure as \u201ctest\u201d");
  ASSERT_EQ(a.paragraphs.size(), 3u) << a.Body();
  EXPECT_EQ(a.paragraphs[0], a.title);
  // A later point taken for the title: the story still starts at the
  // first, with the quotes it holds.
  const Article b = ReadRawText(
      "Summary\n\n  \u2022 Thousands of jobs to be cut after Keir Starmer "
      "announces NHS England will be abolished to \"cut bureaucracy\" and "
      "bring management of the health service \"back into democratic "
      "control\" today\n\n  \u2022 Speaking in Hull, the prime minister "
      "says the state is \"overstretched\"\n\n  \u2022 The move partially "
      "reverses a Conservative-led reorganisation of the health service in "
      "2012, which created NHS England\n\nMedia caption,\n\nChris Mason on "
      "why scrapping NHS England matters\n\nThe government is to abolish "
      "NHS England, the body that runs the health service.\n",
      "b.txt");
  ASSERT_GE(b.paragraphs.size(), 3u) << b.Body();
  EXPECT_EQ(b.paragraphs[0], b.title);
  EXPECT_EQ(b.paragraphs[1],
            "Speaking in Hull, the prime minister says the state is "
            "\"overstretched\"");
}

// Mottos and notices over the headline: an award after the dateline, a
// contact link, a motto in capitalised words with a full stop, a lapsed
// payment's notice.
TEST(ReadRawTextTest, MottosAndPaymentNoticesAreNotTheTitle) {
  Article a = ReadRawText(
      "Sun 21 Jul 2024\n\n\n2024 newspaper of the year\n\n@ Contact "
      "us\n\nSocial care cap architect says policy delay causing "
      "distress\n\nSir Andrew Dilnot described the failure as a stain on "
      "the nation.\n\nFamilies face two more years of distress, he said.\n",
      "i.txt");
  EXPECT_EQ(a.title,
            "Social care cap architect says policy delay causing distress");
  a = ReadRawText(
      "New Times,\nNew Thinking.\n\n  1. Politics\n  2. Health\n30 June "
      "2023\n\nWes Streeting and Dr Phil Whitaker in conversation\n\nThe "
      "shadow health secretary joined the GP for a day.\n\nBy Anoosh "
      "Chakelian\n\nIn January, Dr Phil Whitaker made an open offer.\n",
      "n.txt");
  EXPECT_EQ(a.title, "Wes Streeting and Dr Phil Whitaker in conversation");
  a = ReadRawText(
      "We haven't been able to take payment\nYou must update your payment "
      "details via My Account to keep your subscription.\nAct now to keep "
      "your subscription\nWES STREETING INTERVIEW\n\nWes Streeting: We "
      "must think radically\n\nThe shadow health secretary has big "
      "ideas.\n\nWhen Wes Streeting insists that the NHS is a service, it "
      "is personal.\n",
      "t.txt");
  EXPECT_EQ(a.title, "Wes Streeting: We must think radically");
}

// Old BBC News pages: the header's lines run into the story with no blank
// line; the headline is the first short line after the dateline, over the
// picture's captions. A server's error line is furniture.
TEST(ReadRawTextTest, OldBbcHeaderRunIntoTheStory) {
  Article a = ReadRawText(
      "[an error occurred while processing this directive]\nBBC News\nwatch "
      "One-Minute World News\nLast Updated:  Tuesday, 4 March, 2003, 16:55 "
      "GMT\nMilburn defends hospital plans\nSt Thomas's Hospital in "
      "London\nThree star hospitals can apply\nAlan Milburn has said he "
      "expects all hospitals to become foundation trusts.\n\nHe said the "
      "plans were \"right\".\n",
      "w.txt");
  EXPECT_EQ(a.title, "Milburn defends hospital plans");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2003-03-04");
  ASSERT_FALSE(a.paragraphs.empty());
  EXPECT_EQ(a.paragraphs.back(), "He said the plans were \"right\".");
  // No sentence after the short lines: they stay together (a press
  // archive's standfirst and byline under its headline).
  a = ReadRawText(
      "Streets ahead\nThe Sunday Mirror|July 21, 2024\nHealth Secretary vows "
      "to sort Tories' 'new hospital' mess\nJOHN STEVENS\nStreets "
      "ahead\n\nHEALTH Secretary Wes Streeting has vowed to be honest.\n",
      "t.txt");
  EXPECT_EQ(a.title, "Streets ahead");
}

// The BMJ's author is the first name in the numbered list under its
// citation, or after a dash at the citation's end.
TEST(ReadRawTextTest, JournalAuthorsUnderTheCitation) {
  Article a = ReadRawText(
      "GPs must not be left out of clinical commissioning, warns BMA\n\nBMJ "
      "2012; 344 doi: https://doi.org/10.1136/bmj.e3673 (Published 24 May "
      "2012) Cite this as: BMJ 2012;344:e3673\n  1. Helen Jaques, news "
      "reporter\n  1. 1BMJ Careers\n  1. hjaques{at}bmj.com\n\nThe "
      "emerging groups must include ordinary GPs, the chairman said.\n",
      "b.txt");
  EXPECT_EQ(a.byline, "Helen Jaques");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2012-05-24");
  a = ReadRawText(
      "GPs vote to take action\n\nBMJ 2024; 386 doi: "
      "https://doi.org/10.1136/bmj.q1794 (Published 14 August 2024) Cite "
      "this as: BMJ 2024;386:q1794- Gareth Iacobucci\n\nGPs in England "
      "have voted to take action, the BMA said.\n",
      "c.txt");
  EXPECT_EQ(a.byline, "Gareth Iacobucci");
  // An affiliation alone is no author.
  a = ReadRawText(
      "GPs vote to take action\n\nBMJ 2024; 386 doi: (Published 14 August "
      "2024) Cite this as: BMJ 2024;386:q1794\n  1. 1London\n\nGPs in "
      "England have voted to take action, the BMA said.\n",
      "d.txt");
  EXPECT_EQ(a.byline, "");
}

// PubMed Central's header gives the date, from "Published online" or from
// the citation, and is not the title.
TEST(ReadRawTextTest, PubMedCentralHeaders) {
  Article a = ReadRawText(
      "Search tips\n\nLogo of bmjThis ArticleThe BMJ\nBMJ. 2007 July 7; "
      "335(7609): 15.\nPublished online 2007 June 29. doi:  "
      "10.1136/bmj.39261.611146.DB\nPMCID: PMC1910647\n\nCall for "
      "resignation of junior doctors' leaders defeated\n\nRepresentatives "
      "rejected a demand for the resignation of the chair.\n",
      "p.txt");
  EXPECT_EQ(a.title,
            "Call for resignation of junior doctors' leaders defeated");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2007-06-29");
  a = ReadRawText(
      "Logo of bmjThis ArticleThe BMJ\nBMJ. 2007 June 30; 334(7608): 1337.\n"
      "PMCID: PMC1906655\nBMA annual representative meeting, Torquay\n\n"
      "Doctors call for chief medical officer to resign\n\nDoctors' leaders "
      "have called for the resignation of the chief medical officer.\n",
      "q.txt");
  EXPECT_EQ(a.title, "Doctors call for chief medical officer to resign");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2007-06-30");
}

// A name run into the date gives both; a paper's edition, a newsletter
// offer and a picture's caption over its agency's credit are not the title.
TEST(ReadRawTextTest, NameRunIntoTheDateAndAnEveningPapersHeader) {
  Article a = ReadRawText(
      "'How dare you criticise our NHS': Doctors defend health service\n\n"
      "Donald Trump sparked another political dispute with the UK after "
      "criticising the NHS\nREUTERS\nTom Powell6 February 2018\nWEST END "
      "FINAL\n\nGet our award-winning daily news email featuring exclusive "
      "stories, opinion and expert analysis\n\nDoctors and nurses have "
      "rallied to defend the NHS.\n",
      "s.txt");
  EXPECT_EQ(a.title,
            "'How dare you criticise our NHS': Doctors defend health service");
  EXPECT_EQ(a.byline, "Tom Powell");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->Iso(), "2018-02-06");
  ASSERT_EQ(a.paragraphs.size(), 1u) << a.Body();
}

TEST(ReadRawTextTest, CaptionsAndAdvertsAreDropped) {
  Article a = ReadRawText(
      "Headline about waiting lists\n\nImage caption: A hospital ward in "
      "Leeds\n\n"
      "Waiting lists have grown again.\n\nAdvertisement\n\nThe figures were "
      "published today.\n",
      "c.txt");
  EXPECT_EQ(
      a.Body(),
      "Waiting lists have grown again.\n\nThe figures were published today.");
}

// The lines dropped as site furniture are kept apart, header and footer
// alike, as evidence for the outlet; the title, body and comments are not
// among them.
TEST(ReadRawTextTest, FurnitureKeepsMastheadTaglineAndFooter) {
  Article a = ReadRawText(Fixture("masthead_and_copyright_footer.txt"),
                          "masthead_and_copyright_footer.txt");
  EXPECT_EQ(a.title, "GPs warned over new contract targets");
  ASSERT_EQ(a.paragraphs.size(), 2u) << a.Body();
  EXPECT_EQ(a.comments.size(), 1u);
  auto has = [&](const std::string& line) {
    return std::find(a.furniture.begin(), a.furniture.end(), line) !=
           a.furniture.end();
  };
  for (const char* line :
       {"By continuing to use this site you agree to our cookies policy",
        "Pulse", "At the heart of general practice since 1960",
        "\xC2\xA9 2013 Cogora"}) {
    EXPECT_TRUE(has(line)) << "missing furniture line: " << line;
  }
  for (const std::string& line : a.furniture) {
    EXPECT_EQ(line.find("right to cover"), std::string::npos) << line;
    EXPECT_EQ(line.find("GPs warned"), std::string::npos) << line;
    EXPECT_EQ(line.find("lose funding"), std::string::npos) << line;
  }
  // A page of story alone has none.
  Article plain =
      ReadRawText("Headline here\n\nThe story, told in full.\n", "plain.txt");
  EXPECT_TRUE(plain.furniture.empty());
}

// Every BBC file has its headline on line 1 and no furniture: the reader
// must take line 1 as the title and keep a non-empty body.
TEST(ReadRawTextTest, BbcNewsInvariants) {
  const fs::path dir = fs::path(HPNEWS_SHARED_DIR) / "data" / "bbc-news";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no shared bbc-news data";
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".txt" ||
        entry.path().filename() == "README.TXT")
      continue;
    std::string text = ReadTestFile(entry.path().string());
    // One file is Latin-1; decoding is the input layer's job, not the
    // reader's. The reader must still not crash on it.
    Article a = ReadRawText(text, entry.path().string());
    ++files;
    std::string first_line =
        CollapseWhitespace(text.substr(0, text.find('\n')));
    EXPECT_EQ(a.title, first_line) << entry.path();
    EXPECT_FALSE(a.paragraphs.empty()) << entry.path();
    EXPECT_TRUE(a.comments.empty()) << entry.path();
    EXPECT_FALSE(a.date.has_value()) << entry.path() << " " << a.date->Iso();
  }
  EXPECT_GT(files, 2000u);
}

}  // namespace
}  // namespace hpnews

namespace hpnews {
namespace {

// Regression: lines of one block that each end a sentence are paragraphs of
// their own (seed 004's "told Pulse:" line, the quote, and the reply were
// joined into one paragraph); text wrapped mid-sentence is joined.
TEST(ReadRawTextTest, LinesEndingSentencesAreParagraphs) {
  struct Case {
    const char* page;
    std::vector<std::string> paragraphs;
  } cases[] = {
      {"Headline of the story here\n\nAs one GP told Pulse:\n\"It has "
       "shifted.\"\nBut who will run them?\n",
       {"As one GP told Pulse:", "\"It has shifted.\"",
        "But who will run them?"}},
      {"Headline of the story here\n\nThe board met on Tuesday and "
       "agreed\nthat the plans would go ahead.\n",
       {"The board met on Tuesday and agreed that the plans would go ahead."}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReadRawText(c.page, "x.txt").paragraphs, c.paragraphs) << c.page;
  }
}

// Text wrapped at a fixed width: a line that ends a sentence ends its
// paragraph only if the next line's first word would have fitted on it,
// and a word broken at its hyphen is one word again. (Before, Sir Digby's
// quote ended at "the way through." and "business-like" became two words.)
TEST(ReadRawTextTest, WrappedLinesEndParagraphsOnlyWhereTheyEndShort) {
  const std::string page =
      "Headline of the story here\n\n"
      "Sir Digby added: \"I don't think he will. I have to say he has been\n"
      "a prudent chancellor right the way through, and more than that one.\n"
      "Stability is the key word.\" Mr Hasson said developers had to be\n"
      "more \"business-\n"
      "like\", and that was the end of it, he said, in the long debate.\n"
      "Nevertheless it was short.\n"
      "Another paragraph starts here.\n";
  EXPECT_EQ(
      ReadRawText(page, "x.txt").paragraphs,
      (std::vector<std::string>{
          "Sir Digby added: \"I don't think he will. I have to say he "
          "has been a prudent chancellor right the way through, and "
          "more than that one. Stability is the key word.\" Mr Hasson "
          "said developers had to be more \"business-like\", and that "
          "was the end of it, he said, in the long debate. Nevertheless it "
          "was short.",
          "Another paragraph starts here."}));
}

TEST(ReadRawTextTest, SeedParagraphsMatchTheHandWrittenXml) {
  const std::string corpus = std::string(HPNEWS_SOURCE_DIR) + "/corpus";
  for (const auto& entry :
       std::filesystem::directory_iterator(corpus + "/raw")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::ifstream xin(
        corpus + "/articles/" + entry.path().stem().string() + ".xml",
        std::ios::binary);
    std::string xml((std::istreambuf_iterator<char>(xin)), {});
    std::vector<Article> labelled;
    std::vector<ArticleError> errors;
    ASSERT_TRUE(ParseArticleXml(xml, "x.xml", &labelled, &errors).ok());
    ASSERT_EQ(labelled.size(), 1u);
    EXPECT_EQ(ReadRawText(text, entry.path().string()).paragraphs.size(),
              labelled[0].paragraphs.size())
        << entry.path();
  }
}

}  // namespace
}  // namespace hpnews
