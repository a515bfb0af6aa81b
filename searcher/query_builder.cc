#include "searcher/query_builder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <utility>

#include "common/article.h"
#include "common/extract.h"

namespace hpnews {

namespace {

// Wildcards expand to at most this many terms, the most frequent ones: a
// bounded cost for "a*" on a big index, and still useful results.
constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

// DateTermsQuery() spans at most this many years with terms.
constexpr int kMaxDateTermYears = 400;

// Function words a query's free text can drop: "cost of the care" ranks as
// "cost care" rather than by how often a page says "the". Phrases keep them
// ("Department of Health"), and a query of nothing else is run as typed.
// Words that are also names or acronyms in health news stay out: WHO, IT,
// May, Will, No 10. On MED and CISI (tests/ranking_test.cc) MAP rises
// from 0.532 to 0.535 and from 0.207 to 0.221.
const Xapian::Stopper& QueryStopper() {
  static const char* const kWords[] = {
      "a",     "about", "all",  "also", "an",    "and",     "any",  "are",
      "as",    "at",    "be",   "been", "being", "between", "but",  "by",
      "can",   "did",   "do",   "does", "for",   "from",    "had",  "has",
      "have",  "he",    "her",  "his",  "how",   "i",       "if",   "in",
      "into",  "is",    "its",  "more", "most",  "of",      "on",   "or",
      "other", "our",   "she",  "so",   "some",  "such",    "than", "that",
      "the",   "their", "them", "then", "there", "these",   "they", "this",
      "those", "to",    "was",  "we",   "were",  "what",    "when", "where",
      "which", "with",  "you",  "your"};
  static const Xapian::SimpleStopper stopper(std::begin(kWords),
                                             std::end(kWords));
  return stopper;
}

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE |
    Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

bool IsBlank(const std::string& text) {
  for (unsigned char c : text) {
    if (!std::isspace(c)) return false;
  }
  return true;
}

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!std::isdigit(c)) return false;
  }
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x80) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return s;
}

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// "2011-11" or "2011-1" -> {"2011", "11"}; splits on '-' only.
std::vector<std::string> SplitDashes(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dash = text.find('-', start);
    parts.push_back(text.substr(start, dash - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return parts;
}

std::string TwoDigits(int n) {
  return std::string(1, static_cast<char>('0' + n / 10)) +
         static_cast<char>('0' + n % 10);
}

// Parses "YYYY-MM" (or "YYYYMM") into year and month.
bool ParseMonth(const std::string& text, int* year, int* month) {
  std::vector<std::string> parts = SplitDashes(text);
  std::string y, m;
  if (parts.size() == 2) {
    y = parts[0];
    m = parts[1];
  } else if (parts.size() == 1 && text.size() == 6) {
    y = text.substr(0, 4);
    m = text.substr(4);
  } else {
    return false;
  }
  if (y.size() != 4 || !AllDigits(y) || m.empty() || m.size() > 2 ||
      !AllDigits(m)) {
    return false;
  }
  *year = std::stoi(y);
  *month = std::stoi(m);
  return *month >= 1 && *month <= 12;
}

// True if `text` has the shape of a date bound (digits and dashes in one of
// the forms ParseDateBound takes), valid or not. Lets the unprefixed range
// processor leave "a..b" alone but report "2011-02-31..".
bool LooksLikeDate(const std::string& text) {
  std::vector<std::string> parts = SplitDashes(text);
  if (parts.size() == 1) {
    return AllDigits(text) && (text.size() == 4 || text.size() == 8);
  }
  if (parts.size() > 3 || parts[0].size() != 4) return false;
  for (const std::string& p : parts) {
    if (!AllDigits(p) || (&p != &parts[0] && p.size() > 2)) return false;
  }
  return true;
}

// ---- Wildcards over stems
// ---------------------------------------------------- The index holds stems
// only ("Z" + field prefix + stem: common/document.h), so Xapian's own
// wildcard, which expands `prefix + pattern` over the terms, would find
// nothing. A trailing wildcard is therefore rewritten, before parsing, into a
// term of a hidden field whose processor (WildcardProcessor) expands it over
// the stems. It looks only at the index's terms, which local and remote shards
// alike provide, so a sharded index expands a wildcard exactly as the single
// index does.

// The hidden field names, by free-text field ("" = the default field).
std::string WildcardField(const std::string& field) {
  return "xhpnewswildcard" + field;
}

bool IsWordByte(unsigned char c) {
  return std::isalnum(c) || c == '_' || c >= 0x80;
}

// Rewrites each trailing wildcard "[+-][field:]word*" outside phrases into
// "[+-]<WildcardField(field)>:word". `fields` are the free-text field names
// (title, quote, comment); a wildcard after any other prefix, or inside a
// phrase, is left to Xapian.
std::string RewriteWildcards(const std::string& text,
                             const std::vector<std::string>& fields) {
  std::string out;
  std::vector<std::string> group_field = {""};  // per open bracket
  bool in_phrase = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {
      in_phrase = !in_phrase;
      out += c;
      ++i;
      continue;
    }
    if (in_phrase || std::isspace(static_cast<unsigned char>(c))) {
      out += c;
      ++i;
      continue;
    }
    if (c == '(') {
      group_field.push_back(group_field.back());
      out += c;
      ++i;
      continue;
    }
    if (c == ')') {
      if (group_field.size() > 1) group_field.pop_back();
      out += c;
      ++i;
      continue;
    }
    // A token: up to white space, a bracket or a quote.
    std::size_t end = i;
    while (end < text.size() &&
           !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != '(' && text[end] != ')' && text[end] != '"')
      ++end;
    std::string token = text.substr(i, end - i);
    std::string sign;
    std::string body = token;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
      sign = body.substr(0, 1);
      body.erase(0, 1);
    }
    std::string field = group_field.back();
    bool known_field = true;
    std::size_t colon = body.find(':');
    if (colon != std::string::npos) {
      field = Lower(body.substr(0, colon));
      known_field = false;
      for (const std::string& f : fields) known_field |= f == field;
      body.erase(0, colon + 1);
    }
    bool wildcard = known_field && body.size() >= 2 && body.back() == '*' &&
                    IsWordByte(static_cast<unsigned char>(body[0]));
    for (std::size_t k = 0; wildcard && k + 1 < body.size(); ++k) {
      unsigned char b = static_cast<unsigned char>(body[k]);
      wildcard = IsWordByte(b) || b == '\'';
    }
    if (colon != std::string::npos && end < text.size() && text[end] == '(') {
      // "field:(": the field of the group that opens here.
      group_field.push_back(known_field ? field : "");
      out += token + "(";
      i = end + 1;
      continue;
    }
    if (wildcard) {
      out +=
          sign + WildcardField(field) + ":" + body.substr(0, body.size() - 1);
    } else {
      out += token;
    }
    i = end;
  }
  return out;
}

