// Topic taxonomy and the word-boundary phrase matcher; see extract_topics.h.

#include "common/extract_topics.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "common/text_util.h"

namespace hpnews {
namespace {

// Prefix patterns ("privatis*") are found by this many leading bytes.
constexpr std::size_t kPrefixKey = 3;
// A title word is worth this many body words.
constexpr double kTitleWeight = 3;
// Bodies longer than this many words need proportionally more evidence.
constexpr double kNormWords = 250;

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// Byte length of the UTF-8 character starting with lead byte `c`.
std::size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;  // a stray continuation byte or invalid lead: one byte
}

enum class CharClass { kSpace, kWord, kPunct };

CharClass Classify(std::string_view text, std::size_t pos, std::size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  *len = std::min(Utf8Length(c), text.size() - pos);
  if (c < 0x80) {
    if (IsAsciiAlnum(c)) return CharClass::kWord;
    if (c <= ' ' || c == 0x7F) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  unsigned char c1 = *len > 1 ? static_cast<unsigned char>(text[pos + 1]) : 0;
  unsigned char c2 = *len > 2 ? static_cast<unsigned char>(text[pos + 2]) : 0;
  if (c == 0xC2)
    return c1 == 0xA0 ? CharClass::kSpace
                      : CharClass::kPunct;  // U+0080-00BF: symbols
  if (c == 0xE2 &&
      c1 == 0x80) {  // U+2000-203F: spaces, dashes, quotes, bullets
    if (c2 <= 0x8B || c2 == 0xAF) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return CharClass::kSpace;  // BOM
  return CharClass::kWord;  // accented and other letters
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

bool ValidTopicId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || ch == '-';
  });
}

}  // namespace

TokenizedText::TokenizedText(std::string_view text) {
  if (text.empty()) return;
  lower_ = std::make_unique<char[]>(text.size());
  char* lower = lower_.get();
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    lower[i] =
        (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  tokens_.reserve(text.size() / 4);
  std::size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    MatchToken token;
    token.begin = pos;
    if (c < 0x80) {
      // ASCII, the common case, without the general classifier.
      if (IsAsciiAlnum(c)) {
        token.is_word = true;
        ++pos;
        while (pos < text.size()) {
          unsigned char d = static_cast<unsigned char>(text[pos]);
          if (d < 0x80) {
            if (!IsAsciiAlnum(d)) break;
            ++pos;
            continue;
          }
          std::size_t l = 0;
          if (Classify(text, pos, &l) != CharClass::kWord) break;
          pos += l;
        }
      } else if (c <= ' ' || c == 0x7F) {
        ++pos;
        continue;
      } else {
        ++pos;
      }
    } else {
      std::size_t len = 0;
      CharClass cls = Classify(text, pos, &len);
      if (cls == CharClass::kSpace) {
        pos += len;
        continue;
      }
      if (cls == CharClass::kPunct) {
        pos += len;
      } else {
        token.is_word = true;
        while (pos < text.size()) {
          std::size_t l = 0;
          if (Classify(text, pos, &l) != CharClass::kWord) break;
          pos += l;
        }
      }
    }
    token.end = pos;
    token.text = text.substr(token.begin, token.end - token.begin);
    token.lower =
        std::string_view(lower + token.begin, token.end - token.begin);
    words_ += token.is_word;
    tokens_.push_back(token);
  }
}

ArticleTokens::ArticleTokens(const std::string& title_text,
                             const std::vector<std::string>& paragraph_texts)
    : title(title_text) {
  paragraphs.reserve(paragraph_texts.size());
  for (const std::string& p : paragraph_texts) paragraphs.emplace_back(p);
}

int PhraseMatcher::Add(std::string_view pattern, bool case_sensitive) {
  Pattern p;
  p.case_sensitive = case_sensitive;
  std::string_view body = pattern;
  if (!body.empty() && body.back() == '*') {
    p.prefix = true;
    body.remove_suffix(1);
  }
  TokenizedText words(body);
  if (words.tokens().empty()) return -1;
  for (const MatchToken& w : words.tokens()) {
    p.text.emplace_back(w.text);
    p.lower.emplace_back(w.lower);
    p.is_word.push_back(w.is_word);
  }
  int index = static_cast<int>(patterns_.size());
  const std::string& first = p.lower.front();
  bool by_prefix =
      p.prefix && p.lower.size() == 1 && first.size() >= kPrefixKey;
  keys_.push_back(by_prefix ? first.substr(0, kPrefixKey) : first);
  first_pairs_[PairIndex(first)] = true;
  // A one-byte key is also looked up for its plural ("xs").
  if (first.size() == 1) first_pairs_[PairIndex(first + "s")] = true;
  (by_prefix ? by_prefix_ : by_first_)[keys_.back()].push_back(index);
  patterns_.push_back(std::move(p));
  return index;
}

