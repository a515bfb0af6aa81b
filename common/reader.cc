#include "common/reader.h"

#include <cctype>
#include <filesystem>
#include <iostream>

#include "common/article_xml.h"
#include "common/encoding.h"
#include "common/extract.h"
#include "common/feed_reader.h"
#include "common/input_file.h"
#include "common/json_reader.h"
#include "common/newsml_reader.h"
#include "common/nitf_reader.h"
#include "common/raw_text.h"

namespace hpnews {

namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// The name of the first element of XML `text`, after the declaration,
// processing instructions, comments and a DOCTYPE; "" if there is none.
std::string RootElement(const std::string& text, size_t pos) {
  while (pos < text.size()) {
    pos = text.find_first_not_of(" \t\r\n", pos);
    if (pos == std::string::npos || text[pos] != '<') return "";
    if (text.compare(pos, 2, "<?") == 0) {
      pos = text.find("?>", pos);
      if (pos == std::string::npos) return "";
      pos += 2;
    } else if (text.compare(pos, 4, "<!--") == 0) {
      pos = text.find("-->", pos);
      if (pos == std::string::npos) return "";
      pos += 3;
    } else if (text.compare(pos, 2, "<!") == 0) {
      // <!DOCTYPE ... [ internal subset ]>
      size_t bracket = text.find('[', pos);
      size_t close = text.find('>', pos);
      if (close == std::string::npos) return "";
      if (bracket != std::string::npos && bracket < close) {
        size_t end = text.find("]", bracket);
        if (end == std::string::npos) return "";
        close = text.find('>', end);
        if (close == std::string::npos) return "";
      }
      pos = close + 1;
    } else {
      size_t end = text.find_first_of(" \t\r\n/>", pos + 1);
      return text.substr(pos + 1, end == std::string::npos ? std::string::npos
                                                           : end - pos - 1);
    }
  }
  return "";
}

std::string LocalPart(const std::string& name) {
  size_t colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

void AddAll(const std::string& path, const std::vector<Status>& from,
            std::vector<FileProblem>* to) {
  for (const Status& s : from) to->push_back({path, s});
}

}  // namespace

InputFormat DetectInputFormat(const std::string& path, const std::string& text,
                              std::string* root) {
  root->clear();
  std::string ext = LowerExtension(path);
  if (ext == ".txt") return InputFormat::kRawText;
  if (ext == ".json" || ext == ".jsonl" || ext == ".ndjson")
    return InputFormat::kJson;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return InputFormat::kRawText;
  if (text[first] == '{' || text[first] == '[') return InputFormat::kJson;
  if (text[first] != '<') return InputFormat::kRawText;
  *root = RootElement(text, first);
  std::string local = LocalPart(*root);
  if (local == "article" || local == "corpus") return InputFormat::kArticleXml;
  if (local == "nitf") return InputFormat::kNitf;
  if (local == "newsItem" || local == "newsMessage" || local == "packageItem" ||
      local == "conceptItem" || local == "knowledgeItem" ||
      local == "planningItem") {
    return InputFormat::kNewsMlG2;
  }
  if (local == "rss" || local == "RDF" || local == "feed" || local == "entry")
    return InputFormat::kFeed;
  return InputFormat::kUnknownXml;
}

bool IsInputFileName(const std::string& path) {
  static const char* const kExtensions[] = {
      ".xml",  ".txt",    ".rss",  ".rdf",   ".atom",
      ".nitf", ".newsml", ".json", ".jsonl", ".ndjson"};
  std::string ext = LowerExtension(path);
  for (const char* e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

const OutletMap& DefaultOutletMap() {
  // Loaded once, thread-safely (a function-local static), then read-only.
  static const OutletMap* const map = [] {
    auto* m = new OutletMap();
    std::string path = DefaultDataDir() + "/hosts.tsv";
    Status s = OutletMap::Load(path, m);
    if (!s.ok())
      std::cerr << "hpnews: " << s.message()
                << ": outlets are not derived from hosts\n";
    return m;
  }();
  return *map;
}

std::vector<Article> ReadArticleFile(const std::string& path,
                                     std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings,
                                     bool* file_ok) {
  ReaderContext context;
  context.outlets = &DefaultOutletMap();
  return ReadArticleFile(path, context, problems, warnings, file_ok);
}

std::vector<Article> ReadArticleFile(const std::string& path,
                                     const ReaderContext& context,
                                     std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings,
                                     bool* file_ok) {
  std::vector<Article> articles;
  *file_ok = false;
  auto fail = [&](const Status& status) {
    problems->push_back({path, status});
    return std::vector<Article>();
  };

  std::string bytes;
  Status status = ReadInputBytes(path, &bytes);
  if (!status.ok()) return fail(status);
  std::string text, encoding;
  Status warning;
  status = DecodeToUtf8(bytes, &text, &encoding, &warning);
  if (!status.ok()) return fail(status);
  if (!warning.ok()) warnings->push_back({path, warning});
  bytes.clear();

  std::string root;
  InputFormat format = DetectInputFormat(path, text, &root);
  std::vector<Status> item_errors, item_warnings;
  switch (format) {
    case InputFormat::kArticleXml: {
      std::vector<ArticleError> errors;
      status = ParseArticleXml(text, path, &articles, &errors);
      for (const ArticleError& e : errors) {
        (e.skipped ? item_errors : item_warnings).push_back(e.status);
      }
      break;
    }
    case InputFormat::kNitf: {
      Article a;
      status = ReadNitf(text, path, context, &a, &item_warnings);
      if (status.ok()) articles.push_back(std::move(a));
      break;
    }
    case InputFormat::kNewsMlG2:
      status = ReadNewsMl(text, path, context, &articles, &item_errors,
                          &item_warnings);
      break;
    case InputFormat::kFeed:
      status = ReadFeed(text, path, context, &articles, &item_errors,
                        &item_warnings);
      break;
    case InputFormat::kJson:
      status = ReadJsonArticles(text, path, context, &articles, &item_errors,
                                &item_warnings);
      break;
    case InputFormat::kUnknownXml:
      if (LocalPart(root) == "NewsML") {
        status = Status::InvalidInput(
            "newsml 1.x is not supported (only newsml-g2): root element "
            "<NewsML>");
      } else {
        status = Status::InvalidInput(
            "not a known news format: root element <" + root + ">");
      }
      break;
    case InputFormat::kRawText: {
      std::string ext = LowerExtension(path);
      if (ext == ".xml" || ext == ".rss" || ext == ".atom" || ext == ".rdf" ||
          ext == ".nitf" || ext == ".newsml") {
        status = Status::InvalidInput(
            "not xml: the file does not start with an element");
        break;
      }
      Article article = ReadRawText(text, path);
      if (article.title.empty() && article.paragraphs.empty()) {
        status = Status::InvalidInput("no article text found");
      } else {
        articles.push_back(std::move(article));
      }
      break;
    }
  }
  if (!status.ok()) return fail(status);
  AddAll(path, item_errors, problems);
  AddAll(path, item_warnings, warnings);
  if (articles.empty()) {
    if (item_errors.empty())
      problems->push_back(
          {path, Status::InvalidInput("no articles in the file")});
    return articles;
  }
  *file_ok = true;
  return articles;
}

}  // namespace hpnews