// Undoes RewriteWildcards() in a corrected query string shown to a user.
std::string UndoWildcardRewrite(std::string text) {
  const std::string hidden = WildcardField("");
  for (std::size_t at; (at = text.find(hidden)) != std::string::npos;) {
    std::size_t colon = text.find(':', at);
    std::size_t end = colon;
    while (end + 1 < text.size() &&
           IsWordByte(static_cast<unsigned char>(text[end + 1])))
      ++end;
    std::string field =
        text.substr(at + hidden.size(), colon - at - hidden.size());
    std::string word = text.substr(colon + 1, end - colon);
    text.replace(at, end + 1 - at,
                 (field.empty() ? "" : field + ":") + word + "*");
  }
  return text;
}

// Expands a wildcard pattern (see above) for the field whose terms have
// `prefix`, against `db`, into the stems of the words that start with it:
//   - stems that start with the pattern ("reorgan*": reorganis);
//   - the pattern's own stem, when stemming cuts into it ("commission*":
//     commiss, the stem of commission, commissioning, commissioned);
//   - failing both, the longest stem that the pattern starts with, cut by at
//     most five letters and at least four long ("nursin*": nurs, the stem
//     of nursing).
// At most kMaxWildcardExpansion terms, the most frequent, in one
// OP_SYNONYM, as Xapian's own wildcard does. Explicit terms (not
// OP_WILDCARD) let MSet::snippet() mark the words they stand for.
class WildcardProcessor : public Xapian::FieldProcessor {
 public:
  WildcardProcessor(const Xapian::Database* db, std::string prefix)
      : db_(db), prefix_("Z" + std::move(prefix)) {}

