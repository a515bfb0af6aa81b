// hpnews-index: reads articles and builds or updates an hpnews index.
// Thin by design: parse flags, call the library, map the outcome to an exit
// status (0 all indexed, 1 some input was bad and skipped, 2 usage or fatal).

#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "common/article_json.h"
#include "common/extract.h"
#include "indexer/indexer.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitError = 2;

void Report(const std::string& line) {
  std::cerr << "hpnews-index: " << line << '\n';
}

// --extract: print each Article as one JSON line, index nothing.
int RunExtract(const std::vector<std::string>& inputs,
               const hpnews::Extractor& extractor,
               const std::string& default_outlet) {
  bool bad = false;
  auto report_walk = [&bad](const std::string& line) {
    bad = true;
    Report(line);
  };
  for (const std::string& path :
       hpnews::CollectInputFiles(inputs, report_walk)) {
    std::vector<hpnews::FileProblem> problems, warnings;
    bool ok;
    for (const hpnews::Article& a : hpnews::ReadArticles(
             path, extractor, default_outlet, &problems, &warnings, &ok)) {
      std::cout << hpnews::ArticleToJson(a).dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    }
    for (const auto& w : warnings) Report(w.status.At(w.path));
    for (const auto& p : problems) Report(p.status.At(p.path));
    bad = bad || !problems.empty();
  }
  std::cout.flush();
  return bad ? kExitBadInput : kExitOk;
}

int Main(int argc, char** argv) {
  hpnews::IndexOptions options;
  std::string data_dir;
  bool extract = false, quiet = false;
  po::options_description visible(
      "Usage: hpnews-index -o INDEX [options] PATH...\n"
      "       hpnews-index --extract [options] PATH...\n\n"
      "Reads Article XML (.xml) and raw news pages (.txt), files or folders "
      "(recursively),\n"
      "and adds them to INDEX, replacing articles whose id is already "
      "there.\n\nOptions");
  visible.add_options()("index,o",
                        po::value(&options.index_path)->value_name("INDEX"),
                        "the index folder to create or update")(
      "rebuild", po::bool_switch(&options.rebuild),
      "build a new index beside INDEX and swap it in when complete")(
      "shards", po::value(&options.shards)->value_name("N"),
      "write INDEX as N shards and a Xapian stub file listing them; an "
      "existing sharded index keeps its shard count (changing it needs "
      "--rebuild)")(
      "extract", po::bool_switch(&extract),
      "index nothing; print each article's extracted metadata as JSON Lines")(
      "outlet", po::value(&options.default_outlet)->value_name("NAME"),
      "outlet for articles whose outlet is not known otherwise")(
      "data-dir", po::value(&data_dir)->value_name("DIR"),
      "extraction data (outlets.tsv, topics.tsv, synonyms.tsv, "
      "offices.tsv); default: $HPNEWS_DATA or the source tree's corpus/")(
      "jobs,j", po::value(&options.jobs)->value_name("N"),
      "threads (default: one per core): N read and extract, and a new "
      "index or a rebuild is written by N threads")(
      "quiet,q", po::bool_switch(&quiet),
      "no progress and no summary; problems are still reported")(
      "version", "print the version and exit")("help,h",
                                               "print this help and exit");
  po::options_description all;
  all.add(visible).add_options()("input", po::value(&options.inputs));
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv)
                .options(all)
                .positional(positional)
                .run(),
            vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << visible << '\n';
    return kExitOk;
  }
  if (vm.count("version")) {
    std::cout << "hpnews-index " << HPNEWS_VERSION << " (xapian "
              << Xapian::version_string() << ")\n";
    return kExitOk;
  }
  if (options.inputs.empty()) {
    Report("no input: give files or folders to read (see --help)");
    return kExitError;
  }
  if (vm.count("shards") && options.shards == 0) {
    Report("--shards must be at least 1");
    return kExitError;
  }
  if (!extract && options.index_path.empty()) {
    Report("no index: give -o INDEX, or --extract (see --help)");
    return kExitError;
  }

  hpnews::Status status;
  auto extractor = hpnews::Extractor::Load(
      data_dir.empty() ? hpnews::DefaultDataDir() : data_dir, &status);
  if (!extractor) {
    Report(status.ToString());
    return kExitError;
  }
  if (extract)
    return RunExtract(options.inputs, *extractor, options.default_outlet);

  options.data_dir = data_dir;
  options.progress = !quiet && ::isatty(STDERR_FILENO);
  hpnews::IndexSummary summary;
  status = hpnews::RunIndexer(options, *extractor, Report, &summary);
  if (!status.ok()) {
    Report(status.ToString());
    return kExitError;
  }
  if (!quiet) Report(hpnews::FormatSummary(summary));
  return summary.HadBadInput() ? kExitBadInput : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const po::error& e) {
    Report(std::string(e.what()) + " (see --help)");
  } catch (const Xapian::Error& e) {
    Report(e.get_type() + std::string(": ") + e.get_msg());
  } catch (const std::exception& e) {
    Report(e.what());
  }
  return kExitError;
}
