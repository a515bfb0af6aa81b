#include "common/index_db.h"

#include <sys/stat.h>

#include "common/schema.h"

namespace hpnews {

Status CheckSchemaVersion(const Xapian::Database& db) {
  std::string version = db.get_metadata(schema::kSchemaVersionKey);
  if (version == schema::kSchemaVersion) return Status::Ok();
  if (version.empty()) {
    return Status::InvalidInput(
        "not an hpnews index (no schema version in its metadata)");
  }
  return Status::InvalidInput(
      "index has schema version " + version + ", this program reads version " +
      schema::kSchemaVersion + "; rebuild it with hpnews-index --rebuild");
}

Status OpenIndex(const std::string& path, Xapian::Database* db) {
  // A rebuild may swap the index folder while Xapian opens its tables one
  // by one, mixing the old index's with the new one's: that fails, and a
  // second try opens the new index whole. A real problem fails every time.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
      return Status::NotFound("no index at " + path);
    try {
      Xapian::Database opened(path);
      Status status = CheckSchemaVersion(opened);
      if (!status.ok()) return status;
      *db = opened;
      return Status::Ok();
    } catch (const Xapian::DatabaseOpeningError& e) {
      if (attempt < kAttempts) continue;
      return Status::InvalidInput("not a xapian index: " + e.get_msg());
    } catch (const Xapian::DatabaseError& e) {
      if (attempt < kAttempts) continue;
      return Status::IoError(e.get_type() + std::string(": ") + e.get_msg());
    } catch (const Xapian::Error& e) {
      return Status::IoError(e.get_type() + std::string(": ") + e.get_msg());
    }
  }
}

}  // namespace hpnews