  Xapian::Query operator()(const std::string& value) override {
    const std::string pattern = Lower(value);
    const std::string root = prefix_ + pattern;
    std::vector<std::pair<Xapian::doccount, std::string>> terms;
    std::size_t scanned = 0;
    for (Xapian::TermIterator t = db_->allterms_begin(root);
         t != db_->allterms_end(root) && scanned < kMaxScanned;
         ++t, ++scanned) {
      terms.emplace_back(t.get_termfreq(), *t);
    }
    const std::string stem = prefix_ + stemmer_(pattern);
    if (stem.compare(0, root.size(), root) != 0) AddIfIndexed(stem, &terms);
    for (std::size_t cut = 1;
         terms.empty() && cut <= 5 && pattern.size() >= cut + 4; ++cut) {
      AddIfIndexed(root.substr(0, root.size() - cut), &terms);
    }
    if (terms.empty()) return Xapian::Query(root);  // matches nothing
    std::stable_sort(
        terms.begin(), terms.end(),
        [](const auto& a, const auto& b) { return a.first > b.first; });
    if (terms.size() > kMaxWildcardExpansion)
      terms.resize(kMaxWildcardExpansion);
    std::vector<Xapian::Query> parts;
    for (const auto& term : terms) parts.emplace_back(term.second);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
  }

 private:
  void AddIfIndexed(
      const std::string& term,
      std::vector<std::pair<Xapian::doccount, std::string>>* terms) const {
    Xapian::doccount freq = db_->get_termfreq(term);
    if (freq > 0) terms->emplace_back(freq, term);
  }

  // Terms looked at per wildcard: bounds "a*" on a big index.
  static constexpr std::size_t kMaxScanned = 200000;
  const Xapian::Database* db_;
  std::string prefix_;
  Xapian::Stem stemmer_{"en"};
};

// Xapian calls our processors from inside parse_query(). They could throw
// QueryParserError, but libxapian 1.4 leaks parser state when an exception
// crosses it (LeakSanitizer shows it), so a processor records the first
// problem in *error instead and returns a placeholder query; BuildQuery()
// then turns the record into a Status and discards the query. The
// placeholder must not be Query::MatchNothing: that is the null Query, and
// libxapian 1.4's parser dereferences it when it sits under a hated pure
// NOT ("-a -(-date:1)" crashed in Query::operator|=; found by the query
// fuzzer, replayed by fuzz_regression_test). The parser, which owns
// the processors, lives no longer than the string they point to.
class ErrorSink {
 public:
  explicit ErrorSink(std::string* error) : error_(error) {}

 protected:
  Xapian::Query Fail(const Status& status) {
    if (error_->empty()) *error_ = status.message();
    return Xapian::Query::MatchAll;
  }

 private:
  std::string* error_;
};

// outlet:, speaker:, topic:, year:, month: - boolean filters whose values
// are normalised to the schema's terms (see FieldTerm()).
class FieldValueProcessor : public Xapian::FieldProcessor, ErrorSink {
 public:
  // `field` points into schema::FacetFields(), which lives forever.
  FieldValueProcessor(const schema::FacetField* field,
                      const OutletAliases* aliases, std::string* error)
      : ErrorSink(error), field_(field), aliases_(aliases) {}

  Xapian::Query operator()(const std::string& value) override {
    std::string term;
    Status status = FieldTerm(*field_, value, &term, aliases_);
    if (!status.ok()) return Fail(status);
    return Xapian::Query(term);
  }

 private:
  const schema::FacetField* field_;
  const OutletAliases* aliases_;  // may be null
};

// date:A..B (strict: anything that is not a date is an error) and bare
// A..B (lenient: only ranges that look like dates are ours, so other range
// syntax still gets Xapian's "unknown range" error).
class DateRangeProcessor : public Xapian::RangeProcessor, ErrorSink {
 public:
  DateRangeProcessor(const std::string& prefix, bool strict, std::string* error)
      : Xapian::RangeProcessor(schema::kDateSlot, prefix),
        ErrorSink(error),
        strict_(strict) {}

  Xapian::Query operator()(const std::string& begin,
                           const std::string& end) override {
    if (!strict_) {
      bool ours = (!begin.empty() || !end.empty()) &&
                  (begin.empty() || LooksLikeDate(begin)) &&
                  (end.empty() || LooksLikeDate(end));
      if (!ours) return Xapian::Query(Xapian::Query::OP_INVALID);
    }
    Xapian::Query query;
    Status status = DateRangeQuery(begin, end, &query);
    if (!status.ok()) return Fail(status);
    return query;
  }

 private:
  bool strict_;
};

