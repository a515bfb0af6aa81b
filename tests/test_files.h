// Reading a whole file in a test (fixtures, captured output). One helper,
// so every test reads bytes the same way: binary, no newline translation.

#ifndef HPNEWS_TESTS_TEST_FILES_H_
#define HPNEWS_TESTS_TEST_FILES_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace hpnews {
namespace testing_util {

// The bytes of `path`; empty if it cannot be read.
inline std::string ReadTestFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace testing_util
}  // namespace hpnews

#endif  // HPNEWS_TESTS_TEST_FILES_H_
