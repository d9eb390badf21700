// Result<T>: a value or an Error. Expected failures (bad input, not found, wrong state) are
// values in Andel; exceptions never cross a module boundary.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace andel {

enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kTooLarge,
  kUnavailable,
  kInternal,
};

// The stable snake_case name of a code, as used in the JSON API ("not_found").
const char* ErrorCodeName(ErrorCode code);

// An expected failure. `message` is fixed English text and doubles as the translation key, so
// no values are spliced into it; `where` names the field, line or parameter at fault.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string where;

  static Error InvalidArgument(std::string message, std::string where = {});
  static Error Unauthenticated(std::string message, std::string where = {});
  static Error PermissionDenied(std::string message, std::string where = {});
  static Error NotFound(std::string message, std::string where = {});
  static Error AlreadyExists(std::string message, std::string where = {});
  static Error FailedPrecondition(std::string message, std::string where = {});
  static Error TooLarge(std::string message, std::string where = {});
  static Error Unavailable(std::string message, std::string where = {});
  static Error Internal(std::string message, std::string where = {});
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  const Error& error() const {
    assert(!has_value());
    return std::get<1>(state_);
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Error> state_;
};

// A Result that carries no value: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace andel
