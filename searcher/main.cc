// hpnews-search: ranked, faceted queries against an hpnews index.
//
// main is thin: flags into a plain struct, one call, an exit status like
// grep's (0 matched, 1 nothing matched, 2 error). Results go to stdout,
// errors to stderr as "hpnews-search: what went wrong".

#include <unistd.h>
#include <xapian.h>

#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/schema.h"
#include "searcher/batch.h"
#include "searcher/count_pool.h"
#include "searcher/facets.h"
#include "searcher/plot.h"
#include "searcher/printer.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"

#ifndef HPNEWS_VERSION
#define HPNEWS_VERSION "unknown"
#endif

namespace po = boost::program_options;

namespace hpnews {
namespace {

constexpr const char* kProgram = "hpnews-search";
constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;

// The command line, as typed.
struct CliOptions {
  std::vector<std::string> indexes;
  std::vector<std::string> query_words;
  std::string default_op = "and";
  std::vector<std::string> filters;
  std::vector<std::string> facets;
  int facet_limit = 10;
  std::string from;
  std::string to;
  std::string sort = "relevance";
  int limit = 10;
  int offset = 0;
  std::string format = "text";
  std::string color = "auto";
  std::string batch;
  int jobs = 1;
  int query_threads = 0;
  bool stats = false;
  bool quotes = false;
  bool no_synonyms = false;
  std::string recency;
  std::string now;
  std::string since;
  std::string like;
  bool collapse = false;
  bool explain = false;
  bool correct = false;
  std::string plot;
  std::string plot_by;
};

int Fail(const std::string& message) {
  std::cerr << kProgram << ": " << message << "\n";
  return kExitError;
}

int Fail(const Status& status) { return Fail(status.message()); }

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Checks everything that does not depend on the query text, so a bad flag
// is one error instead of an error on every batch line.
Status BuildRequest(const CliOptions& cli, SearchRequest* request) {
  Status status = ParseDefaultOp(cli.default_op, &request->query.default_op);
  if (!status.ok()) return status;
  for (const std::string& spec : cli.filters) {
    Filter filter;
    status = ParseFilter(spec, &filter);
    if (!status.ok()) return status;
    std::string term;
    status =
        FieldTerm(*schema::FindFacetField(filter.field), filter.value, &term);
    if (!status.ok()) {
      return Status::InvalidInput("--filter " + spec + ": " + status.message());
    }
    request->query.filters.push_back(filter);
  }
  std::string today = TodayYmd();
  if (!cli.now.empty()) {
    status = ParseDateBound(cli.now, /*upper=*/false, &today);
    if (!status.ok()) return Status::InvalidInput("--now: " + status.message());
  }
  std::string from = cli.from;
  if (!cli.since.empty()) {
    if (!cli.from.empty()) {
      return Status::InvalidInput("give --since or --from, not both");
    }
    status = ParseSince(cli.since, today, &from);
    if (!status.ok()) return status;
  }
  if (!from.empty() || !cli.to.empty()) {
    Xapian::Query range;
    status = DateRangeQuery(from, cli.to, &range);
    if (!status.ok()) return status;
    request->query.from = from;
    request->query.to = cli.to;
  }
  request->query.type = cli.quotes ? DocType::kQuote : DocType::kArticle;
  request->query.synonyms = !cli.no_synonyms;
  if (!cli.recency.empty()) {
    status = ParseHalfLife(cli.recency, &request->recency_half_life_days);
    if (!status.ok()) return status;
    if (!cli.now.empty()) request->recency_anchor = today;
  }
  request->like_id = cli.like;
  request->collapse = cli.collapse;
  request->explain = cli.explain;
  request->correct = cli.correct;
  if (!cli.plot_by.empty()) {
    if (cli.plot_by != "outlet" && cli.plot_by != "speaker" &&
        cli.plot_by != "topic") {
      return Status::InvalidInput("invalid --plot-by \"" + cli.plot_by +
                                  "\" (expected outlet, speaker or topic)");
    }
    if (cli.plot.empty())
      return Status::InvalidInput("--plot-by needs --plot FILE.svg");
  }
  if (!cli.plot.empty()) {
    request->timeline = true;
    request->timeline_by = cli.plot_by;
    for (const std::string& facet : cli.facets) {
      ParseHistogramField(facet, &request->timeline_interval);
    }
  }
  status = ParseFacetFields(cli.facets, &request->facets);
  if (!status.ok()) return status;
  status = ParseSortOrder(cli.sort, &request->sort);
  if (!status.ok()) return status;
  if (cli.limit < 0) return Status::InvalidInput("--limit must be 0 or more");
  if (cli.offset < 0) return Status::InvalidInput("--offset must be 0 or more");
  if (cli.query_threads < 0) {
    return Status::InvalidInput(
        "--query-threads must be 1 or more (0 = the default)");
  }
  if (cli.facet_limit < 0) {
    return Status::InvalidInput("--facet-limit must be 0 or more");
  }
  request->limit = static_cast<Xapian::doccount>(cli.limit);
  request->offset = static_cast<Xapian::doccount>(cli.offset);
  request->facet_limit = static_cast<size_t>(cli.facet_limit);
  return Status::Ok();
}

int RunBatchMode(const CliOptions& cli, const SearchRequest& request) {
  if (!cli.query_words.empty()) {
    return Fail("--batch reads its queries from " + cli.batch +
                "; give no QUERY as well");
  }
  if (cli.jobs < 1) return Fail("--jobs must be 1 or more");
  if (!cli.plot.empty())
    return Fail("--plot draws one query; not with --batch");
  BatchOptions options;
  options.index_paths = cli.indexes;
  options.request = request;
  options.jobs = cli.jobs;
  options.query_threads = cli.query_threads;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (cli.batch != "-") {
    file.open(cli.batch, std::ios::binary);
    if (!file)
      return Fail("cannot read " + cli.batch + ": " + std::strerror(errno));
    in = &file;
  }
  BatchSummary summary;
  Status status = RunBatch(options, *in, std::cout, &summary);
  if (!status.ok()) return Fail(status);
  if (in->bad()) return Fail("error reading " + cli.batch);
  if (cli.stats) {
    std::istringstream stats(FormatBatchStats(summary));
    for (std::string line; std::getline(stats, line);)
      std::cerr << kProgram << ": " << line << "\n";
  }
  return BatchExitCode(summary);
}

int RunSingle(const CliOptions& cli, SearchRequest request) {
  request.query.text = JoinWords(cli.query_words);
  OutputFormat format;
  Status status = ParseOutputFormat(cli.format, &format);
  if (!status.ok()) return Fail(status);
  bool color = false;
  if (cli.color == "always") {
    color = true;
  } else if (cli.color == "auto") {
    color = ::isatty(STDOUT_FILENO) != 0;
  } else if (cli.color != "never") {
    return Fail("invalid --color \"" + cli.color +
                "\" (expected auto, always or never)");
  }

  IndexSet index;
  status = OpenIndexSet(cli.indexes, &index);
  if (!status.ok()) return Fail(status);
  const unsigned query_threads = QueryThreads(cli.query_threads, 1);
  if (query_threads > 1 && index.single_local)
    index.count_pool =
        std::make_shared<CountPool>(cli.indexes, query_threads - 1);
  request.query.outlet_aliases = LoadOutletAliases(index.db);
  SearchResult result;
  try {
    status = Search(&index, request, &result);
  } catch (const Xapian::QueryParserError& e) {
    status = Status::InvalidInput(e.get_msg());
  }
  if (!status.ok()) {
    return Fail("query \"" + request.query.text + "\": " + status.message());
  }
  if (!cli.plot.empty()) {
    std::ofstream svg(cli.plot, std::ios::binary | std::ios::trunc);
    std::string title = request.query.text.empty()
                            ? "more like " + request.like_id
                            : request.query.text;
    svg << TimelineSvg(result.timeline, title);
    svg.close();
    if (!svg)
      return Fail("cannot write " + cli.plot + ": " + std::strerror(errno));
  }
  switch (format) {
    case OutputFormat::kCsv:
      PrintCsv(result, std::cout);
      break;
    case OutputFormat::kJson:
      PrintJson(result, std::cout);
      break;
    case OutputFormat::kTsv:
      PrintTsv(result, std::cout);
      break;
    case OutputFormat::kText:
      PrintText(result, color, std::cout);
      break;
  }
  std::cout.flush();
  if (!std::cout) return Fail("error writing results");
  return result.total > 0 ? kExitMatch : kExitNoMatch;
}

int Run(const CliOptions& cli) {
  if (cli.indexes.empty()) return Fail("no index given (use -d INDEX)");
  SearchRequest request;
  Status status = BuildRequest(cli, &request);
  if (!status.ok()) return Fail(status);
  if (!cli.batch.empty()) return RunBatchMode(cli, request);
  if (cli.query_words.empty() && cli.like.empty()) {
    return Fail("no query given (try --help)");
  }
  return RunSingle(cli, request);
}

po::options_description Options(CliOptions* cli) {
  po::options_description options("options");
  // clang-format off
  options.add_options()
    ("index,d",
     po::value(&cli->indexes)->value_name("INDEX")->composing(),
     "the index to search (required); repeat it to search several as one. "
     "INDEX may also be a Xapian stub database file (or a folder holding "
     "XAPIANDB) listing shards: \"auto PATH\" and \"remote HOST:PORT\" "
     "(xapian-tcpsrv) lines")
    ("default-op", po::value(&cli->default_op)->value_name("and|or"),
     "how words without an operator combine (default and)")
    ("filter", po::value(&cli->filters)->value_name("FIELD:VALUE")->composing(),
     "keep matches with this value; repeatable: one field's values are "
     "OR'ed, fields AND'ed (fields: outlet, speaker, topic, year, month, "
     "keyword). Outlets by any name (outlet:HSJ). A filtered field's own "
     "facet counts as if its filter were off")
    ("from", po::value(&cli->from)->value_name("DATE"),
     "keep matches dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    ("to", po::value(&cli->to)->value_name("DATE"),
     "keep matches dated on or before DATE")
    ("since", po::value(&cli->since)->value_name("WHEN"),
     "keep matches dated on or after WHEN: 10d, 2w, 3m, 1y back from today "
     "(or --now), or a date as --from takes")
    ("now", po::value(&cli->now)->value_name("DATE"),
     "the day --since counts back from and --recency decays from (default: "
     "today for --since, the newest date in the index for --recency)")
    ("facet", po::value(&cli->facets)->value_name("FIELD")->composing(),
     "count the matches' values of FIELD, exactly; repeatable (fields: "
     "outlet, speaker, topic, year, month, keyword; date:month and "
     "date:year give a histogram with empty periods filled)")
    ("facet-limit", po::value(&cli->facet_limit)->value_name("N"),
     "values shown per facet, most frequent first (default 10; 0 = all)")
    ("sort", po::value(&cli->sort)->value_name("ORDER"),
     "relevance (default), date (oldest first) or -date (newest first)")
    ("limit", po::value(&cli->limit)->value_name("N"),
     "hits shown (default 10)")
    ("offset", po::value(&cli->offset)->value_name("N"),
     "hits skipped before the first shown (default 0)")
    ("format", po::value(&cli->format)->value_name("FORMAT"),
     "text (default), json, tsv or csv")
    ("quotes", po::bool_switch(&cli->quotes),
     "return matching quotes (speaker, quote, article) instead of articles; "
     "facets then count quotes")
    ("no-synonyms", po::bool_switch(&cli->no_synonyms),
     "match only the words typed, not their NHS synonyms (CCG = clinical "
     "commissioning group, ...)")
    ("recency", po::value(&cli->recency)->value_name("HALF_LIFE"),
     "blend a date decay into the score: a match HALF_LIFE older gets half "
     "the boost (90, 90d, 6w, 3m, 1y)")
    ("like", po::value(&cli->like)->value_name("ID"),
     "find articles about the same thing as article ID (QUERY optional)")
    ("collapse", po::bool_switch(&cli->collapse),
     "show one article per story (syndicated copies collapsed), with the "
     "outlets that also ran it")
    ("explain", po::bool_switch(&cli->explain),
     "show why each hit matched: terms, fields, weights")
    ("correct", po::bool_switch(&cli->correct),
     "when the query finds (almost) nothing and has a likely misspelling, "
     "run the corrected query instead")
    ("plot", po::value(&cli->plot)->value_name("FILE.svg"),
     "write the matches' timeline as an SVG chart (per month, or per year "
     "with --facet date:year)")
    ("plot-by", po::value(&cli->plot_by)->value_name("FIELD"),
     "one line per outlet, speaker or topic in --plot (the 8 largest)")
    ("color", po::value(&cli->color)->value_name("WHEN"),
     "bold matched words in text output: auto (default, when stdout is a "
     "terminal), always or never")
    ("batch", po::value(&cli->batch)->value_name("FILE"),
     "read one query per line from FILE (- = stdin); write one JSON object "
     "per line, in input order")
    ("jobs,j", po::value(&cli->jobs)->value_name("N"),
     "queries of --batch answered at once (default 1)")
    ("query-threads", po::value(&cli->query_threads)->value_name("N"),
     "threads that share one query's matching: counting for facets, "
     "totals and --plot, or ranking by relevance (default 0: the cores "
     "divided by --jobs)")
    ("stats", po::bool_switch(&cli->stats),
     "after --batch, print its throughput and per-query latency (p50, p99, "
     "max) on stderr")
    ("help,h", "show this help")
    ("version", "show the version");
  // clang-format on
  return options;
}

void PrintUsage(const po::options_description& options) {
  std::cout << "usage: " << kProgram
            << " -d INDEX [-d INDEX...] [options] QUERY...\n"
            << "       " << kProgram
            << " -d INDEX [-d INDEX...] [options] --batch FILE\n\n"
            << "Searches an hpnews index. QUERY uses Xapian's syntax: AND, OR, "
               "NOT, NEAR,\n\"phrases\", +must -mustnot, wildcard*, title: "
               "quote: comment: outlet: speaker:\ntopic: year: month: "
               "keyword: and date:FROM..TO ranges (either end open). Use -- "
               "before a QUERY that\nstarts "
               "with '-'.\n\n"
            << options
            << "\nexit status: 0 something matched, 1 nothing matched, 2 "
               "error\n";
}

}  // namespace
}  // namespace hpnews

int main(int argc, char** argv) {
  using hpnews::Fail;
  hpnews::CliOptions cli;
  try {
    po::options_description options = hpnews::Options(&cli);
    po::options_description hidden;
    hidden.add_options()("query", po::value(&cli.query_words));
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .run(),
              vm);
    if (vm.count("help")) {
      hpnews::PrintUsage(options);
      return 0;
    }
    if (vm.count("version")) {
      std::cout << hpnews::kProgram << " " << HPNEWS_VERSION << " (xapian "
                << Xapian::version_string() << ", index schema "
                << hpnews::schema::kSchemaVersion << ")\n";
      return 0;
    }
    po::notify(vm);
    return hpnews::Run(cli);
  } catch (const po::unknown_option& e) {
    // Most often a query word with the hate operator: "nhs -reform".
    return Fail(std::string(e.what()) +
                " (try --help; put -- before a QUERY that starts with '-')");
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (try --help)");
  } catch (const Xapian::QueryParserError& e) {
    return Fail("query \"" + hpnews::JoinWords(cli.query_words) +
                "\": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Fail(e.get_type() + std::string(": ") + e.get_msg());
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
}
