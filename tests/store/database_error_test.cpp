// Database failures mapped to what they are: refused input is kInvalidArgument, a duplicate
// kAlreadyExists, a database that is down or busy kUnavailable, anything else kInternal (a bug).
// Real refusals of each database are in database_refusal_test.cpp.
#include "store/database_error.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

namespace andel::store {
namespace {

struct Mapping {
  const char* state;
  ErrorCode code;
  const char* message;
};

TEST(DatabaseError, SqlStatesMapToWhatTheyAre) {
  const Mapping kStates[] = {
      {"23505", ErrorCode::kAlreadyExists, "this already exists"},
      {"23502", ErrorCode::kInvalidArgument, "a required value is missing"},
      {"23503", ErrorCode::kInvalidArgument, "this refers to something that does not exist"},
      {"23514", ErrorCode::kInvalidArgument, "a value is not allowed here"},
      {"22021", ErrorCode::kInvalidArgument, "the text is not valid UTF-8"},
      {"22P05", ErrorCode::kInvalidArgument, "the text is not valid UTF-8"},
      {"22001", ErrorCode::kInvalidArgument, "the text is too long"},
      {"22003", ErrorCode::kInvalidArgument, "this number is out of range"},
      {"22P02", ErrorCode::kInvalidArgument, "a value is not valid"},
      {"08006", ErrorCode::kUnavailable, "the database is not available"},
      {"08000", ErrorCode::kUnavailable, "the database is not available"},
      {"57P01", ErrorCode::kUnavailable, "the database is not available"},
      {"57P03", ErrorCode::kUnavailable, "the database is not available"},
      {"53300", ErrorCode::kUnavailable, "the database is not available"},
      {"40001", ErrorCode::kUnavailable, "the database is not available"},
      {"40P01", ErrorCode::kUnavailable, "the database is not available"},
      {"55P03", ErrorCode::kUnavailable, "the database is not available"},
      {"42P01", ErrorCode::kInternal, "unexpected database error"},  // no such table: a bug
      {"42601", ErrorCode::kInternal, "unexpected database error"},  // syntax error
      {"25P02", ErrorCode::kInternal, "unexpected database error"},
      {"XX000", ErrorCode::kInternal, "unexpected database error"},
  };
  for (const Mapping& m : kStates) {
    SCOPED_TRACE(m.state);
    const Error error = ErrorFromSqlState(m.state);
    EXPECT_EQ(error.code, m.code);
    EXPECT_EQ(error.message, m.message);
    EXPECT_TRUE(error.where.empty());
  }
}

TEST(DatabaseError, SqliteCodesMapToWhatTheyAre) {
  struct Code {
    int code;
    ErrorCode expected;
  };
  const Code kCodes[] = {
      {2067, ErrorCode::kAlreadyExists},    // SQLITE_CONSTRAINT_UNIQUE
      {1555, ErrorCode::kAlreadyExists},    // SQLITE_CONSTRAINT_PRIMARYKEY
      {1299, ErrorCode::kInvalidArgument},  // SQLITE_CONSTRAINT_NOTNULL
      {787, ErrorCode::kInvalidArgument},   // SQLITE_CONSTRAINT_FOREIGNKEY
      {275, ErrorCode::kInvalidArgument},   // SQLITE_CONSTRAINT_CHECK
      {18, ErrorCode::kInvalidArgument},    // SQLITE_TOOBIG
      {5, ErrorCode::kUnavailable},         // SQLITE_BUSY
      {517, ErrorCode::kUnavailable},       // SQLITE_BUSY_SNAPSHOT
      {6, ErrorCode::kUnavailable},         // SQLITE_LOCKED
      {13, ErrorCode::kUnavailable},        // SQLITE_FULL
      {10, ErrorCode::kUnavailable},        // SQLITE_IOERR
      {3338, ErrorCode::kUnavailable},      // SQLITE_IOERR_FSYNC
      {1, ErrorCode::kInternal},            // SQLITE_ERROR: no such table, syntax
      {11, ErrorCode::kInternal},           // SQLITE_CORRUPT
  };
  for (const Code& c : kCodes) {
    SCOPED_TRACE(c.code);
    EXPECT_EQ(ErrorFromSqliteCode(c.code).code, c.expected);
  }
}

TEST(DatabaseError, AConnectionThatCannotBeMadeIsUnavailable) {
  const soci::soci_error refused("Cannot establish connection to the database.\nrefused");
  EXPECT_EQ(TranslateDatabaseError(refused).code, ErrorCode::kUnavailable);
  EXPECT_EQ(LastDatabaseFailure(), refused.what());
  const soci::soci_error gone("Session is not connected.");
  EXPECT_EQ(TranslateDatabaseError(gone).code, ErrorCode::kUnavailable);
  const soci::soci_error bug("Null value fetched and no indicator defined.");
  EXPECT_EQ(TranslateDatabaseError(bug).code, ErrorCode::kInternal);
  const std::runtime_error other("whatever");
  EXPECT_EQ(TranslateDatabaseError(other).code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace andel::store
