// A deterministic synthetic corpus in Article XML for tests that need more
// articles than corpus/ has (crash safety, concurrent readers). Words are
// drawn from a small health-policy vocabulary, so queries have hits.

#ifndef HPNEWS_TESTS_SYNTHETIC_CORPUS_H_
#define HPNEWS_TESTS_SYNTHETIC_CORPUS_H_

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace hpnews {
namespace testing_util {

// Writes `files` files of `per_file` articles each into `dir` (created).
// Ids are "<id_prefix>-<n>"; `seed` varies the text so the same ids with
// another seed are changed articles.
inline void WriteSyntheticCorpus(const std::filesystem::path& dir, int files,
                                 int per_file, const std::string& id_prefix,
                                 unsigned seed) {
  static const char* kWords[] = {
      "commissioning", "clinical",  "groups",    "reorganisation",
      "funding",       "workforce", "GPs",       "practice",
      "integration",   "social",    "care",      "competition",
      "privatisation", "tariff",    "hospital",  "trust",
      "patients",      "waiting",   "times",     "quality",
      "safety",        "regulator", "Monitor",   "budget",
      "deficit",       "nurses",    "pay",       "strike",
      "contract",      "public",    "health",    "obesity",
      "smoking",       "NHS",       "England",   "reform",
      "bill",          "minister",  "secretary", "services",
      "local",         "authority", "board",     "primary"};
  static const char* kOutlets[] = {"Pulse", "Health Service Journal",
                                   "Management in Practice", "Nursing Times"};
  static const char* kSpeakers[] = {"Mark Porter",    "Andy Burnham",
                                    "Andrew Lansley", "Chaand Nagpaul",
                                    "Clare Gerada",   "Jeremy Hunt"};
  std::mt19937 rng(seed);
  auto word = [&]() {
    return std::string(kWords[rng() % (sizeof kWords / sizeof *kWords)]);
  };
  auto sentence = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? " " : "") + word();
    return s + ".";
  };
  std::filesystem::create_directories(dir);
  int n = 0;
  for (int f = 0; f < files; ++f) {
    std::ofstream out(dir / ("part-" + std::to_string(f) + ".xml"));
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corpus>\n";
    for (int a = 0; a < per_file; ++a, ++n) {
      out << "<article id=\"" << id_prefix << "-" << n << "\">\n"
          << "<outlet>" << kOutlets[rng() % 4] << "</outlet>\n"
          << "<date>" << 2010 + rng() % 5 << "-0" << (rng() % 9 + 1) << "-"
          << (rng() % 18 + 10) << "</date>\n"
          << "<title>" << sentence(6) << "</title>\n"
          << "<speakers><speaker>" << kSpeakers[rng() % 6]
          << "</speaker></speakers>\n"
          << "<quotes/><topics/>\n<body>";
      for (int p = 0; p < 4; ++p) out << "<p>" << sentence(25) << "</p>";
      out << "</body>\n</article>\n";
    }
    out << "</corpus>\n";
  }
}

}  // namespace testing_util
}  // namespace hpnews

#endif  // HPNEWS_TESTS_SYNTHETIC_CORPUS_H_
