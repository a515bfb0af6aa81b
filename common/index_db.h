// Opening an hpnews index: the checks both tools make before trusting a
// Xapian database (it exists, it is an hpnews index, of this schema version).
//
// Not a wrapper around Xapian: callers use Xapian::Database directly after.

#ifndef HPNEWS_COMMON_INDEX_DB_H_
#define HPNEWS_COMMON_INDEX_DB_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

#include "common/status.h"

namespace hpnews {

// Opens `path` for reading into *db and checks its schema version.
// Returns NotFound ("no index at PATH") when nothing is there, InvalidInput
// when it is not an hpnews index or was written with another schema version
// (the message says how to rebuild), IoError for other Xapian failures.
// On failure *db is unchanged.
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

}  // namespace hpnews

#endif  // HPNEWS_COMMON_INDEX_DB_H_
