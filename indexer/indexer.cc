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
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "common/document.h"
#include "common/index_db.h"
#include "common/schema.h"
#include "common/synonyms.h"
#include "common/text_util.h"

namespace hpnews {

namespace fs = std::filesystem;

namespace {

// The category of a problem for the summary: the message without the
// article it names and without details ("article \"x\": invalid date
// \"2011-02-31\" (...)" -> "invalid date").
std::string ReasonOf(const Status& status) {
  std::string m = status.message();
  if (m.compare(0, 7, "article") == 0 && m.find(": ") != std::string::npos)
    m = m.substr(m.find(": ") + 2);
  m = m.substr(0, m.find_first_of(":\"("));
  while (!m.empty() && m.back() == ' ') m.pop_back();
  return m;
}

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

// True for the terms the spelling dictionary holds: unprefixed words,
// short ones too ("of"), or the corrector "fixes" them.
bool IsSpellingWord(const std::string& term) {
  if (term.size() > 40) return false;
  for (unsigned char c : term) {
    if (!(std::islower(c) || c >= 0x80 || c == '\'')) return false;
  }
  return true;
}

// Forces the files of a database written with DB_NO_SYNC to disk: one
// fsync per file at the end of a rebuild instead of one per commit.
void SyncDirectory(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
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

// One file's outcome, produced by a reader thread, consumed in file order.
struct FileResult {
  std::vector<Article> articles;
  std::vector<Xapian::Document> documents;  // one per article
  std::vector<std::vector<Xapian::Document>> quote_documents;  // per article
  std::vector<FileProblem> problems;
  std::vector<FileProblem> warnings;
  bool ok = true;
};

// Writes documents by unique id, leaving unchanged ones untouched, and
// resolves ids given twice in one run (Article XML beats raw text).
class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase db, std::size_t budget_bytes)
      : db_(std::move(db)), budget_bytes_(budget_bytes) {}

  void Write(const Article& article, Xapian::Document doc,
             const std::vector<Xapian::Document>& quote_docs,
             IndexSummary* summary, const Reporter& report) {
    const std::string text_digest =
        HashHex(article.title + '\n' + article.Body());
    auto seen = seen_.find(article.id);
    if (seen != seen_.end()) {
      if (seen->second.format != article.format) {
        // Article XML transcribing a raw page: the XML's explicit metadata
        // wins, whichever of the two was read first.
        ++summary->articles_superseded;
        if (seen->second.format < article.format) return;
      } else if (seen->second.text_digest == text_digest) {
        return;  // the same item again (two fetches of one feed): nothing to
                 // say
      } else {
        report(article.source + ": duplicate id \"" + article.id +
               "\" (also in " + seen->second.source +
               "): this one replaces it");
      }
    }
    seen_[article.id] = {article.format, article.source, text_digest};

    // The quote documents are part of what is compared: a quote given to
    // another speaker changes no term of the article's own document.
    std::string serialised = doc.serialise();
    for (const Xapian::Document& q : quote_docs) serialised += q.serialise();
    const std::string digest = HashHex(serialised);
    doc.add_value(schema::kDigestSlot, digest);
    const std::string id_term = IdTerm(article.id);
    Xapian::PostingIterator p = db_.postlist_begin(id_term);
    if (p == db_.postlist_end(id_term)) {
      db_.replace_document(id_term, doc);
      ++summary->articles_added;
    } else {
      Xapian::Document old = db_.get_document(*p);
      if (old.get_value(schema::kDigestSlot) == digest) {
        ++summary->articles_unchanged;
        return;
      }
      AddSpelling(old, /*remove=*/true);
      db_.replace_document(id_term, doc);
      db_.delete_document(ParentTerm(article.id));
      ++summary->articles_replaced;
    }
    AddSpelling(doc, /*remove=*/false);
    for (const Xapian::Document& q : quote_docs) db_.add_document(q);
    // Xapian buffers postings in maps costing many times their serialised
    // size; commit once the buffered changes reach the memory budget
    // (Xapian's own threshold counts documents, whatever their size).
    pending_bytes_ += serialised.size() * kBufferedBytesPerSerialisedByte;
    if (pending_bytes_ >= budget_bytes_) Commit();
  }

  // Stores the synonym table (replacing what an earlier run stored) and
  // the outlets.tsv text the searcher reads aliases from.
  void StoreVocabulary(const Synonyms& synonyms,
                       const std::string& outlets_tsv) {
    StoreSynonyms(synonyms, &db_);
    db_.set_metadata(schema::kOutletsKey, outlets_tsv);
  }

