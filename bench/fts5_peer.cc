// A benchmark peer: SQLite FTS5, written plainly.
//
//   hpnews-bench-fts5 index -o DB PATH...     Article XML files/folders
//   hpnews-bench-fts5 compact -d DB           'optimize' the FTS index, VACUUM
//   hpnews-bench-fts5 search -d DB -q QUERIES [--facets] [--results FILE]
//
// index: one transaction, one prepared INSERT per article into
//   docs(title, body, id, outlet, date, year) USING fts5 (porter unicode61;
//   the metadata columns UNINDEXED) and doc_topic(docid, topic) rows.
// search: each line of QUERIES is "MATCH-EXPRESSION<TAB>FILTERS", FILTERS
//   being '|'-separated outlet=NAME, topic=ID, date=YYYYMMDD..YYYYMMDD
//   (written by bench/make_queries.py). Top 10 by bm25(); with --facets,
//   three GROUP BY queries (outlet, year, topic via doc_topic) over the
//   same matches. Prints one JSON summary line (bench/peer_common.h).

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "bench/peer_articles.h"
#include "bench/peer_common.h"

namespace hpnews {
namespace bench {
namespace {

bool Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "hpnews-bench-fts5: %s: %s\n", sql, err ? err : "?");
    sqlite3_free(err);
    return false;
  }
  return true;
}

sqlite3* Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "hpnews-bench-fts5: cannot open %s\n", path.c_str());
    std::exit(2);
  }
  return db;
}

