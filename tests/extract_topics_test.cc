// Topics: the phrase matcher's word boundaries and case rules, scoring and
// the threshold, title weight, and the taxonomy file's format.

#include "common/extract_topics.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hpnews {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

TEST(ExtractTopicsTest, MatcherWordBoundariesAndCase) {
  struct Case {
    const char* pattern;
    const char* text;
    int matches;
  };
  const Case kCases[] = {
      {"CCG", "Two CCGs and one CCG.", 2},  // plural "s" allowed
      {"CCG", "the ccg and CCGX",
       0},  // acronyms are case-sensitive, whole words
      {"funding", "FUNDING and Funding", 2},  // lower-case patterns ignore case
      {"privatis*", "privatised, privatisation, privates", 2},
      {"top-down", "a top-down reorganisation", 1},
      {"Section 75", "Section  75 and section 75", 1},
      {"health and wellbeing board", "Health and Wellbeing Boards", 1},
      {"care", "healthcare and care’s", 1},  // word boundary; possessive ok
  };
  for (const Case& c : kCases) {
    PhraseMatcher m;
    std::string p = c.pattern;
    bool has_upper =
        p.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos;
    ASSERT_EQ(m.Add(p, has_upper), 0);
    EXPECT_EQ(static_cast<int>(m.FindAll(TokenizeForMatch(c.text)).size()),
              c.matches)
        << c.pattern << " in \"" << c.text << "\"";
  }
}

TEST(ExtractTopicsTest, ThresholdTitleAndLength) {
  TopicTaxonomy tax;
  ASSERT_TRUE(TopicTaxonomy::Parse("*\tthreshold\t6\n"
                                   "funding\tlabel\tFunding\n"
                                   "funding\t2\tbudget*\n"
                                   "funding\t3\tQIPP\n"
                                   "commissioning\tlabel\tCommissioning\n"
                                   "commissioning\t3\tCCG\n"
                                   "commissioning\t1\tcommissioning\n",
                                   &tax)
                  .ok());
  struct Case {
    const char* title;
    std::vector<std::string> body;
    const char* topics;
  };
  std::string long_body(3000, ' ');
  for (std::size_t i = 0; i < 1000; ++i) long_body.replace(i * 3, 2, "aa");
  const Case kCases[] = {
      {"", {"The budget was cut."}, ""},  // 2 < 6
      {"",
       {"The budget and the QIPP savings hit budgets."},
       "funding"},                                    // 2+3+2
      {"Budget cuts", {"Nothing else."}, "funding"},  // title x3
      {"", {"CCGs and CCG boards."}, "commissioning"},
      {"",
       {"The CCG and the QIPP plan and budget.", long_body},
       ""},  // diluted by length
      {"", {"CCG QIPP budget", "CCG QIPP budget"}, "funding|commissioning"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Join(tax.Classify(c.title, c.body)), c.topics)
        << "title=" << c.title << " body=" << c.body[0];
  }
}

// A taxonomy with a domain gives topics only to articles of the domain: a
// business story's budget cuts are not the NHS's funding.
TEST(ExtractTopicsTest, DomainGate) {
  TopicTaxonomy tax;
  ASSERT_TRUE(TopicTaxonomy::Parse("*\tthreshold\t4\n"
                                   "*\tdomain-min\t2\n"
                                   "*\tdomain\tNHS\n"
                                   "*\tdomain\thospital*\n"
                                   "funding\tlabel\tFunding\n"
                                   "funding\t2\tbudget*\n",
                                   &tax)
                  .ok());
  EXPECT_EQ(Join(tax.Classify("Budget cuts", {"Steel firm budgets fall."})),
            "");
  EXPECT_EQ(Join(tax.Classify("Budget cuts", {"The NHS budget falls."})), "");
  EXPECT_EQ(Join(tax.Classify("Budget cuts",
                              {"The NHS budget falls; hospitals close."})),
            "funding");
  EXPECT_EQ(tax.DomainMatches(ArticleTokens("NHS", {"Hospitals, hospital."})),
            3u);
  // Without domain lines every article is in the domain.
  TopicTaxonomy open;
  ASSERT_TRUE(TopicTaxonomy::Parse("*\tthreshold\t4\n"
                                   "funding\tlabel\tFunding\n"
                                   "funding\t2\tbudget*\n",
                                   &open)
                  .ok());
  EXPECT_EQ(Join(open.Classify("Budget cuts", {"Steel firm budgets fall."})),
            "funding");
}

