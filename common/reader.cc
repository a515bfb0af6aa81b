#include "common/reader.h"

#include <cctype>
#include <filesystem>

#include "common/article_xml.h"
#include "common/input_file.h"
#include "common/raw_text.h"

namespace hpnews {

namespace {

std::string LowerExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

std::vector<Article> ReadArticleFile(const std::string& path, std::vector<FileProblem>* problems,
                                     std::vector<FileProblem>* warnings, bool* file_ok) {
  std::vector<Article> articles;
  *file_ok = true;
  std::string text;
  Status warning;
  Status status = ReadInputFile(path, &text, &warning);
  if (!status.ok()) {
    problems->push_back({path, status});
    *file_ok = false;
    return articles;
  }
  if (!warning.ok()) warnings->push_back({path, warning});

  // The extension decides; a file named explicitly with another extension
  // is XML if it starts like XML.
  std::string ext = LowerExtension(path);
  size_t first = text.find_first_not_of(" \t\r\n");
  bool xml = ext == ".xml" || (ext != ".txt" && first != std::string::npos && text[first] == '<');
  if (xml) {
    std::vector<ArticleError> errors;
    status = ParseArticleXml(text, path, &articles, &errors);
    if (!status.ok()) {
      problems->push_back({path, status});
      *file_ok = false;
      return {};
    }
    for (const ArticleError& e : errors) problems->push_back({path, e.status});
  } else {
    Article article = ReadRawText(text, path);
    if (article.title.empty() && article.paragraphs.empty()) {
      problems->push_back({path, Status::InvalidInput("no article text found")});
      *file_ok = false;
      return {};
    }
    articles.push_back(std::move(article));
  }
  return articles;
}

}  // namespace hpnews
