// Status and StatusOr: how errors that users can cause travel back to main.
//
// A Status is either ok or carries a code and a message that names the input
// and the place ("report.jsonl:12: truncated JSON"). Library code returns
// these; only the CLI turns them into exit codes. Exceptions are for bugs.
#ifndef SOLIEU_CORPUS_STATUS_H_
#define SOLIEU_CORPUS_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace solieu {

class Status {
 public:
  enum class Code { kOk, kInvalidInput, kNotFound, kIoError, kCorrupt, kUsage };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status Usage(std::string m) { return Status(Code::kUsage, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds a T or the Status that explains why there is none.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {   // NOLINT
    assert(!status_.ok() && "StatusOr needs a value or an error");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

#define SOLIEU_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::solieu::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

}  // namespace solieu

#endif  // SOLIEU_CORPUS_STATUS_H_
