// What a database failure means for the caller: input the database refuses (kInvalidArgument),
// a duplicate (kAlreadyExists), a database that is down or busy (kUnavailable, may retry), or a
// bug (kInternal). Read from SOCI's error classes, PostgreSQL's SQLSTATE and SQLite's result
// codes, never from the message text shown to anyone.
#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::store {

// The Error for a PostgreSQL SQLSTATE (five characters, as in "23505").
Error ErrorFromSqlState(std::string_view sqlstate);

// The Error for an SQLite result code (extended codes included, as in 2067 for a unique key).
Error ErrorFromSqliteCode(int code);

// A database exception as an Error, by the classes above; a connection that cannot be made or
// is gone is kUnavailable. The exception's text is kept for LastDatabaseFailure and never put
// into the Error.
Error TranslateDatabaseError(const std::exception& error);

// The text of the last database failure seen on this thread, for the server log only.
const std::string& LastDatabaseFailure();

// Records `text` as this thread's last database failure.
void NoteDatabaseFailure(std::string text);

}  // namespace andel::store
