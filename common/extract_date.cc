#include "common/extract_date.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/text_util.h"

namespace hpnews {

namespace {

// Years outside this window are more likely numbers than dates of news.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

// A dateline is short; a longer line is a sentence that mentions a date.
constexpr std::size_t kMaxDateLineWords = 16;
constexpr std::size_t kMaxDateLineBytes = 160;
// The most bytes before a date expression's first digit: a weekday, a
// comma, a month name ("Wednesday, September 7, 2011" has 21).
constexpr std::size_t kMaxDigitOffset = 24;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsDigit);
}

// A cursor over the text being parsed; every Parse* helper either consumes
// what it recognises and returns true, or leaves `pos` unchanged.
struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  bool AtEnd() const { return pos >= text.size(); }
  char Peek(std::size_t ahead = 0) const {
    return pos + ahead < text.size() ? text[pos + ahead] : '\0';
  }
  // Skips whitespace (ASCII and Unicode spaces); returns whether any.
  bool SkipSpace() {
    std::size_t start = pos;
    while (std::size_t n = WhitespaceLengthAt(text, pos)) pos += n;
    return pos > start;
  }
  bool Consume(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  // Consumes a run of 1..max_digits digits not followed by another digit.
  bool Number(int min_digits, int max_digits, int* value) {
    std::size_t i = pos;
    int v = 0;
    while (i < text.size() && IsDigit(text[i]) &&
           static_cast<int>(i - pos) < max_digits) {
      v = v * 10 + (text[i] - '0');
      ++i;
    }
    int digits = static_cast<int>(i - pos);
    if (digits < min_digits || (i < text.size() && IsDigit(text[i])))
      return false;
    *value = v;
    pos = i;
    return true;
  }
  // Consumes a word made of ASCII letters; returns it lower-cased.
  std::string Word() {
    std::size_t i = pos;
    while (i < text.size() && IsAlpha(text[i])) ++i;
    std::string w = AsciiLower(text.substr(pos, i - pos));
    pos = i;
    return w;
  }
  // Consumes `word` (case-insensitive) when it is a whole word.
  bool Keyword(std::string_view word) {
    if (!StartsWithIgnoreCase(text.substr(pos), word)) return false;
    std::size_t end = pos + word.size();
    if (end < text.size() && IsAlpha(text[end])) return false;
    pos = end;
    return true;
  }
};

struct NamedNumber {
  const char* name;
  int value;
};

// Full names, the usual abbreviations and "Sept".
constexpr std::array<NamedNumber, 25> kMonths = {{
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1},       {"feb", 2},      {"mar", 3},       {"apr", 4},
    {"jun", 6},       {"jul", 7},      {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},     {"nov", 11},      {"dec", 12},
    {"febr", 2},
}};

constexpr std::array<const char*, 21> kWeekdays = {{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon",     "tue",       "tues",     "wed",    "weds",
    "thu",    "thur",    "thurs",     "fri",      "sat",    "sun",
    "tu",     "th",      "we",
}};

// Month name (optionally followed by '.'), or false.
bool ParseMonthName(Cursor* c, int* month) {
  Cursor t = *c;
  std::string w = t.Word();
  if (w.empty()) return false;
  for (const NamedNumber& m : kMonths) {
    if (w == m.name) {
      // "May" and "March" are also ordinary words; the callers only accept
      // them between a day and a year, which keeps them safe.
      t.Consume('.');
      *month = m.value;
      *c = t;
      return true;
    }
  }
  return false;
}

// Optional weekday ("Wednesday", "Wed.", "Wed,") before a date.
void SkipWeekday(Cursor* c) {
  Cursor t = *c;
  std::string w = t.Word();
  if (w.empty()) return;
  for (const char* day : kWeekdays) {
    if (w == day) {
      t.Consume('.');
      t.SkipSpace();
      t.Consume(',');
      t.SkipSpace();
      *c = t;
      return;
    }
  }
}

// "st", "nd", "rd", "th" after a day number.
void SkipOrdinal(Cursor* c) {
  Cursor t = *c;
  std::string w = t.Word();
  if (w == "st" || w == "nd" || w == "rd" || w == "th") *c = t;
}

