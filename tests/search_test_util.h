// Small hpnews indexes for the searcher's unit tests: Articles built by
// hand, indexed exactly as the indexer does (DocumentFromArticle with an
// English stemmer) into a glass database in a temporary folder, with the
// schema version set. Test code only.

#ifndef HPNEWS_TESTS_SEARCH_TEST_UTIL_H_
#define HPNEWS_TESTS_SEARCH_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/document.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "common/word_pairs.h"
#include "indexer/indexer.h"
#include "searcher/search.h"

namespace hpnews {
namespace testing_util {

// A temporary folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "hpnews-search-XXXXXX")
            .string();
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// `date` is "YYYY-MM-DD" or "" for undated.
inline Article MakeArticle(const std::string& id, const std::string& title,
                           const std::string& date, const std::string& outlet,
                           const std::vector<std::string>& speakers,
                           const std::vector<std::string>& topics,
                           const std::vector<std::string>& paragraphs) {
  Article a;
  a.id = id;
  a.source = "tests/" + id + ".txt";
  a.url = "https://example.org/" + id;
  a.title = title;
  if (!date.empty()) a.date = ParseIsoDate(date);
  a.outlet = outlet;
  a.speakers = speakers;
  a.topics = topics;
  a.paragraphs = paragraphs;
  return a;
}

// The corpus's synonyms.tsv, which the indexer reads by default.
inline const Synonyms& CorpusSynonyms() {
  static const Synonyms* synonyms = [] {
    auto* s = new Synonyms();
    Status status = Synonyms::Load(
        std::string(HPNEWS_SOURCE_DIR) + "/corpus/synonyms.tsv", s);
    EXPECT_TRUE(status.ok()) << status.message();
    return s;
  }();
  return *synonyms;
}

// Writes `articles` as the indexer does: article and quote documents,
// concept terms and the synonym table from corpus/synonyms.tsv, spelling
// data, and the outlets.tsv metadata; with `pairs`, their pair terms and
// metadata too (common/word_pairs.h).
inline void AddArticles(Xapian::WritableDatabase* db,
                        const std::vector<Article>& articles,
                        const WordPairs* pairs = nullptr) {
  Xapian::TermGenerator termgen;
  termgen.set_stemmer(Xapian::Stem("en"));
  for (const Article& a : articles) {
    Xapian::Document doc =
        DocumentFromArticle(a, &termgen, &CorpusSynonyms(), nullptr, pairs);
    db->replace_document(IdTerm(a.id), doc);
    UpdateSpelling(doc, false, db);
    db->delete_document(ParentTerm(a.id));
    for (const Xapian::Document& q : QuoteDocuments(a, &termgen)) {
      db->add_document(q);
    }
  }
  StoreSynonyms(CorpusSynonyms(), db);
  std::ifstream outlets(std::string(HPNEWS_SOURCE_DIR) + "/corpus/outlets.tsv");
  std::ostringstream text;
  text << outlets.rdbuf();
  db->set_metadata(schema::kOutletsKey, text.str());
  db->set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
  if (pairs != nullptr)
    db->set_metadata(schema::kWordPairsKey, pairs->Serialise());
  db->commit();
}

// Writes `articles` into a new glass database at `path`.
inline void WriteIndex(const std::string& path,
                       const std::vector<Article>& articles,
                       const WordPairs* pairs = nullptr) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  AddArticles(&db, articles, pairs);
  db.close();
}

// A small corpus with every feature the searcher reads: several speakers
// (two of them Porters), several topics, one undated article, one with no
// outlet, reader comments and quotes.
inline std::vector<Article> SampleArticles() {
  std::vector<Article> v;
  Article a1 = MakeArticle(
      "pulse-porter", "GPs warn over commissioning reorganisation",
      "2011-11-25", "Pulse", {"Mark Porter", "Clare Gerada"},
      {"commissioning", "reorganisation"},
      {"Dr Mark Porter said the reorganisation of the NHS would harm "
       "patients and that GP commissioning was rushed.",
       "Clare Gerada added that family doctors were worried about the "
       "pace of change & the cost."});
  a1.quotes = {{"Mark Porter", "the reforms are a gamble with patient care"}};
  a1.comments = {{"Anon GP", "", "Lansley has no mandate for this upheaval"}};
  v.push_back(a1);

  Article a2 = MakeArticle(
      "hsj-bill", "Health and Social Care Bill passes third reading",
      "2012-03-20", "Health Service Journal", {"Andrew Lansley"},
      {"reorganisation", "competition"},
      {"The health secretary Andrew Lansley said competition would drive "
       "up quality in the NHS.",
       "Critics warned that private providers would cherry pick services."});
  a2.quotes = {{"Andrew Lansley", "competition will drive up quality"}};
  v.push_back(a2);

  v.push_back(MakeArticle(
      "mip-integration", "Integrating health and social care", "2011-06-10",
      "Management in Practice", {"Mark Porter", "Andrew Lansley"},
      {"integration"},
      {"Integrated care needs councils and the NHS to pool budgets.",
       "Mark Porter and Andrew Lansley both backed integration of services "
       "for older people."}));

  v.push_back(MakeArticle(
      "undated-funding", "Hospital funding squeeze deepens", "", "", {},
      {"funding"},
      {"Hospitals face a funding squeeze as NHS budgets flatline and "
       "reorganisation costs mount."}));

  v.push_back(MakeArticle(
      "pulse-workforce", "Workforce crisis in general practice", "2012-02-29",
      "Pulse", {"Clare Gerada", "John Porter"}, {"workforce"},
      {"GP numbers are falling and practices cannot recruit, Clare Gerada "
       "warned.",
       "John Porter, a practice manager, said the workforce crisis was "
       "the worst he had seen."}));

  v.push_back(MakeArticle(
      "hsj-ccgs", "Commissioning groups take shape", "2011-11-01",
      "Health Service Journal", {}, {"commissioning"},
      {"Clinical commissioning groups are taking shape across England "
       "ahead of the reorganisation."}));
  return v;
}

// The ids a search returns, as a set (order checked separately).
inline std::set<std::string> Ids(const SearchResult& result) {
  std::set<std::string> ids;
  for (const Hit& hit : result.hits) ids.insert(hit.id);
  return ids;
}

inline std::vector<std::string> IdList(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

}  // namespace testing_util
}  // namespace hpnews

#endif  // HPNEWS_TESTS_SEARCH_TEST_UTIL_H_
