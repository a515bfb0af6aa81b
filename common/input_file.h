// Reading an input file's bytes into memory with the checks that come before
// any decoding (readable, a regular file, within the size limit, not empty),
// and the UTF-8 primitives the decoder (common/encoding.h) builds on.
//
// Not a parser and not a decoder: it knows nothing of XML, encodings or news
// pages.

#ifndef HPNEWS_COMMON_INPUT_FILE_H_
#define HPNEWS_COMMON_INPUT_FILE_H_

#include <cstddef>
#include <string>

#include "common/status.h"

namespace hpnews {

// Files larger than this are refused rather than read into memory.
inline constexpr std::size_t kMaxInputBytes = 64u << 20;  // 64 MiB

// Reads `path` into *out as raw bytes, with only the checks that do not
// depend on the encoding: readable, a regular file, not larger than
// kMaxInputBytes, not empty or only ASCII white space. For readers that
// decode the bytes themselves (common/encoding.h), e.g. XML declaring
// ISO-8859-1 or UTF-16. common/reader.h reads every input this way.
Status ReadInputBytes(const std::string& path, std::string* out);

// The length of the valid UTF-8 sequence starting at text[i] (1-4), or 0
// if the bytes there are not valid UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are invalid).
std::size_t Utf8SequenceLength(const std::string& text, std::size_t i);

// True if `text` is well-formed UTF-8 (Utf8SequenceLength() never 0).
bool IsValidUtf8(const std::string& text);

// Replaces invalid UTF-8 in *text by U+FFFD; returns how many sequences were
// replaced. *first_line/*first_column (1-based) locate the first one.
std::size_t RepairUtf8(std::string* text, int* first_line, int* first_column);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_INPUT_FILE_H_
