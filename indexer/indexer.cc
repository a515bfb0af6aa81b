#include "indexer/indexer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "common/document.h"
#include "common/index_db.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "common/text_util.h"
#include "common/word_pairs.h"

namespace hpnews {

namespace fs = std::filesystem;

namespace {

// HPNEWS_INDEX_MEMORY_MB's default: what the writers may buffer together.
constexpr std::size_t kDefaultMemoryMb = 256;
// HPNEWS_INDEX_PART_MB's default: the documents a part of a fresh build
// holds before its writer starts the next.
constexpr std::size_t kDefaultPartMb = 256;
// What may wait for each writer thread, in bytes of article text.
constexpr std::size_t kQueueBytes = 1u << 20;

}  // namespace

std::string ProblemReason(const Status& status) {
  std::string m = status.message();
  if (m.compare(0, 7, "article") == 0 && m.find(": ") != std::string::npos)
    m = m.substr(m.find(": ") + 2);
  // Quoted names and parenthesised details go; what follows a colon is
  // detail too ("...: skipped", "...: root element <x>").
  std::string reason;
  char skip_to = 0;
  for (char c : m) {
    if (skip_to != 0) {
      if (c == skip_to) skip_to = 0;
      continue;
    }
    if (c == '"') {
      skip_to = '"';
    } else if (c == '(') {
      skip_to = ')';
    } else if (c == ':') {
      break;
    } else if (c != ' ' || (!reason.empty() && reason.back() != ' ')) {
      reason += c;
    }
  }
  while (!reason.empty() && reason.back() == ' ') reason.pop_back();
  return reason;
}

namespace {

// Walks `dir` depth first. Directories are identified by (device, inode) so a
// symbolic link back to an ancestor is reported once instead of looping.
void WalkDirectory(const fs::path& dir,
                   std::set<std::pair<dev_t, ino_t>>* visited,
                   std::vector<std::string>* files, const Reporter& report) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) {
    report(dir.string() + ": " + std::strerror(errno));
    return;
  }
  if (!visited->insert({st.st_dev, st.st_ino}).second) {
    report(dir.string() +
           ": directory already visited (symbolic link loop?), skipped");
    return;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    report(dir.string() + ": cannot read directory: " + ec.message());
    return;
  }
  std::vector<fs::path> subdirs;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& p = it->path();
    std::error_code sec;
    fs::file_status s = fs::status(p, sec);  // follows links
    if (sec) {
      // A dangling link or a file that vanished mid-walk: nothing to read.
      if (!fs::is_symlink(it->symlink_status(sec)))
        report(p.string() + ": " + sec.message());
      continue;
    }
    if (fs::is_directory(s)) {
      subdirs.push_back(p);
    } else if (fs::is_regular_file(s) && IsInputFileName(p.string())) {
      files->push_back(p.string());
    }
  }
  if (ec)
    report(dir.string() + ": error while reading directory: " + ec.message());
  std::sort(subdirs.begin(), subdirs.end());
  for (const fs::path& sub : subdirs)
    WalkDirectory(sub, visited, files, report);
}

// Forces what a database written with DB_NO_SYNC holds to disk: one fsync
// per file at the end of a build instead of one per commit. Recurses into
// the shards of a sharded index.
void SyncDirectory(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec)) {
      SyncDirectory(entry.path());
      continue;
    }
    int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ::fsync(fd);
    ::close(fd);
  }
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// One article ready to write: its documents, built by the writer thread
// that writes it (building them where they are read would hold every
// document of a whole input file in memory at once).
struct PreparedArticle {
  std::string id;
  Xapian::Document doc;  // holds `digest` in kDigestSlot
  std::vector<Xapian::Document> quote_docs;
  // ContentDigest(): an article whose stored digest is the same is left
  // untouched. It covers the quote documents too: a quote given to
  // another speaker changes no term of the article's own document.
  std::string digest;
  WordCounts spelling;    // SpellingWords() of the title and body
  std::size_t bytes = 0;  // about the serialised size of all its documents
};

// About how much memory an Article holds: its text.
std::size_t TextBytes(const Article& a) {
  std::size_t bytes = a.title.size() + a.id.size() + a.source.size();
  for (const std::string& p : a.paragraphs) bytes += p.size();
  for (const Quote& q : a.quotes) bytes += q.text.size();
  for (const Comment& c : a.comments) bytes += c.text.size();
  return bytes;
}

PreparedArticle Prepare(const Article& article, DocumentBuilder* builder,
                        const WordPairs& pairs) {
  PreparedArticle p;
  p.id = article.id;
  p.doc = builder->ArticleDocument(article, &p.spelling, &pairs);
  p.quote_docs = builder->QuoteDocuments(article);
  p.digest = ContentDigest(article, p.doc);
  // The documents serialised measured 2.2 (Reuters-21578) to 2.65
  // (bench/make_corpus.py) times the text.
  p.bytes = TextBytes(article) * 5 / 2;
  p.doc.add_value(schema::kDigestSlot, p.digest);
  return p;
}

// One file's outcome, produced by a reader thread, consumed in file order.
struct FileResult {
  std::vector<Article> articles;  // extracted
  std::vector<FileProblem> problems;
  std::vector<FileProblem> warnings;
  bool ok = true;
};

