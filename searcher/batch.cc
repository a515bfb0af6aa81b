#include "searcher/batch.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "searcher/count_pool.h"
#include "searcher/printer.h"

namespace hpnews {

namespace {

using nlohmann::ordered_json;

// Lines read but not yet written, per job: enough to keep every worker busy
// while one slow query holds up the output, small enough to bound memory.
constexpr size_t kInFlightPerJob = 64;

// Lines named by --stats as the slowest.
constexpr size_t kSlowestLinesShown = 5;

struct Task {
  size_t line_no;
  std::string text;
  bool too_long;
};

using Clock = std::chrono::steady_clock;

struct LineOutcome {
  std::string json;
  bool matched = false;
  bool error = false;
  double ms = 0;  // from the start of its search to its JSON
};

LineOutcome ErrorLine(size_t line_no, const std::string& message) {
  LineOutcome outcome;
  outcome.error = true;
  outcome.json = JsonLine({{"line", line_no}, {"error", message}});
  return outcome;
}

LineOutcome RunLineUntimed(IndexSet* index, const BatchOptions& options,
                           const Task& task) {
  if (task.too_long) {
    return ErrorLine(task.line_no, "line too long (over " +
                                       std::to_string(options.max_line_bytes) +
                                       " bytes)");
  }
  if (!IsValidUtf8(task.text)) return ErrorLine(task.line_no, "invalid utf-8");
  SearchRequest request = options.request;
  request.query.text = task.text;
  SearchResult result;
  try {
    Status status = Search(index, request, &result);
    if (!status.ok()) return ErrorLine(task.line_no, status.message());
  } catch (const Xapian::Error& e) {
    // One failing line (a corrupt block, say) is reported and the batch
    // goes on, as ripgrep does with an unreadable file.
    return ErrorLine(task.line_no,
                     e.get_type() + std::string(": ") + e.get_msg());
  } catch (const std::exception& e) {
    return ErrorLine(task.line_no, e.what());
  }
  LineOutcome outcome;
  outcome.matched = result.total > 0;
  outcome.json = ResultJsonLine(result, task.line_no);
  return outcome;
}

// Adds line `line_no`'s outcome to *summary.
void Count(size_t line_no, const LineOutcome& outcome, BatchSummary* summary) {
  ++summary->lines;
  if (outcome.matched) ++summary->matched;
  if (outcome.error) ++summary->errors;
  if (summary->latencies_ms.size() < line_no)
    summary->latencies_ms.resize(line_no);
  summary->latencies_ms[line_no - 1] = outcome.ms;
}

LineOutcome RunLine(IndexSet* index, const BatchOptions& options,
                    const Task& task) {
  const Clock::time_point start = Clock::now();
  LineOutcome outcome = RunLineUntimed(index, options, task);
  outcome.ms =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return outcome;
}

// State shared by the reader (the calling thread) and the workers.
class Pipeline {
 public:
  Pipeline(const BatchOptions& options, std::ostream* out, size_t capacity)
      : options_(options), out_(out), capacity_(capacity) {}

  // Reader side: blocks while `capacity_` lines are in flight.
  void Push(Task task) {
    std::unique_lock<std::mutex> lock(mu_);
    space_.wait(lock, [this] { return in_flight_ < capacity_; });
    ++in_flight_;
    queue_.push_back(std::move(task));
    work_.notify_one();
  }

  void CloseInput() {
    std::lock_guard<std::mutex> lock(mu_);
    input_done_ = true;
    work_.notify_all();
  }

  void Work(IndexSet* index) {
    while (true) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_.wait(lock, [this] { return !queue_.empty() || input_done_; });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      LineOutcome outcome = RunLine(index, options_, task);
      Deliver(task.line_no, std::move(outcome));
    }
  }

  BatchSummary summary() const { return summary_; }

 private:
  // Stores a finished line and writes every line that is now next in order.
  void Deliver(size_t line_no, LineOutcome outcome) {
    std::lock_guard<std::mutex> lock(mu_);
    Count(line_no, outcome, &summary_);
    ready_[line_no] = std::move(outcome.json);
    bool wrote = false;
    while (!ready_.empty() && ready_.begin()->first == next_line_) {
      *out_ << ready_.begin()->second << '\n';
      ready_.erase(ready_.begin());
      ++next_line_;
      --in_flight_;
      wrote = true;
    }
    if (!wrote) return;
    // Caught up with the input: whoever feeds us may be waiting for this.
    if (queue_.empty()) out_->flush();
    space_.notify_one();
  }

  const BatchOptions& options_;
  std::ostream* out_;
  const size_t capacity_;

  std::mutex mu_;
  std::condition_variable work_;   // a task was queued or input ended
  std::condition_variable space_;  // a line was written
  std::deque<Task> queue_;
  bool input_done_ = false;
  size_t in_flight_ = 0;                 // read and not yet written
  std::map<size_t, std::string> ready_;  // finished, waiting for their turn
  size_t next_line_ = 1;
  BatchSummary summary_;
};

}  // namespace