bool ParseYear(Cursor* c, int* year) {
  Cursor t = *c;
  int y = 0;
  if (!t.Number(4, 4, &y) || y < kMinYear || y > kMaxYear) return false;
  if (IsAlpha(t.Peek())) return false;  // "2011s", "2011th"
  *year = y;
  *c = t;
  return true;
}

std::optional<Date> Make(int year, int month, int day) {
  if (!IsValidDate(year, month, day)) return std::nullopt;
  return Date{year, month, day};
}

// "2011-12-07", "2011/12/07", "2011.12.07".
std::optional<Date> ParseIsoLike(Cursor* c) {
  Cursor t = *c;
  int y = 0, m = 0, d = 0;
  if (!ParseYear(&t, &y)) return std::nullopt;
  char sep = t.Peek();
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  ++t.pos;
  if (!t.Number(1, 2, &m) || !t.Consume(sep) || !t.Number(1, 2, &d))
    return std::nullopt;
  if (IsAlpha(t.Peek()) && t.Peek() != 'T') return std::nullopt;
  auto date = Make(y, m, d);
  if (date) *c = t;
  return date;
}

// "25/11/2011", "25.11.2011", "25-11-2011": day first (UK); month first
// only when day first is impossible ("11/25/2011").
std::optional<Date> ParseNumeric(Cursor* c) {
  Cursor t = *c;
  int a = 0, b = 0, y = 0;
  if (!t.Number(1, 2, &a)) return std::nullopt;
  char sep = t.Peek();
  if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
  ++t.pos;
  if (!t.Number(1, 2, &b) || !t.Consume(sep) || !ParseYear(&t, &y))
    return std::nullopt;
  // "1.2.2011.5" is a version number or a section, not a date.
  if (t.Peek() == sep && IsDigit(t.Peek(1))) return std::nullopt;
  auto date = Make(y, b, a);
  if (!date) date = Make(y, a, b);
  if (date) *c = t;
  return date;
}

// "7 December 2011", "7th of Dec. 2011", "7-Dec-2011", "7 December, 2011".
std::optional<Date> ParseDayMonthYear(Cursor* c) {
  Cursor t = *c;
  int d = 0, m = 0, y = 0;
  if (!t.Number(1, 2, &d)) return std::nullopt;
  SkipOrdinal(&t);
  bool dashed = t.Consume('-');
  if (!dashed && !t.SkipSpace()) return std::nullopt;
  if (!dashed && t.Keyword("of")) t.SkipSpace();
  if (!ParseMonthName(&t, &m)) return std::nullopt;
  if (dashed) {
    if (!t.Consume('-')) return std::nullopt;
  } else {
    t.Consume(',');
    if (!t.SkipSpace()) return std::nullopt;
  }
  if (!ParseYear(&t, &y)) return std::nullopt;
  auto date = Make(y, m, d);
  if (date) *c = t;
  return date;
}

// "December 7, 2011", "Dec. 7th 2011", "Dec 7 2011".
std::optional<Date> ParseMonthDayYear(Cursor* c) {
  Cursor t = *c;
  int d = 0, m = 0, y = 0;
  if (!ParseMonthName(&t, &m)) return std::nullopt;
  if (!t.SkipSpace()) return std::nullopt;
  if (!t.Number(1, 2, &d)) return std::nullopt;
  SkipOrdinal(&t);
  t.Consume(',');
  if (!t.SkipSpace()) return std::nullopt;
  if (!ParseYear(&t, &y)) return std::nullopt;
  auto date = Make(y, m, d);
  if (date) *c = t;
  return date;
}

