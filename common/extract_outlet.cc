// Outlet signatures and their scoring; see extract_outlet.h.

#include "common/extract_outlet.h"

#include <algorithm>
#include <initializer_list>

#include "common/text_util.h"

namespace hpnews {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

using Tokens = std::vector<MatchToken>;

// The index of the token just before the name at `first`, skipping an
// article ("told the Guardian"); -1 at the start.
long Before(const Tokens& t, std::size_t first) {
  long i = static_cast<long>(first) - 1;
  if (i >= 0 &&
      (t[i].lower == "the" || t[i].lower == "a" || t[i].lower == "an"))
    --i;
  return i;
}

// True if the words `seq` end at token `end` (inclusive).
bool EndsWithWords(const Tokens& t, long end,
                   std::initializer_list<const char*> seq) {
  long i = end - static_cast<long>(seq.size()) + 1;
  if (i < 0) return false;
  for (const char* w : seq) {
    if (t[i++].lower != w) return false;
  }
  return true;
}

// True if the words `seq` start at token `begin`.
bool StartsWithWords(const Tokens& t, std::size_t begin,
                     std::initializer_list<const char*> seq) {
  if (begin + seq.size() > t.size()) return false;
  for (const char* w : seq) {
    if (t[begin++].lower != w) return false;
  }
  return true;
}

// Phrases around a name that mean the outlet is speaking of itself: people
// talk TO the outlet, the outlet LEARNS, SEES, INVESTIGATES.
bool IsSelfReference(const Tokens& t, std::size_t first, std::size_t last) {
  long b = Before(t, first);
  if (b >= 0) {
    static const std::initializer_list<const char*> kBefore[] = {
        {"told"},
        {"telling"},
        {"tells"},
        {"speaking", "to"},
        {"spoke", "to"},
        {"talking", "to"},
        {"talked", "to"},
        {"statement", "to"},
        {"interview", "with"},
        {"interviewed", "by"},
        {"exclusively", "to"},
        {"confirmed", "to"},
        {"revealed", "to"},
        {"contacted", "by"},
        {"approached", "by"},
        {"asked", "by"},
        {"seen", "by"},
        {"obtained", "by"},
        {"exclusive", "to"},
        {"said", "to"},
        {"comment", "to"},
        {"comments", "to"},
        {"explained", "to"},
        {"wrote", "to"}};
    for (const auto& seq : kBefore) {
      if (EndsWithWords(t, b, seq)) return true;
    }
  }
  static const std::initializer_list<const char*> kAfter[] = {
      {"has", "learnt"},
      {"has", "learned"},
      {"learnt"},
      {"learned"},
      {"understands"},
      {"has", "seen"},
      {"has", "revealed"},
      {"can", "reveal"},
      {"revealed"},
      {"has", "obtained"},
      {"has", "been", "told"},
      {"investigation"},
      {"analysis"},
      {"survey"},
      {"poll"},
      {"asked"},
      {"approached"},
      {"contacted"},
      {"has", "spoken"},
      {"spoke", "to"},
      {"reported", "last"},
      {"has", "reported"},
      {"revealed", "last"}};
  // "a Pulse survey" is the outlet's own; "the BMJ survey" may be anyone's,
  // but an outlet rarely names another's survey without "by".
  for (const auto& seq : kAfter) {
    if (StartsWithWords(t, last, seq)) return true;
  }
  return false;
}

// Phrases that cite the outlet as someone else's source.
bool IsCitation(const Tokens& t, std::size_t first, std::size_t last) {
  long b = Before(t, first);
  if (b >= 0) {
    // "As reported by X" is how trade papers point to their own earlier
    // stories as often as to others': neither us nor a citation.
    if (EndsWithWords(t, b, {"as", "reported", "by"})) return false;
    static const std::initializer_list<const char*> kBefore[] = {
        {"according", "to"},
        {"reported", "by"},
        {"reported", "in"},
        {"survey", "by"},
        {"research", "by"},
        {"report", "by"},
        {"study", "by"},
        {"poll", "by"},
        {"analysis", "by"},
        {"investigation", "by"},
        {"published", "in"},
        {"writing", "in"},
        {"wrote", "in"},
        {"article", "in"},
        {"piece", "in"},
        {"cited", "by"},
        {"quoted", "in"},
        {"quoted", "by"},
        {"via"},
        {"reports", "in"},
        {"reported", "on", "by"},
        {"story", "in"},
        {"letter", "to"},
        {"editorial", "in"}};
    for (const auto& seq : kBefore) {
      if (EndsWithWords(t, b, seq)) return true;
    }
  }
  static const std::initializer_list<const char*> kAfter[] = {
      {"reported"},  {"reports"},      {"said"},  {"says"},    {"magazine"},
      {"newspaper"}, {"has", "found"}, {"found"}, {"claimed"}, {"claims"}};
  for (const auto& seq : kAfter) {
    if (StartsWithWords(t, last, seq)) return true;
  }
  return false;
}

// "© Pulse 2011", "Copyright 2011 Reuters".
bool AfterCopyright(const Tokens& t, std::size_t first) {
  for (std::size_t k = 1; k <= 4 && k <= first; ++k) {
    const MatchToken& tok = t[first - k];
    if (tok.text == "\xC2\xA9" || tok.lower == "copyright") return true;
    if (tok.lower == "c" && first - k >= 1 && t[first - k - 1].text == "(")
      return true;
  }
  return false;
}

// A copyright notice: a short line with "©", "(c)" or "Copyright" anywhere
// in it, which names the outlet before the mark or after the publisher
// ("Nursing Times © 2013", "Copyright © Emap Publishing Limited 2013 -
// HSJ").
bool IsCopyrightNotice(const Tokens& t) {
  constexpr int kMaxWords = 16;
  int words = 0;
  bool mark = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    words += t[i].is_word;
    mark = mark || t[i].text == "\xC2\xA9" || t[i].lower == "copyright" ||
           (t[i].lower == "c" && i > 0 && t[i - 1].text == "(" &&
            i + 1 < t.size() && t[i + 1].text == ")");
  }
  return mark && words <= kMaxWords;
}