// Writes articles into one database by unique id, leaving unchanged ones
// untouched, and keeps the spelling dictionary in step. Used by one thread
// at a time.
//
// A fresh build writes a series of parts instead (`prefix`0, `prefix`1,
// ...), starting the next once the current one holds `part_bytes` of
// documents, and the run merges them at the end: each commit rewrites the
// blocks that hold the end of every term's postlist it touches, and in a
// large database those are one block per term, so a writer that kept one
// database wrote 350 GB for a 19 GB index of a million articles.
class ShardWriter {
 public:
  // Updates `db` in place, with the word pairs it was built with. `codec`
  // (not null) reads the data of documents it replaces; it must outlive
  // the writer.
  ShardWriter(Xapian::WritableDatabase db, std::size_t budget_bytes,
              const DataCodec* codec)
      : db_(std::move(db)),
        budget_bytes_(budget_bytes),
        fresh_(false),
        codec_(codec),
        pairs_(WordPairs::Parse(db_.get_metadata(schema::kWordPairsKey))) {}
  // Writes a fresh series of parts named `prefix` + number (without fsync:
  // the run syncs the merged result), whose first is created now. `codec`
  // (not null) and `pairs` are stored in the last part.
  ShardWriter(std::string prefix, std::size_t budget_bytes,
              std::size_t part_bytes, const DataCodec* codec, WordPairs pairs)
      : budget_bytes_(budget_bytes),
        fresh_(true),
        codec_(codec),
        pairs_(std::move(pairs)),
        prefix_(std::move(prefix)),
        part_bytes_(part_bytes) {
    StartPart();
  }

  // The word pairs this database's articles get pair terms for.
  const WordPairs& word_pairs() const { return pairs_; }

  // `first_in_run`: no earlier article of this run had this id, so in a
  // fresh build it cannot be in any part yet.
  void Write(PreparedArticle* a, bool first_in_run) {
    if (fresh_ && first_in_run) {
      db_.add_document(a->doc);
      ++added_;
    } else {
      const std::string id_term = IdTerm(a->id);
      Xapian::docid old_id = 0;
      Xapian::WritableDatabase* holder = Find(id_term, &old_id);
      if (holder == nullptr) {
        db_.replace_document(id_term, a->doc);
        ++added_;
      } else {
        Xapian::Document old = holder->get_document(old_id);
        if (old.get_value(schema::kDigestSlot) == a->digest) {
          ++unchanged_;
          return;
        }
        // The replaced article's words leave the dictionary: they are
        // computed again from its stored title and text.
        StoredArticle stored = ParseDocument(old, codec_);
        const WordCounts old_words = SpellingWords(stored.title, stored.text);
        if (holder == &db_) {
          AddSpelling(old_words, -1);
          db_.replace_document(id_term, a->doc);
        } else {
          // An earlier part of this build: its dictionary holds the old
          // words (written when the part was finished), and the new
          // version goes into the current part.
          for (const auto& [word, count] : old_words)
            holder->remove_spelling(word,
                                    static_cast<Xapian::termcount>(count));
          holder->delete_document(id_term);
          db_.add_document(a->doc);
        }
        holder->delete_document(ParentTerm(a->id));
        ++replaced_;
      }
    }
    AddSpelling(a->spelling, 1);
    for (const Xapian::Document& q : a->quote_docs) db_.add_document(q);
    // Xapian buffers postings in maps costing many times their serialised
    // size; commit once the buffered changes reach the memory budget
    // (Xapian's own threshold counts documents, whatever their size).
    pending_bytes_ += a->bytes * kBufferedBytesPerSerialisedByte;
    part_written_ += a->bytes;
    if (fresh_ && part_written_ >= part_bytes_) {
      Commit();
      StartPart();
    } else if (pending_bytes_ >= budget_bytes_ ||
               (fresh_ && pending_bytes_ >= kFreshBatchBytes)) {
      Commit(/*final=*/false);
    }
  }

  // Stores the synonym table (replacing what an earlier run stored), the
  // outlets.tsv text the searcher reads aliases from, and `shard_key`
  // (schema::kShardKey) unless empty. In a fresh build, into its last part.
  void StoreMetadata(const Synonyms& synonyms, const std::string& outlets_tsv,
                     const std::string& shard_key) {
    StoreSynonyms(synonyms, &db_);
    db_.set_metadata(schema::kOutletsKey, outlets_tsv);
    // An existing index keeps the dictionary its records were written with.
    if (fresh_ && !codec_->dictionary().empty())
      db_.set_metadata(schema::kDataDictionaryKey, codec_->dictionary());
    // And the word pairs its articles' pair terms were made with.
    if (fresh_ && !pairs_.empty())
      db_.set_metadata(schema::kWordPairsKey, pairs_.Serialise());
    if (!shard_key.empty()) db_.set_metadata(schema::kShardKey, shard_key);
  }

  // Commits explicitly: the destructor would commit too, but swallows errors.
  // A fresh build's intermediate commits leave the spelling changes summed
  // in memory (up to kMaxSpellingWords words): the final commit writes
  // them in one pass.
  void Commit(bool final = true) {
    if (final || !fresh_ || spelling_delta_.size() >= kMaxSpellingWords)
      FlushSpelling();
    db_.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
    db_.commit();
    CloseOlder();
    pending_bytes_ = 0;
  }

  // The parts a fresh build wrote, in order.
  const std::vector<std::string>& PartPaths() const { return paths_; }

  // After the final Commit().
  void AddCounts(IndexSummary* summary) const {
    summary->articles_added += added_;
    summary->articles_replaced += replaced_;
    summary->articles_unchanged += unchanged_;
    const std::string articles =
        schema::Term(schema::kTypePrefix, schema::kArticleType);
    const std::string quotes =
        schema::Term(schema::kTypePrefix, schema::kQuoteType);
    summary->index_documents += db_.get_termfreq(articles);
    summary->index_quotes += db_.get_termfreq(quotes);
    for (std::size_t k = 0; k + 1 < paths_.size(); ++k) {
      Xapian::Database part(paths_[k]);
      summary->index_documents += part.get_termfreq(articles);
      summary->index_quotes += part.get_termfreq(quotes);
    }
  }
  void Close() {
    CloseOlder();
    db_.close();
  }

