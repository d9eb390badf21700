// The database: a pool of SOCI sessions on SQLite or PostgreSQL, chosen by a URL, and the
// forward-only migrations that bring its schema up to date. Only src/store/ includes SOCI.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

namespace soci {
class session;
class statement;
}  // namespace soci

namespace andel::store {

enum class Dialect { kSqlite, kPostgresql };

// A parsed --db URL: "sqlite:PATH" or "postgresql://user@host:port/dbname".
struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string connect;  // the backend's connection string
};
Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

// Statements prepared once on a connection and executed again and again, for the queries that
// nearly every request makes. Each pooled connection has its own set.
class PreparedStatements {
 public:
  struct Entry {
    virtual ~Entry() = default;
  };

  // The entry of type T under `key`, constructed from the connection the first time.
  template <typename T>
  T& Get(const char* key, soci::session& sql) {
    std::unique_ptr<Entry>& entry = entries_[key];
    if (!entry) entry = std::make_unique<T>(sql);
    return static_cast<T&>(*entry);
  }
  void Clear() { entries_.clear(); }

 private:
  std::unordered_map<const char*, std::unique_ptr<Entry>> entries_;
};

// Steps a kept statement to its end after the rows it was run for, so that on SQLite it does
// not hold its read transaction open (which would pin an old snapshot on the connection and keep
// the write-ahead log from being checkpointed).
void FinishStatement(soci::statement& statement);

class Database {
 public:
  // Opens `pool_size` connections. kInvalidArgument for a bad URL, kUnavailable if the
  // database cannot be reached.
  static Result<std::unique_ptr<Database>> Open(std::string_view url, size_t pool_size = 8);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }

  // Applies the embedded migrations not yet recorded; returns how many were applied.
  Result<int> Migrate();

  // Runs one SQL statement without parameters (maintenance: CREATE DATABASE, VACUUM).
  Status Execute(const std::string& statement);

  // Runs `work` on a pooled session, translating database exceptions into Errors: a unique
  // constraint becomes kAlreadyExists, anything else kUnavailable (and is logged by the caller).
  Status Run(const std::function<Status(soci::session&)>& work);

  // As Run, inside one transaction that is committed only if `work` succeeds.
  Status RunInTransaction(const std::function<Status(soci::session&)>& work);

  // As Run, with the connection's prepared statements (dropped if the work throws).
  Status RunPrepared(const std::function<Status(soci::session&, PreparedStatements&)>& work);

 private:
  struct Pool;
  Database(Dialect dialect, std::unique_ptr<Pool> pool);

  Dialect dialect_;
  std::unique_ptr<Pool> pool_;
};

// A database exception as an Error: a unique constraint becomes kAlreadyExists, anything else
// kUnavailable; the cause is kept for LastDatabaseFailure.
Error TranslateDatabaseError(const std::exception& error);

// The text of the last database failure seen on this thread, for the server log only.
const std::string& LastDatabaseFailure();

}  // namespace andel::store