  // Commits explicitly: the destructor would commit too, but swallows errors.
  void Commit() {
    FlushSpelling();
    db_.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
    db_.commit();
    pending_bytes_ = 0;
  }

  Xapian::doccount DocCount() const {
    return db_.get_termfreq(
        schema::Term(schema::kTypePrefix, schema::kArticleType));
  }
  Xapian::doccount QuoteCount() const {
    return db_.get_termfreq(
        schema::Term(schema::kTypePrefix, schema::kQuoteType));
  }
  std::size_t DistinctIds() const { return seen_.size(); }
  void Close() { db_.close(); }

 private:
  // Spelling changes are summed here and written once per commit: calling
  // add_spelling() per word of every article cost more than a tenth of
  // the whole run in Xapian's spelling change map.
  void AddSpelling(const Xapian::Document& doc, bool remove) {
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end();
         ++t) {
      if (!IsSpellingWord(*t)) continue;
      long long wdf = t.get_wdf();
      spelling_delta_[*t] += remove ? -wdf : wdf;
    }
  }

  void FlushSpelling() {
    for (const auto& [term, delta] : spelling_delta_) {
      if (delta > 0) {
        db_.add_spelling(term, static_cast<Xapian::termcount>(delta));
      } else if (delta < 0) {
        db_.remove_spelling(term, static_cast<Xapian::termcount>(-delta));
      }
    }
    spelling_delta_.clear();
  }

  // Measured on Reuters-21578: Xapian's buffered changes (postings,
  // positions, spelling) take about this many bytes per byte of
  // serialised document.
  static constexpr std::size_t kBufferedBytesPerSerialisedByte = 12;

  Xapian::WritableDatabase db_;
  std::size_t budget_bytes_;
  std::size_t pending_bytes_ = 0;
  std::unordered_map<std::string, long long> spelling_delta_;
  // What this run has written, by id: which input gave it, and a digest of
  // its text to tell a repeated item from a clash of ids.
  struct Seen {
    SourceFormat format;
    std::string source;
    std::string text_digest;
  };
  std::unordered_map<std::string, Seen> seen_;
};

// True if `path` holds a Xapian database (any backend we write).
bool IsXapianDirectory(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec);
}