// date:VALUE without "..": the whole day, month or year VALUE names. The
// parser hands "date:A..B" to DateRangeProcessor before it gets here.
class DateFieldProcessor : public Xapian::FieldProcessor, ErrorSink {
 public:
  explicit DateFieldProcessor(std::string* error) : ErrorSink(error) {}

  Xapian::Query operator()(const std::string& value) override {
    Xapian::Query query;
    Status status = DateRangeQuery(value, value, &query);
    if (!status.ok()) return Fail(status);
    return query;
  }
};

}  // namespace

Status ParseDefaultOp(const std::string& text, DefaultOp* out) {
  std::string op = Lower(text);
  if (op == "and") {
    *out = DefaultOp::kAnd;
  } else if (op == "or") {
    *out = DefaultOp::kOr;
  } else {
    return Status::InvalidInput("invalid default operator \"" + text +
                                "\" (expected and or or)");
  }
  return Status::Ok();
}

Status ParseFilter(const std::string& spec, Filter* out) {
  std::string known;
  for (const schema::FacetField& f : schema::FacetFields()) {
    known += known.empty() ? "" : ", ";
    known += f.name;
  }
  size_t colon = spec.find(':');
  if (colon == std::string::npos) {
    return Status::InvalidInput(
        "filter \"" + spec + "\" is not FIELD:VALUE (fields: " + known + ")");
  }
  std::string field = Lower(spec.substr(0, colon));
  if (schema::FindFacetField(field) == nullptr) {
    return Status::InvalidInput("unknown filter field \"" +
                                spec.substr(0, colon) + "\" (fields: " + known +
                                ")");
  }
  out->field = field;
  out->value = spec.substr(colon + 1);
  return Status::Ok();
}

std::string StripHonorifics(const std::string& name) {
  static const char* const kHonorifics[] = {
      "dr",         "mr",        "mrs",  "ms",       "miss",  "mx",   "sir",
      "dame",       "lord",      "lady", "baroness", "baron", "prof", "cllr",
      "councillor", "professor", "rev",  "revd",     "rt",    "hon",
  };
  std::vector<std::string> words = SplitWords(name);
  // "Prof Sir Bruce Keogh": titles stack, so strip while one leads, but
  // always keep the last word (`speaker:lord` is a surname search).
  while (words.size() > 1) {
    std::string first = Lower(words[0]);
    if (!first.empty() && first.back() == '.') first.pop_back();
    bool honorific = false;
    for (const char* h : kHonorifics) {
      if (first == h) honorific = true;
    }
    if (!honorific) break;
    words.erase(words.begin());
  }
  return Join(words);
}

Status FieldTerm(const schema::FacetField& field, const std::string& value,
                 std::string* term, const OutletAliases* aliases) {
  std::string name = field.name;
  std::string v = schema::NormaliseTermValue(value);
  if (v.empty()) {
    return Status::InvalidInput("empty value for " + name + ":");
  }
  if (name == "year") {
    if (v.size() != 4 || !AllDigits(v)) {
      return Status::InvalidInput("invalid year \"" + value +
                                  "\" (expected YYYY)");
    }
    *term = schema::kYearPrefix + v;
  } else if (name == "month") {
    int year = 0, month = 0;
    if (!ParseMonth(v, &year, &month)) {
      return Status::InvalidInput("invalid month \"" + value +
                                  "\" (expected YYYY-MM)");
    }
    *term = schema::kMonthPrefix + std::to_string(year) + TwoDigits(month);
  } else if (name == "topic") {
    // Topic ids are [a-z-]: "Social care" and "social_care" mean the id.
    for (char& c : v) {
      if (c == ' ' || c == '_') c = '-';
    }
    *term = schema::Term(schema::kTopicPrefix, v);
  } else if (name == "outlet") {
    std::string canonical = aliases ? aliases->Canonical(value) : "";
    *term = schema::Term(field.prefix, canonical.empty() ? v : canonical);
  } else if (name == "speaker") {
    // A trailing full stop or comma is punctuation, never part of a name;
    // so is a possessive ("Porter's view").
    while (!v.empty() && (v.back() == '.' || v.back() == ',')) v.pop_back();
    for (const char* possessive : {"'s", "\xE2\x80\x99s"}) {
      std::string p = possessive;
      if (v.size() > p.size() + 1 &&
          v.compare(v.size() - p.size(), p.size(), p) == 0) {
        v.resize(v.size() - p.size());
      }
    }
    // The index spells names with a straight apostrophe, whichever the
    // page used ("O’Neill" is "O'Neill").
    for (std::size_t at; (at = v.find("\xE2\x80\x99")) != std::string::npos;)
      v.replace(at, 3, "'");
    // "Porter, Mark" as a reference list writes it: surname first.
    std::size_t comma = v.find(',');
    if (comma != std::string::npos &&
        v.find(',', comma + 1) == std::string::npos) {
      v = v.substr(comma + 1) + " " + v.substr(0, comma);
    }
    std::vector<std::string> words = SplitWords(StripHonorifics(v));
    if (words.empty()) {
      return Status::InvalidInput("empty value for " + name + ":");
    }
    // One word can be either name ("porter", "mark"): the name-word term.
    // Several words are a full canonical name.
    *term = words.size() == 1
                ? schema::Term(schema::kSpeakerWordPrefix, words[0])
                : schema::Term(schema::kSpeakerPrefix, Join(words));
  } else {
    *term = schema::Term(field.prefix, v);
  }
  return Status::Ok();
}

