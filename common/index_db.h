// Opening an hpnews index: the checks both tools make before trusting a
// Xapian database (it exists, it is an hpnews index, of this schema version),
// and the folder a searcher holds so that a rebuild cannot swap it midway.
//
// Not a wrapper around Xapian: callers use Xapian::Database directly after.

#ifndef HPNEWS_COMMON_INDEX_DB_H_
#define HPNEWS_COMMON_INDEX_DB_H_

#include <sys/types.h>
#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace hpnews {

// Opens `path` for reading into *db and checks its schema version.
// Returns NotFound ("no index at PATH") when nothing is there, InvalidInput
// when it is not an hpnews index or was written with another schema version
// (the message says how to rebuild), IoError for other Xapian failures.
// On failure *db is unchanged. Opened by path, its files may come from two
// folders if a rebuild swaps one in meanwhile: open it through an
// IndexFolder's path() to read one.
Status OpenIndex(const std::string& path, Xapian::Database* db);

// Checks the schema version stored in `db`'s metadata.
Status CheckSchemaVersion(const Xapian::Database& db);

// ---- Sharded indexes (schema.h, "Shards") -------------------------------
// True if `path` is a folder holding a stub file (schema::kStubFile).
bool IsShardedIndex(const std::string& path);

// The local databases the stub of the sharded index `dir` lists, in order,
// as paths (relative entries taken relative to `dir`, as Xapian does).
// InvalidInput for a line other than "auto PATH" or "glass PATH" (a remote
// shard cannot be written here) or a stub listing nothing; IoError when the
// stub cannot be read. *paths is unchanged on failure.
Status ReadShardPaths(const std::string& dir, std::vector<std::string>* paths);

// The stub text of a sharded index of `shards` shards: "auto shard0\n"...
std::string ShardStubText(std::size_t shards);

// ---- Reading one index while a rebuild swaps another in ---------------
// A folder held open (O_PATH), so that paths below it name what was in it
// when it was opened, even after `hpnews-index --rebuild` renames another
// folder over the path. Xapian opens an index's files one by one, by path:
// opened through path(), they all come from the one folder. Linux only;
// without /proc mounted, path() is the path as given (not held).
class IndexFolder {
 public:
  // Opens the folder at `path`. NotFound ("no index at PATH") when nothing
  // is there, IoError when it cannot be opened; *out is unchanged then.
  static Status Open(const std::string& path,
                     std::shared_ptr<const IndexFolder>* out);
  ~IndexFolder();
  IndexFolder(const IndexFolder&) = delete;
  IndexFolder& operator=(const IndexFolder&) = delete;

  // "/proc/self/fd/N", valid while this object lives: a Xapian database
  // opened through it must not outlive it (Database::reopen() reads it).
  const std::string& path() const { return path_; }
  // True if `path` still names this folder. A folder swapped out by a
  // rebuild is removed, never swapped back, so a folder still at its path
  // after its files were opened lost none of them meanwhile.
  bool StillAt(const std::string& path) const;

 private:
  IndexFolder() = default;
  int fd_ = -1;
  std::string path_;
  dev_t device_ = 0;
  ino_t inode_ = 0;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_INDEX_DB_H_
