#include "common/encoding.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "common/input_file.h"

namespace hpnews {

namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The value of `name="..."` or `name='...'` (or unquoted, for HTML) in `tag`.
std::string AttributeValue(const std::string& tag, const std::string& name) {
  std::string lower = Lower(tag);
  size_t pos = 0;
  while ((pos = lower.find(name, pos)) != std::string::npos) {
    size_t p = pos + name.size();
    while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t' ||
                              tag[p] == '\n' || tag[p] == '\r'))
      ++p;
    if (p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t')) ++p;
      if (p >= tag.size()) return "";
      char quote = tag[p];
      if (quote == '"' || quote == '\'') {
        size_t end = tag.find(quote, p + 1);
        if (end == std::string::npos) return "";
        return tag.substr(p + 1, end - p - 1);
      }
      size_t end = tag.find_first_of(" \t\r\n\"'>;/", p);
      return tag.substr(p,
                        end == std::string::npos ? std::string::npos : end - p);
    }
    pos = p;
  }
  return "";
}

bool IsUtf8Name(const std::string& e) { return e == "utf-8" || e == "utf8"; }

// Encodings that are "Western single-byte": text mislabelled as one of them
// is often UTF-8, and Latin-1 labels mean Windows-1252 in practice (the
// HTML standard reads them so, because 0x80-0x9F are curly quotes and
// dashes in such files, never C1 controls).
bool IsWesternSingleByte(const std::string& e) {
  return e == "iso-8859-1" || e == "iso8859-1" || e == "latin1" ||
         e == "latin-1" || e == "l1" || e == "windows-1252" || e == "cp1252" ||
         e == "us-ascii" || e == "ascii" || e == "iso-8859-15" ||
         e == "iso8859-15" || e == "latin-9";
}

struct Utf8Scan {
  size_t bad = 0;        // invalid sequences
  size_t multibyte = 0;  // valid sequences of 2-4 bytes
};

Utf8Scan ScanUtf8(const std::string& s) {
  Utf8Scan scan;
  for (size_t i = 0; i < s.size();) {
    size_t len = Utf8SequenceLength(s, i);
    if (len == 0) {
      ++scan.bad;
      ++i;
    } else {
      if (len > 1) ++scan.multibyte;
      i += len;
    }
  }
  return scan;
}

// 1-based line and column (in characters) of byte `offset` of UTF-8 `text`.
void LineColumn(const std::string& text, size_t offset, int* line,
                int* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++*column;
    }
  }
}

Status BinaryIfNul(const std::string& text) {
  size_t nul = text.find('\0');
  if (nul == std::string::npos) return Status::Ok();
  int line, column;
  LineColumn(text, nul, &line, &column);
  return Status::InvalidInput("binary file (NUL byte)", line, column);
}

