// The extraction dev set: 147 real articles from ../shared/data labelled by
// hand (tests/devset/labels.json) with the people quoted, who said each
// quote and, where the text says, the outlet, headline, date and topics.
// Prints precision,
// recall and F1 per field and asserts a floor a little below what the rules
// reach, so regressions show. Speed is measured by bench/extract_bench.cc,
// not here. Skipped when ../shared/data is absent.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/extract.h"
#include "common/reader.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(HPNEWS_SHARED_DIR) / "data";

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double Precision() const { return tp + fp == 0 ? 1 : double(tp) / (tp + fp); }
  double Recall() const { return tp + fn == 0 ? 1 : double(tp) / (tp + fn); }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

// How a test prints the articles' quotation marks.
enum class Marks {
  kAsPrinted,
  kCurlySingle,    // ‘...’, as British papers print quotes
  kStraightSingle  // '...', as pages typed with one mark print them
};

// The text with its double quotation marks made single, where the closing
// mark is also the apostrophe. For curly marks, straight ones (double or
// single, quote or apostrophe) open after a space, a bracket or a dash and
// close elsewhere, as a word processor sets them: "Scotland's" becomes
// "Scotland’s", and "class of '83" "class of ‘83".
std::string ToSingleMarks(const std::string& text, Marks marks) {
  const bool curly = marks == Marks::kCurlySingle;
  const std::string open = curly ? "\u2018" : "'";
  const std::string close = curly ? "\u2019" : "'";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\u201C") == 0) {
      out += open;
      i += 2;
    } else if (text.compare(i, 3, "\u201D") == 0) {
      out += close;
      i += 2;
    } else if (text[i] == '"' || (curly && text[i] == '\'')) {
      char before = i == 0 ? ' ' : text[i - 1];
      bool opens = std::isspace(static_cast<unsigned char>(before)) ||
                   before == '(' || before == '[' || before == '-';
      out += opens ? open : close;
    } else {
      out += text[i];
    }
  }
  return out;
}

class DevsetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kData / "bbc-news")) GTEST_SKIP() << kData << " is absent";
    Status status;
    extractor_ =
        Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
    ASSERT_NE(extractor_, nullptr) << status.ToString();
    labels_ = nlohmann::json::parse(
        ReadAll(fs::path(HPNEWS_SOURCE_DIR) / "tests/devset/labels.json"));
  }
  // Reads a labelled file as hpnews-index does and extracts it, its
  // quotation marks first printed as `marks` says.
  Article ReadAndExtract(const std::string& rel, Marks marks) {
    fs::path path = kData / rel;
    EXPECT_TRUE(fs::exists(path)) << path;
    std::vector<FileProblem> problems, warnings;
    bool file_ok = false;
    std::vector<Article> read =
        ReadArticleFile(path.string(), &problems, &warnings, &file_ok);
    EXPECT_TRUE(file_ok && read.size() == 1) << rel;
    Article a = read.empty() ? Article() : std::move(read[0]);
    if (marks != Marks::kAsPrinted) {
      a.title = ToSingleMarks(a.title, marks);
      for (std::string& p : a.paragraphs) p = ToSingleMarks(p, marks);
    }
    extractor_->Extract(&a, "");
    return a;
  }
  std::unique_ptr<Extractor> extractor_;
  nlohmann::json labels_;
};

// The scores of one batch of labelled articles.
struct Scores {
  Counts speakers, topics;
  // Quotes labelled with their speaker: given to that speaker (right), to
  // another (wrong), or not found (missed). Quotes with no named speaker
  // (an unnamed official, a title, an organisation): given to a person
  // anyway (misgiven), or left alone. The extractor gives an organisation's
  // words to the organisation ("the TUC said"); the labels name people
  // only, so such a quote counts as neither right nor wrong.
  int quotes_right = 0, quotes_wrong = 0, quotes_missed = 0;
  int quotes_unnamed = 0, quotes_misgiven = 0, quotes_to_body = 0;
  double QuotePrecision() const {
    int given = quotes_right + quotes_wrong + quotes_misgiven;
    return given == 0 ? 1 : double(quotes_right) / given;
  }
  double QuoteRecall() const {
    int named = quotes_right + quotes_wrong + quotes_missed;
    return named == 0 ? 1 : double(quotes_right) / named;
  }
  int outlet_labelled = 0, outlet_right = 0;
  int title_labelled = 0, title_right = 0;
  int date_labelled = 0, date_right = 0;
};