Status ParseDateBound(const std::string& text, bool upper, std::string* ymd) {
  const Status bad = Status::InvalidInput(
      "invalid date \"" + text + "\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  std::vector<std::string> parts = SplitDashes(text);
  int year = 0, month = 0, day = 0;
  if (parts.size() == 1 && AllDigits(text) && text.size() == 4) {
    year = std::stoi(text);
    month = upper ? 12 : 1;
    day = upper ? 31 : 1;
  } else if (parts.size() == 1 && AllDigits(text) && text.size() == 8) {
    year = std::stoi(text.substr(0, 4));
    month = std::stoi(text.substr(4, 2));
    day = std::stoi(text.substr(6, 2));
  } else if (parts.size() == 2 || parts.size() == 3) {
    if (!LooksLikeDate(text)) return bad;
    year = std::stoi(parts[0]);
    month = std::stoi(parts[1]);
    if (parts.size() == 3) {
      day = std::stoi(parts[2]);
    } else {
      if (month < 1 || month > 12) return bad;
      day = 1;
      if (upper) {
        day = 31;
        while (day > 28 && !IsValidDate(year, month, day)) --day;
      }
    }
  } else {
    return bad;
  }
  if (!IsValidDate(year, month, day)) {
    return Status::InvalidInput("no such date \"" + text + "\"");
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  *ymd = buf;
  return Status::Ok();
}

Status DateRangeQuery(const std::string& from, const std::string& to,
                      Xapian::Query* out) {
  if (from.empty() && to.empty()) {
    return Status::InvalidInput("empty date range \"..\"");
  }
  std::string lo, hi;
  if (!from.empty()) {
    Status status = ParseDateBound(from, /*upper=*/false, &lo);
    if (!status.ok()) return status;
  }
  if (!to.empty()) {
    Status status = ParseDateBound(to, /*upper=*/true, &hi);
    if (!status.ok()) return status;
  }
  if (!lo.empty() && !hi.empty() && hi < lo) {
    return Status::InvalidInput("date range \"" + from + ".." + to +
                                "\" ends before it starts");
  }
  if (hi.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, lo);
  } else if (lo.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, hi);
  } else {
    *out = DateTermsQuery(lo, hi);
  }
  return Status::Ok();
}

Xapian::Query DateTermsQuery(const std::string& lo, const std::string& hi) {
  const int y0 = std::stoi(lo.substr(0, 4)), y1 = std::stoi(hi.substr(0, 4));
  // Past a few centuries the terms would outnumber the documents a value
  // range reads.
  if (y1 - y0 > kMaxDateTermYears) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lo,
                         hi);
  }
  auto days_in = [](int y, int m) {
    int d = 31;
    while (d > 28 && !IsValidDate(y, m, d)) --d;
    return d;
  };
  const long end = std::stol(hi);
  int y = y0, m = std::stoi(lo.substr(4, 2)), d = std::stoi(lo.substr(6, 2));
  std::vector<Xapian::Query> terms;
  char term[16];
  while (y * 10000L + m * 100 + d <= end) {
    if (d == 1 && m == 1 && y * 10000L + 1231 <= end) {
      std::snprintf(term, sizeof term, "%s%04d", schema::kYearPrefix, y);
      terms.emplace_back(term);
      ++y;
    } else if (d == 1 && y * 10000L + m * 100 + days_in(y, m) <= end) {
      std::snprintf(term, sizeof term, "%s%04d%02d", schema::kMonthPrefix, y,
                    m);
      terms.emplace_back(term);
      if (++m > 12) {
        m = 1;
        ++y;
      }
    } else {
      std::snprintf(term, sizeof term, "%s%04d%02d%02d", schema::kDayPrefix, y,
                    m, d);
      terms.emplace_back(term);
      if (++d > days_in(y, m)) {
        d = 1;
        if (++m > 12) {
          m = 1;
          ++y;
        }
      }
    }
  }
  // Scaled to 0: a date range filters, it never adds to a score.
  return Xapian::Query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), 0.0);
}

