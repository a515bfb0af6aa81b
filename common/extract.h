// Metadata extraction: infers what an Article's input left unsaid — date,
// outlet, speakers and their quotes, topics — from its title and body.
// Fields marked in Article::given are never changed. Works on Articles,
// never on files; the data it uses (outlet signatures, topic taxonomy) is
// loaded once from corpus/ and shared read-only between threads.

#ifndef HPNEWS_COMMON_EXTRACT_H_
#define HPNEWS_COMMON_EXTRACT_H_

#include <memory>
#include <string>

#include "common/article.h"
#include "common/status.h"

namespace hpnews {

class Extractor {
 public:
  // Loads the data files (outlets.tsv, topics.tsv) from `data_dir`.
  // On failure returns nullptr and sets *status to a one-line reason naming
  // the file and line.
  static std::unique_ptr<Extractor> Load(const std::string& data_dir,
                                         Status* status);
  virtual ~Extractor() = default;

  // Fills the fields of *article that were not given explicitly.
  // `default_outlet` is used when neither metadata nor signatures name one.
  // Thread-safe: const, no shared mutable state.
  virtual void Extract(Article* article,
                       const std::string& default_outlet) const = 0;
};

// The directory holding the extractors' data files when none is given: the
// HPNEWS_DATA environment variable, else the source tree's corpus/ folder.
std::string DefaultDataDir();

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_H_
