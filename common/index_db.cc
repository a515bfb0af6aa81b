#include "common/index_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

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

bool IsShardedIndex(const std::string& path) {
  struct stat st;
  return ::stat((path + "/" + schema::kStubFile).c_str(), &st) == 0 &&
         S_ISREG(st.st_mode);
}

Status ReadShardPaths(const std::string& dir, std::vector<std::string>* paths) {
  const std::string stub = dir + "/" + schema::kStubFile;
  std::ifstream in(stub);
  if (!in) return Status::IoError(stub + ": cannot read the stub file");
  std::vector<std::string> found;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::istringstream words(line);
    std::string type, where, extra;
    if (!(words >> type) || type[0] == '#') continue;  // blank or comment
    if ((type != "auto" && type != "glass") || !(words >> where) ||
        (words >> extra)) {
      return Status::InvalidInput(
          stub + ":" + std::to_string(number) +
          ": not a local shard (\"auto PATH\"); hpnews-index writes local "
          "shards only");
    }
    found.push_back(where[0] == '/' ? where : dir + "/" + where);
  }
  if (found.empty()) return Status::InvalidInput(stub + ": lists no shard");
  *paths = std::move(found);
  return Status::Ok();
}

std::string ShardStubText(std::size_t shards) {
  std::string text;
  for (std::size_t i = 0; i < shards; ++i)
    text += "auto " + schema::ShardName(i) + "\n";
  return text;
}

Status IndexFolder::Open(const std::string& path,
                         std::shared_ptr<const IndexFolder>* out) {
  const int fd = ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("no index at " + path);
    return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    ::close(fd);
    return Status::IoError("cannot open " + path + ": " + std::strerror(error));
  }
  std::shared_ptr<IndexFolder> folder(new IndexFolder());
  folder->fd_ = fd;
  folder->device_ = st.st_dev;
  folder->inode_ = st.st_ino;
  folder->path_ = "/proc/self/fd/" + std::to_string(fd);
  struct stat through;
  if (::stat(folder->path_.c_str(), &through) != 0 ||
      through.st_ino != st.st_ino || through.st_dev != st.st_dev) {
    folder->path_ = path;  // no /proc: by path, as Xapian does
  }
  *out = std::move(folder);
  return Status::Ok();
}

IndexFolder::~IndexFolder() {
  if (fd_ >= 0) ::close(fd_);
}

bool IndexFolder::StillAt(const std::string& path) const {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && st.st_dev == device_ &&
         st.st_ino == inode_;
}

Status OpenIndex(const std::string& path, Xapian::Database* db) {
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
    return Status::InvalidInput("not a xapian index: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError(e.get_type() + std::string(": ") + e.get_msg());
  }
}

}  // namespace hpnews
