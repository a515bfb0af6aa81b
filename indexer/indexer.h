// hpnews-index as a library: find input files, read them into Articles
// (with extraction), and write them into a Xapian index by unique id.
//
// main.cc only parses flags into IndexOptions and maps the outcome to an
// exit status; everything here is testable without the binary.

#ifndef HPNEWS_INDEXER_INDEXER_H_
#define HPNEWS_INDEXER_INDEXER_H_

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/data_codec.h"
#include "common/extract.h"
#include "common/reader.h"
#include "common/status.h"
#include "common/synonyms.h"

namespace hpnews {

struct IndexOptions {
  std::string index_path;           // -o
  std::vector<std::string> inputs;  // files and folders
  bool rebuild = false;             // build beside and swap in when complete
  std::string default_outlet;       // --outlet
  // Threads (0 = one per core): as many read and extract; a new index or a
  // rebuild is also written by as many threads into as many parts, merged
  // at the end (an update writes one database, or one thread per shard).
  unsigned jobs = 0;
  // --shards N: write a sharded index of N shards (common/schema.h,
  // "Shards"). 0 = keep what is there: an existing sharded index keeps its
  // shard count (also in a rebuild), anything else is one database. Changing
  // the shard count of an existing index needs `rebuild`.
  std::size_t shards = 0;
  bool progress = false;  // draw a progress line on stderr
  // Where synonyms.tsv and outlets.tsv are read from (the extractor's data
  // folder); empty = DefaultDataDir(). The synonyms go into the index's
  // synonym table and concept terms, outlets.tsv into its metadata (for
  // the searcher's outlet aliases). A missing file is no error.
  std::string data_dir;
  // About how much memory the writers together may hold in changes not yet
  // written to disk, in MB: past its share, a writer commits what it has.
  // Peak RSS stays near this plus the readers' working set, whatever the
  // corpus size. 0 = the HPNEWS_INDEX_MEMORY_MB environment variable,
  // else 256.
  std::size_t memory_mb = 0;
  // A new index or a rebuild: each writer starts a new part once its
  // current one holds about this many MB of documents (as serialised), so
  // that commits stay cheap however large the corpus; the parts are merged
  // at the end. 0 = the HPNEWS_INDEX_PART_MB environment variable, else 256.
  std::size_t part_mb = 0;
};

struct IndexSummary {
  std::size_t files_found = 0;
  std::size_t files_read =
      0;  // read and parsed (maybe with some articles rejected)
  std::size_t files_skipped = 0;  // unreadable, empty, binary, malformed
  std::size_t walk_problems = 0;  // inputs and folders that could not be walked
  std::size_t articles_read = 0;
  std::size_t articles_indexed =
      0;  // distinct ids written (or found unchanged)
  std::size_t articles_added = 0;
  std::size_t articles_replaced = 0;
  std::size_t articles_unchanged = 0;  // same content already in the index
  std::size_t articles_skipped = 0;    // rejected by a reader (missing id, ...)
  std::size_t articles_superseded =
      0;  // same id given by a more explicit input in this run
  std::map<std::string, std::size_t> skip_reasons;  // reason -> count
  std::size_t index_documents = 0;  // articles in the index after the run
  std::size_t index_quotes = 0;  // quote documents in the index after the run
  // A new index or a rebuild: the databases its writers wrote and merged
  // (IndexOptions::part_mb).
  std::size_t parts_written = 0;

  bool HadBadInput() const {
    return files_skipped > 0 || articles_skipped > 0 || walk_problems > 0;
  }
};

// Receives one line per problem, e.g. "corpus/a.xml:3:14: malformed xml: ...".
using Reporter = std::function<void(const std::string& line)>;

// Lists the files to read under `inputs`: named files as given, folders walked
// recursively for *.xml and *.txt (sorted, symbolic-link loops and unreadable
// folders reported and skipped). Problems go to `report`.
std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& inputs, const Reporter& report);

// Reads one file into Articles (common/reader.h) and runs `extractor` on each.
std::vector<Article> ReadArticles(const std::string& path,
                                  const Extractor& extractor,
                                  const std::string& default_outlet,
                                  std::vector<FileProblem>* problems,
                                  std::vector<FileProblem>* warnings,
                                  bool* file_ok);

// Runs hpnews-index: collects, reads (on options.jobs threads), extracts and
// writes. Returns a non-OK Status only for fatal errors (the index cannot be
// opened or written, it is locked, of another schema version); bad input is
// reported through `report` and counted in *summary.
Status RunIndexer(const IndexOptions& options, const Extractor& extractor,
                  const Reporter& report, IndexSummary* summary);

// The spelling dictionary holds the words of the articles' titles and
// bodies (common/document.h, SpellingWords()), read from the stored data of
// `doc` (the document's terms are stems). The writer takes a replaced
// article's words out (`remove`) before adding the new ones, so frequencies
// stay the index's. `codec` reads the data (null: data stored raw or
// compressed without a dictionary).
void UpdateSpelling(const Xapian::Document& doc, bool remove,
                    Xapian::WritableDatabase* db,
                    const DataCodec* codec = nullptr);

// Replaces the synonym table of *db with `synonyms`' entries (every form
// of a group -> its concept term; common/synonyms.h).
void StoreSynonyms(const Synonyms& synonyms, Xapian::WritableDatabase* db);

// The category a problem is counted under in the summary: its message
// without the article it names, quoted names and details ("article \"x\":
// invalid date \"2011-02-31\" (...)" -> "invalid date"; "news item
// \"tag:a.com,2008:1\" has no text content (ninat:video): skipped" -> "news
// item has no text content").
std::string ProblemReason(const Status& status);

// Prints the run summary ("5 files read, 5 articles indexed (...)").
std::string FormatSummary(const IndexSummary& summary);

}  // namespace hpnews

#endif  // HPNEWS_INDEXER_INDEXER_H_
