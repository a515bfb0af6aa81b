#include "common/text_util.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace hpnews {

namespace {

char AsciiLowerChar(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Byte length of the UTF-8 sequence starting with lead byte `c` (1 for
// stray continuation bytes, so scanning always makes progress).
std::size_t Utf8Length(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

}  // namespace

namespace text_util_internal {

std::size_t NonAsciiWhitespaceLengthAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto b = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i])
                                 : 0;
  };
  const unsigned char c = b(0);
  if (c == 0xC2 && (b(1) == 0xA0 || b(1) == 0x85)) return 2;  // NBSP, NEL
  if (c == 0xE2 && b(1) == 0x80) {
    const unsigned char d = b(2);
    // U+2000-U+200B spaces, U+2028/2029 separators, U+202F narrow NBSP.
    if ((d >= 0x80 && d <= 0x8B) || d == 0xA8 || d == 0xA9 || d == 0xAF)
      return 3;
  }
  if (c == 0xE2 && b(1) == 0x81 && (b(2) == 0x9F || b(2) == 0xA0))
    return 3;                                               // U+205F, U+2060
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;  // BOM
  return 0;
}

}  // namespace text_util_internal

std::string_view TrimView(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t n = WhitespaceLengthAt(text, begin);
    if (n == 0) break;
    begin += n;
  }
  // Trailing spaces, read backwards: every whitespace character is one
  // ASCII byte or a 2- or 3-byte sequence whose first byte is a lead byte
  // (never a continuation byte), so a match ending at `end` is a character.
  std::size_t end = text.size();
  while (end > begin) {
    if (WhitespaceLengthAt(text, end - 1) == 1) {
      end -= 1;
    } else if (end - begin >= 2 &&
               static_cast<unsigned char>(text[end - 2]) >= 0xC0 &&
               WhitespaceLengthAt(text.substr(0, end), end - 2) == 2) {
      end -= 2;
    } else if (end - begin >= 3 &&
               static_cast<unsigned char>(text[end - 3]) >= 0xC0 &&
               WhitespaceLengthAt(text.substr(0, end), end - 3) == 3) {
      end -= 3;
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

std::string Trim(std::string_view text) { return std::string(TrimView(text)); }

std::string FoldedWords(std::string_view text, char separator,
                        std::string_view dropped) {
  std::string out;
  bool gap = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      if (gap && !out.empty()) out += separator;
      gap = false;
      out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (dropped.find(ch) == std::string_view::npos) {
      gap = true;
    }
  }
  return out;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = WhitespaceLengthAt(text, i);
    if (n > 0) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    // A run of non-space bytes is copied at once (continuation bytes of a
    // UTF-8 character are never whitespace lead bytes).
    std::size_t run = i + 1;
    while (run < text.size() && WhitespaceLengthAt(text, run) == 0) ++run;
    out.append(text.substr(i, run - i));
    i = run;
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.emplace_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
    ++i;
  }
  if (start < text.size()) lines.emplace_back(text.substr(start));
  return lines;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = WhitespaceLengthAt(text, i);
    if (n > 0) {
      if (i > start) words.emplace_back(text.substr(start, i - start));
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  if (i > start) words.emplace_back(text.substr(start, i - start));
  return words;
}

std::size_t CountWords(std::string_view text) {
  std::size_t count = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = WhitespaceLengthAt(text, i);
    if (n > 0) {
      in_word = false;
      i += n;
    } else {
      if (!in_word) ++count;
      in_word = true;
      ++i;
    }
  }
  return count;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLowerChar(c);
  return out;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.substr(text.size() - suffix.size()) == suffix;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLowerChar(a[i]) != AsciiLowerChar(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > text.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (EqualsIgnoreCase(text.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

namespace {

// The ASCII replacement of the typographic quote at text[pos] and its byte
// length, or 0 if there is none.
std::size_t TypographicQuoteAt(std::string_view text, std::size_t pos,
                               char* ascii) {
  if (pos + 1 >= text.size()) return 0;
  const auto b = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i])
                                 : 0;
  };
  if (b(0) == 0xE2 && b(1) == 0x80) {
    switch (b(2)) {
      case 0x98:
      case 0x99:
      case 0x9A:
      case 0x9B:
      case 0xB2:
      case 0xB9:
      case 0xBA:
        *ascii = '\'';
        return 3;
      case 0x9C:
      case 0x9D:
      case 0x9E:
      case 0x9F:
      case 0xB3:
        *ascii = '"';
        return 3;
      default:
        return 0;
    }
  }
  if (b(0) == 0xC2 && (b(1) == 0xAB || b(1) == 0xBB)) {  // « »
    *ascii = '"';
    return 2;
  }
  return 0;
}

}  // namespace

std::string AsciiQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char ascii = 0;
    std::size_t n = TypographicQuoteAt(text, i, &ascii);
    if (n > 0) {
      out += ascii;
      i += n;
    } else {
      out += text[i];
      ++i;
    }
  }
  return out;
}

bool IsQuoteAt(std::string_view text, std::size_t pos, std::size_t* length) {
  if (pos >= text.size()) return false;
  if (text[pos] == '"' || text[pos] == '\'') {
    if (length) *length = 1;
    return true;
  }
  char ascii = 0;
  std::size_t n = TypographicQuoteAt(text, pos, &ascii);
  if (n == 0) return false;
  if (length) *length = n;
  return true;
}

std::string LastChar(std::string_view text) {
  text = TrimView(text);
  if (text.empty()) return "";
  std::size_t i = text.size() - 1;
  // Step back over continuation bytes to the lead byte.
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return std::string(text.substr(i));
}

std::string FirstChar(std::string_view text) {
  text = TrimView(text);
  if (text.empty()) return "";
  std::size_t len = Utf8Length(static_cast<unsigned char>(text[0]));
  return std::string(text.substr(0, len));
}

std::vector<DataLine> DataLines(std::string_view text) {
  std::vector<DataLine> out;
  int number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos
                                                        : nl - start);
    start = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimView(line).empty() || line.front() == '#') continue;
    DataLine data{number, {}};
    for (std::size_t from = 0;;) {
      std::size_t tab = line.find('\t', from);
      data.fields.push_back(
          line.substr(from, tab == std::string_view::npos ? tab : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    out.push_back(std::move(data));
  }
  return out;
}

std::string HashHex(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace hpnews