// With a density, health words in passing do not make health news: an
// election story's spending row that names the NHS twice in 60 words
// carries no topic; the same row in 20 words does.
TEST(ExtractTopicsTest, DomainDensityGate) {
  TopicTaxonomy tax;
  ASSERT_TRUE(TopicTaxonomy::Parse("*\tthreshold\t4\n"
                                   "*\tdomain-min\t2\n"
                                   "*\tdomain-per-1000\t50\n"
                                   "*\tdomain\tNHS\n"
                                   "funding\tlabel\tFunding\n"
                                   "funding\t2\tbudget*\n",
                                   &tax)
                  .ok());
  std::string row = "Labour and the Tories clashed over the budget.";
  std::string padding;
  for (int i = 0; i < 5; ++i)
    padding += " The parties argued about taxes and schools again.";
  // 2 domain words in 20 words: 100 per 1,000.
  EXPECT_EQ(Join(tax.Classify("Budget row", {row + " The NHS and NHS."})),
            "funding");
  // 2 in about 70 words: under 50 per 1,000.
  EXPECT_EQ(
      Join(tax.Classify("Budget row", {row + padding + " The NHS and NHS."})),
      "");
}

TEST(ExtractTopicsTest, LongerPhraseCountsOnce) {
  TopicTaxonomy tax;
  ASSERT_TRUE(TopicTaxonomy::Parse("*\tthreshold\t3\n"
                                   "commissioning\tlabel\tCommissioning\n"
                                   "commissioning\t2\tprimary care trust*\n"
                                   "primary-care\tlabel\tPrimary care\n"
                                   "primary-care\t3\tprimary care\n",
                                   &tax)
                  .ok());
  EXPECT_EQ(Join(tax.Classify("", {"Primary care trusts are gone."})), "");
  EXPECT_EQ(Join(tax.Classify("", {"Primary care trusts and primary care."})),
            "primary-care");
}

// The taxonomy the project ships, corpus/topics.tsv.
Status ParseCorpusTaxonomy(TopicTaxonomy* tax) {
  std::ifstream in(std::string(HPNEWS_SOURCE_DIR) + "/corpus/topics.tsv");
  std::stringstream ss;
  ss << in.rdbuf();
  return TopicTaxonomy::Parse(ss.str(), tax);
}

TEST(ExtractTopicsTest, CorpusTaxonomyHasTheAgreedIds) {
  TopicTaxonomy tax;
  Status s = ParseCorpusTaxonomy(&tax);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Join(tax.ids()),
            "commissioning|reorganisation|integration|competition|funding|"
            "workforce|primary-care|"
            "public-health|quality|regulation|politics");
}

// The corpus taxonomy knows the NHS's words after 2013 too: a story told
// in them alone ("never events", "special measures", "primary care
// networks", "the GMS contract") gets its topic, and a contract of general
// practice is not a workforce contract.
TEST(ExtractTopicsTest, CorpusTaxonomyKnowsLaterNhsTerms) {
  TopicTaxonomy tax;
  ASSERT_TRUE(ParseCorpusTaxonomy(&tax).ok());
  EXPECT_EQ(Join(tax.Classify(
                "Trust placed in special measures after never events",
                {"A hospital trust has been placed in special measures after "
                 "three never events in six months, the regulator has said.",
                 "Inspectors found the trust had breached the duty of candour "
                 "by failing to tell patients about the errors."})),
            "quality");
  EXPECT_EQ(Join(tax.Classify(
                "GP practices join primary care networks",
                {"Nearly every GP practice in England has joined a primary "
                 "care network, NHS England has said.",
                 "The PCN contract, an enhanced service under the GMS "
                 "contract, pays practices to work at scale. Some GP partners "
                 "said the networks would favour GP federations."})),
            "primary-care");
}

