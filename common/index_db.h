// Opening an hpnews index: the checks both tools make before trusting a
// Xapian database (it exists, it is an hpnews index, of this schema version).
//
// Not a wrapper around Xapian: callers use Xapian::Database directly after.

#ifndef HPNEWS_COMMON_INDEX_DB_H_
#define HPNEWS_COMMON_INDEX_DB_H_

#include <xapian.h>

#include <string>

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

}  // namespace hpnews

#endif  // HPNEWS_COMMON_INDEX_DB_H_
