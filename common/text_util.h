// Small string helpers shared by the readers and extractors: UTF-8-aware
// trimming and whitespace collapsing, line splitting, ASCII case folding,
// word counting and typographic-quote handling.
//
// Text is UTF-8 throughout. "Whitespace" means ASCII spaces and controls plus
// the Unicode spaces pages carry (no-break space U+00A0, U+2000-U+200B,
// U+202F, U+205F, U+3000, the byte-order mark U+FEFF). Case folding is ASCII
// only: it never corrupts multi-byte characters. Not a Unicode library.

#ifndef HPNEWS_COMMON_TEXT_UTIL_H_
#define HPNEWS_COMMON_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hpnews {

namespace text_util_internal {
// WhitespaceLengthAt() for a character that starts with a non-ASCII byte.
std::size_t NonAsciiWhitespaceLengthAt(std::string_view text, std::size_t pos);
}  // namespace text_util_internal

// The byte length of the whitespace character starting at text[pos], 0 if
// the character there is not whitespace (see above). Inline: the readers
// ask it about every byte of every page.
inline std::size_t WhitespaceLengthAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') ? 1 : 0;
  // Only these lead bytes start a Unicode space (NBSP, U+2000 block, U+3000,
  // the byte-order mark).
  if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;
  return text_util_internal::NonAsciiWhitespaceLengthAt(text, pos);
}

// `text` without leading and trailing whitespace (a view into `text`).
std::string_view TrimView(std::string_view text);
std::string Trim(std::string_view text);

// Every run of whitespace (including line breaks) becomes one ASCII space;
// the result is trimmed.
std::string CollapseWhitespace(std::string_view text);

// Splits on "\n", "\r\n" or "\r"; line terminators are not kept. A final
// line terminator does not produce an extra empty line.
std::vector<std::string> SplitLines(std::string_view text);

// Splits on whitespace; no empty words.
std::vector<std::string> SplitWords(std::string_view text);
std::size_t CountWords(std::string_view text);

// ASCII letters lower-cased; other bytes untouched.
std::string AsciiLower(std::string_view text);

// The words of `text` joined by `separator`: ASCII letters and digits
// (lower-cased) and non-ASCII bytes make words, characters in `dropped`
// vanish, and every other character separates words. "It was
// ‘horrendous’." -> "it was horrendous"; "P.A. Sport" with "." dropped ->
// "pa sport".
std::string FoldedWords(std::string_view text, char separator = ' ',
                        std::string_view dropped = "");

bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);
// ASCII case-insensitive.
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// True if `needle` occurs in `text`, ASCII case-insensitively.
bool ContainsIgnoreCase(std::string_view text, std::string_view needle);

// Typographic quotes and apostrophes (‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ « » → ")
// replaced by their ASCII forms, so rules can match one spelling.
std::string AsciiQuotes(std::string_view text);

// True if the character starting at text[pos] is an opening or closing
// quote, ASCII or typographic; *length is set to its byte length.
bool IsQuoteAt(std::string_view text, std::size_t pos, std::size_t* length);

// The last character of `text` (trimmed) as a UTF-8 string, "" if empty.
std::string LastChar(std::string_view text);
// The first character of `text` (trimmed) as a UTF-8 string, "" if empty.
std::string FirstChar(std::string_view text);

// FNV-1a 64 of `bytes` as 16 hex digits: stable across builds and platforms,
// which std::hash is not, so it may be stored in an index (ids, digests).
std::string HashHex(std::string_view bytes);

// One line of a tab-separated data file (corpus/*.tsv).
struct DataLine {
  int number;                            // 1-based line number, for errors
  std::vector<std::string_view> fields;  // split on tabs; views into the text
};

// The lines of a data file that carry data: carriage returns stripped,
// blank lines and lines starting with '#' skipped. One parser of the format
// for every data file, so they all treat comments and line ends alike.
std::vector<DataLine> DataLines(std::string_view text);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_TEXT_UTIL_H_