// A time of day: "9:32am", "10:32", "10.32 pm", "09:32:00", "9am",
// "T09:32:00Z", with an optional zone ("GMT", "BST", "UTC", "Z", "+01:00").
// Consumes it and returns true, or leaves the cursor alone.
bool ParseTime(Cursor* c) {
  Cursor t = *c;
  int h = 0, mi = 0, s = 0;
  if (!t.Number(1, 2, &h) || h > 23) return false;
  bool minutes = false;
  if ((t.Peek() == ':' || t.Peek() == '.') && IsDigit(t.Peek(1))) {
    Cursor u = t;
    ++u.pos;
    if (u.Number(2, 2, &mi) && mi < 60) {
      t = u;
      minutes = true;
      if (t.Peek() == ':' && IsDigit(t.Peek(1))) {
        ++t.pos;
        if (!t.Number(2, 2, &s) || s > 60) return false;
        if (t.Peek() == '.' && IsDigit(t.Peek(1))) {  // fractional seconds
          ++t.pos;
          while (IsDigit(t.Peek())) ++t.pos;
        }
      }
    }
  }
  Cursor before_ampm = t;
  t.SkipSpace();
  bool ampm = false;
  {
    std::string_view rest = t.text.substr(t.pos);
    for (std::string_view marker : {"a.m.", "p.m.", "am", "pm"}) {
      if (StartsWithIgnoreCase(rest, marker) &&
          (rest.size() == marker.size() || !IsAlpha(rest[marker.size()]))) {
        if (h == 0 || h > 12) return false;
        t.pos += marker.size();
        ampm = true;
        break;
      }
    }
  }
  if (!ampm) t = before_ampm;
  if (!minutes && !ampm) return false;  // a bare number is not a time
  // Time zone.
  Cursor z = t;
  if (z.Consume('Z') && !IsAlnum(z.Peek())) {
    t = z;
  } else {
    z = t;
    z.SkipSpace();
    bool paren = z.Consume('(');
    Cursor w = z;
    std::string zone = w.Word();
    static const char* const kZones[] = {"gmt",  "bst", "utc", "cet",
                                         "cest", "est", "edt", "pst",
                                         "pdt",  "cst", "cdt", "ist"};
    bool found = false;
    for (const char* k : kZones) found = found || zone == k;
    if (found && (!paren || w.Consume(')'))) {
      t = w;
    } else {
      z = t;
      z.SkipSpace();  // "10:32:00 +0100", as e-mail and RSS dates write it
      if ((z.Peek() == '+' || z.Peek() == '-') && IsDigit(z.Peek(1))) {
        ++z.pos;
        int hh = 0, mm = 0;
        if (z.Number(4, 4, &hh)) {  // "+0100"
          t = z;
        } else if (z.Number(2, 2, &hh) && z.Consume(':') &&
                   z.Number(2, 2, &mm)) {  // "+01:00"
          t = z;
        }
      }
    }
  }
  *c = t;
  return true;
}

// Separators allowed between a date and its time: ",", "|", "-", "at", "T".
void SkipDateTimeSeparator(Cursor* c) {
  Cursor t = *c;
  t.SkipSpace();
  if (t.Consume(',') || t.Consume('|') || t.Consume('-') || t.Consume('@')) {
    t.SkipSpace();
  } else if (StartsWith(t.text.substr(t.pos), "\xE2\x80\x93") ||  // en dash
             StartsWith(t.text.substr(t.pos), "\xE2\x80\x94") ||  // em dash
             StartsWith(t.text.substr(t.pos), "\xC2\xB7")) {      // middle dot
    t.pos += (t.Peek() == '\xC2') ? 2 : 3;
    t.SkipSpace();
  }
  if (t.Keyword("at")) t.SkipSpace();
  *c = t;
}

// "2007 June 29", "2007 Jun 29": the year first, as PubMed writes it.
std::optional<Date> ParseYearMonthDay(Cursor* c) {
  Cursor t = *c;
  int d = 0, m = 0, y = 0;
  if (!ParseYear(&t, &y) || !t.SkipSpace() || !ParseMonthName(&t, &m) ||
      !t.SkipSpace() || !t.Number(1, 2, &d))
    return std::nullopt;
  if (IsAlpha(t.Peek())) return std::nullopt;
  auto date = Make(y, m, d);
  if (date) *c = t;
  return date;
}

// The date proper, no weekday, no time.
std::optional<Date> ParseBareDate(Cursor* c) {
  if (IsDigit(c->Peek())) {
    if (IsDigit(c->Peek(1)) && IsDigit(c->Peek(2)) && IsDigit(c->Peek(3))) {
      if (auto d = ParseIsoLike(c)) return d;
      return ParseYearMonthDay(c);
    }
    if (auto d = ParseNumeric(c)) return d;
    return ParseDayMonthYear(c);
  }
  return ParseMonthDayYear(c);
}