 private:
  // Finishes the current part (committed) and creates the next. Only the
  // current part stays open, so memory does not grow with the parts.
  void StartPart() {
    if (!paths_.empty()) db_.close();
    paths_.push_back(prefix_ + std::to_string(paths_.size()));
    // In place (DB_DANGEROUS): no copy-on-write of the blocks a commit
    // changes, a fifth less written on Reuters-21578. Nobody reads a part
    // while it is written, and a run that fails discards its parts.
    db_ = Xapian::WritableDatabase(paths_.back(), Xapian::DB_CREATE |
                                                      Xapian::DB_NO_SYNC |
                                                      Xapian::DB_DANGEROUS);
    part_written_ = 0;
  }

  // The database holding the article `id_term` names, and its docid there;
  // null if none does. An id is in at most one part, most likely the
  // newest: the current part first, then the finished ones newest first,
  // each opened read-only for the look-up and for writing only if it holds
  // the id (it stays open, as `older_`, until the next commit).
  Xapian::WritableDatabase* Find(const std::string& id_term,
                                 Xapian::docid* docid) {
    auto first = [&](const Xapian::Database& db) {
      Xapian::PostingIterator p = db.postlist_begin(id_term);
      if (p == db.postlist_end(id_term)) return false;
      *docid = *p;
      return true;
    };
    if (first(db_)) return &db_;
    for (std::size_t k = paths_.size(); k-- > 1;) {
      const std::size_t part = k - 1;
      if (older_part_ == part) {
        if (first(older_)) return &older_;
        continue;
      }
      if (!first(Xapian::Database(paths_[part]))) continue;
      CloseOlder();
      older_ = Xapian::WritableDatabase(paths_[part],
                                        Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
      older_part_ = part;
      return first(older_) ? &older_ : nullptr;
    }
    return nullptr;
  }

  // Commits and closes the finished part a repeated id was deleted from.
  void CloseOlder() {
    if (older_part_ == kNoPart) return;
    older_.commit();
    older_.close();
    older_ = Xapian::WritableDatabase();
    older_part_ = kNoPart;
  }

  // Spelling changes are summed here and written once per commit: calling
  // add_spelling() per word of every article cost more than a tenth of
  // the whole run in Xapian's spelling change map. They go into the
  // current part, which holds the articles they came from.
  void AddSpelling(const WordCounts& words, int sign) {
    for (const auto& [word, count] : words)
      spelling_delta_[word] += sign * static_cast<long long>(count);
  }

  void FlushSpelling() {
    for (const auto& [word, delta] : spelling_delta_) {
      if (delta > 0) {
        db_.add_spelling(word, static_cast<Xapian::termcount>(delta));
      } else if (delta < 0) {
        db_.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
      }
    }
    spelling_delta_.clear();
  }

  static constexpr std::size_t kMaxSpellingWords = 200000;
  // A fresh database commits at least this often (in the same estimate):
  // Xapian's in-memory changes are maps whose every insert walks a path
  // that grows with the batch, and commits without fsync are cheap, so
  // batches of about a thousand articles were faster than larger ones on
  // Reuters-21578 (and the parts are compacted at the end anyway).
  static constexpr std::size_t kFreshBatchBytes = 24u << 20;
  // Xapian's buffered changes (postings, positions, values) per byte of
  // serialised document: measured 6 on Reuters-21578 (91 MB for 15 MB of
  // documents), with a margin. (Xapian also commits by itself every 10,000
  // documents; this bounds memory when documents are large.)
  static constexpr std::size_t kBufferedBytesPerSerialisedByte = 8;

  static constexpr std::size_t kNoPart = static_cast<std::size_t>(-1);

  Xapian::WritableDatabase db_;  // the database, or the current part
  std::size_t budget_bytes_;
  bool fresh_;
  const DataCodec* codec_;
  WordPairs pairs_;
  std::string prefix_;
  std::vector<std::string> paths_;  // a fresh build's parts, the current last
  std::size_t part_bytes_ = 0;
  std::size_t part_written_ = 0;    // serialised bytes in the current part
  Xapian::WritableDatabase older_;  // a finished part being corrected
  std::size_t older_part_ = kNoPart;
  std::size_t pending_bytes_ = 0;
  std::size_t added_ = 0, replaced_ = 0, unchanged_ = 0;
  std::unordered_map<std::string, long long> spelling_delta_;
};

// The writer threads. Shard s belongs to thread s % threads, which writes
// what is routed to the shard in the order it was routed, so by-id
// replacement gives the same result as one writer would.
class WriterPool {
 public:
  // `shards` and `synonyms` must outlive the pool. `queue_bytes` bounds the
  // text that may wait for each thread (at least one article).
  WriterPool(std::vector<std::unique_ptr<ShardWriter>>* shards,
             const Synonyms* synonyms, const DataCodec* codec, unsigned threads,
             std::size_t queue_bytes)
      : shards_(shards),
        synonyms_(synonyms),
        codec_(codec),
        queue_bytes_(queue_bytes),
        lanes_(threads) {
    for (unsigned t = 0; t < threads; ++t)
      threads_.emplace_back([this, t]() { Run(t); });
  }
  ~WriterPool() { Join(); }

