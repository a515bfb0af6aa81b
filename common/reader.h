// Reading one input file into Articles: the file checks (common/input_file.h),
// format detection, and dispatch to the reader of that format. Readers only
// turn a format into Articles; inference is common/extract.h's job.

#ifndef HPNEWS_COMMON_READER_H_
#define HPNEWS_COMMON_READER_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace hpnews {

// One problem with an input: the whole file, or one article of it.
struct FileProblem {
  std::string path;
  Status status;  // line/column inside the file where known
};

// Reads the file at `path`. Returns its Articles (not yet extracted).
// Problems that cost the whole file or single articles are appended to
// *problems, warnings (e.g. repaired bytes) to *warnings. *file_ok is false
// when the whole file was skipped.
std::vector<Article> ReadArticleFile(const std::string& path, std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings, bool* file_ok);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_READER_H_
