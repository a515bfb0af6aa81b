// Status: the outcome of an operation that can fail in an expected way
// (a malformed file, an invalid query). Modelled on LevelDB's Status.
//
// Fatal conditions (Xapian errors, bad command lines) are exceptions caught
// once in main(); everything a user can cause with bad input is a Status.

#ifndef HPNEWS_COMMON_STATUS_H_
#define HPNEWS_COMMON_STATUS_H_

#include <string>

namespace hpnews {

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  // Bad input: `line` and `column` are 1-based, 0 when unknown.
  static Status InvalidInput(std::string message, int line = 0,
                             int column = 0) {
    return Status(Code::kInvalidInput, std::move(message), line, column);
  }
  static Status IoError(std::string message) {
    return Status(Code::kIoError, std::move(message), 0, 0);
  }
  static Status NotFound(std::string message) {
    return Status(Code::kNotFound, std::move(message), 0, 0);
  }

  bool ok() const { return code_ == Code::kOk; }
  bool IsInvalidInput() const { return code_ == Code::kInvalidInput; }
  bool IsIoError() const { return code_ == Code::kIoError; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }

  const std::string& message() const { return message_; }
  int line() const { return line_; }
  int column() const { return column_; }

  // "PATH:LINE:COL: message", "PATH:LINE: message" or "PATH: message".
  std::string At(const std::string& path) const {
    return path + (line_ > 0 ? ":" : ": ") + ToString();
  }

  // "LINE:COL: message", "LINE: message" or "message".
  std::string ToString() const {
    std::string where;
    if (line_ > 0) {
      where = std::to_string(line_) + ":";
      if (column_ > 0) where += std::to_string(column_) + ":";
      where += " ";
    }
    return where + message_;
  }

 private:
  enum class Code { kOk, kInvalidInput, kIoError, kNotFound };
  Status(Code code, std::string message, int line, int column)
      : code_(code),
        message_(std::move(message)),
        line_(line),
        column_(column) {}

  Code code_ = Code::kOk;
  std::string message_;
  int line_ = 0;
  int column_ = 0;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_STATUS_H_
