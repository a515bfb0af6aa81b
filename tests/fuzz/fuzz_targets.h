// The fuzz targets' bodies, shared by the libFuzzer binaries (built with
// clang and -DHPNEWS_FUZZ=ON, run by scripts/fuzz) and by
// tests/fuzz_regression_test.cc, which replays the seed corpora and every
// input that ever crashed a target under the ordinary build.

#ifndef HPNEWS_TESTS_FUZZ_FUZZ_TARGETS_H_
#define HPNEWS_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>

namespace hpnews {
namespace fuzz {

// Article XML reader on arbitrary bytes.
void ArticleXml(const uint8_t* data, size_t size);
// Raw page reader + extraction (furniture, comments, date, speakers, outlet,
// topics).
void RawText(const uint8_t* data, size_t size);
// Query building and running against a small in-memory index.
void Query(const uint8_t* data, size_t size);

}  // namespace fuzz
}  // namespace hpnews

#endif  // HPNEWS_TESTS_FUZZ_FUZZ_TARGETS_H_