// Words that label a date on its line ("Published:", "Last updated on").
bool IsDateLabelWord(const std::string& w) {
  static const char* const kLabels[] = {
      "published", "posted",   "updated",  "last",  "first",      "page",
      "date",      "dated",    "on",       "at",    "created",    "modified",
      "issued",    "filed",    "uploaded", "added", "originally", "edited",
      "reviewed",  "released", "time",     "and",   "am",         "pm",
      "gmt",       "bst",      "utc",      "et",    "so",         "story"};
  for (const char* l : kLabels) {
    if (w == l) return true;
  }
  return false;
}

// True if `prefix` (the text before a date on its line) is only a label,
// possibly with a time: "Published:", "Page last updated at 10:32 GMT,".
bool IsLabelPrefix(std::string_view prefix) {
  Cursor c{prefix, 0};
  while (true) {
    c.SkipSpace();
    if (c.AtEnd()) return true;
    char ch = c.Peek();
    if (ch == ':' || ch == ',' || ch == '|' || ch == '-' || ch == '(' ||
        ch == ')') {
      ++c.pos;
      continue;
    }
    if (IsDigit(ch)) {
      if (!ParseTime(&c)) return false;
      continue;
    }
    std::string w = c.Word();
    if (w.empty()) {
      // A dash or bullet written as a multi-byte character.
      std::size_t n = 0;
      std::string_view rest = prefix.substr(c.pos);
      if (StartsWith(rest, "\xE2\x80\x93") ||
          StartsWith(rest, "\xE2\x80\x94") ||
          StartsWith(rest, "\xE2\x80\xA2")) {
        n = 3;
      } else if (StartsWith(rest, "\xC2\xB7")) {
        n = 2;
      }
      if (n == 0) return false;
      c.pos += n;
      continue;
    }
    if (!IsDateLabelWord(w)) return false;
  }
}

// Strips separators and a label word ("by", "posted by") from a byline part.
std::string_view StripSeparators(std::string_view s) {
  s = TrimView(s);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view sep :
         {",", "|", "-", ":", ";", "/", "\xE2\x80\x93", "\xE2\x80\x94",
          "\xC2\xB7", "\xE2\x80\xA2", "(", ")"}) {
      if (StartsWith(s, sep)) {
        s = TrimView(s.substr(sep.size()));
        changed = true;
      }
      if (EndsWith(s, sep)) {
        s = TrimView(s.substr(0, s.size() - sep.size()));
        changed = true;
      }
    }
  }
  return s;
}

// True if `part` (text beside a date on a dateline) is a byline: "By Jane
// Smith", "Jane Smith", "posted by Jane Smith", "by Jane Smith, Health
// Correspondent" — a few words, capitalised after an optional "by"-label,
// no sentence punctuation. A label-only part also qualifies.
// `part` without a reading time at its end: "24 Nov 2023 4 minute read".
std::string_view WithoutReadingTime(std::string_view part) {
  std::string_view t = TrimView(part);
  const std::vector<std::string> words = SplitWords(t);
  const std::size_t n = words.size();
  if (n < 3 || AsciiLower(words[n - 1]) != "read") return part;
  const std::string unit = AsciiLower(words[n - 2]);
  if (unit != "min" && unit != "mins" && unit != "minute" && unit != "minutes")
    return part;
  if (!std::all_of(words[n - 3].begin(), words[n - 3].end(),
                   [](char c) { return IsDigit(c); }))
    return part;
  std::size_t cut = t.size();
  for (int k = 0; k < 3; ++k) {
    cut = t.find_last_not_of(' ', cut - 1);
    cut = t.find_last_of(' ', cut);
    if (cut == std::string_view::npos) return "";
  }
  return t.substr(0, cut);
}

