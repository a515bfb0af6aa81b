#include "common/input_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hpnews {

namespace {

bool IsBlank(const std::string& s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
        c != '\v')
      return false;
  }
  return true;
}

}  // namespace

size_t Utf8SequenceLength(const std::string& s, size_t i) {
  const auto byte = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

bool IsValidUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t RepairUtf8(std::string* text, int* first_line, int* first_column) {
  std::string out;
  size_t bad = 0;
  int line = 1, column = 1;
  *first_line = *first_column = 0;
  const std::string& s = *text;
  for (size_t i = 0; i < s.size();) {
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      if (bad++ == 0) {
        *first_line = line;
        *first_column = column;
        out.assign(s, 0, i);
      }
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
      ++column;
      continue;
    }
    if (bad) out.append(s, i, len);
    if (s[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  if (bad) text->swap(out);
  return bad;
}

Status ReadInputBytes(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(std::strerror(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return Status::IoError("cannot read: not a regular file");
  if (static_cast<uint64_t>(size) > kMaxInputBytes) {
    return Status::InvalidInput("file too large (" + std::to_string(size) +
                                " bytes; the limit is " +
                                std::to_string(kMaxInputBytes) + ")");
  }
  in.seekg(0);
  out->resize(static_cast<size_t>(size));
  if (size > 0 && !in.read(&(*out)[0], size))
    return Status::IoError("read failed");
  if (IsBlank(*out)) return Status::InvalidInput("empty file");
  return Status::Ok();
}

}  // namespace hpnews
