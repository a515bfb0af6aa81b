// hpnews-extract-bench: how fast raw-page extraction runs on one core,
// beside the time Xapian takes to index the same articles.
//
// Reads every file of a folder (default ../shared/data/bbc-news) into memory
// first, so disk time is not counted; then times ReadRawText + Extract over
// all of them on this thread (best of --passes runs), then times turning
// the extracted articles into documents and writing them into a temporary
// Xapian index (DocumentFromArticle + replace_document + commit). Prints
// articles/s and MB/s for both and their ratio. Not a test: the figures
// depend on the machine.

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/document.h"
#include "common/extract.h"
#include "common/raw_text.h"
#include "common/status.h"

namespace hpnews {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string folder = std::string(HPNEWS_SHARED_DIR) + "/data/bbc-news";
  std::string data_dir = DefaultDataDir();
  int passes = 5;
  bool index = true;
};

struct File {
  std::string path;
  std::string text;
};

const char kUsage[] =
    "usage: hpnews-extract-bench [--passes N] [--data-dir DIR] [FOLDER]\n"
    "  FOLDER      raw page files to read, recursively (default "
    "../shared/data/bbc-news)\n"
    "  --passes N  extraction runs; the best is reported (default 5)\n"
    "  --no-index  time extraction only\n"
    "  --data-dir  the extractors' data files (default corpus/)\n";

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

Status ReadFolder(const std::string& folder, std::vector<File>* files) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    return Status::NotFound(folder + ": not a folder");
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string name = it->path().filename().string();
    // The corpus's own description is not an article.
    if (name.rfind("README", 0) == 0) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Status::IoError(it->path().string() + ": cannot open");
    std::ostringstream ss;
    ss << in.rdbuf();
    files->push_back({it->path().string(), ss.str()});
  }
  if (ec) return Status::IoError(folder + ": " + ec.message());
  // Directory order is the file system's: sort for repeatable runs.
  std::sort(files->begin(), files->end(),
            [](const File& a, const File& b) { return a.path < b.path; });
  return Status::Ok();
}

int Run(const Options& options) {
  std::vector<File> files;
  Status s = ReadFolder(options.folder, &files);
  if (!s.ok()) {
    std::fprintf(stderr, "hpnews-extract-bench: %s\n", s.ToString().c_str());
    return 2;
  }
  if (files.empty()) {
    std::fprintf(stderr, "hpnews-extract-bench: %s: no files\n",
                 options.folder.c_str());
    return 2;
  }
  std::size_t bytes = 0;
  for (const File& f : files) bytes += f.text.size();
  double mb = static_cast<double>(bytes) / 1e6;

  std::unique_ptr<Extractor> extractor = Extractor::Load(options.data_dir, &s);
  if (extractor == nullptr) {
    std::fprintf(stderr, "hpnews-extract-bench: %s\n", s.ToString().c_str());
    return 2;
  }

  std::printf("corpus: %s: %zu files, %.2f MB\n", options.folder.c_str(),
              files.size(), mb);

  // Extraction: ReadRawText + Extract, one thread, best of N passes (the
  // first pass also warms caches and the allocator).
  std::vector<Article> articles;
  double best = 0, best_cpu = 0;
  std::size_t speakers = 0, quotes = 0, topics = 0, outlets = 0, dates = 0;
  for (int pass = 0; pass < std::max(1, options.passes); ++pass) {
    std::vector<Article> out;
    out.reserve(files.size());
    Clock::time_point start = Clock::now();
    std::clock_t cpu_start = std::clock();
    for (const File& f : files) {
      Article a = ReadRawText(f.text, f.path);
      extractor->Extract(&a, "");
      out.push_back(std::move(a));
    }
    double t = Seconds(start);
    double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (pass == 0 || t < best) best = t;
    if (pass == 0 || cpu < best_cpu) best_cpu = cpu;
    articles = std::move(out);
  }
  for (const Article& a : articles) {
    speakers += a.speakers.size();
    quotes += a.quotes.size();
    topics += a.topics.size();
    outlets += !a.outlet.empty();
    dates += a.date.has_value();
  }
  double n = static_cast<double>(files.size());
  std::printf(
      "extract: %.3f s = %.0f articles/s, %.2f MB/s (one core, best of %d; "
      "CPU time %.3f s = %.0f articles/s)\n"
      "         %zu speakers, %zu quotes, %zu topics, %zu outlets, %zu dates\n",
      best, n / best, mb / best, std::max(1, options.passes), best_cpu,
      n / best_cpu, speakers, quotes, topics, outlets, dates);

  if (!options.index) return 0;

  // Indexing the same articles: documents built and written on this thread
  // into a fresh on-disk index, committed once at the end.
  fs::path dir = fs::temp_directory_path() /
                 ("hpnews-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  double build_seconds = 0, index_seconds = 0;
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator termgen;
    termgen.set_stemmer(Xapian::Stem("english"));
    Clock::time_point start = Clock::now();
    for (const Article& a : articles) {
      Clock::time_point b = Clock::now();
      Xapian::Document doc = DocumentFromArticle(a, &termgen);
      build_seconds += Seconds(b);
      db.replace_document(IdTerm(a.id), doc);
    }
    // Commit explicitly: the destructor commits too but swallows errors.
    db.commit();
    index_seconds = Seconds(start);
  }
  std::error_code ec;
  std::uintmax_t index_bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) index_bytes += entry.file_size();
  }
  fs::remove_all(dir, ec);
  std::printf(
      "index:   %.3f s = %.0f articles/s, %.2f MB/s (one core; documents "
      "%.3f s, Xapian writes and commit %.3f s; index %.1f MB)\n",
      index_seconds, n / index_seconds, mb / index_seconds, build_seconds,
      index_seconds - build_seconds, static_cast<double>(index_bytes) / 1e6);
  std::printf(
      "ratio:   extraction takes %.1f%% of the indexing time (indexing is "
      "%.1fx slower)\n",
      100 * best / index_seconds, index_seconds / best);
  return 0;
}

}  // namespace
}  // namespace hpnews

int main(int argc, char** argv) {
  hpnews::Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--passes" || arg == "--data-dir") && i + 1 < argc) {
      std::string value = argv[++i];
      if (arg == "--passes") {
        options.passes = std::atoi(value.c_str());
      } else {
        options.data_dir = value;
      }
    } else if (arg == "--no-index") {
      options.index = false;
    } else if (arg == "-h" || arg == "--help") {
      std::fputs(hpnews::kUsage, stdout);
      return 0;
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "hpnews-extract-bench: unknown option %s\n%s",
                   arg.c_str(), hpnews::kUsage);
      return 2;
    } else {
      options.folder = arg;
    }
  }
  try {
    return hpnews::Run(options);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "hpnews-extract-bench: %s\n",
                 e.get_description().c_str());
    return 2;
  }
}