bool IsBylinePart(std::string_view part) {
  part = StripSeparators(part);
  if (part.empty()) return true;
  if (IsLabelPrefix(part)) return true;
  std::vector<std::string> words = SplitWords(part);
  if (words.size() > 10) return false;
  std::size_t i = 0;
  // Leading label words: "By", "Posted by", "Written by", "Updated by",
  // "Published ... by".
  while (i < words.size()) {
    std::string w = AsciiLower(words[i]);
    while (!w.empty() && (w.back() == ':' || w.back() == ',')) w.pop_back();
    if (w == "by" || w == "posted" || w == "written" || w == "published" ||
        w == "updated" || w == "last" || w == "on" || w == "reporter" ||
        w == "author" || w == "words") {
      ++i;
    } else {
      break;
    }
  }
  if (i >= words.size()) return true;
  // The rest: a name with optional role, all words capitalised or small
  // joiners ("and", "of", "the"). Sentence punctuation means it is prose.
  std::size_t capitalised = 0;
  for (; i < words.size(); ++i) {
    std::string_view w = words[i];
    char last = w.back();
    if (last == '.' && w.size() > 2 && !(w.size() <= 3 && IsAlpha(w[0])))
      return false;
    if (last == '?' || last == '!' || last == ';') return false;
    std::string lw = AsciiLower(w);
    if (lw == "and" || lw == "of" || lw == "the" || lw == "for" || lw == "in" ||
        lw == "&" || lw == "at") {
      continue;
    }
    unsigned char first = static_cast<unsigned char>(w[0]);
    if ((first >= 'A' && first <= 'Z') || first >= 0x80 || IsDigit(w[0])) {
      ++capitalised;
    } else if (first == '@') {
      ++capitalised;  // a handle
    } else {
      return false;
    }
  }
  return capitalised > 0;
}

