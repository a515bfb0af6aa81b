// Small helpers shared by the benchmark peers (bench/xapian_obvious.cc,
// bench/fts5_peer.cc): input file listing, query-file reading and the
// latency summary every peer prints. Benchmark code only.

#ifndef HPNEWS_BENCH_PEER_COMMON_H_
#define HPNEWS_BENCH_PEER_COMMON_H_

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace hpnews {
namespace bench {

// The .xml files under each path (a file or a folder, recursively), sorted
// so every peer reads the articles in the same order.
inline std::vector<std::string> ListXmlFiles(
    const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(p)) {
        if (e.is_regular_file() && e.path().extension() == ".xml") {
          files.push_back(e.path().string());
        }
      }
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// One JSON line on stdout: what bench/run parses.
inline void PrintQuerySummary(const std::vector<double>& latencies_ms,
                              double seconds, size_t errors) {
  std::printf(
      "{\"queries\": %zu, \"seconds\": %.6f, \"p50_ms\": %.4f, \"p99_ms\": "
      "%.4f, "
      "\"errors\": %zu}\n",
      latencies_ms.size(), seconds, Percentile(latencies_ms, 0.5),
      Percentile(latencies_ms, 0.99), errors);
}

using Clock = std::chrono::steady_clock;
inline double MsSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// JSON string escaping for the results files (ids, facet values).
inline std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out + "\"";
}

}  // namespace bench
}  // namespace hpnews

#endif  // HPNEWS_BENCH_PEER_COMMON_H_
