// Running hpnews-index as nobody from a test that runs as root (as CI
// does), so that file permissions apply. The binary and the extractors'
// data files are copied into `dir` first: the checkout itself may be
// private to root (a clone made under mktemp -d is mode 700).

#ifndef HPNEWS_TESTS_RUN_AS_NOBODY_H_
#define HPNEWS_TESTS_RUN_AS_NOBODY_H_

#include <filesystem>
#include <string>

namespace hpnews {
namespace testing_util {

// The command prefix that runs hpnews-index as nobody with its data from a
// copy: "/usr/bin/setpriv ... DIR/hpnews-index --data-dir DIR/data".
// `dir` must be readable by everyone.
inline std::string NobodyIndexer(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir / "data");
  fs::copy_file(HPNEWS_INDEX_BIN, dir / "hpnews-index",
                fs::copy_options::overwrite_existing);
  for (const auto& entry :
       fs::directory_iterator(std::string(HPNEWS_SOURCE_DIR) + "/corpus")) {
    if (entry.path().extension() == ".tsv") {
      fs::copy_file(entry.path(), dir / "data" / entry.path().filename(),
                    fs::copy_options::overwrite_existing);
    }
  }
  fs::permissions(dir / "data", fs::perms::owner_all | fs::perms::group_read |
                                    fs::perms::group_exec |
                                    fs::perms::others_read |
                                    fs::perms::others_exec);
  return "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " +
         (dir / "hpnews-index").string() + " --data-dir " +
         (dir / "data").string();
}

}  // namespace testing_util
}  // namespace hpnews

#endif  // HPNEWS_TESTS_RUN_AS_NOBODY_H_