// Finds the first date expression in `line` starting at a word boundary.
// Sets *begin and *end (end includes any time after the date).
std::optional<Date> FindDateIn(std::string_view line, std::size_t* begin,
                               std::size_t* end) {
  // Every date form has a digit (a day or a year): most lines have none,
  // and the reader asks about every line of the page.
  if (!HasDigit(line)) return std::nullopt;
  std::size_t next_digit = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && IsAlnum(line[i - 1])) continue;
    if (!IsAlnum(line[i])) continue;
    // A date's first digit comes within kMaxDigitOffset bytes of its start
    // ("Wednesday, December 7, 2011"): skip starts with none that near.
    if (next_digit < i) next_digit = line.find_first_of("0123456789", i);
    if (next_digit == std::string_view::npos) break;
    if (next_digit - i > kMaxDigitOffset) continue;
    std::size_t len = 0;
    // Start at a weekday or the date itself; ParseDatePrefix skips weekdays.
    if (auto d = ParseDatePrefix(line.substr(i), &len)) {
      *begin = i;
      *end = i + len;
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> ParseDatePrefix(std::string_view text,
                                    std::size_t* length) {
  Cursor c{text, 0};
  c.SkipSpace();
  SkipWeekday(&c);
  std::optional<Date> date = ParseBareDate(&c);
  if (!date) return std::nullopt;
  std::size_t date_end = c.pos;
  // An ISO date runs straight into its time: "2011-12-07T09:32:00Z".
  if (c.Peek() == 'T' && IsDigit(c.Peek(1))) {
    Cursor t = c;
    ++t.pos;
    if (ParseTime(&t)) date_end = t.pos;
  } else {
    Cursor t = c;
    SkipDateTimeSeparator(&t);
    if (ParseTime(&t)) date_end = t.pos;
  }
  if (length) *length = date_end;
  return date;
}

std::optional<Date> ParseDate(std::string_view text) {
  text = TrimView(text);
  std::size_t length = 0;
  std::optional<Date> date = ParseDatePrefix(text, &length);
  if (!date || !TrimView(text.substr(length)).empty()) return std::nullopt;
  return date;
}

std::optional<Date> ParseDateLine(std::string_view line) {
  line = TrimView(line);
  if (line.empty() || line.size() > kMaxDateLineBytes ||
      CountWords(line) > kMaxDateLineWords) {
    return std::nullopt;
  }
  std::size_t begin = 0, end = 0;
  std::optional<Date> date = FindDateIn(line, &begin, &end);
  if (!date) return std::nullopt;
  std::string_view before = line.substr(0, begin);
  std::string_view after = WithoutReadingTime(line.substr(end));
  if (!IsBylinePart(before) || !IsBylinePart(after)) return std::nullopt;
  return date;
}

bool IsDateOnlyLine(std::string_view line) {
  line = TrimView(line);
  if (line.empty() || line.size() > kMaxDateLineBytes) return false;
  std::size_t begin = 0, end = 0;
  if (!FindDateIn(line, &begin, &end)) return false;
  return IsLabelPrefix(line.substr(0, begin)) &&
         IsLabelPrefix(StripSeparators(line.substr(end)));
}

bool IsDateOrTimeLine(std::string_view line) {
  // A day, a year or a time: a line without a digit cannot qualify.
  if (!HasDigit(line)) return false;
  line = TrimView(line);
  if (line.empty() || line.size() > kMaxDateLineBytes) return false;
  if (IsDateOnlyLine(line)) return true;
  // Every word a weekday, a month, a day, a year, a time or a label; and at
  // least a month, a weekday with a day, or a time.
  Cursor c{line, 0};
  bool month = false, weekday = false, day = false, time = false;
  while (true) {
    c.SkipSpace();
    if (c.AtEnd()) break;
    char ch = c.Peek();
    if (ch == ',' || ch == '|' || ch == '-' || ch == ':' || ch == '(' ||
        ch == ')' || ch == '.') {
      ++c.pos;
      continue;
    }
    if (IsDigit(ch)) {
      if (ParseTime(&c)) {
        time = true;
        continue;
      }
      int n = 0;
      if (!c.Number(1, 4, &n)) return false;
      if (c.Peek() == ':' || c.Peek() == '.') {
        return false;  // "1.2", a score or a ratio
      }
      // "1300 GMT": a 24-hour time written without a colon.
      Cursor z = c;
      z.SkipSpace();
      std::string zone = z.Word();
      if (n >= 0 && n <= 2359 && n % 100 < 60 &&
          (zone == "gmt" || zone == "bst" || zone == "utc")) {
        c = z;
        time = true;
        continue;
      }
      SkipOrdinal(&c);
      if (n >= 1 && n <= 31) {
        day = true;
      } else if (n < kMinYear || n > kMaxYear) {
        return false;
      }
      continue;
    }
    Cursor t = c;
    int m = 0;
    if (ParseMonthName(&t, &m)) {
      c = t;
      month = true;
      continue;
    }
    Cursor u = c;
    SkipWeekday(&u);
    if (u.pos != c.pos) {
      c = u;
      weekday = true;
      continue;
    }
    std::string w = c.Word();
    if (w.empty() || !IsDateLabelWord(w)) return false;
  }
  return (month && day) || (weekday && day) || time;
}

std::optional<Date> FindArticleDate(
    const std::vector<std::string>& header_lines) {
  for (const std::string& line : header_lines) {
    if (auto d = ParseDateLine(line)) return d;
  }
  return std::nullopt;
}

std::optional<Date> FindLeadDateline(std::string_view first_paragraph) {
  std::string_view p = TrimView(first_paragraph);
  std::size_t begin = 0, end = 0;
  std::optional<Date> date = FindDateIn(
      p.substr(0, std::min<std::size_t>(p.size(), 80)), &begin, &end);
  if (!date) return std::nullopt;
  // What precedes the date: nothing, or a place in capitals ending in a
  // comma ("LONDON,", "Leeds, England,").
  std::string_view before = TrimView(p.substr(0, begin));
  if (!before.empty()) {
    if (before.back() != ',') return std::nullopt;
    std::vector<std::string> words = SplitWords(before);
    if (words.size() > 4) return std::nullopt;
    for (const std::string& w : words) {
      if (!(w[0] >= 'A' && w[0] <= 'Z')) return std::nullopt;
    }
  }
  // What follows: a dash, a colon or a parenthesised agency, then the story.
  std::string_view after = TrimView(p.substr(end));
  if (after.empty()) return std::nullopt;
  for (std::string_view mark :
       {"-", ":", "(", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (StartsWith(after, mark)) return date;
  }
  return std::nullopt;
}

}  // namespace hpnews