bool PhraseMatcher::MatchesAt(const Pattern& p,
                              const std::vector<MatchToken>& tokens,
                              std::size_t at) const {
  std::size_t n = p.text.size();
  if (at + n > tokens.size()) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const MatchToken& got = tokens[at + i];
    std::string_view w = p.case_sensitive ? p.text[i] : p.lower[i];
    std::string_view g = p.case_sensitive ? got.text : got.lower;
    bool last = i + 1 == n;
    if (last && p.prefix) {
      if (g.substr(0, w.size()) != w) return false;
    } else if (g != w) {
      // The last word may carry a plural "s" ("CCGs", "budgets").
      if (!last || !p.is_word[i] || g.size() != w.size() + 1 ||
          g.back() != 's' || g.substr(0, w.size()) != w) {
        return false;
      }
    }
  }
  return true;
}

const std::vector<int>* PhraseMatcher::Lookup(const Index& map,
                                              std::string_view key) const {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(
    const std::vector<MatchToken>& tokens) const {
  std::vector<Match> matches;
  auto try_list = [&](const std::vector<int>& list, std::size_t at) {
    for (int index : list) {
      const Pattern& p = patterns_[index];
      if (MatchesAt(p, tokens, at))
        matches.push_back({index, at, at + p.text.size()});
    }
  };
  for (std::size_t at = 0; at < tokens.size(); ++at) {
    const MatchToken& token = tokens[at];
    if (!first_pairs_[PairIndex(token.lower)]) continue;
    if (const std::vector<int>* list = Lookup(by_first_, token.lower))
      try_list(*list, at);
    // Plural forms of one-word patterns ("CCGs" for "CCG").
    if (token.is_word && token.lower.size() > 1 && token.lower.back() == 's') {
      if (const std::vector<int>* plural = Lookup(
              by_first_, token.lower.substr(0, token.lower.size() - 1))) {
        for (int index : *plural) {
          const Pattern& p = patterns_[index];
          if (p.text.size() == 1 && MatchesAt(p, tokens, at)) {
            matches.push_back({index, at, at + 1});
          }
        }
      }
    }
    if (!by_prefix_.empty() && token.is_word &&
        token.lower.size() >= kPrefixKey) {
      if (const std::vector<int>* pre =
              Lookup(by_prefix_, token.lower.substr(0, kPrefixKey)))
        try_list(*pre, at);
    }
  }
  return matches;
}

Status TopicTaxonomy::Parse(std::string_view text, TopicTaxonomy* out) {
  *out = TopicTaxonomy();
  std::unordered_map<std::string, int> index_of;
  for (const DataLine& data : DataLines(text)) {
    const int line_no = data.number;
    const std::vector<std::string_view>& f = data.fields;
    if (f.size() != 3) {
      return Status::InvalidInput(
          "expected 3 tab-separated fields, found " + std::to_string(f.size()),
          line_no);
    }
    std::string id(f[0]), kind(f[1]), value(f[2]);
    if (value.empty())
      return Status::InvalidInput("empty third field", line_no);
    if (id == "*") {
      if (kind == "domain") {
        if (out->domain_.Add(value, HasUpper(value)) < 0)
          return Status::InvalidInput("pattern has no words", line_no);
        continue;
      }
      char* end = nullptr;
      double v = std::strtod(value.c_str(), &end);
      double* setting = kind == "threshold"         ? &out->threshold_
                        : kind == "domain-min"      ? &out->domain_min_
                        : kind == "domain-per-1000" ? &out->domain_per_1000_
                                                    : nullptr;
      if (setting == nullptr || *end != '\0' || !(v > 0)) {
        return Status::InvalidInput(
            "expected \"*<TAB>threshold<TAB>positive number\", "
            "\"*<TAB>domain-min<TAB>positive number\", "
            "\"*<TAB>domain-per-1000<TAB>positive number\" or "
            "\"*<TAB>domain<TAB>PATTERN\"",
            line_no);
      }
      *setting = v;
      continue;
    }
    if (!ValidTopicId(id)) {
      return Status::InvalidInput("bad topic id \"" + id + "\" (use a-z and -)",
                                  line_no);
    }
    if (kind == "label") {
      if (index_of.count(id))
        return Status::InvalidInput("second label for " + id, line_no);
      index_of[id] = static_cast<int>(out->ids_.size());
      out->ids_.push_back(id);
      out->labels_.push_back(value);
      continue;
    }
    auto it = index_of.find(id);
    if (it == index_of.end()) {
      return Status::InvalidInput(
          "topic " + id + " has no label line before it", line_no);
    }
    char* end = nullptr;
    double weight = std::strtod(kind.c_str(), &end);
    if (kind.empty() || *end != '\0' || !(weight > 0)) {
      return Status::InvalidInput(
          "second field must be \"label\" or a positive weight, not \"" + kind +
              "\"",
          line_no);
    }
    int p = out->matcher_.Add(value, HasUpper(value));
    if (p < 0) return Status::InvalidInput("pattern has no words", line_no);
    out->pattern_topic_.push_back(it->second);
    out->pattern_weight_.push_back(weight);
  }
  if (out->ids_.empty()) return Status::InvalidInput("no topics");
  return Status::Ok();
}

// Matches not inside a longer match: "clinical commissioning group" counts
// once, not also as "commissioning"; "primary care trust" is not "primary
// care".
static std::vector<PhraseMatcher::Match> Outermost(
    std::vector<PhraseMatcher::Match> matches) {
  if (matches.size() < 2) return matches;
  std::vector<PhraseMatcher::Match> out;
  for (const PhraseMatcher::Match& m : matches) {
    bool inside = false;
    for (const PhraseMatcher::Match& o : matches) {
      if (o.first <= m.first && o.last >= m.last &&
          o.last - o.first > m.last - m.first) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push_back(m);
  }
  return out;
}

std::vector<TopicScore> TopicTaxonomy::Score(
    const std::string& title,
    const std::vector<std::string>& paragraphs) const {
  return Score(ArticleTokens(title, paragraphs));
}

std::vector<TopicScore> TopicTaxonomy::Score(
    const ArticleTokens& tokens) const {
  std::vector<double> title_sum(ids_.size(), 0), body_sum(ids_.size(), 0);
  for (const PhraseMatcher::Match& m :
       Outermost(matcher_.FindAll(tokens.title))) {
    title_sum[pattern_topic_[m.pattern]] += pattern_weight_[m.pattern];
  }
  std::size_t words = 0;
  for (const TokenizedText& para : tokens.paragraphs) {
    words += para.words();
    for (const PhraseMatcher::Match& m : Outermost(matcher_.FindAll(para))) {
      body_sum[pattern_topic_[m.pattern]] += pattern_weight_[m.pattern];
    }
  }
  // Evidence per length: a long article mentions everything once or twice.
  double norm =
      std::sqrt(std::max(1.0, static_cast<double>(words) / kNormWords));
  std::vector<TopicScore> scores;
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    scores.push_back(
        {ids_[i], kTitleWeight * title_sum[i] + body_sum[i] / norm});
  }
  return scores;
}

std::vector<std::string> TopicTaxonomy::Classify(
    const std::string& title,
    const std::vector<std::string>& paragraphs) const {
  return Classify(ArticleTokens(title, paragraphs));
}

std::size_t TopicTaxonomy::DomainMatches(const ArticleTokens& tokens) const {
  std::size_t n = domain_.FindAll(tokens.title).size();
  for (const TokenizedText& para : tokens.paragraphs)
    n += domain_.FindAll(para).size();
  return n;
}

std::vector<std::string> TopicTaxonomy::Classify(
    const ArticleTokens& tokens) const {
  std::vector<std::string> out;
  for (const TopicScore& s : Score(tokens)) {
    if (s.score >= threshold_) out.push_back(s.id);
  }
  // Counted only when a topic qualifies: most articles carry none.
  if (!out.empty() && (domain_min_ > 0 || domain_per_1000_ > 0)) {
    const double matches = static_cast<double>(DomainMatches(tokens));
    std::size_t words = tokens.title.words();
    for (const TokenizedText& para : tokens.paragraphs) words += para.words();
    if (matches < domain_min_ ||
        matches * 1000 < domain_per_1000_ * static_cast<double>(words)) {
      // Not health news, or health in passing: its budgets, ministers and
      // elections are not the NHS's.
      out.clear();
    }
  }
  return out;
}

}  // namespace hpnews