// The whole text is the name (a masthead line): "Pulse", "The Guardian".
bool IsWholeText(const Tokens& t, std::size_t first, std::size_t last) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (i >= first && i < last) continue;
    if (t[i].is_word && !(i + 1 == first && t[i].lower == "the")) return false;
  }
  return true;
}

// The agency line of a first paragraph: "LONDON (Reuters) -", "(HealthDay News)
// --".
bool IsAgencyParenthesis(const Tokens& t, std::size_t first, std::size_t last) {
  if (first == 0 || t[first - 1].text != "(" || first > 12) return false;
  std::size_t after = last;
  if (after < t.size() && t[after].lower == "news") ++after;
  return after < t.size() && t[after].text == ")";
}

}  // namespace

Status OutletSignatures::Parse(std::string_view text, OutletSignatures* out) {
  *out = OutletSignatures();
  for (const DataLine& data : DataLines(text)) {
    const int line_no = data.number;
    const std::vector<std::string_view>& f = data.fields;
    if (f.size() != 3) {
      return Status::InvalidInput(
          "expected 3 tab-separated fields, found " + std::to_string(f.size()),
          line_no);
    }
    if (f[0].empty() || f[2].empty())
      return Status::InvalidInput("empty field", line_no);
    Kind kind;
    if (f[1] == "masthead") {
      kind = Kind::kMasthead;
    } else if (f[1] == "domain") {
      kind = Kind::kDomain;
    } else if (f[1] == "name") {
      kind = Kind::kName;
    } else if (f[1] == "quoted") {
      kind = Kind::kQuoted;
    } else {
      return Status::InvalidInput("unknown kind \"" + std::string(f[1]) +
                                      "\" (masthead, domain, name or quoted)",
                                  line_no);
    }
    auto it = std::find(out->outlets_.begin(), out->outlets_.end(), f[0]);
    int outlet = static_cast<int>(it - out->outlets_.begin());
    if (it == out->outlets_.end()) out->outlets_.emplace_back(f[0]);
    if (kind == Kind::kDomain) out->domains_.emplace_back(Lower(f[2]), outlet);
    int p = out->matcher_.Add(f[2], kind != Kind::kDomain);
    if (p < 0) return Status::InvalidInput("pattern has no words", line_no);
    out->pattern_outlet_.push_back(outlet);
    out->pattern_kind_.push_back(kind);
  }
  if (out->outlets_.empty()) return Status::InvalidInput("no outlets");
  return Status::Ok();
}

