// Reading one input file into Articles: the file checks (common/input_file.h),
// decoding its bytes to UTF-8 (common/encoding.h), detecting its format from
// its content (the extension only breaks ties), and dispatch to the reader of
// that format:
//   Article XML (<article>, <corpus>)     common/article_xml.h
//   NITF (<nitf>)                         common/nitf_reader.h
//   NewsML-G2 (<newsItem>, <newsMessage>) common/newsml_reader.h
//   RSS 2.0, RSS 1.0 (RDF), Atom          common/feed_reader.h
//   JSON, JSON Lines                      common/json_reader.h
//   anything else that is text            common/raw_text.h
// XML of any other vocabulary is reported and skipped. Readers only turn a
// format into Articles; inference is common/extract.h's job.

#ifndef HPNEWS_COMMON_READER_H_
#define HPNEWS_COMMON_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/news_meta.h"
#include "common/status.h"

namespace hpnews {

// One problem with an input: the whole file, or one article of it.
struct FileProblem {
  std::string path;
  Status status;  // line/column inside the file where known
};

enum class InputFormat {
  kArticleXml,
  kNitf,
  kNewsMlG2,
  kFeed,  // RSS 2.0 / 0.9x, RSS 1.0 (RDF), Atom
  kJson,  // JSON or JSON Lines
  kRawText,
  kUnknownXml,  // well, XML: but of a vocabulary no reader knows
};

// The format of a file from its (decoded) content; `path`'s extension
// decides only for .txt (always raw text: scraped pages may contain
// anything) and .json/.jsonl/.ndjson (always JSON, so a broken one is
// reported as broken JSON). *root is set to the XML root element's name
// ("rss", "nitf", "rdf:RDF") for XML.
InputFormat DetectInputFormat(const std::string& path, const std::string& text,
                              std::string* root);

// True if a file found while walking a folder should be read: .xml .txt
// .rss .rdf .atom .nitf .newsml .json .jsonl .ndjson (any case). A file
// named explicitly is read whatever its name.
bool IsInputFileName(const std::string& path);

// Reads the file at `path`. Returns its Articles (not yet extracted).
// Problems that cost the whole file or single articles are appended to
// *problems, warnings (e.g. repaired bytes, an encoding guessed) to
// *warnings. *file_ok is false when the whole file was skipped.
// `context` carries the outlet map for hosts and agency names.
std::vector<Article> ReadArticleFile(const std::string& path,
                                     const ReaderContext& context,
                                     std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings,
                                     bool* file_ok);

// As above with the default outlet map: hosts.tsv in DefaultDataDir()
// (common/extract.h), loaded once on first use (an unreadable file means no
// outlets from hosts, and is reported once on stderr).
std::vector<Article> ReadArticleFile(const std::string& path,
                                     std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings,
                                     bool* file_ok);

// The outlet map the overload above uses.
const OutletMap& DefaultOutletMap();

}  // namespace hpnews

#endif  // HPNEWS_COMMON_READER_H_