// A text with a few stray NUL bytes (a crawler's glitch) loses them, with
// a warning at the first; a text with many is binary. Returns the warning,
// or an error for binary.
Status DropStrayNuls(std::string* text, Status* warning) {
  size_t first = text->find('\0');
  if (first == std::string::npos) return Status::Ok();
  // Text has almost no control characters; binary data has them everywhere
  // (about one byte in nine of random data).
  size_t control = 0;
  for (unsigned char c : *text)
    control += (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
               c == 0x7F;
  if (control * 20 > text->size()) return BinaryIfNul(*text);
  size_t count =
      static_cast<size_t>(std::count(text->begin(), text->end(), '\0'));
  int line, column;
  LineColumn(*text, first, &line, &column);
  text->erase(std::remove(text->begin(), text->end(), '\0'), text->end());
  *warning = Status::InvalidInput("dropped " + std::to_string(count) +
                                      (count == 1 ? " nul byte" : " nul bytes"),
                                  line, column);
  return Status::Ok();
}

// Decodes declared or sniffed UTF-8: a few invalid bytes are repaired and
// reported, mostly invalid bytes mean the file is not text.
Status RepairedUtf8(const std::string& bytes, std::string* out,
                    Status* warning) {
  *out = bytes;
  int line, column;
  size_t bad = RepairUtf8(out, &line, &column);
  if (bad > 0 && bad * 10 > bytes.size()) {
    return Status::InvalidInput(
        "binary file (" + std::to_string(bad) + " invalid utf-8 sequences)",
        line, column);
  }
  if (bad > 0) {
    *warning =
        Status::InvalidInput("invalid utf-8 repaired (" + std::to_string(bad) +
                                 (bad == 1 ? " sequence)" : " sequences)"),
                             line, column);
  }
  return Status::Ok();
}

Status Converted(const std::string& bytes, const std::string& encoding,
                 std::string* out, Status* warning) {
  size_t bad = 0, first = 0;
  Status s = ConvertToUtf8(bytes, encoding, out, &bad, &first);
  if (!s.ok()) return s;
  if (bad > 0) {
    int line, column;
    LineColumn(*out, first, &line, &column);
    // Mostly undecodable: the label is wrong, and guessing would mangle it.
    if (bad * 10 > bytes.size()) {
      return Status::InvalidInput("the text is not " + encoding +
                                      " as declared (" + std::to_string(bad) +
                                      " undecodable bytes)",
                                  line, column);
    }
    *warning = Status::InvalidInput(
        std::to_string(bad) + (bad == 1 ? " byte" : " bytes") + " not valid " +
            encoding + " replaced by U+FFFD",
        line, column);
  }
  return Status::Ok();
}

}  // namespace

std::string DeclaredEncoding(const std::string& bytes) {
  auto starts = [&bytes](const char* prefix, size_t n) {
    return bytes.compare(0, n, prefix, n) == 0;
  };
  if (starts("\xEF\xBB\xBF", 3)) return "utf-8";
  if (starts("\xFF\xFE\0\0", 4)) return "utf-32le";
  if (starts("\0\0\xFE\xFF", 4)) return "utf-32be";
  if (starts("\xFF\xFE", 2)) return "utf-16le";
  if (starts("\xFE\xFF", 2)) return "utf-16be";
  if (starts("<\0\0\0", 4)) return "utf-32le";
  if (starts("\0\0\0<", 4)) return "utf-32be";
  if (starts("<\0?\0", 4)) return "utf-16le";
  if (starts("\0<\0?", 4)) return "utf-16be";

  // Only the head of the file is searched: a declaration is at the start.
  std::string head = bytes.substr(0, 2048);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || head[first] != '<') return "";
  if (head.compare(first, 5, "<?xml") == 0) {
    size_t end = head.find("?>", first);
    if (end == std::string::npos) return "";
    return Lower(AttributeValue(head.substr(first, end - first), "encoding"));
  }
  // HTML: <meta charset="..."> or <meta http-equiv content="...; charset=...">
  // in the head.
  std::string lower = Lower(head);
  size_t head_end = lower.find("</head");
  size_t meta = 0;
  while ((meta = lower.find("<meta", meta)) != std::string::npos &&
         meta < head_end) {
    size_t end = lower.find('>', meta);
    if (end == std::string::npos) break;
    std::string tag = head.substr(meta, end - meta);
    std::string charset = AttributeValue(tag, "charset");
    if (!charset.empty()) return Lower(charset);
    meta = end;
  }
  return "";
}

Status ConvertToUtf8(const std::string& bytes, const std::string& encoding,
                     std::string* out, size_t* bad, size_t* first_out_offset) {
  *bad = 0;
  *first_out_offset = 0;
  out->clear();
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::InvalidInput("unsupported encoding \"" + encoding + "\"");
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string buffer(4096, '\0');
  // iconv's interface takes non-const pointers; it does not write the input.
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  while (in_left > 0) {
    char* dst = &buffer[0];
    size_t dst_left = buffer.size();
    size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out->append(buffer.data(), buffer.size() - dst_left);
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    // EILSEQ (a byte invalid here) or EINVAL (a truncated character at the
    // end): replace one byte and go on, so one bad byte costs one character.
    if ((*bad)++ == 0) *first_out_offset = out->size();
    out->append("\xEF\xBF\xBD");
    if (errno == EINVAL) break;
    ++in;
    --in_left;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
  }
  // Flush a stateful encoding's final shift sequence.
  char* dst = &buffer[0];
  size_t dst_left = buffer.size();
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  out->append(buffer.data(), buffer.size() - dst_left);
  return Status::Ok();
}

