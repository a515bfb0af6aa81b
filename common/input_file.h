// Reading an input file into memory as UTF-8 text, with the checks every
// reader needs first: readable, not empty, not binary, valid UTF-8.
//
// Not a parser: it knows nothing of XML or news pages.

#ifndef HPNEWS_COMMON_INPUT_FILE_H_
#define HPNEWS_COMMON_INPUT_FILE_H_

#include <cstddef>
#include <string>

#include "common/status.h"

namespace hpnews {

// Files larger than this are refused rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;  // 64 MiB

// Reads `path` into *out. Fails (InvalidInput/IoError, with line and column
// where the problem is) if the file cannot be read, is empty or only white
// space, is larger than kMaxInputBytes, or looks binary (NUL bytes).
// Invalid UTF-8 sequences are replaced by U+FFFD and reported through
// *warning (line and column of the first, and how many) so the caller can
// warn and still index the file; *warning is OK when the file was clean.
// A file that is mostly invalid is refused as binary. A UTF-8 byte order
// mark is dropped. On failure *out is unspecified. Files in other encodings
// (UTF-16, declared ISO-8859-1, ...) go through common/reader.h instead,
// which decodes them (common/encoding.h).
Status ReadInputFile(const std::string& path, std::string* out,
                     Status* warning);

// Reads `path` into *out as raw bytes, with only the checks that do not
// depend on the encoding: readable, a regular file, not larger than
// kMaxInputBytes, not empty or only ASCII white space. For readers that
// decode the bytes themselves (common/encoding.h), e.g. XML declaring
// ISO-8859-1 or UTF-16, which ReadInputFile would treat as broken UTF-8.
Status ReadInputBytes(const std::string& path, std::string* out);

// The length of the valid UTF-8 sequence starting at text[i] (1-4), or 0
// if the bytes there are not valid UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are invalid).
std::size_t Utf8SequenceLength(const std::string& text, std::size_t i);

// Replaces invalid UTF-8 in *text by U+FFFD; returns how many sequences were
// replaced. *first_line/*first_column (1-based) locate the first one.
std::size_t RepairUtf8(std::string* text, int* first_line, int* first_column);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_INPUT_FILE_H_