  // Queues `a` for `shard`; blocks while that thread's queue is full.
  // Returns false (dropping `a`) once a writer has failed: Finish() then
  // rethrows its error.
  bool Push(std::size_t shard, Article a, bool first_in_run) {
    Lane& lane = lanes_[shard % lanes_.size()];
    const std::size_t bytes = TextBytes(a);
    std::unique_lock<std::mutex> lock(lane.mu);
    lane.space.wait(lock, [&]() {
      return failed_ || lane.bytes < queue_bytes_ || lane.items.empty();
    });
    if (failed_) return false;
    lane.bytes += bytes;
    lane.items.push_back({shard, std::move(a), bytes, first_in_run});
    lane.ready.notify_one();
    return true;
  }

  // Lets each thread write what is queued, then run `at_end` on each of its
  // shards (in parallel: commits); joins; rethrows the first writer error.
  void Finish(const std::function<void(ShardWriter*)>& at_end) {
    at_end_ = at_end;
    Join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Item {
    std::size_t shard;
    Article article;
    std::size_t bytes;
    bool first_in_run;
  };
  struct Lane {
    std::mutex mu;
    std::condition_variable ready, space;
    std::deque<Item> items;
    std::size_t bytes = 0;
    bool closed = false;
  };

  void Join() {
    for (Lane& lane : lanes_) {
      std::lock_guard<std::mutex> lock(lane.mu);
      lane.closed = true;
      lane.ready.notify_all();
    }
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  void Fail() {
    {
      std::lock_guard<std::mutex> lock(error_mu_);
      if (!error_) error_ = std::current_exception();
      failed_ = true;
    }
    for (Lane& lane : lanes_) {
      // Under the lane's lock, so a Push() about to wait cannot miss it.
      std::lock_guard<std::mutex> lock(lane.mu);
      lane.space.notify_all();
    }
  }

  void Run(unsigned t) {
    Lane& lane = lanes_[t];
    DocumentBuilder builder(synonyms_, codec_);
    while (true) {
      std::unique_lock<std::mutex> lock(lane.mu);
      lane.ready.wait(lock,
                      [&]() { return !lane.items.empty() || lane.closed; });
      if (lane.items.empty()) break;
      Item item = std::move(lane.items.front());
      lane.items.pop_front();
      lane.bytes -= item.bytes;
      lane.space.notify_all();
      lock.unlock();
      if (failed_) continue;  // drain, so that Push() never waits for us
      try {
        ShardWriter* shard = (*shards_)[item.shard].get();
        PreparedArticle prepared =
            Prepare(item.article, &builder, shard->word_pairs());
        shard->Write(&prepared, item.first_in_run);
      } catch (...) {
        Fail();
      }
    }
    if (failed_ || !at_end_) return;
    try {
      for (std::size_t s = t; s < shards_->size(); s += lanes_.size())
        at_end_((*shards_)[s].get());
    } catch (...) {
      Fail();
    }
  }

  std::vector<std::unique_ptr<ShardWriter>>* shards_;
  const Synonyms* synonyms_;
  const DataCodec* codec_;
  const std::size_t queue_bytes_;
  std::vector<Lane> lanes_;
  std::vector<std::thread> threads_;
  std::function<void(ShardWriter*)> at_end_;
  std::atomic<bool> failed_{false};
  std::mutex error_mu_;
  std::exception_ptr error_;
};

// Resolves ids given twice in one run, in file order (Article XML beats
// raw text; a repeated item is dropped; a clash of ids is reported and the
// later one wins), and routes each article to its shard.
class Dispatcher {
 public:
  Dispatcher(WriterPool* pool, std::size_t shards)
      : pool_(pool), shards_(shards) {}

  // False once a writer failed.
  bool Dispatch(Article a, IndexSummary* summary, const Reporter& report) {
    // Only compared within this run: std::hash will do.
    const std::uint64_t text_digest =
        std::hash<std::string>()(a.title + '\n' + a.Body());
    auto seen = seen_.find(a.id);
    const bool first_in_run = seen == seen_.end();
    if (!first_in_run) {
      if (seen->second.format != a.format) {
        // Article XML transcribing a raw page: the XML's explicit metadata
        // wins, whichever of the two was read first.
        ++summary->articles_superseded;
        if (seen->second.format < a.format) return true;
      } else if (seen->second.text_digest == text_digest) {
        return true;  // the same item again (two fetches of one feed)
      } else {
        report(a.source + ": duplicate id \"" + a.id + "\" (also in " +
               sources_[seen->second.source] + "): this one replaces it");
      }
    }
    if (sources_.empty() || sources_.back() != a.source)
      sources_.push_back(a.source);
    seen_[a.id] = {text_digest, static_cast<std::uint32_t>(sources_.size() - 1),
                   a.format};
    const std::size_t shard = schema::ShardOf(a.id, shards_);
    return pool_->Push(shard, std::move(a), first_in_run);
  }

  std::size_t DistinctIds() const { return seen_.size(); }

 private:
  WriterPool* pool_;
  std::size_t shards_;
  // What this run has written, by id: which input gave it, and a digest of
  // its text to tell a repeated item from a clash of ids. Kept small: one
  // entry per article of the run (about 80 bytes with its id).
  struct Seen {
    std::uint64_t text_digest;
    std::uint32_t source;  // index in sources_
    SourceFormat format;
  };
  std::unordered_map<std::string, Seen> seen_;
  std::vector<std::string> sources_;  // input files, in order
};

// True if `path` holds a Xapian database (any backend we write).
bool IsXapianDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec);
}

// True if `path` holds an index: a database or a sharded index.
bool IsIndexDirectory(const fs::path& path) {
  return IsXapianDirectory(path) || IsShardedIndex(path.string());
}

// Refuses to write into a folder that holds something other than an index,
// so that "-o corpus" cannot scatter Xapian tables among a user's files.
Status CheckIndexPathUsable(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::Ok();
  if (!fs::is_directory(path, ec))
    return Status::InvalidInput(path.string() +
                                ": exists and is not a directory");
  if (IsIndexDirectory(path) || fs::is_empty(path, ec)) return Status::Ok();
  return Status::InvalidInput(
      path.string() + ": exists and is not an index; not writing into it");
}

// Xapian's message with the system's reason where it has one
// ("Error writing block 12: No space left on device").
std::string Describe(const Xapian::Error& e) {
  std::string what = e.get_msg();
  if (const char* reason = e.get_error_string())
    what += std::string(": ") + reason;
  return what;
}

// A lock that cannot be taken is either another writer or a folder we may
// not write: say which.
Status LockFailure(const fs::path& index, const Xapian::Error& e) {
  fs::path folder =
      fs::exists(index)
          ? index
          : (index.parent_path().empty() ? "." : index.parent_path());
  if (::access(folder.c_str(), W_OK) != 0) {
    return Status::IoError(index.string() +
                           ": cannot write the index: " + std::strerror(errno));
  }
  return Status::IoError(
      index.string() +
      ": index is locked: another hpnews-index is writing to it (" +
      Describe(e) + ")");
}

// Removes rebuild folders left by runs that were killed.
void RemoveStaleRebuilds(const fs::path& index) {
  std::error_code ec;
  fs::path parent =
      index.parent_path().empty() ? fs::path(".") : index.parent_path();
  const std::string stem = index.filename().string() + ".rebuild-";
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.compare(0, stem.size(), stem) != 0) continue;
    pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + stem.size()));
    if (pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM))
      continue;  // still running
    fs::remove_all(entry.path(), ec);
  }
}