void OutletSignatures::ScoreText(const TokenizedText& text, Place place,
                                 std::vector<double>* scores) const {
  bool first_paragraph = place == Place::kFirstParagraph;
  const Tokens& tokens = text.tokens();
  std::vector<PhraseMatcher::Match> matches = matcher_.FindAll(tokens);
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const PhraseMatcher::Match& m = matches[i];
    int outlet = pattern_outlet_[m.pattern];
    // "BBC News" also matches "BBC": count the longest name only.
    bool covered = false;
    for (std::size_t j = 0; j < matches.size() && !covered; ++j) {
      const PhraseMatcher::Match& o = matches[j];
      covered = j != i && pattern_outlet_[o.pattern] == outlet &&
                o.first <= m.first && o.last >= m.last &&
                (o.last - o.first > m.last - m.first || j < i);
    }
    if (covered) continue;
    double score = kMention;
    switch (pattern_kind_[m.pattern]) {
      case Kind::kMasthead:
      case Kind::kDomain:
        score = kStrong;
        break;
      case Kind::kName:
      case Kind::kQuoted:
        if (IsWholeText(tokens, m.first, m.last) ||
            AfterCopyright(tokens, m.first) || IsCopyrightNotice(tokens) ||
            (first_paragraph && IsAgencyParenthesis(tokens, m.first, m.last))) {
          score = kStrong;
        } else if (place == Place::kFurniture) {
          score = 0;  // a link or a mention in the site's furniture
        } else if (IsCitation(tokens, m.first, m.last)) {
          score = kCitation;
        } else if (IsSelfReference(tokens, m.first, m.last)) {
          // "told the BBC", "told Reuters": other outlets' stories say it
          // of a broadcaster or an agency as often as its own do.
          score =
              pattern_kind_[m.pattern] == Kind::kQuoted ? kQuotedSelf : kSelf;
        } else {
          score = kMention;
        }
        break;
    }
    (*scores)[outlet] += score;
  }
}

std::vector<OutletScore> OutletSignatures::Score(const Article& article) const {
  return Score(article, ArticleTokens(article.title, article.paragraphs));
}

std::vector<OutletScore> OutletSignatures::Score(
    const Article& article, const ArticleTokens& tokens) const {
  std::vector<double> scores(outlets_.size(), 0);
  if (!article.url.empty()) {
    std::string url = Lower(article.url);
    for (const auto& [domain, outlet] : domains_) {
      // A host name ends the host part or a dotted label: "www.bbc.co.uk/",
      // also inside "web.archive.org/web/2017/https://www.bbc.co.uk/...".
      for (std::size_t at = url.find(domain); at != std::string::npos;
           at = url.find(domain, at + 1)) {
        char before = at == 0 ? '/' : url[at - 1];
        std::size_t end = at + domain.size();
        char after = end == url.size() ? '/' : url[end];
        if ((before == '/' || before == '.') &&
            (after == '/' || after == ':' || after == '?' || after == '#')) {
          scores[outlet] += kStrong;
          break;
        }
      }
    }
  }
  ScoreText(tokens.title, Place::kTitle, &scores);
  for (std::size_t i = 0; i < tokens.paragraphs.size(); ++i) {
    ScoreText(tokens.paragraphs[i],
              i == 0 ? Place::kFirstParagraph : Place::kBody, &scores);
  }
  // The page's own furniture: a masthead there is the strongest evidence.
  // Each signature counts once, however many lines repeat it.
  std::vector<double> furniture(outlets_.size(), 0);
  for (const std::string& line : article.furniture) {
    ScoreText(TokenizedText(line), Place::kFurniture, &furniture);
  }
  for (std::size_t i = 0; i < outlets_.size(); ++i)
    scores[i] += std::min(furniture[i], kStrong);
  std::vector<OutletScore> out;
  for (std::size_t i = 0; i < outlets_.size(); ++i) {
    if (scores[i] != 0) out.push_back({outlets_[i], scores[i]});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const OutletScore& a, const OutletScore& b) {
                     return a.score > b.score;
                   });
  return out;
}

std::string OutletSignatures::Find(const Article& article) const {
  return Find(article, ArticleTokens(article.title, article.paragraphs));
}

std::string OutletSignatures::Find(const Article& article,
                                   const ArticleTokens& tokens) const {
  std::vector<OutletScore> scores = Score(article, tokens);
  if (scores.empty() || scores.front().score < kMinScore) return "";
  return scores.front().outlet;
}

}  // namespace hpnews
