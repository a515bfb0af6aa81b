#include "searcher/count_pool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <utility>

#include "searcher/search.h"

namespace hpnews {

DocidRangeSource::DocidRangeSource(Xapian::docid first, Xapian::docid last)
    : first_(std::max<Xapian::docid>(first, 1)), last_(last) {
  set_maxweight(0);
}

void DocidRangeSource::init(const Xapian::Database& db) {
  current_ = 0;
  const Xapian::docid last = std::min(last_, db.get_lastdocid());
  const Xapian::doccount n = last >= first_ ? last - first_ + 1 : 0;
  // Exact: AND and FILTER use it to choose which side to drive.
  size_ = n;
}

Xapian::doccount DocidRangeSource::get_termfreq_min() const { return size_; }
Xapian::doccount DocidRangeSource::get_termfreq_est() const { return size_; }
Xapian::doccount DocidRangeSource::get_termfreq_max() const { return size_; }

void DocidRangeSource::next(double /*min_wt*/) {
  current_ = current_ == 0 ? first_ : current_ + 1;
}

void DocidRangeSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  if (current_ == 0) current_ = first_;
  if (did > current_) current_ = did;
}

bool DocidRangeSource::at_end() const { return current_ > last_; }

Xapian::docid DocidRangeSource::get_docid() const { return current_; }

Xapian::PostingSource* DocidRangeSource::clone() const {
  return new DocidRangeSource(first_, last_);
}

std::string DocidRangeSource::get_description() const {
  return "DocidRangeSource(" + std::to_string(first_) + ".." +
         std::to_string(last_) + ")";
}

std::vector<std::pair<Xapian::docid, Xapian::docid>> DocidRanges(
    Xapian::docid last_docid, unsigned ranges) {
  std::vector<std::pair<Xapian::docid, Xapian::docid>> out;
  if (ranges == 0) ranges = 1;
  if (last_docid < ranges) ranges = std::max<Xapian::docid>(last_docid, 1);
  Xapian::docid first = 1;
  for (unsigned k = 0; k < ranges; ++k) {
    // The first `last_docid % ranges` ranges take one id more.
    const Xapian::docid size =
        last_docid / ranges + (k < last_docid % ranges ? 1 : 0);
    const Xapian::docid last = k + 1 == ranges ? last_docid : first + size - 1;
    out.emplace_back(first, last);
    first = last + 1;
  }
  return out;
}

unsigned QueryThreads(int asked, int jobs) {
  if (asked > 0) return static_cast<unsigned>(asked);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, cores / static_cast<unsigned>(std::max(jobs, 1)));
}

struct CountPool::Job {
  const std::function<void(IndexSet*, unsigned)>* work = nullptr;
  unsigned ranges = 0;
  std::atomic<unsigned> next{0};
  std::vector<char> done;  // range k was done; each written by its taker
  std::string uuid;
  Xapian::rev revision = 0;
  std::shared_ptr<FacetCache> facet_cache;
  unsigned busy = 0;  // helpers inside the job (under the pool's mutex)
};

struct CountPool::Helper {
  std::unique_ptr<IndexSet> index;
  unsigned generation = 0;  // the last job it looked at
};

CountPool::CountPool(std::vector<std::string> paths, unsigned helpers,
                     Xapian::doccount min_documents)
    : paths_(std::move(paths)), min_documents_(min_documents) {
  for (unsigned t = 0; t < helpers; ++t)
    helper_state_.push_back(std::make_unique<Helper>());
  for (unsigned t = 0; t < helpers; ++t) {
    Helper* helper = helper_state_[t].get();
    threads_.emplace_back([this, helper]() { Serve(helper); });
  }
}

CountPool::~CountPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) t.join();
}

namespace {

// True once `index` is at the job's revision of the job's database
// (opened or reopened as needed).
bool ReadyFor(IndexSet* index, const std::string& uuid, Xapian::rev revision) {
  if (!index->single_local) return false;
  if (index->revision < revision) {
    index->db.reopen();
    index->revision = index->db.get_revision();
  }
  return index->revision == revision && index->db.get_uuid() == uuid;
}

}  // namespace

void CountPool::Serve(Helper* helper) {
  while (true) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [&]() {
        return stop_ || (job_ && helper->generation != generation_);
      });
      if (stop_) return;
      helper->generation = generation_;
      job = job_;
      ++job->busy;
    }
    try {
      if (!helper->index) {
        auto index = std::make_unique<IndexSet>();
        if (OpenIndexSet(paths_, index.get()).ok())
          helper->index = std::move(index);
      }
      if (helper->index &&
          ReadyFor(helper->index.get(), job->uuid, job->revision)) {
        helper->index->facet_cache = job->facet_cache;
        for (unsigned k; (k = job->next++) < job->ranges;) {
          try {
            (*job->work)(helper->index.get(), k);
            job->done[k] = 1;
          } catch (...) {
            // Left undone: the searching thread does it again and
            // reports what goes wrong.
          }
        }
      }
    } catch (...) {
      // Could not open or reopen: the searching thread does our share.
      helper->index.reset();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      --job->busy;
    }
    done_.notify_all();
  }
}

void CountPool::Run(IndexSet* index, unsigned ranges,
                    const std::function<void(IndexSet*, unsigned)>& work,
                    const std::function<void()>& first) {
  auto job = std::make_shared<Job>();
  job->work = &work;
  job->ranges = ranges;
  job->done.assign(ranges, 0);
  job->uuid = index->db.get_uuid();
  job->revision = index->revision;
  job->facet_cache = index->facet_cache;
  {
    std::lock_guard<std::mutex> lock(mu_);
    job_ = job;
    ++generation_;
  }
  wake_.notify_all();
  // Whatever happens here, no helper may still be using `work` (or the
  // caller's state it refers to) once we return.
  auto finish = [&]() {
    job->next = ranges;  // no more ranges are taken
    std::unique_lock<std::mutex> lock(mu_);
    if (job_ == job) job_.reset();
    done_.wait(lock, [&]() { return job->busy == 0; });
  };
  try {
    first();
    for (unsigned k; (k = job->next++) < ranges;) {
      work(index, k);
      job->done[k] = 1;
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  for (unsigned k = 0; k < ranges; ++k) {
    if (!job->done[k]) work(index, k);
  }
}

}  // namespace hpnews