bool ReadLimitedLine(std::istream& in, size_t limit, std::string* line,
                     bool* too_long) {
  using Traits = std::char_traits<char>;
  line->clear();
  *too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (Traits::int_type c = buf->sbumpc();
       !Traits::eq_int_type(c, Traits::eof()); c = buf->sbumpc()) {
    any = true;
    if (c == '\n') break;
    // Keep one byte over the limit so a CRLF line exactly at the limit is
    // not called too long for its '\r'.
    if (line->size() <= limit) {
      line->push_back(Traits::to_char_type(c));
    } else {
      *too_long = true;
    }
  }
  if (!any) {
    in.setstate(std::ios::eofbit);
    return false;
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  if (line->size() > limit) *too_long = true;
  return true;
}

Status RunBatch(const BatchOptions& options, std::istream& in,
                std::ostream& out, BatchSummary* summary) {
  int jobs = std::max(1, options.jobs);
  // Every worker reads its own IndexSet: a Xapian::Database object must
  // not be shared between threads.
  std::vector<IndexSet> indexes(jobs);
  for (IndexSet& index : indexes) {
    Status status = OpenIndexSet(options.index_paths, &index);
    if (!status.ok()) return status;
  }
  // One local database: facet counts come from ordinals read once and
  // shared, for the workers that opened the same revision (a writer may
  // have committed between two opens; those read values instead).
  if (indexes.front().single_local) {
    auto cache = std::make_shared<FacetCache>();
    for (IndexSet& index : indexes) {
      if (index.single_local && index.revision == indexes.front().revision &&
          index.db.get_uuid() == indexes.front().db.get_uuid()) {
        index.facet_cache = cache;
      }
    }
  }

  // Cores the jobs leave idle count each job's matches beside its ranking.
  const unsigned query_threads = QueryThreads(options.query_threads, jobs);
  if (query_threads > 1) {
    for (IndexSet& index : indexes) {
      if (index.single_local)
        index.count_pool =
            std::make_shared<CountPool>(options.index_paths, query_threads - 1,
                                        options.share_min_documents);
    }
  }

  // Loaded once: parsing outlets.tsv for every line would cost more than
  // many a query.
  BatchOptions shared = options;
  if (!shared.request.query.outlet_aliases) {
    shared.request.query.outlet_aliases = LoadOutletAliases(indexes.front().db);
  }
  size_t line_no = 0;
  std::string line;
  bool too_long = false;
  const Clock::time_point start = Clock::now();
  auto seconds = [&start]() {
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  if (jobs == 1) {
    // One job: each line is answered in the reading thread, as it is read.
    // Handing lines to a worker cost two thread wake-ups a line, a fifth
    // of a batch's time on Reuters-21578.
    BatchSummary counts;
    while (ReadLimitedLine(in, options.max_line_bytes, &line, &too_long)) {
      LineOutcome outcome =
          RunLine(&indexes.front(), shared, Task{++line_no, line, too_long});
      Count(line_no, outcome, &counts);
      out << outcome.json << '\n';
      // Caught up with the input (nothing read ahead): whoever feeds us
      // may be waiting for this answer.
      if (in.rdbuf()->in_avail() <= 0) out.flush();
    }
    out.flush();
    counts.seconds = seconds();
    *summary = std::move(counts);
    return Status::Ok();
  }
  Pipeline pipeline(shared, &out, kInFlightPerJob * jobs);
  std::vector<std::thread> workers;
  for (IndexSet& index : indexes) {
    workers.emplace_back([&pipeline, &index] { pipeline.Work(&index); });
  }
  while (ReadLimitedLine(in, options.max_line_bytes, &line, &too_long)) {
    pipeline.Push(Task{++line_no, line, too_long});
  }
  pipeline.CloseInput();
  for (std::thread& worker : workers) worker.join();
  out.flush();
  *summary = pipeline.summary();
  summary->seconds = seconds();
  return Status::Ok();
}

std::string FormatBatchStats(const BatchSummary& summary) {
  std::vector<double> sorted = summary.latencies_ms;
  std::sort(sorted.begin(), sorted.end());
  auto rank = [&sorted](double p) {
    if (sorted.empty()) return 0.0;
    const auto k =
        static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[k == 0 ? 0 : k - 1];
  };
  const double qps = summary.seconds > 0
                         ? static_cast<double>(summary.lines) / summary.seconds
                         : 0;
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "%zu queries in %.3f s (%.0f q/s); per query p50 %.3f ms, "
                "p99 %.3f ms, max %.3f ms",
                summary.lines, summary.seconds, qps, rank(0.5), rank(0.99),
                sorted.empty() ? 0.0 : sorted.back());
  std::string stats = buf;
  // Which lines to look at when the tail is too long: input line numbers,
  // slowest first (ties: the earlier line first).
  std::vector<size_t> lines(summary.latencies_ms.size());
  for (size_t i = 0; i < lines.size(); ++i) lines[i] = i;
  const size_t shown = std::min(kSlowestLinesShown, lines.size());
  std::partial_sort(lines.begin(), lines.begin() + shown, lines.end(),
                    [&summary](size_t a, size_t b) {
                      const double ma = summary.latencies_ms[a];
                      const double mb = summary.latencies_ms[b];
                      return ma != mb ? ma > mb : a < b;
                    });
  for (size_t i = 0; i < shown; ++i) {
    std::snprintf(buf, sizeof buf, "%s %zu (%.3f ms)",
                  i == 0 ? "\nslowest lines:" : ",", lines[i] + 1,
                  summary.latencies_ms[lines[i]]);
    stats += buf;
  }
  return stats;
}

int BatchExitCode(const BatchSummary& summary) {
  if (summary.errors > 0) return 2;
  return summary.matched > 0 ? 0 : 1;
}

}  // namespace hpnews
