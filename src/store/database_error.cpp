// Database failures as Errors, by SQLSTATE (PostgreSQL) and result code (SQLite).
#include "store/database_error.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace andel::store {
namespace {

thread_local std::string last_failure;

constexpr const char* kUnavailable = "the database is not available";

}  // namespace

const std::string& LastDatabaseFailure() { return last_failure; }

void NoteDatabaseFailure(std::string text) { last_failure = std::move(text); }

Error ErrorFromSqlState(std::string_view state) {
  const std::string_view klass = state.substr(0, 2);
  // Class 23: integrity constraints. 22: data the column cannot hold.
  if (state == "23505") return Error::AlreadyExists("this already exists");
  if (state == "23502") return Error::InvalidArgument("a required value is missing");
  if (state == "23503")
    return Error::InvalidArgument("this refers to something that does not exist");
  if (klass == "23") return Error::InvalidArgument("a value is not allowed here");
  if (state == "22021" || state == "22P05")
    return Error::InvalidArgument("the text is not valid UTF-8");
  if (state == "22001" || state == "54000") return Error::InvalidArgument("the text is too long");
  if (state == "22003") return Error::InvalidArgument("this number is out of range");
  if (klass == "22") return Error::InvalidArgument("a value is not valid");
  // 08: connection; 53: out of resources (too many connections, disk full); 57P01-57P03: the
  // server shuts down or starts; 40001/40P01: serialization failure, deadlock; 55P03: a lock not
  // granted; 57014: a statement cancelled (statement_timeout). Each may succeed when retried.
  if (klass == "08" || klass == "53" || state == "57P01" || state == "57P02" || state == "57P03" ||
      state == "40001" || state == "40P01" || state == "55P03" || state == "57014") {
    return Error::Unavailable(kUnavailable);
  }
  return Error::Internal("unexpected database error");
}

Error ErrorFromSqliteCode(int code) {
  // Extended codes (enabled on every connection) carry the primary code in their low byte.
  switch (code) {
    case 1555:  // SQLITE_CONSTRAINT_PRIMARYKEY
    case 2067:  // SQLITE_CONSTRAINT_UNIQUE
      return Error::AlreadyExists("this already exists");
    case 1299:  // SQLITE_CONSTRAINT_NOTNULL
      return Error::InvalidArgument("a required value is missing");
    case 787:  // SQLITE_CONSTRAINT_FOREIGNKEY
      return Error::InvalidArgument("this refers to something that does not exist");
    default:
      break;
  }
  switch (code & 0xff) {
    case 19:  // SQLITE_CONSTRAINT: CHECK and the rest
      return Error::InvalidArgument("a value is not allowed here");
    case 18:  // SQLITE_TOOBIG
      return Error::InvalidArgument("the text is too long");
    case 20:  // SQLITE_MISMATCH
      return Error::InvalidArgument("a value is not valid");
    case 5:   // SQLITE_BUSY
    case 6:   // SQLITE_LOCKED
    case 7:   // SQLITE_NOMEM
    case 8:   // SQLITE_READONLY
    case 10:  // SQLITE_IOERR
    case 13:  // SQLITE_FULL
    case 14:  // SQLITE_CANTOPEN
    case 15:  // SQLITE_PROTOCOL
      return Error::Unavailable(kUnavailable);
    default:
      return Error::Internal("unexpected database error");
  }
}

Error TranslateDatabaseError(const std::exception& error) {
  last_failure = error.what();
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return ErrorFromSqlState(pg->sqlstate());
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    return ErrorFromSqliteCode(lite->result());
  }
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&error)) {
    if (soci_error->get_error_category() == soci::soci_error::connection_error) {
      return Error::Unavailable(kUnavailable);
    }
    // SOCI reports a connection it cannot make, or a session left without one, with a plain
    // soci_error of no category: its message is the only sign.
    const std::string_view text = last_failure;
    if (text.starts_with("Cannot establish connection") ||
        text.starts_with("Session is not connected")) {
      return Error::Unavailable(kUnavailable);
    }
  }
  return Error::Internal("unexpected database error");
}

}  // namespace andel::store
