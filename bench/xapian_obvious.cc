// The benchmark's floor: Xapian used the obvious way, as a competent
// newcomer writes it after reading the Xapian getting-started guide.
//
//   hpnews-bench-xapian index -o DB PATH...        Article XML files/folders
//   hpnews-bench-xapian search -d DB -q QUERIES [--facets] [--results FILE]
//
// index: one TermGenerator (English stemmer), add_document per article,
// default database settings (auto-flush, one commit at the end). Title and
// body are indexed unprefixed with positions; outlet and topic are boolean
// terms (XO, XT, lower case) for filters; values hold the date (YYYYMMDD),
// year, outlet and the topics joined by '\x1f'.
// search: a QueryParser (default op AND, as hpnews) with outlet:/topic:
// boolean prefixes and a DateRangeProcessor for date:A..B; top 10 by BM25;
// with --facets, ValueCountMatchSpy on outlet, year and topic, which needs
// every match checked (checkatleast = doccount). Multi-topic values are
// split after counting. Prints one JSON summary line (bench/peer_common.h).
//
// It is deliberately not tuned: it is what hpnews has to beat.

#include <xapian.h>

#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench/peer_articles.h"
#include "bench/peer_common.h"

namespace hpnews {
namespace bench {
namespace {

enum : Xapian::valueno { kDate = 0, kYear = 1, kOutlet = 2, kTopics = 3 };

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int Index(const std::string& db_path, const std::vector<std::string>& paths) {
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  size_t n = 0;
  size_t bad_files = 0;
  for (const std::string& file : ListXmlFiles(paths)) {
    bool ok = ForEachPeerArticle(file, [&](const PeerArticle& a) {
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(a.title);
      tg.increase_termpos();
      tg.index_text(a.body);
      doc.set_data(a.id);
      doc.add_boolean_term("Q" + a.id);
      if (!a.outlet.empty()) {
        doc.add_boolean_term("XO" + Lower(a.outlet));
        doc.add_value(kOutlet, a.outlet);
      }
      std::string topics;
      for (const std::string& t : a.topics) {
        doc.add_boolean_term("XT" + Lower(t));
        if (!topics.empty()) topics.push_back('\x1f');
        topics += t;
      }
      if (!topics.empty()) doc.add_value(kTopics, topics);
      if (!a.date.empty()) {
        doc.add_value(kDate, a.date);
        doc.add_value(kYear, a.date.substr(0, 4));
      }
      db.add_document(doc);
      ++n;
    });
    if (!ok) ++bad_files;
  }
  db.commit();
  std::fprintf(stderr, "indexed %zu articles (%zu unreadable files)\n", n,
               bad_files);
  return bad_files == 0 ? 0 : 1;
}

int Search(const std::string& db_path, const std::string& queries_path,
           bool facets, const std::string& results_path) {
  Xapian::Database db(db_path);
  Xapian::Enquire enquire(db);
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_boolean_prefix("outlet", "XO");
  qp.add_boolean_prefix("topic", "XT");
  Xapian::DateRangeProcessor dates(kDate, "date:");
  qp.add_rangeprocessor(&dates);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;

  FILE* results =
      results_path.empty() ? nullptr : std::fopen(results_path.c_str(), "w");
  std::vector<std::string> queries = ReadLines(queries_path);
  std::vector<double> latencies;
  size_t errors = 0;
  const char* names[3] = {"outlet", "year", "topic"};
  auto t_all = Clock::now();
  for (const std::string& q : queries) {
    auto t0 = Clock::now();
    std::string line;
    try {
      enquire.set_query(qp.parse_query(q, flags));
      Xapian::ValueCountMatchSpy outlet(kOutlet), year(kYear), topic(kTopics);
      enquire.clear_matchspies();
      if (facets) {
        enquire.add_matchspy(&outlet);
        enquire.add_matchspy(&year);
        enquire.add_matchspy(&topic);
      }
      Xapian::MSet mset =
          enquire.get_mset(0, 10, facets ? db.get_doccount() : 0);
      std::map<std::string, Xapian::doccount> counts[3];
      if (facets) {
        Xapian::ValueCountMatchSpy* spies[3] = {&outlet, &year, &topic};
        for (int f = 0; f < 3; ++f) {
          for (auto v = spies[f]->values_begin(); v != spies[f]->values_end();
               ++v) {
            std::string value = *v;
            size_t start = 0;
            while (true) {  // a multi-valued slot: count each item
              size_t end = value.find('\x1f', start);
              counts[f][value.substr(start, end - start)] += v.get_termfreq();
              if (end == std::string::npos) break;
              start = end + 1;
            }
          }
        }
      }
      // A search returns its hits' ids, written or not.
      line = "{\"total\": " + std::to_string(mset.get_matches_estimated()) +
             ", \"ids\": [";
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (it != mset.begin()) line += ", ";
        line += JsonString(it.get_document().get_data());
      }
      line += "]";
      if (results) {
        if (facets) {
          line += ", \"facets\": {";
          for (int f = 0; f < 3; ++f) {
            if (f) line += ", ";
            line += std::string("\"") + names[f] + "\": {";
            bool first = true;
            for (const auto& [value, count] : counts[f]) {
              if (!first) line += ", ";
              first = false;
              line += JsonString(value) + ": " + std::to_string(count);
            }
            line += "}";
          }
          line += "}";
        }
        line += "}\n";
      }
    } catch (const Xapian::Error& e) {
      ++errors;
      line = "{\"error\": " + JsonString(e.get_description()) + "}\n";
    }
    latencies.push_back(MsSince(t0));
    if (results) std::fputs(line.c_str(), results);
  }
  double seconds = MsSince(t_all) / 1000.0;
  if (results) std::fclose(results);
  PrintQuerySummary(latencies, seconds, errors);
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: hpnews-bench-xapian index -o DB PATH...\n"
               "       hpnews-bench-xapian search -d DB -q QUERIES [--facets] "
               "[--results FILE]\n");
  return 2;
}

}  // namespace
}  // namespace bench
}  // namespace hpnews

int main(int argc, char** argv) {
  using namespace hpnews::bench;
  if (argc < 2) return Usage();
  std::string cmd = argv[1], db, queries, results;
  bool facets = false;
  std::vector<std::string> paths;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "-o" || a == "-d") && i + 1 < argc) {
      db = argv[++i];
    } else if (a == "-q" && i + 1 < argc) {
      queries = argv[++i];
    } else if (a == "--results" && i + 1 < argc) {
      results = argv[++i];
    } else if (a == "--facets") {
      facets = true;
    } else {
      paths.push_back(a);
    }
  }
  try {
    if (cmd == "index" && !db.empty()) return Index(db, paths);
    if (cmd == "search" && !db.empty() && !queries.empty()) {
      return Search(db, queries, facets, results);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "hpnews-bench-xapian: %s\n",
                 e.get_description().c_str());
    return 2;
  }
  return Usage();
}