// Puts the complete new index at `index` in one step where the file system
// allows it (renameat2 RENAME_EXCHANGE): a searcher sees the old index or
// the new one, never none. The old one ends up at `built` for removal.
Status SwapIn(const fs::path& built, const fs::path& index) {
  std::error_code ec;
  if (!fs::exists(index, ec)) {
    if (::rename(built.c_str(), index.c_str()) != 0) {
      return Status::IoError("cannot move " + built.string() + " to " +
                             index.string() + ": " + std::strerror(errno));
    }
    return Status::Ok();
  }
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, index.c_str(),
                  RENAME_EXCHANGE) == 0) {
    fs::remove_all(built, ec);
    return Status::Ok();
  }
  // No atomic exchange here (old kernel or file system): two renames, the
  // old index kept aside until the new one is in place.
  fs::path aside = index.string() + ".old-" + std::to_string(::getpid());
  if (::rename(index.c_str(), aside.c_str()) != 0 ||
      ::rename(built.c_str(), index.c_str()) != 0) {
    return Status::IoError("cannot swap in the rebuilt index: " +
                           std::string(std::strerror(errno)));
  }
  fs::remove_all(aside, ec);
  return Status::Ok();
}

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void Update(std::size_t files_done, std::size_t files_total,
              std::size_t articles) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (files_done != files_total &&
        now - last_ < std::chrono::milliseconds(200))
      return;
    last_ = now;
    std::fprintf(stderr, "\rhpnews-index: %zu/%zu files, %zu articles",
                 files_done, files_total, articles);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

FileResult ReadFile(const std::string& path, const Extractor& extractor,
                    const std::string& default_outlet) {
  FileResult r;
  r.articles = ReadArticles(path, extractor, default_outlet, &r.problems,
                            &r.warnings, &r.ok);
  return r;
}

// The text of `path`, or "" when it cannot be read.
std::string ReadWholeFile(const fs::path& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string text;
  char buf[8192];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
    text.append(buf, n);
  std::fclose(f);
  return text;
}

}  // namespace

void UpdateSpelling(const Xapian::Document& doc, bool remove,
                    Xapian::WritableDatabase* db, const DataCodec* codec) {
  StoredArticle stored = ParseDocument(doc, codec);
  for (const auto& [word, count] : SpellingWords(stored.title, stored.text)) {
    if (remove) {
      db->remove_spelling(word, count);
    } else {
      db->add_spelling(word, count);
    }
  }
}

void StoreSynonyms(const Synonyms& synonyms, Xapian::WritableDatabase* db) {
  std::vector<std::string> keys(db->synonym_keys_begin(),
                                db->synonym_keys_end());
  for (const std::string& key : keys) db->clear_synonyms(key);
  for (const auto& [key, term] : synonyms.SynonymEntries())
    db->add_synonym(key, term);
}

std::vector<std::string> CollectInputFiles(
    const std::vector<std::string>& inputs, const Reporter& report) {
  std::vector<std::string> files;
  std::set<std::pair<dev_t, ino_t>> visited;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status s = fs::status(input, ec);
    if (ec) {
      report(input + ": " + ec.message());
    } else if (fs::is_directory(s)) {
      WalkDirectory(input, &visited, &files, report);
    } else if (fs::is_regular_file(s)) {
      files.push_back(input);  // named explicitly: read whatever its extension
    } else {
      report(input + ": not a regular file or directory");
    }
  }
  return files;
}

std::vector<Article> ReadArticles(const std::string& path,
                                  const Extractor& extractor,
                                  const std::string& default_outlet,
                                  std::vector<FileProblem>* problems,
                                  std::vector<FileProblem>* warnings,
                                  bool* file_ok) {
  std::vector<Article> articles =
      ReadArticleFile(path, problems, warnings, file_ok);
  for (Article& a : articles) extractor.Extract(&a, default_outlet);
  return articles;
}

