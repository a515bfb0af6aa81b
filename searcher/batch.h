// Batch mode: one query per input line, one JSON object per input line out,
// in input order, optionally on several threads.
//
// Each line gets the JSON object of --format json (printer.h) with "line"
// (1-based) first, or {"line": N, "error": "..."} when that line is bad: a
// blank line, invalid UTF-8, a line over the length limit, an invalid
// query. A bad line never stops the batch. Not a query parser or a
// printer: it only schedules searches and writes their JSON.

#ifndef HPNEWS_SEARCHER_BATCH_H_
#define HPNEWS_SEARCHER_BATCH_H_

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "common/input_file.h"  // IsValidUtf8
#include "common/status.h"
#include "searcher/count_pool.h"
#include "searcher/search.h"

namespace hpnews {

struct BatchOptions {
  // Index folders and stub database files, searched as one (OpenIndexSet()).
  std::vector<std::string> index_paths;
  SearchRequest request;  // options for every line; query.text is replaced
  int jobs = 1;           // worker threads, each with its own Database
  // Threads that share one query's matching (CountPool): each job's own
  // plus helpers; 0 = QueryThreads()'s default.
  int query_threads = 0;
  // Smaller indexes are matched by one thread (CountPool::min_documents()).
  Xapian::doccount share_min_documents = kMinDocumentsToShare;
  size_t max_line_bytes = 64 * 1024;
};

struct BatchSummary {
  size_t lines = 0;    // lines read (= objects written)
  size_t matched = 0;  // lines whose query matched something
  size_t errors = 0;   // lines that gave an error object
  // From the first line read to the last answer written (the index is
  // already open), and each line's time from the start of its search to
  // its answer's JSON, in input order: what --stats reports.
  double seconds = 0;
  std::vector<double> latencies_ms;
};

// Reads `in` to its end and writes one JSON line per input line to `out`,
// in input order whatever `jobs` is. With one job each line is answered in
// the calling thread as it is read; with more, worker threads answer them
// and memory stays bounded: at most a few dozen lines per job are in
// flight. Output is flushed whenever the answers have caught up with the
// input, so a program can feed queries one at a time and read each answer.
//
// On one local database the workers share a FacetCache: each facet field
// is read into memory once, the first time a line asks for it.
//
// Returns an error only when the index cannot be opened (nothing is read or
// written then); per-line problems are error objects counted in *summary.
Status RunBatch(const BatchOptions& options, std::istream& in,
                std::ostream& out, BatchSummary* summary);

// grep-like: 2 if any line was an error, else 0 if any line matched, else 1.
int BatchExitCode(const BatchSummary& summary);

// What --stats prints: "1000 queries in 0.291 s (3,436 q/s); per query p50
// 0.210 ms, p99 1.102 ms, max 9.870 ms" and, when any line was read, a
// second line naming the five slowest input lines, slowest first:
// "slowest lines: 17 (9.870 ms), 3 (4.120 ms), ...". Percentiles are
// nearest-rank.
std::string FormatBatchStats(const BatchSummary& summary);

// ---- Pieces, exposed for tests ----------------------------------------------

// Reads one line (without its "\n" or "\r\n") into *line, keeping at most
// `limit` bytes; *too_long says that more were dropped. Returns false at the
// end of input when nothing was read.
bool ReadLimitedLine(std::istream& in, size_t limit, std::string* line,
                     bool* too_long);

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_BATCH_H_