void Print(const char* name, const Scores& s) {
  std::printf(
      "%s: speakers P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); topics P %.3f "
      "R %.3f (tp %d fp %d fn %d); title %d/%d; date %d/%d; outlet %d/%d\n",
      name, s.speakers.Precision(), s.speakers.Recall(), s.speakers.F1(),
      s.speakers.tp, s.speakers.fp, s.speakers.fn, s.topics.Precision(),
      s.topics.Recall(), s.topics.tp, s.topics.fp, s.topics.fn, s.title_right,
      s.title_labelled, s.date_right, s.date_labelled, s.outlet_right,
      s.outlet_labelled);
  std::printf(
      "%s: quotes attributed P %.3f R %.3f (right %d wrong %d missed %d; "
      "unnamed %d, given a person %d, to a body %d)\n",
      name, s.QuotePrecision(), s.QuoteRecall(), s.quotes_right, s.quotes_wrong,
      s.quotes_missed, s.quotes_unnamed, s.quotes_misgiven, s.quotes_to_body);
}

// Lower case letters and digits, one space between words, no apostrophes
// (straight or curly): how a labelled quote's first words and an extracted
// quote are compared.
std::string QuoteKey(std::string text) {
  for (const char* apostrophe : {"\u2018", "\u2019"}) {
    for (std::size_t at = text.find(apostrophe); at != std::string::npos;
         at = text.find(apostrophe, at))
      text.erase(at, 3);
  }
  std::string key;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      key += static_cast<char>(std::tolower(c));
    } else if (std::isspace(c) && !key.empty() && key.back() != ' ') {
      key += ' ';
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// Scores the extracted quotes of one article against its labels: each
// label (the first words of a quoted span, and who said it or null) takes
// the first unused extracted quote that begins with those words (or, for a
// shorter extracted quote, that the words begin with).
void CompareQuotes(const std::string& path, const nlohmann::json& labels,
                   const Article& a, Scores* s) {
  const std::vector<Quote>& quotes = a.quotes;
  bool print = !path.empty();
  std::vector<std::string> keys;
  for (const Quote& q : quotes) keys.push_back(QuoteKey(q.text));
  std::vector<bool> used(quotes.size(), false);
  for (const nlohmann::json& label : labels) {
    std::string want = QuoteKey(label["text"].get<std::string>());
    std::string by =
        label["by"].is_null() ? "" : label["by"].get<std::string>();
    int found = -1;
    for (size_t i = 0; i < quotes.size() && found < 0; ++i) {
      if (used[i] || keys[i].empty()) continue;
      if (keys[i].compare(0, want.size(), want) == 0 ||
          want.compare(0, keys[i].size(), keys[i]) == 0)
        found = static_cast<int>(i);
    }
    if (found >= 0) used[found] = true;
    std::string got = found >= 0 ? quotes[found].speaker : "";
    const bool person = std::find(a.speakers.begin(), a.speakers.end(), got) !=
                        a.speakers.end();
    if (by.empty()) {
      ++s->quotes_unnamed;
      if (!got.empty() && !person) {
        ++s->quotes_to_body;
      } else if (!got.empty()) {
        ++s->quotes_misgiven;
        if (print)
          std::printf("  %s: quote \"%s\" given to \"%s\", want nobody\n",
                      path.c_str(), want.c_str(), got.c_str());
      }
    } else if (got == by) {
      ++s->quotes_right;
    } else if (!got.empty()) {
      ++s->quotes_wrong;
      if (print)
        std::printf("  %s: quote \"%s\" given to \"%s\", want \"%s\"\n",
                    path.c_str(), want.c_str(), got.c_str(), by.c_str());
    } else {
      ++s->quotes_missed;
      if (print)
        std::printf("  %s: missed quote \"%s\" by \"%s\"\n", path.c_str(),
                    want.c_str(), by.c_str());
    }
  }
}

// Adds the set comparison of `got` against `want` to *c; prints the
// differences when `path` is not empty.
void Compare(const std::string& path, const char* field,
             const std::set<std::string>& want,
             const std::set<std::string>& got, Counts* c) {
  bool print = !path.empty();
  for (const std::string& s : got) {
    if (want.count(s)) {
      ++c->tp;
    } else {
      ++c->fp;
      if (print)
        std::printf("  %s: extra %s \"%s\"\n", path.c_str(), field, s.c_str());
    }
  }
  for (const std::string& s : want) {
    if (!got.count(s)) {
      ++c->fn;
      if (print)
        std::printf("  %s: missed %s \"%s\"\n", path.c_str(), field, s.c_str());
    }
  }
}

// The strings of a JSON array of labels, as a set.
std::set<std::string> LabelSet(const nlohmann::json& array) {
  std::set<std::string> out;
  for (const auto& x : array) out.insert(x.get<std::string>());
  return out;
}

// Adds one article's speakers and, where labelled, quotes to *s; prints
// the differences when `path` is not empty.
void ComparePeople(const std::string& path, const nlohmann::json& item,
                   const Article& a, Scores* s) {
  Compare(path, "speaker", LabelSet(item["speakers"]),
          std::set<std::string>(a.speakers.begin(), a.speakers.end()),
          &s->speakers);
  if (item.contains("quotes")) CompareQuotes(path, item["quotes"], a, s);
}

// The labelled batches, in tests/devset/labels.json's "batch" field, and
// the floors each must keep: a little below what the rules reach, so
// regressions show (0: no floor of its own). Batch 1 tuned the rules;
// batches 2, 4, 5 and 6 were labelled before the extractor was run on them
// and are held-out checks; batch 3 was held out until the quote rules were
// tuned on it (labels.json says so); batches 7-13 were labelled blind and
// first scored before their errors were read.
struct Batch {
  const char* name;
  double speaker_f1, quote_precision, quote_recall;
};
constexpr Batch kBatches[] = {
    {"all", 0, 0.93, 0.88},
    {"batch 1 (tuned)", 0.94, 0, 0},
    {"batch 2 (held out)", 0.92, 0, 0},
    {"batch 3 (held out, then tuned on)", 0.88, 0, 0},
    {"batch 4 (held out)", 0.89, 0, 0},
    {"batch 5 (held out)", 0.91, 0, 0},
    {"batch 6 (held out)", 0.92, 0, 0},
    {"batch 7 (held out)", 0.92, 0.92, 0.87},
    {"batch 8 (held out)", 0.91, 0.92, 0.87},
    {"batch 9 (held out)", 0.90, 0.92, 0.87},
    {"batch 10 (held out)", 0.88, 0.90, 0.82},
    {"batch 11 (held out)", 0.92, 0.92, 0.87},
    {"batch 12 (held out)", 0.95, 0.97, 0.92},
    {"batch 13 (held out)", 0.89, 0.94, 0.87},
};
constexpr int kLastBatch = std::size(kBatches) - 1;

TEST_F(DevsetTest, FieldsReachTheirFloor) {
  Scores batch[std::size(kBatches)];
  for (const nlohmann::json& item : labels_["articles"]) {
    std::string rel = item["path"].get<std::string>();
    int b = item.value("batch", 1);
    ASSERT_TRUE(b >= 1 && b <= kLastBatch) << rel;
    Article a = ReadAndExtract(rel, Marks::kAsPrinted);
    for (Scores* s : {&batch[0], &batch[b]}) {
      ComparePeople(s == &batch[0] ? rel : "", item, a, s);
      if (item.contains("topics")) {
        Compare(s == &batch[0] ? rel : "", "topic", LabelSet(item["topics"]),
                std::set<std::string>(a.topics.begin(), a.topics.end()),
                &s->topics);
      }
      if (item.contains("outlet")) {
        ++s->outlet_labelled;
        if (a.outlet == item["outlet"].get<std::string>()) {
          ++s->outlet_right;
        } else if (s == &batch[0]) {
          std::printf("  %s: outlet \"%s\", want \"%s\"\n", rel.c_str(),
                      a.outlet.c_str(),
                      item["outlet"].get<std::string>().c_str());
        }
      }
      if (item.contains("title")) {
        ++s->title_labelled;
        if (a.title == item["title"].get<std::string>()) {
          ++s->title_right;
        } else if (s == &batch[0]) {
          std::printf("  %s: title \"%s\"\n", rel.c_str(), a.title.c_str());
        }
      }
      if (item.contains("date")) {
        ++s->date_labelled;
        std::string want_d =
            item["date"].is_null() ? "" : item["date"].get<std::string>();
        std::string got_d = a.date ? a.date->Iso() : "";
        if (got_d == want_d) {
          ++s->date_right;
        } else if (s == &batch[0]) {
          std::printf("  %s: date \"%s\", want \"%s\"\n", rel.c_str(),
                      got_d.c_str(), want_d.c_str());
        }
      }
    }
  }
  for (int b = 1; b <= kLastBatch; ++b) Print(kBatches[b].name, batch[b]);
  Print(kBatches[0].name, batch[0]);
  // Who names whom, and who said which quote, against the floors of
  // kBatches. (Speakers reached: F1 batch 1 0.975, batch 2 0.982, batch 3
  // 0.922, batch 4 0.929, batch 5 0.935, batch 6 0.950, batch 7 0.953, batch 8
  // 0.953, batch 9 0.914, batch 10 0.893, batch 11 0.938, batch 12 0.980,
  // batch 13 0.921; with the rules of 78f4345 batch 3 was 0.852, batch 4
  // 0.841, batch 5 0.832, batch 6 0.881; batch 7 was 0.862 when first scored,
  // at 8bf344a, batch 8 0.903, at 7d6d84e, batch 9 0.899, at f2faaf0, batch
  // 10 0.844, at 62e687f, batch 11 0.894, at 5c3fc98, batch 12 0.920 and
  // batch 13 0.894, at ffa5676.)
  // Quotes (reached: all batches P 0.953 R 0.903, batch 7 P 0.950 R 0.904,
  // batch 8 P 0.967 R 0.926, batch 9 P 0.940 R 0.929, batch 10 P 0.917 R 0.852,
  // batch 11 P 0.975 R 0.944, batch 12 P 0.993 R 0.949, batch 13 P 0.965 R
  // 0.895; P 0.845 R 0.750 with the rules of 78f4345; batch 7 P 0.907 R 0.801,
  // batch 8 P 0.898 R 0.840, batch 9 P 0.917 R 0.846, batch 10 P 0.833 R
  // 0.742, batch 11 P 0.931 R 0.871, batch 12 P 0.887 R 0.848 and batch 13 P
  // 0.935 R 0.849 when first scored.)
  for (int b = 0; b <= kLastBatch; ++b) {
    const Batch& f = kBatches[b];
    if (f.speaker_f1 > 0) {
      EXPECT_GE(batch[b].speakers.F1(), f.speaker_f1) << f.name;
    }
    if (f.quote_precision > 0) {
      EXPECT_GE(batch[b].QuotePrecision(), f.quote_precision) << f.name;
      EXPECT_GE(batch[b].QuoteRecall(), f.quote_recall) << f.name;
    }
  }
  EXPECT_GE(batch[1].speakers.Precision(), 0.96);
  EXPECT_EQ(batch[0].outlet_right, batch[0].outlet_labelled);
  EXPECT_EQ(batch[0].title_right, batch[0].title_labelled);
  EXPECT_EQ(batch[0].date_right, batch[0].date_labelled);
  // Business stories have no word of health, so no topic, but for one
  // budget story that mentions health and education spending (1 of 15
  // stories labelled with none; 4 before the domain gate).
  EXPECT_LE(batch[0].topics.fp, 1);
}

// The same articles with their quotes in single marks: curly (‘...’), the
// style of the British trade papers hpnews is for, and straight ('...'),
// where pages typed with one mark also nest quotes in it. The labels are
// BBC and US stories in double marks; the rules must find and give the
// same quotes in any style. (Reached: P 0.950 R 0.900 curly, P 0.950
// R 0.897 straight, against P 0.953 R 0.903 in double marks. With the extractor
// of e218ac2, P 0.903 R 0.730 in both: a paragraph's run-together quotes merged
// into one, and "Tories’ considerably" closed a quote.)
TEST_F(DevsetTest, QuotesInSingleMarksReachTheSameFloor) {
  for (Marks marks : {Marks::kCurlySingle, Marks::kStraightSingle}) {
    const std::string style =
        marks == Marks::kCurlySingle ? "curly single" : "straight single";
    Scores batch[std::size(kBatches)];
    for (const nlohmann::json& item : labels_["articles"]) {
      if (!item.contains("quotes")) continue;
      std::string rel = item["path"].get<std::string>();
      Article a = ReadAndExtract(rel, marks);
      Scores* s = &batch[item.value("batch", 1)];
      for (Scores* t : {&batch[0], s})
        ComparePeople(t == &batch[0] ? rel : "", item, a, t);
    }
    for (int b = 1; b <= kLastBatch; ++b) {
      std::string name = style + " marks, batch " + std::to_string(b);
      Print(name.c_str(), batch[b]);
    }
    Print((style + " marks, all").c_str(), batch[0]);
    EXPECT_GE(batch[0].speakers.F1(), 0.93) << style;
    EXPECT_GE(batch[0].QuotePrecision(), 0.93) << style;
    EXPECT_GE(batch[0].QuoteRecall(), 0.88) << style;
  }
}

// Topics on 122 more articles (tests/devset/topics.json). Set 1: 24 BBC
// stories that name health at least twice, 6 that name it once, 6 politics
// stories that never do, and 16 FakeHealth stories and releases, labelled by
// two readers who did not see the extractor's output, with these
// definitions: commissioning (who plans and buys care: PCTs, CCGs, payers),
// reorganisation (structural reform of the health service's bodies),
// integration (health and social care joined up), competition (markets and
// private provision of care), funding (money in health care), workforce
// (health staff), primary-care (GPs, family doctors), public-health
// (prevention: smoking, diet, exercise, vaccination, outbreaks), quality
// (quality and safety of care, outcomes, evidence that treatments work or
// harm), regulation (regulators and rules for care and medicines), politics
// (party politics of health). A topic is given only where the story is
// substantially about it; a story not about health, or naming it in passing,
// has none. Set 2: 40 more (28 FakeHealth, the last 3 BBC stories naming
// health twice, 9 naming it once or never) labelled later the same way by
// one reader, and first scored after the taxonomy's trial vocabulary was
// written from set 1's errors (then P 0.783 R 0.514 on set 2; it then chose
// between two variants of those rules).
// (Reached: set 1 P 0.821 R 0.657, set 2 P 0.844 R 0.771, and none of the
// 37 stories labelled with no topic given one. Before the trial vocabulary,
// set 1 P 0.769 R 0.286 and set 2 P 0.250 R 0.029: the readers count a
// trial's result as "quality", and the taxonomy's quality was of care only.
// The medicines regulators (MHRA, FDA, EMA) then added 4 of 8 missed
// "regulation" labels and one false one.) Set 3: 30 more (20 FakeHealth, the
// last 10 BBC stories naming health twice) labelled later the same way by
// one reader and first scored with the taxonomy as it stood: P 0.792 R 0.679.
TEST_F(DevsetTest, TopicsOfHealthAndOtherNews) {
  nlohmann::json labels = nlohmann::json::parse(
      ReadAll(fs::path(HPNEWS_SOURCE_DIR) / "tests/devset/topics.json"));
  Counts topics[4];
  int none = 0, none_given = 0;
  for (const nlohmann::json& item : labels["articles"]) {
    std::string rel = item["path"].get<std::string>();
    int set = item.value("set", 1);
    ASSERT_TRUE(set >= 1 && set <= 3) << rel;
    Article a = ReadAndExtract(rel, Marks::kAsPrinted);
    const std::set<std::string> want = LabelSet(item["topics"]);
    const std::set<std::string> got(a.topics.begin(), a.topics.end());
    Compare(rel, "topic", want, got, &topics[0]);
    Compare("", "topic", want, got, &topics[set]);
    if (want.empty()) {
      ++none;
      none_given += !a.topics.empty();
    }
  }
  for (int set : {0, 1, 2, 3}) {
    const Counts& t = topics[set];
    const std::string name = set == 0 ? "all" : "set " + std::to_string(set);
    std::printf("topics, %s: P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n",
                name.c_str(), t.Precision(), t.Recall(), t.F1(), t.tp, t.fp,
                t.fn);
  }
  std::printf("%d of %d stories labelled with none given a topic\n", none_given,
              none);
  for (int set : {1, 2}) {
    EXPECT_GE(topics[set].Precision(), 0.80) << "set " << set;
    EXPECT_GE(topics[set].Recall(), 0.64) << "set " << set;
  }
  EXPECT_GE(topics[3].Precision(), 0.75);
  EXPECT_GE(topics[3].Recall(), 0.64);
  EXPECT_LE(none_given, 1);
}

}  // namespace
}  // namespace hpnews
