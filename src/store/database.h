// The database: a pool of SOCI sessions on SQLite or PostgreSQL, chosen by a URL, and the
// forward-only migrations that bring its schema up to date. Only src/store/ includes SOCI.
// On PostgreSQL a connection found broken is replaced when it is next leased (with a back-off
// while the server cannot be reached), so the server recovers without a restart.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "store/database_error.h"

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

  // Runs `work` on a pooled session, translating database exceptions into Errors (see
  // database_error.h). kUnavailable at once, without running `work`, while the database cannot
  // be reached.
  Status Run(const std::function<Status(soci::session&)>& work);

  // As Run, inside one transaction that is committed only if `work` succeeds. An error from
  // the commit itself (kUnavailable when the connection was lost) leaves its outcome unknown:
  // the transaction may have committed. Nothing here runs `work` again.
  Status RunInTransaction(const std::function<Status(soci::session&)>& work);

  // As Run, with the connection's prepared statements (dropped if the work throws, and when
  // the connection is replaced).
  Status RunPrepared(const std::function<Status(soci::session&, PreparedStatements&)>& work);

  // A cheap round trip to the database (for the health check): kUnavailable if it is down.
  Status Ping();

 private:
  struct Pool;
  class Lease;
  Database(Dialect dialect, std::unique_ptr<Pool> pool);
  // Makes the leased connection usable: on PostgreSQL, replaces it if it is found broken.
  Status Ready(Lease& lease);
  // The Error for `error` thrown by work on the leased connection; marks a lost connection.
  Error Failed(Lease& lease, const std::exception& error);

  Dialect dialect_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace andel::store
