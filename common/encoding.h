// Turning an input file's bytes into UTF-8 text before any parser sees them:
// byte-order marks, the encoding an XML declaration (or an HTML meta tag)
// names, converted with glibc's iconv (ISO-8859-x, Windows-125x, UTF-16/32,
// GB2312, Shift_JIS, KOI8-R, ...), and a sniff for text that declares
// nothing (UTF-8, else Windows-1252 / Latin-1 when it looks like a Western
// text, else refused). Whatever cannot be decoded is reported, never
// silently mangled.
//
// Not a parser: it reads only the few bytes that name an encoding.

#ifndef HPNEWS_COMMON_ENCODING_H_
#define HPNEWS_COMMON_ENCODING_H_

#include <string>

#include "common/status.h"

namespace hpnews {

// The encoding named by a byte-order mark or, for ASCII-compatible text,
// by an XML declaration (<?xml ... encoding="iso-8859-1"?>) or an HTML
// <meta charset> near the start; lower case; "" when nothing names one.
// "utf-16le"/"utf-16be"/"utf-32le"/"utf-32be" are also reported for XML
// that starts "<?xml" in those encodings without a byte-order mark.
std::string DeclaredEncoding(const std::string& bytes);

// Converts `bytes` in `encoding` (an iconv name, any case) to UTF-8 in
// *out. Characters the encoding cannot represent or bytes invalid in it are
// replaced by U+FFFD and counted in *bad (the first at *first_out_offset, a
// byte offset into *out). Fails (InvalidInput) only if iconv does not know
// the encoding.
Status ConvertToUtf8(const std::string& bytes, const std::string& encoding,
                     std::string* out, size_t* bad, size_t* first_out_offset);

// The whole decision for one file: decodes `bytes` into UTF-8 *out
// (without a byte-order mark) and names what was used in *encoding
// ("utf-8", "iso-8859-1", ...).
//   - a byte-order mark or a declaration is honoured; a declared single-byte
//     Western encoding whose bytes are in fact valid multi-byte UTF-8 is read
//     as UTF-8 (a common mislabelling), with a warning;
//   - undeclared text is UTF-8 if it is valid UTF-8; else, if it reads as
//     Windows-1252 (a superset of printable Latin-1), it is read so with a
//     warning; else it is refused ("cannot tell the encoding").
// Bytes that could not be decoded become U+FFFD and are reported in
// *warning (with line and column); *warning is OK otherwise. Returns
// InvalidInput for an unknown declared encoding, binary data (control
// bytes everywhere), or mostly undecodable bytes. A few stray NUL bytes in
// otherwise good text are dropped, with a warning.
Status DecodeToUtf8(const std::string& bytes, std::string* out,
                    std::string* encoding, Status* warning);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_ENCODING_H_
