// Names and constructors of the error codes.
#include "core/result.h"

namespace andel {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAlreadyExists:
      return "already_exists";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

#define ANDEL_ERROR_CTOR(Name, Code)                                     \
  Error Error::Name(std::string message, std::string where) {            \
    return Error{ErrorCode::Code, std::move(message), std::move(where)}; \
  }
ANDEL_ERROR_CTOR(InvalidArgument, kInvalidArgument)
ANDEL_ERROR_CTOR(Unauthenticated, kUnauthenticated)
ANDEL_ERROR_CTOR(PermissionDenied, kPermissionDenied)
ANDEL_ERROR_CTOR(NotFound, kNotFound)
ANDEL_ERROR_CTOR(AlreadyExists, kAlreadyExists)
ANDEL_ERROR_CTOR(FailedPrecondition, kFailedPrecondition)
ANDEL_ERROR_CTOR(TooLarge, kTooLarge)
ANDEL_ERROR_CTOR(Unavailable, kUnavailable)
ANDEL_ERROR_CTOR(Internal, kInternal)
#undef ANDEL_ERROR_CTOR

}  // namespace andel
