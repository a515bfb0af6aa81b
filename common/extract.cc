// Extractor: loads the outlet signatures and the topic taxonomy once, then
// composes the outlet, speaker and topic extractors on each Article.

#include "common/extract.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "common/extract_outlet.h"
#include "common/extract_speakers.h"
#include "common/extract_topics.h"

namespace hpnews {
namespace {

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  *out = ss.str();
  return Status::Ok();
}

class RuleExtractor : public Extractor {
 public:
  OutletSignatures outlets;
  TopicTaxonomy topics;
  OfficeHolders offices;

  void Extract(Article* article,
               const std::string& default_outlet) const override {
    const GivenFields& given = article->given;
    if (given.outlet && given.speakers && given.quotes && given.topics) return;
    // Cut the title and body into tokens once for all three extractors.
    ArticleTokens tokens(article->title, article->paragraphs);
    if (!given.outlet) {
      std::string found = outlets.Find(*article, tokens);
      article->outlet = !found.empty() ? found : default_outlet;
    }
    if (!given.speakers || !given.quotes) {
      SpeakerResult r = ExtractSpeakers(article->paragraphs, tokens.paragraphs,
                                        &offices, article->date);
      if (!given.speakers) article->speakers = std::move(r.speakers);
      if (!given.quotes) article->quotes = std::move(r.quotes);
    }
    if (!given.topics) article->topics = topics.Classify(tokens);
    // The date is the reader's (common/raw_text.h): it knows the page
    // header; the body alone does not say which date is the article's.
  }
};

// Reads data_dir/name and parses it with `parse` into *out; a missing file
// is an error unless `optional`. The status names the file (and line).
template <typename Table>
Status LoadTable(const std::string& data_dir, const char* name,
                 Status (*parse)(std::string_view, Table*), bool optional,
                 Table* out) {
  const std::string path = data_dir + "/" + name;
  if (optional && !std::ifstream(path)) return Status::Ok();
  std::string text;
  Status status = ReadFile(path, &text);
  if (!status.ok()) return status;
  status = parse(text, out);
  if (status.ok()) return status;
  return Status::InvalidInput(path + (status.line() > 0 ? ":" : ": ") +
                              status.ToString());
}

}  // namespace

std::unique_ptr<Extractor> Extractor::Load(const std::string& data_dir,
                                           Status* status) {
  auto extractor = std::make_unique<RuleExtractor>();
  *status = LoadTable(data_dir, "outlets.tsv", &OutletSignatures::Parse, false,
                      &extractor->outlets);
  if (status->ok())
    *status = LoadTable(data_dir, "topics.tsv", &TopicTaxonomy::Parse, false,
                        &extractor->topics);
  // Optional: a data folder from before offices.tsv extracts without it.
  if (status->ok())
    *status = LoadTable(data_dir, "offices.tsv", &OfficeHolders::Parse, true,
                        &extractor->offices);
  if (!status->ok()) return nullptr;
  return extractor;
}

std::string DefaultDataDir() {
  const char* env = std::getenv("HPNEWS_DATA");
  if (env != nullptr && *env != '\0') return env;
  return HPNEWS_DEFAULT_DATA_DIR;
}

}  // namespace hpnews