// A services contract won by a private company is competition, not
// workforce; a pregnancy's contractions are neither.
TEST(ExtractTopicsTest, CorpusTaxonomyTellsContractsApart) {
  TopicTaxonomy tax;
  ASSERT_TRUE(ParseCorpusTaxonomy(&tax).ok());
  EXPECT_EQ(
      Join(tax.Classify(
          "Virgin Care wins \u00a3700m community services contract",
          {"Virgin Care has won a seven-year contract to run community "
           "health services for the NHS.",
           "Campaigners warned that it amounted to privatisation of the NHS, "
           "and Unison said patients would lose out as private companies "
           "took over.",
           "The council and the CCG, which procured the services, said the "
           "tender had been fair."})),
      "competition");
  EXPECT_EQ(Join(tax.Classify(
                "Inducing labour at 39 weeks",
                {"Women whose labour was induced at 39 weeks had fewer "
                 "caesarean sections, the hospital study found.",
                 "Contractions began sooner and patients spent less time in "
                 "the hospital, the doctors said."})),
            "");
}

// Evidence the labelled stories taught the corpus taxonomy: a trial's
// result is quality (a treatment works or harms), a trial in court is not,
// and the medicines regulators' decisions are regulation.
TEST(ExtractTopicsTest, CorpusTaxonomyFilesTrialsAndMedicinesRegulators) {
  struct Case {
    const char* title;
    std::vector<std::string> paragraphs;
    const char* want;
  };
  const Case kCases[] = {
      {"Statin cuts heart attacks in older patients, trial finds",
       {"Patients over 75 who took the drug had a third fewer heart attacks "
        "than those given a placebo, a randomised clinical trial of 3,000 "
        "patients found.",
        "Side effects were rare, the researchers said, but the study was too "
        "short to show any effect on survival.",
        "Doctors said the findings should change how the drug is prescribed "
        "in hospitals."},
       "quality"},
      {"Hospital group ex-boss goes on trial",
       {"The former head of a hospital group inflated its earnings to boost "
        "the share price, a court heard on the first day of his trial.",
        "Prosecutors said the fraud at the health company ran for six years; "
        "his lawyers said he was deceived by other executives.",
        "Former employees are expected to give evidence against him."},
       ""},
      {"MHRA approves first pill for migraine prevention",
       {"The MHRA has approved the drug for use in patients who have at least "
        "four migraines a month.",
        "The decision follows its approval by the European Medicines Agency "
        "last year. Doctors said patients in hospital clinics would be first "
        "to get it."},
       "regulation"},
  };
  TopicTaxonomy tax;
  ASSERT_TRUE(ParseCorpusTaxonomy(&tax).ok());
  for (const Case& c : kCases)
    EXPECT_EQ(Join(tax.Classify(c.title, c.paragraphs)), c.want) << c.title;
}

TEST(ExtractTopicsTest, ParseErrorsNameTheLine) {
  const std::pair<const char*, int> kCases[] = {
      {"funding\t2\tbudget\n", 1},  // no label before
      {"funding\tlabel\tFunding\nfunding\theavy\tbudget\n", 2},
      {"funding\tlabel\tFunding\nfunding\t2\n", 2},
      {"Funding\tlabel\tFunding\n", 1},  // bad id
      {"*\tthreshold\tzero\n", 1},
      {"*\tdomain-min\t-1\n", 1},
      {"*\tdomain-per-1000\tmany\n", 1},
      {"*\tcontext\tNHS\n", 1},
      {"funding\tlabel\tFunding\nfunding\tlabel\tAgain\n", 2},
  };
  for (const auto& [text, line] : kCases) {
    TopicTaxonomy tax;
    Status s = TopicTaxonomy::Parse(text, &tax);
    EXPECT_TRUE(s.IsInvalidInput()) << text;
    EXPECT_EQ(s.line(), line) << text << " -> " << s.ToString();
  }
}

}  // namespace
}  // namespace hpnews
