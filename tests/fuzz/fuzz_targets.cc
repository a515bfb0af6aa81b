#include "tests/fuzz/fuzz_targets.h"

#include <xapian.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "common/article_xml.h"
#include "common/document.h"
#include "common/extract.h"
#include "common/input_file.h"
#include "common/raw_text.h"
#include "common/schema.h"
#include "searcher/query_builder.h"

namespace hpnews {
namespace fuzz {

namespace {

// Readers receive valid UTF-8 (common/input_file.h repairs it first), so the
// fuzzers do the same to reach the parsers rather than stop at the door.
std::string AsText(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  int line, column;
  RepairUtf8(&text, &line, &column);
  return text;
}

const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Status status;
    auto e =
        Extractor::Load(std::string(HPNEWS_SOURCE_DIR) + "/corpus", &status);
    if (!e) std::abort();  // the data files of the source tree must load
    return e;
  }();
  return *extractor;
}

// A few documents covering every field, so queries have terms, values and
// positions to work on.
const Xapian::Database& SharedDatabase() {
  static const Xapian::Database db = [] {
    Xapian::WritableDatabase w(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator termgen;
    termgen.set_stemmer(Xapian::Stem("english"));
    const char* titles[] = {"BMA chair lobbies Labour",
                            "Commissioning support plans",
                            "The bureaucrats inherit"};
    for (int i = 0; i < 3; ++i) {
      Article a;
      a.id = "doc" + std::to_string(i);
      a.title = titles[i];
      a.outlet = i ? "Pulse" : "Health Service Journal";
      a.date = Date{2011 + i, 1 + i, 10 + i};
      a.speakers = {"Mark Porter", "Andy Burnham"};
      a.topics = {"commissioning", "politics"};
      a.quotes = {{"Mark Porter", "reorganisation damages the service"}};
      a.paragraphs = {
          "Clinical commissioning groups and primary care trusts "
          "reorganisation."};
      a.comments = {{"Anon", "", "comment text about funding"}};
      w.add_document(DocumentFromArticle(a, &termgen));
    }
    w.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
    w.commit();
    return Xapian::Database(w);
  }();
  return db;
}

}  // namespace

void ArticleXml(const uint8_t* data, size_t size) {
  std::vector<Article> articles;
  std::vector<ArticleError> errors;
  ParseArticleXml(AsText(data, size), "fuzz.xml", &articles, &errors);
}

void RawText(const uint8_t* data, size_t size) {
  Article article = ReadRawText(AsText(data, size), "fuzz.txt");
  SharedExtractor().Extract(&article, "");
}

void Query(const uint8_t* data, size_t size) {
  // First line: the query text; further lines: filters and date bounds.
  std::string text = AsText(data, size);
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size() && lines.size() < 5) {
    size_t end = text.find('\n', start);
    lines.push_back(text.substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  QuerySpec spec;
  spec.text = lines[0];
  if (lines.size() > 1) {
    Filter f;
    if (ParseFilter(lines[1], &f).ok()) spec.filters.push_back(f);
  }
  if (lines.size() > 2) spec.from = lines[2];
  if (lines.size() > 3) spec.to = lines[3];
  if (lines.size() > 4)
    spec.default_op = lines[4].empty() ? DefaultOp::kAnd : DefaultOp::kOr;
  const Xapian::Database& db = SharedDatabase();
  Xapian::Query query;
  if (!BuildQuery(spec, db, &query).ok()) return;
  try {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.get_mset(0, 10);
  } catch (const Xapian::Error&) {
    // Running a built query may still fail in ways Xapian reports (e.g.
    // a wildcard over its expansion limit); that is an answer, not a crash.
  }
}

}  // namespace fuzz
}  // namespace hpnews