std::shared_ptr<const OutletAliases> LoadOutletAliases(
    const Xapian::Database& db) {
  std::string text = db.get_metadata(schema::kOutletsKey);
  if (text.empty()) {
    std::ifstream in(DefaultDataDir() + "/outlets.tsv", std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  if (text.empty()) return nullptr;
  auto aliases = std::make_shared<OutletAliases>();
  if (!OutletAliases::Parse(text, aliases.get()).ok()) return nullptr;
  return aliases;
}

Status ParseUserQuery(const QuerySpec& spec, const Xapian::Database& db,
                      Xapian::Query* out, std::string* corrected) {
  if (corrected != nullptr) corrected->clear();
  if (IsBlank(spec.text)) {
    if (!spec.allow_empty_text) return Status::InvalidInput("empty query");
    *out = Xapian::Query::MatchAll;
    return Status::Ok();
  }

  std::string error;  // set by our processors; declared before the parser
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("en"));
  // Stems only, with the Z prefix: what common/document.cc indexes.
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
  parser.set_stopper(&QueryStopper());
  parser.set_default_op(spec.default_op == DefaultOp::kAnd
                            ? Xapian::Query::OP_AND
                            : Xapian::Query::OP_OR);
  parser.set_max_expansion(kMaxWildcardExpansion,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                           Xapian::QueryParser::FLAG_WILDCARD);
  // A quote document holds its quote's words once, under XQ: in a quote
  // search, plain words and quote: both mean those.
  const std::string plain_prefix =
      spec.type == DocType::kQuote ? schema::kQuotePrefix : "";
  const std::string quote_prefix = schema::kQuotePrefix;
  const std::vector<std::pair<std::string, std::string>> text_fields = {
      {"", plain_prefix},
      {"title", schema::kTitlePrefix},
      {"quote", quote_prefix},
      {"comment", schema::kCommentPrefix}};
  std::vector<std::string> field_names;
  for (const auto& [name, prefix] : text_fields) {
    if (!name.empty() || !prefix.empty()) parser.add_prefix(name, prefix);
    if (!name.empty()) field_names.push_back(name);
    parser.add_prefix(WildcardField(name),
                      (new WildcardProcessor(&db, prefix))->release());
  }
  for (const schema::FacetField& field : schema::FacetFields()) {
    parser.add_boolean_prefix(
        field.name,
        (new FieldValueProcessor(&field, spec.outlet_aliases.get(), &error))
            ->release());
  }
  parser.add_boolean_prefix("date",
                            (new DateFieldProcessor(&error))->release());
  // The prefixed processor first: it claims date:... and is strict.
  parser.add_rangeprocessor(
      (new DateRangeProcessor("date:", true, &error))->release());
  parser.add_rangeprocessor(
      (new DateRangeProcessor("", false, &error))->release());

  unsigned flags = kParserFlags;
  // Only a caller that wants the correction pays for the spelling lookup
  // of every word.
  if (corrected != nullptr)
    flags |= Xapian::QueryParser::FLAG_SPELLING_CORRECTION;
  // AUTO_MULTIWORD implies AUTO_SYNONYMS: "ccg" and "clinical
  // commissioning groups" both become SYNONYM(typed, XNccg).
  if (spec.synonyms) flags |= Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
  Xapian::Query query;
  try {
    query = parser.parse_query(RewriteWildcards(spec.text, field_names), flags);
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidInput(e.get_msg());
  }
  if (!error.empty()) return Status::InvalidInput(error);
  if (corrected != nullptr)
    *corrected = UndoWildcardRewrite(parser.get_corrected_query_string());
  *out = query;
  return Status::Ok();
}

Status FilterQuery(const QuerySpec& spec, const std::string& except_field,
                   Xapian::Query* out) {
  for (const Filter& filter : spec.filters) {
    if (schema::FindFacetField(filter.field) == nullptr) {
      return Status::InvalidInput("unknown filter field \"" + filter.field +
                                  "\"");
    }
  }
  // --filter: OR within a field, AND across fields, in FacetFields() order
  // so the query (and its description) does not depend on flag order.
  std::vector<Xapian::Query> filters;
  for (const schema::FacetField& field : schema::FacetFields()) {
    if (except_field == field.name) continue;
    std::vector<Xapian::Query> terms;
    for (const Filter& filter : spec.filters) {
      if (filter.field != field.name) continue;
      std::string term;
      Status status =
          FieldTerm(field, filter.value, &term, spec.outlet_aliases.get());
      if (!status.ok()) {
        return Status::InvalidInput("--filter " + filter.field + ":" +
                                    filter.value + ": " + status.message());
      }
      terms.emplace_back(term);
    }
    if (!terms.empty()) {
      filters.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
  }
  if (!spec.from.empty() || !spec.to.empty()) {
    Xapian::Query range;
    Status status = DateRangeQuery(spec.from, spec.to, &range);
    if (!status.ok()) return status;
    filters.push_back(range);
  }
  *out = filters.empty() ? Xapian::Query()
                         : Xapian::Query(Xapian::Query::OP_AND, filters.begin(),
                                         filters.end());
  return Status::Ok();
}

Xapian::Query WithFilter(const Xapian::Query& query,
                         const Xapian::Query& filter) {
  if (filter.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

bool MatchesArticlesOnly(const Xapian::Query& query) {
  const std::size_t n = query.get_num_subqueries();
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      Xapian::TermIterator term = query.get_terms_begin();
      return term != query.get_terms_end() && schema::IsArticleOnlyTerm(*term);
    }
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return true;
    // Every match matches every subquery: one article-only one is enough.
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_NEAR:
    case Xapian::Query::OP_PHRASE:
      for (std::size_t i = 0; i < n; ++i) {
        if (MatchesArticlesOnly(query.get_subquery(i))) return true;
      }
      return false;
    // Every match matches the first subquery.
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return n > 0 && MatchesArticlesOnly(query.get_subquery(0));
    // A match may match any one subquery: each must be article-only.
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_ELITE_SET:
      for (std::size_t i = 0; i < n; ++i) {
        if (!MatchesArticlesOnly(query.get_subquery(i))) return false;
      }
      return n > 0;
    default:
      // MatchAll, value ranges, posting sources, Xapian's own wildcards:
      // any document may match.
      return false;
  }
}

namespace {

bool ChecksPositions(const Xapian::Query& query) {
  const Xapian::Query::op type = query.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR)
    return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (ChecksPositions(query.get_subquery(i))) return true;
  }
  return false;
}

// Whether a disjunction contributes to the weights: the filtering side of
// FILTER and AND_NOT does not.
bool WeightsDisjunction(const Xapian::Query& query) {
  const std::size_t n = query.get_num_subqueries();
  switch (query.get_type()) {
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_WILDCARD:
      return true;
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT:
      return n > 0 && WeightsDisjunction(query.get_subquery(0));
    default:
      for (std::size_t i = 0; i < n; ++i) {
        if (WeightsDisjunction(query.get_subquery(i))) return true;
      }
      return false;
  }
}

}  // namespace

bool RankingChecksEveryMatch(const Xapian::Query& query) {
  return ChecksPositions(query) && !WeightsDisjunction(query);
}

Xapian::Query RestrictToType(const Xapian::Query& query, DocType type) {
  if (type == DocType::kArticle && MatchesArticlesOnly(query)) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query,
                       Xapian::Query(schema::Term(schema::kTypePrefix,
                                                  type == DocType::kQuote
                                                      ? schema::kQuoteType
                                                      : schema::kArticleType)));
}

Status BuildQuery(const QuerySpec& spec, const Xapian::Database& db,
                  Xapian::Query* out, std::string* corrected) {
  Xapian::Query query, filter;
  Status status = ParseUserQuery(spec, db, &query, corrected);
  if (!status.ok()) return status;
  status = FilterQuery(spec, "", &filter);
  if (!status.ok()) return status;
  // Filters (and the document type) restrict the matches but never change
  // a score.
  *out = RestrictToType(WithFilter(query, filter), spec.type);
  return Status::Ok();
}

}  // namespace hpnews
