// Matching one query on the cores a search would leave idle.
//
// Xapian 1.4's matcher runs a query on one thread. When a search has cores
// to spare (one query at a time, or fewer batch jobs than cores), its
// matching is split by document id into ranges that a CountPool's helper
// threads and the searching thread take in turn, each on its own Database
// handle: ranking a page of hits by relevance, counting every match for
// exact facets, totals and timelines, or both, the ranking's ranges first
// (for another order the searching thread first runs the ranked match,
// which then no longer counts). Ranges add up to the whole: a document is
// in exactly one.
//
// Only for one local database: its docids are the ones a DocidRangeSource
// restricts and a facet column is indexed by. Not a query parser, a
// ranker or a facet counter: what is done in a range is the caller's
// function (searcher/search.cc).

#ifndef HPNEWS_SEARCHER_COUNT_POOL_H_
#define HPNEWS_SEARCHER_COUNT_POOL_H_

#include <xapian.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hpnews {

struct IndexSet;

// Matches every document id in [first, last] (whether or not a document
// has it: combine it with OP_FILTER), with no weight. Local databases only:
// it has no name() for the remote protocol.
class DocidRangeSource : public Xapian::PostingSource {
 public:
  DocidRangeSource(Xapian::docid first, Xapian::docid last);

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override;
  Xapian::doccount get_termfreq_est() const override;
  Xapian::doccount get_termfreq_max() const override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override;
  Xapian::PostingSource* clone() const override;
  std::string get_description() const override;

 private:
  Xapian::docid first_, last_;
  Xapian::docid current_ = 0;  // 0: before the first next()
  Xapian::doccount size_ = 0;  // ids in the range that the database can hold
};

// The `ranges` docid ranges, as equal as may be, that cover 1..last_docid:
// range k is [result[k].first, result[k].second]. Fewer (but at least one)
// when there are fewer ids than ranges.
std::vector<std::pair<Xapian::docid, Xapian::docid>> DocidRanges(
    Xapian::docid last_docid, unsigned ranges);

// Threads per query when `jobs` queries run at once: `asked` (the
// --query-threads the user gave) if above 0, else the cores left to each,
// at least 1.
unsigned QueryThreads(int asked, int jobs);

// Below this many documents a search matches in one thread: handing half
// of a match to another thread costs more than it saves. Measured on
// Reuters-21578 with two cores: at 30,000 documents sharing cost 10-15% of
// the q/s (top-10 and faceted), at 300,000 it gained 25-30%.
inline constexpr Xapian::doccount kMinDocumentsToShare = 100000;

class CountPool {
 public:
  // Starts `helpers` threads, each of which opens `paths` (OpenIndexSet())
  // for itself when first given work. Searches of databases with fewer
  // than `min_documents` documents do not use the pool.
  CountPool(std::vector<std::string> paths, unsigned helpers,
            Xapian::doccount min_documents = kMinDocumentsToShare);
  ~CountPool();
  CountPool(const CountPool&) = delete;
  CountPool& operator=(const CountPool&) = delete;

  unsigned helpers() const { return static_cast<unsigned>(threads_.size()); }
  Xapian::doccount min_documents() const { return min_documents_; }

  // Calls work(range_index, k) once for every k in [0, ranges): the
  // helpers start at once, each with its own IndexSet on the same revision
  // of the same database as `*index` (they share its facet cache); the
  // calling thread first runs `first()`, then takes ranges too, with
  // `index` itself. A range a helper could not do (its database is at
  // another revision, or `work` threw) is done again by the calling
  // thread, so errors surface here, as from a search without helpers.
  // Returns when every range is done. `work` must be safe to call from
  // several threads at once for different k; it must not share
  // Xapian objects (a Query included) between calls.
  void Run(IndexSet* index, unsigned ranges,
           const std::function<void(IndexSet*, unsigned)>& work,
           const std::function<void()>& first);

 private:
  struct Job;
  struct Helper;
  void Serve(Helper* helper);

  std::vector<std::string> paths_;
  Xapian::doccount min_documents_;
  std::mutex mu_;
  std::condition_variable wake_;  // a job was posted, or stop_
  std::condition_variable done_;  // a helper finished with the job
  std::shared_ptr<Job> job_;      // the job being run, if any
  unsigned generation_ = 0;       // counts the jobs posted
  bool stop_ = false;
  std::vector<std::unique_ptr<Helper>> helper_state_;
  std::vector<std::thread> threads_;
};

}  // namespace hpnews

#endif  // HPNEWS_SEARCHER_COUNT_POOL_H_