int Index(const std::string& path, const std::vector<std::string>& paths) {
  std::remove(path.c_str());
  sqlite3* db = Open(path);
  if (!Exec(
          db,
          "CREATE VIRTUAL TABLE docs USING fts5(title, body, id UNINDEXED, "
          "outlet UNINDEXED, date UNINDEXED, year UNINDEXED, "
          "tokenize='porter unicode61');"
          "CREATE TABLE doc_topic(docid INTEGER NOT NULL, topic TEXT NOT NULL);"
          "BEGIN;")) {
    return 2;
  }
  sqlite3_stmt* ins = nullptr;
  sqlite3_stmt* ins_topic = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO docs(title, body, id, outlet, date, year) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     -1, &ins, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO doc_topic(docid, topic) VALUES (?, ?)",
                     -1, &ins_topic, nullptr);
  size_t n = 0, bad_files = 0;
  for (const std::string& file : ListXmlFiles(paths)) {
    bool ok = ForEachPeerArticle(file, [&](const PeerArticle& a) {
      sqlite3_bind_text(ins, 1, a.title.data(),
                        static_cast<int>(a.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 2, a.body.data(), static_cast<int>(a.body.size()),
                        SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, a.id.data(), static_cast<int>(a.id.size()),
                        SQLITE_STATIC);
      if (a.outlet.empty()) {
        sqlite3_bind_null(ins, 4);
      } else {
        sqlite3_bind_text(ins, 4, a.outlet.data(),
                          static_cast<int>(a.outlet.size()), SQLITE_STATIC);
      }
      if (a.date.empty()) {
        sqlite3_bind_null(ins, 5);
        sqlite3_bind_null(ins, 6);
      } else {
        sqlite3_bind_int(ins, 5, std::atoi(a.date.c_str()));
        sqlite3_bind_int(ins, 6, std::atoi(a.date.substr(0, 4).c_str()));
      }
      if (sqlite3_step(ins) != SQLITE_DONE) {
        std::fprintf(stderr, "hpnews-bench-fts5: insert: %s\n",
                     sqlite3_errmsg(db));
      }
      sqlite3_reset(ins);
      sqlite3_int64 rowid = sqlite3_last_insert_rowid(db);
      for (const std::string& t : a.topics) {
        sqlite3_bind_int64(ins_topic, 1, rowid);
        sqlite3_bind_text(ins_topic, 2, t.data(), static_cast<int>(t.size()),
                          SQLITE_STATIC);
        sqlite3_step(ins_topic);
        sqlite3_reset(ins_topic);
      }
      ++n;
    });
    if (!ok) ++bad_files;
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(ins_topic);
  bool ok = Exec(db,
                 "CREATE INDEX doc_topic_docid ON doc_topic(docid);"
                 "CREATE INDEX doc_topic_topic ON doc_topic(topic, docid);"
                 "COMMIT;");
  sqlite3_close(db);
  std::fprintf(stderr, "indexed %zu articles (%zu unreadable files)\n", n,
               bad_files);
  return ok && bad_files == 0 ? 0 : 1;
}

int Compact(const std::string& path) {
  sqlite3* db = Open(path);
  bool ok = Exec(db, "INSERT INTO docs(docs) VALUES('optimize'); VACUUM;");
  sqlite3_close(db);
  return ok ? 0 : 1;
}

struct Parsed {
  std::string match;
  std::string where;                   // " AND ..." clauses
  std::vector<std::string> text_args;  // bound after the MATCH parameter
  std::vector<bool> is_int;
};

Parsed ParseLine(const std::string& line) {
  Parsed p;
  size_t tab = line.find('\t');
  p.match = line.substr(0, tab);
  if (tab == std::string::npos) return p;
  std::string filters = line.substr(tab + 1);
  size_t start = 0;
  while (start < filters.size()) {
    size_t end = filters.find('|', start);
    if (end == std::string::npos) end = filters.size();
    std::string f = filters.substr(start, end - start);
    start = end + 1;
    size_t eq = f.find('=');
    if (eq == std::string::npos) continue;
    std::string key = f.substr(0, eq), value = f.substr(eq + 1);
    if (key == "outlet") {
      p.where += " AND outlet = ?";
      p.text_args.push_back(value);
      p.is_int.push_back(false);
    } else if (key == "topic") {
      p.where +=
          " AND docs.rowid IN (SELECT docid FROM doc_topic WHERE topic = ?)";
      p.text_args.push_back(value);
      p.is_int.push_back(false);
    } else if (key == "date") {
      size_t dots = value.find("..");
      p.where += " AND date BETWEEN ? AND ?";
      p.text_args.push_back(value.substr(0, dots));
      p.text_args.push_back(value.substr(dots + 2));
      p.is_int.push_back(true);
      p.is_int.push_back(true);
    }
  }
  return p;
}

// Runs `sql` with the query's parameters; calls row(stmt) per result row.
template <typename Row>
bool Run(sqlite3* db, const std::string& sql, const Parsed& p, Row row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return false;
  sqlite3_bind_text(st, 1, p.match.data(), static_cast<int>(p.match.size()),
                    SQLITE_STATIC);
  for (size_t i = 0; i < p.text_args.size(); ++i) {
    int k = static_cast<int>(i) + 2;
    if (p.is_int[i]) {
      sqlite3_bind_int(st, k, std::atoi(p.text_args[i].c_str()));
    } else {
      sqlite3_bind_text(st, k, p.text_args[i].data(),
                        static_cast<int>(p.text_args[i].size()), SQLITE_STATIC);
    }
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE;
}

std::string Col(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

int Search(const std::string& path, const std::string& queries_path,
           bool facets, const std::string& results_path) {
  sqlite3* db = Open(path);
  FILE* results =
      results_path.empty() ? nullptr : std::fopen(results_path.c_str(), "w");
  std::vector<std::string> queries = ReadLines(queries_path);
  std::vector<double> latencies;
  size_t errors = 0;
  auto t_all = Clock::now();
  for (const std::string& q : queries) {
    auto t0 = Clock::now();
    Parsed p = ParseLine(q);
    std::vector<std::string> ids;
    bool ok = Run(db,
                  "SELECT id FROM docs WHERE docs MATCH ?1" + p.where +
                      " ORDER BY bm25(docs) LIMIT 10",
                  p, [&](sqlite3_stmt* st) { ids.push_back(Col(st, 0)); });
    std::map<std::string, long> counts[3];
    long total = -1;
    if (ok && facets) {
      total = 0;
      ok = Run(db,
               "SELECT outlet, count(*) FROM docs WHERE docs MATCH ?1" +
                   p.where + " GROUP BY outlet",
               p,
               [&](sqlite3_stmt* st) {
                 long c = sqlite3_column_int64(st, 1);
                 total += c;
                 if (sqlite3_column_type(st, 0) != SQLITE_NULL)
                   counts[0][Col(st, 0)] = c;
               }) &&
           Run(db,
               "SELECT year, count(*) FROM docs WHERE docs MATCH ?1" + p.where +
                   " GROUP BY year",
               p,
               [&](sqlite3_stmt* st) {
                 if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
                   counts[1][Col(st, 0)] = sqlite3_column_int64(st, 1);
                 }
               }) &&
           Run(db,
               "SELECT t.topic, count(*) FROM docs JOIN doc_topic t ON t.docid "
               "= docs.rowid"
               " WHERE docs MATCH ?1" +
                   p.where + " GROUP BY t.topic",
               p, [&](sqlite3_stmt* st) {
                 counts[2][Col(st, 0)] = sqlite3_column_int64(st, 1);
               });
    }
    latencies.push_back(MsSince(t0));
    if (!ok) ++errors;
    if (results) {
      std::string line;
      if (!ok) {
        line = "{\"error\": " + JsonString(sqlite3_errmsg(db)) + "}\n";
      } else {
        line = "{\"total\": " + std::to_string(total) + ", \"ids\": [";
        for (size_t i = 0; i < ids.size(); ++i)
          line += (i ? ", " : "") + JsonString(ids[i]);
        line += "]";
        if (facets) {
          const char* names[3] = {"outlet", "year", "topic"};
          line += ", \"facets\": {";
          for (int f = 0; f < 3; ++f) {
            line += std::string(f ? ", " : "") + "\"" + names[f] + "\": {";
            bool first = true;
            for (const auto& [v, c] : counts[f]) {
              line += (first ? "" : ", ") + JsonString(v) + ": " +
                      std::to_string(c);
              first = false;
            }
            line += "}";
          }
          line += "}";
        }
        line += "}\n";
      }
      std::fputs(line.c_str(), results);
    }
  }
  double seconds = MsSince(t_all) / 1000.0;
  if (results) std::fclose(results);
  sqlite3_close(db);
  PrintQuerySummary(latencies, seconds, errors);
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: hpnews-bench-fts5 index -o DB PATH...\n"
               "       hpnews-bench-fts5 compact -d DB\n"
               "       hpnews-bench-fts5 search -d DB -q QUERIES [--facets] "
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
  if (cmd == "index" && !db.empty()) return Index(db, paths);
  if (cmd == "compact" && !db.empty()) return Compact(db);
  if (cmd == "search" && !db.empty() && !queries.empty()) {
    return Search(db, queries, facets, results);
  }
  return Usage();
}