namespace {

// The data dictionary of a fresh build (common/data_codec.h), learnt from
// the records of the articles read first: up to kDictionarySampleBytes of
// them, enough for zstd's trainer and a fraction of a second of its time.
std::string TrainDataDictionary(const std::vector<FileResult>& results) {
  constexpr std::size_t kDictionarySampleBytes = 2u << 20;
  std::vector<std::string> samples;
  std::size_t bytes = 0;
  for (const FileResult& r : results) {
    for (const Article& a : r.articles) {
      for (std::string& record : DataRecords(a)) {
        bytes += record.size();
        samples.push_back(std::move(record));
      }
      if (bytes >= kDictionarySampleBytes)
        return DataCodec::TrainDictionary(samples);
    }
  }
  return DataCodec::TrainDictionary(samples);
}

// Where a run writes. A new index, or a rebuild, is written by `parts`
// writers (one per writer thread, or one per shard), each into a series of
// private databases in `work` (ShardWriter), without fsync, and merged with
// Xapian::Database::compact into its final form, synced once and swapped
// in. An update writes the existing database(s) in place.
struct Target {
  bool fresh = false;
  bool sharded = false;   // the result is a sharded index (stub + shards)
  std::size_t parts = 1;  // writers: shards, or parts to merge
  fs::path work;          // fresh: INDEX.rebuild-PID
  // The existing index's databases, open for writing: an update writes
  // them; a fresh build holds them only to keep other writers out.
  std::vector<Xapian::WritableDatabase> existing;
  std::vector<std::unique_ptr<ShardWriter>> writers;  // one per part
};

// A size in MB, in bytes: `given` unless 0, else the environment
// variable `env` unless unset or 0, else `fallback`.
std::size_t MegabytesSetting(std::size_t given, const char* env,
                             std::size_t fallback) {
  std::size_t mb = given;
  if (mb == 0) {
    const char* value = std::getenv(env);
    mb = value != nullptr ? std::strtoul(value, nullptr, 10) : 0;
  }
  if (mb == 0) mb = fallback;
  return mb << 20;
}

std::size_t MemoryBudgetBytes(const IndexOptions& options) {
  return MegabytesSetting(options.memory_mb, "HPNEWS_INDEX_MEMORY_MB",
                          kDefaultMemoryMb);
}

std::size_t PartBytes(const IndexOptions& options) {
  return MegabytesSetting(options.part_mb, "HPNEWS_INDEX_PART_MB",
                          kDefaultPartMb);
}

// Opens what the run writes into, before anything is read, so a locked or
// incompatible index fails fast.
Status OpenTarget(const IndexOptions& options, const fs::path& index,
                  unsigned jobs, Target* t) {
  const bool sharded_now = IsShardedIndex(index.string());
  std::vector<std::string> shard_paths;
  if (sharded_now) {
    Status read = ReadShardPaths(index.string(), &shard_paths);
    if (!read.ok()) return read;
  } else if (IsXapianDirectory(index)) {
    shard_paths.push_back(index.string());
  }
  try {
    for (const std::string& path : shard_paths)
      t->existing.emplace_back(path, Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    return LockFailure(index, e);
  } catch (const Xapian::Error& e) {
    return Status::IoError(
        index.string() + ": cannot open the index for writing: " + Describe(e));
  }
  Xapian::doccount existing_docs = 0;
  for (const Xapian::WritableDatabase& db : t->existing)
    existing_docs += db.get_doccount();

  const std::size_t shards_now = sharded_now ? shard_paths.size() : 0;
  t->fresh = options.rebuild || (!sharded_now && existing_docs == 0);
  if (!t->fresh) {
    // Update in place.
    if (options.shards != 0 && options.shards != shards_now) {
      return Status::InvalidInput(
          index.string() + ": " +
          (sharded_now ? "has " + std::to_string(shards_now) + " shards"
                       : std::string("is not sharded")) +
          "; give --rebuild to write it with --shards " +
          std::to_string(options.shards));
    }
    t->sharded = sharded_now;
    t->parts = t->existing.size();
    for (std::size_t k = 0; k < t->existing.size(); ++k) {
      Status version = CheckSchemaVersion(t->existing[k]);
      if (!version.ok() && t->existing[k].get_doccount() == 0 &&
          t->existing[k].get_metadata(schema::kSchemaVersionKey).empty())
        version = Status::Ok();  // an empty shard: nothing to misread
      if (!version.ok())
        return Status::InvalidInput(shard_paths[k] + ": " + version.message());
      std::string key = t->existing[k].get_metadata(schema::kShardKey);
      std::string want = std::to_string(k) + "/" + std::to_string(t->parts);
      if (sharded_now && !key.empty() && key != want) {
        return Status::InvalidInput(
            shard_paths[k] + ": is shard " + key +
            " but the stub lists it as " + want +
            "; rebuild the index with hpnews-index --rebuild");
      }
    }
    return Status::Ok();
  }

  // A fresh build: a rebuild keeps the shard count unless told otherwise.
  const std::size_t shards = options.shards != 0 ? options.shards : shards_now;
  t->sharded = shards != 0;
  t->parts = t->sharded ? shards : jobs;
  RemoveStaleRebuilds(index);
  t->work = index.string() + ".rebuild-" + std::to_string(::getpid());
  std::error_code ec;
  fs::remove_all(t->work, ec);
  if (!fs::create_directory(t->work, ec)) {
    return Status::IoError(t->work.string() +
                           ": cannot write the index: " + ec.message());
  }
  return Status::Ok();
}

// Merges `parts` into one database at `out`: full compaction, as
// xapian-compact does by default, so the result is as small as it gets and
// still updatable.
void MergeParts(const std::vector<std::string>& parts, const fs::path& out) {
  Xapian::Database all;
  for (const std::string& part : parts)
    all.add_database(Xapian::Database(part));
  // Merging many parts goes faster in several passes.
  all.compact(out.string(),
              Xapian::Compactor::FULL |
                  (parts.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0));
}

// Merges the parts of a fresh build (`parts[k]`: writer k's, in order) into
// `out`: all of them into one database, or, for a sharded index, each
// writer's into its shard (in parallel).
void CompactParts(const Target& t,
                  const std::vector<std::vector<std::string>>& parts,
                  unsigned jobs, const fs::path& out) {
  if (!t.sharded) {
    std::vector<std::string> all;
    for (const std::vector<std::string>& mine : parts)
      all.insert(all.end(), mine.begin(), mine.end());
    MergeParts(all, out);
    return;
  }
  fs::create_directory(out);
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::exception_ptr error;
  auto worker = [&]() {
    for (std::size_t k; (k = next++) < t.parts;) {
      try {
        MergeParts(parts[k], out / schema::ShardName(k));
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < jobs && i < t.parts; ++i)
    threads.emplace_back(worker);
  worker();
  for (std::thread& th : threads) th.join();
  if (error) std::rethrow_exception(error);
  std::ofstream stub(out / schema::kStubFile);
  stub << ShardStubText(t.parts);
  stub.close();
  if (!stub) {
    throw Xapian::DatabaseError("cannot write the stub file",
                                std::strerror(errno));
  }
}

}  // namespace

Status RunIndexer(const IndexOptions& options, const Extractor& extractor,
                  const Reporter& report, IndexSummary* summary) {
  *summary = IndexSummary();
  // "idx/" is "idx": the build folder goes beside it, not inside.
  fs::path index = fs::path(options.index_path).lexically_normal();
  if (index.filename().empty() && index.has_parent_path())
    index = index.parent_path();
  Status usable = CheckIndexPathUsable(index);
  if (!usable.ok()) return usable;

  const fs::path data_dir =
      options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  Synonyms synonyms;
  Status loaded =
      Synonyms::Load((data_dir / "synonyms.tsv").string(), &synonyms);
  if (!loaded.ok() && !loaded.IsNotFound()) return loaded;
  const std::string outlets_tsv = ReadWholeFile(data_dir / "outlets.tsv");

  // A folder that cannot be read is input that was skipped: it counts
  // towards exit status 1 like a bad file.
  std::vector<std::string> files =
      CollectInputFiles(options.inputs, [&](const std::string& line) {
        ++summary->walk_problems;
        report(line);
      });
  summary->files_found = files.size();

  const unsigned jobs = options.jobs
                            ? options.jobs
                            : std::max(1u, std::thread::hardware_concurrency());
  Target target;
  Status opened = OpenTarget(options, index, jobs, &target);
  if (!opened.ok()) return opened;
  auto fail = [&](const std::string& what) {
    if (target.fresh) {
      target.writers.clear();
      std::error_code ec;
      fs::remove_all(target.work, ec);
    }
    return Status::IoError(what);
  };
  const std::size_t budget = MemoryBudgetBytes(options) / target.parts;
  const std::size_t part_bytes = PartBytes(options);
  // The writers, made once the codec is known: a fresh build trains its
  // data dictionary on the first articles it reads; an update keeps the
  // one its records were written with.
  std::unique_ptr<DataCodec> codec;
  // A fresh build learns its word pairs from the same first articles; an
  // update's writers read the ones their database was built with.
  WordPairs pairs;
  auto open_writers = [&]() -> Status {
    try {
      if (target.fresh) {
        // Private folders that only the final swap makes visible: no fsync
        // at each commit; SyncDirectory() once before the swap.
        for (std::size_t k = 0; k < target.parts; ++k) {
          target.writers.push_back(std::make_unique<ShardWriter>(
              (target.work / ("part" + std::to_string(k) + ".")).string(),
              budget, part_bytes, codec.get(), pairs));
        }
      } else {
        for (Xapian::WritableDatabase& db : target.existing) {
          target.writers.push_back(
              std::make_unique<ShardWriter>(db, budget, codec.get()));
        }
      }
    } catch (const Xapian::DatabaseLockError& e) {
      return fail(LockFailure(index, e).message());
    } catch (const Xapian::Error& e) {
      return fail(index.string() +
                  ": cannot open the index for writing: " + Describe(e));
    }
    return Status::Ok();
  };

  // Files are read in chunks, in parallel, then dispatched in file order:
  // the order of ids (and so which duplicate wins) never depends on timing.
  // A chunk holds at most kChunkBytes of input (and at least one file), so
  // the articles waiting to be written stay a bounded part of memory, and
  // the next chunk is read while this one is written.
  constexpr std::uintmax_t kChunkBytes = 2u << 20;
  std::vector<std::pair<std::size_t, std::size_t>> chunks;
  for (std::size_t begin = 0; begin < files.size();) {
    std::size_t end = begin;
    std::uintmax_t bytes = 0;
    while (end < files.size() && end - begin < 64 * jobs &&
           (end == begin || bytes < kChunkBytes)) {
      std::error_code ec;
      std::uintmax_t size = fs::file_size(files[end], ec);
      bytes += ec ? 0 : size;
      ++end;
    }
    chunks.emplace_back(begin, end);
    begin = end;
  }
  auto read_chunk = [&](std::size_t begin, std::size_t end) {
    std::vector<FileResult> results(end - begin);
    std::atomic<std::size_t> next{begin};
    auto worker = [&]() {
      for (std::size_t i; (i = next++) < end;)
        results[i - begin] =
            ReadFile(files[i], extractor, options.default_outlet);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs && t < end - begin; ++t)
      threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    return results;
  };

  const std::string failed_how =
      options.rebuild ? "rebuild failed: " : "update failed: ";
  const std::string kept =
      options.rebuild ? " (the previous index is untouched)"
      : target.fresh  ? " (the index is as it was)"
                      : " (the index keeps its last commit)";
  Progress progress(options.progress);
  std::future<std::vector<FileResult>> ahead;
  std::size_t distinct_ids = 0;
  try {
    std::vector<FileResult> first;
    if (!chunks.empty()) first = read_chunk(chunks[0].first, chunks[0].second);
    if (target.fresh) {
      codec = std::make_unique<DataCodec>(TrainDataDictionary(first));
      std::vector<const Article*> sample;
      for (const FileResult& r : first) {
        for (const Article& a : r.articles) sample.push_back(&a);
      }
      pairs = WordPairs::Learn(sample);
    } else {
      std::vector<Xapian::Database> shards(target.existing.begin(),
                                           target.existing.end());
      codec = DataCodec::ForDatabase(shards.front(), shards);
    }
    Status writers_open = open_writers();
    if (!writers_open.ok()) return writers_open;
    const unsigned writer_threads = static_cast<unsigned>(
        std::min<std::size_t>(target.parts, std::max(1u, jobs)));
    WriterPool pool(&target.writers, &synonyms, codec.get(), writer_threads,
                    kQueueBytes);
    Dispatcher dispatcher(&pool, target.parts);
    bool writing = true;
    for (std::size_t c = 0; c < chunks.size() && writing; ++c) {
      std::vector<FileResult> results = c == 0 ? std::move(first) : ahead.get();
      if (c + 1 < chunks.size()) {
        ahead = std::async(std::launch::async, read_chunk, chunks[c + 1].first,
                           chunks[c + 1].second);
      }
      for (FileResult& r : results) {
        for (const FileProblem& w : r.warnings) report(w.status.At(w.path));
        for (const FileProblem& p : r.problems) {
          report(p.status.At(p.path));
          ++summary->skip_reasons[ProblemReason(p.status)];
        }
        if (r.ok) {
          ++summary->files_read;
          summary->articles_skipped += r.problems.size();
        } else {
          ++summary->files_skipped;
        }
        summary->articles_read += r.articles.size();
        for (Article& a : r.articles) {
          writing =
              writing && dispatcher.Dispatch(std::move(a), summary, report);
        }
        progress.Update(summary->files_read + summary->files_skipped,
                        files.size(), summary->articles_read);
      }
    }
    if (ahead.valid()) ahead.wait();
    progress.Clear();
    std::size_t parts = target.parts;
    const bool sharded = target.sharded;
    pool.Finish([&](ShardWriter* w) {
      std::size_t k = 0;
      while (target.writers[k].get() != w) ++k;
      w->StoreMetadata(
          synonyms, outlets_tsv,
          sharded ? std::to_string(k) + "/" + std::to_string(parts) : "");
      w->Commit();
    });
    distinct_ids = dispatcher.DistinctIds();
    std::vector<std::vector<std::string>> part_paths;
    for (const auto& w : target.writers) {
      w->AddCounts(summary);
      w->Close();
      part_paths.push_back(w->PartPaths());
      summary->parts_written += part_paths.back().size();
    }
    target.writers.clear();
    summary->articles_indexed = distinct_ids;
    if (target.fresh) {
      const fs::path out = target.work / "index";
      CompactParts(target, part_paths, jobs, out);
      for (const std::vector<std::string>& mine : part_paths) {
        for (const std::string& part : mine) {
          std::error_code ec;
          fs::remove_all(part, ec);
        }
      }
      SyncDirectory(out);
      for (Xapian::WritableDatabase& db : target.existing) db.close();
      Status swapped = SwapIn(out, index);
      if (!swapped.ok()) return fail(swapped.message());
      std::error_code ec;
      fs::remove_all(target.work, ec);
    }
  } catch (const Xapian::Error& e) {
    progress.Clear();
    if (ahead.valid()) ahead.wait();
    return fail(index.string() + ": " + failed_how + Describe(e) + kept);
  }
  return Status::Ok();
}

std::string FormatSummary(const IndexSummary& s) {
  std::string out = std::to_string(s.files_read) + " files read";
  if (s.files_skipped)
    out += ", " + std::to_string(s.files_skipped) + " skipped";
  out += "; " + std::to_string(s.articles_indexed) + " articles indexed (" +
         std::to_string(s.articles_added) + " new, " +
         std::to_string(s.articles_replaced) + " replaced, " +
         std::to_string(s.articles_unchanged) + " unchanged)";
  if (s.articles_superseded) {
    out += ", " + std::to_string(s.articles_superseded) +
           " raw pages superseded by Article XML of the same id";
  }
  if (s.articles_skipped)
    out += ", " + std::to_string(s.articles_skipped) + " articles skipped";
  if (!s.skip_reasons.empty()) {
    out += "; problems:";
    bool first = true;
    for (const auto& [reason, count] : s.skip_reasons) {
      out += (first ? " " : ", ") + std::to_string(count) + " " + reason;
      first = false;
    }
  }
  out += "; the index holds " + std::to_string(s.index_documents) +
         " articles and " + std::to_string(s.index_quotes) + " quotes";
  return out;
}

}  // namespace hpnews