// Refuses to write into a folder that holds something other than an index,
// so that "-o corpus" cannot scatter Xapian tables among a user's files.
Status CheckIndexPathUsable(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Status::Ok();
  if (!fs::is_directory(path, ec))
    return Status::InvalidInput(path.string() +
                                ": exists and is not a directory");
  if (IsXapianDirectory(path) || fs::is_empty(path, ec)) return Status::Ok();
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
                    const std::string& default_outlet, const Synonyms& synonyms,
                    Xapian::TermGenerator* termgen) {
  FileResult r;
  r.articles = ReadArticles(path, extractor, default_outlet, &r.problems,
                            &r.warnings, &r.ok);
  r.documents.reserve(r.articles.size());
  for (const Article& a : r.articles) {
    r.documents.push_back(DocumentFromArticle(a, termgen, &synonyms));
    r.quote_documents.push_back(QuoteDocuments(a, termgen));
  }
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
                    Xapian::WritableDatabase* db) {
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end();
       ++t) {
    const std::string& term = *t;
    if (!IsSpellingWord(term)) continue;
    if (remove) {
      db->remove_spelling(term, t.get_wdf());
    } else {
      db->add_spelling(term, t.get_wdf());
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

Status RunIndexer(const IndexOptions& options, const Extractor& extractor,
                  const Reporter& report, IndexSummary* summary) {
  *summary = IndexSummary();
  const fs::path index(options.index_path);
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

  // Open the index before reading anything, so a locked or incompatible
  // index fails fast.
  Xapian::WritableDatabase lock_holder;  // during a rebuild: keeps other
                                         // writers out of the old index
  fs::path target = index;
  try {
    if (options.rebuild) {
      RemoveStaleRebuilds(index);
      if (IsXapianDirectory(index))
        lock_holder = Xapian::WritableDatabase(index.string(), Xapian::DB_OPEN);
      target = index.string() + ".rebuild-" + std::to_string(::getpid());
    }
  } catch (const Xapian::DatabaseLockError& e) {
    return LockFailure(index, e);
  }

  std::unique_ptr<IndexWriter> writer;
  try {
    // A rebuild writes a private folder that only the final swap makes
    // visible, so it need not fsync at each commit: SyncDirectory() once
    // before the swap makes it durable.
    Xapian::WritableDatabase db(target.string(),
                                options.rebuild
                                    ? Xapian::DB_CREATE | Xapian::DB_NO_SYNC
                                    : Xapian::DB_CREATE_OR_OPEN);
    if (!options.rebuild && db.get_doccount() > 0) {
      Status version = CheckSchemaVersion(db);
      if (!version.ok())
        return Status::InvalidInput(index.string() + ": " + version.message());
    }
    std::size_t memory_mb = options.memory_mb;
    if (memory_mb == 0) {
      const char* env = std::getenv("HPNEWS_INDEX_MEMORY_MB");
      memory_mb = env != nullptr ? std::strtoul(env, nullptr, 10) : 0;
    }
    if (memory_mb == 0) memory_mb = 256;
    writer = std::make_unique<IndexWriter>(std::move(db), memory_mb << 20);
  } catch (const Xapian::DatabaseLockError& e) {
    return LockFailure(options.rebuild ? target : index, e);
  } catch (const Xapian::Error& e) {
    return Status::IoError(
        index.string() + ": cannot open the index for writing: " + Describe(e));
  }

  auto fail = [&](const std::string& what) {
    if (options.rebuild) {
      std::error_code ec;
      fs::remove_all(target, ec);
    }
    return Status::IoError(what);
  };

  unsigned jobs = options.jobs
                      ? options.jobs
                      : std::max(1u, std::thread::hardware_concurrency());
  // Files are read in chunks, in parallel, then written in file order: the
  // order of ids (and so which duplicate wins) never depends on timing.
  // A chunk holds at most kChunkBytes of input (and at least one file), so
  // the articles waiting to be written stay a bounded part of memory, and
  // the next chunk is read while this one is written: Xapian's writer is
  // the slow part, and it uses one core.
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
      Xapian::TermGenerator termgen;
      termgen.set_stemmer(Xapian::Stem("english"));
      for (std::size_t i; (i = next++) < end;) {
        results[i - begin] = ReadFile(
            files[i], extractor, options.default_outlet, synonyms, &termgen);
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs && t < end - begin; ++t)
      threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    return results;
  };
  Progress progress(options.progress);
  std::future<std::vector<FileResult>> ahead;
  try {
    if (!chunks.empty()) {
      ahead = std::async(std::launch::async, read_chunk, chunks[0].first,
                         chunks[0].second);
    }
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      std::vector<FileResult> results = ahead.get();
      if (c + 1 < chunks.size()) {
        ahead = std::async(std::launch::async, read_chunk, chunks[c + 1].first,
                           chunks[c + 1].second);
      }
      for (FileResult& r : results) {
        for (const FileProblem& w : r.warnings) report(w.status.At(w.path));
        for (const FileProblem& p : r.problems) {
          report(p.status.At(p.path));
          ++summary->skip_reasons[ReasonOf(p.status)];
        }
        if (r.ok) {
          ++summary->files_read;
          summary->articles_skipped += r.problems.size();
        } else {
          ++summary->files_skipped;
        }
        summary->articles_read += r.articles.size();
        for (std::size_t i = 0; i < r.articles.size(); ++i) {
          writer->Write(r.articles[i], std::move(r.documents[i]),
                        r.quote_documents[i], summary, report);
        }
        progress.Update(summary->files_read + summary->files_skipped,
                        files.size(), summary->articles_read);
      }
    }
    progress.Clear();
    writer->StoreVocabulary(synonyms, outlets_tsv);
    writer->Commit();
    summary->index_documents = writer->DocCount();
    summary->index_quotes = writer->QuoteCount();
    summary->articles_indexed = writer->DistinctIds();
    writer->Close();
  } catch (const Xapian::Error& e) {
    progress.Clear();
    return fail(index.string() + ": " +
                (options.rebuild ? "rebuild failed: " : "update failed: ") +
                Describe(e) +
                (options.rebuild ? " (the previous index is untouched)"
                                 : " (the index keeps its last commit)"));
  }

  if (options.rebuild) {
    SyncDirectory(target);
    lock_holder.close();
    Status swapped = SwapIn(target, index);
    if (!swapped.ok()) return fail(swapped.message());
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