Status DecodeToUtf8(const std::string& bytes, std::string* out,
                    std::string* encoding, Status* warning) {
  *warning = Status::Ok();
  std::string declared = DeclaredEncoding(bytes);
  std::string body = bytes;
  // Byte-order marks are not text.
  if (body.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    body.erase(0, 3);
  } else if (body.compare(0, 4, std::string("\xFF\xFE\0\0", 4)) == 0 ||
             body.compare(0, 4, std::string("\0\0\xFE\xFF", 4)) == 0) {
    body.erase(0, 4);
  } else if (body.compare(0, 2, "\xFF\xFE") == 0 ||
             body.compare(0, 2, "\xFE\xFF") == 0) {
    body.erase(0, 2);
  }

  Status s;
  bool wide = declared.compare(0, 6, "utf-16") == 0 ||
              declared.compare(0, 6, "utf-32") == 0 ||
              declared.compare(0, 3, "ucs") == 0;
  if (wide && bytes.substr(0, 64).find('\0') == std::string::npos) {
    // "<?xml ... encoding='utf-16'?>" readable as ASCII: the label is wrong
    // (the file was re-saved as 8-bit text); read it as undeclared.
    declared.clear();
  }
  if (declared == "gb2312" || declared == "gbk" || declared == "x-gbk" ||
      declared == "euc-cn") {
    declared =
        "gb18030";  // the superset: GB2312-labelled pages use GBK characters
  }
  if (declared.empty() || IsUtf8Name(declared)) {
    *encoding = "utf-8";
    Status nul_warning;
    s = DropStrayNuls(&body, &nul_warning);
    if (!s.ok()) return s;
    if (!nul_warning.ok()) *warning = nul_warning;
    Utf8Scan scan = ScanUtf8(body);
    // Undeclared text that is not UTF-8 and has no UTF-8 in it at all is a
    // legacy 8-bit file: Windows-1252 if it looks Western (a few accented
    // letters among ASCII), else no guess.
    if (declared.empty() && scan.bad > 0 && scan.multibyte == 0) {
      size_t high = 0, visible = 0;
      for (unsigned char c : body) {
        if (c >= 0x80) ++high;
        if (c > ' ') ++visible;
      }
      if (high * 5 > visible) {
        return Status::InvalidInput(
            "cannot tell the encoding: the text is not utf-8 and declares no "
            "encoding; declare it or convert "
            "the file to utf-8");
      }
      *encoding = "windows-1252";
      s = Converted(body, "WINDOWS-1252", out, warning);
      if (!s.ok()) return s;
      if (warning->ok()) {
        *warning = Status::InvalidInput(
            "not utf-8 and no declared encoding: read as windows-1252");
      }
      return Status::Ok();
    }
    s = RepairedUtf8(body, out, warning);
    if (s.ok() && warning->ok() && !nul_warning.ok()) *warning = nul_warning;
    return s;
  }

  if (IsWesternSingleByte(declared)) {
    Utf8Scan scan = ScanUtf8(body);
    if (scan.bad == 0 && scan.multibyte > 0) {
      *encoding = "utf-8";
      *warning = Status::InvalidInput("declared " + declared +
                                      " but the text is utf-8: read as utf-8");
      *out = body;
      return BinaryIfNul(*out);
    }
    if (declared != "iso-8859-15" && declared != "iso8859-15" &&
        declared != "latin-9") {
      declared = "windows-1252";
    }
  }
  *encoding = declared;
  s = Converted(body, declared, out, warning);
  if (!s.ok()) return s;
  // A declaration of UTF-16 on what is in fact 8-bit text yields NULs, as
  // does a binary file; neither is text.
  return BinaryIfNul(*out);
}

}  // namespace hpnews
