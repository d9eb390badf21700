// Connection pool, URL parsing and the replacement of lost PostgreSQL connections.
#include "store/database.h"

#include <libpq-fe.h>
#include <poll.h>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

namespace andel::store {
namespace {

using Clock = std::chrono::steady_clock;

// The wait after a failed reconnection doubles from the first to the last value: a database
// that is down gets one attempt per interval from each server, and one that is back is used
// again within a second.
constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kLastBackoff{1000};

constexpr const char* kUnavailable = "the database is not available";

}  // namespace

void FinishStatement(soci::statement& statement) {
  while (statement.fetch()) {
  }
}

// Per pooled connection; touched only by the thread that holds its lease.
struct ConnectionState {
  bool broken = false;   // to be replaced before its next use
  uint64_t checked = 0;  // the pool's `losses` when this connection was last found working
};

struct Database::Pool {
  explicit Pool(size_t size) : connections(size), prepared(size), states(size), size(size) {}
  soci::connection_pool connections;
  std::vector<PreparedStatements> prepared;  // one set per connection
  std::vector<ConnectionState> states;
  size_t size;
  // Counts connections found lost: the others make a round trip before their next use, since
  // whatever took one (a restart of the server) has likely taken them all.
  std::atomic<uint64_t> losses{0};

  // Reconnection: one attempt at a time while the database is down, none before `retry_at`.
  std::mutex mutex;
  bool down = false;
  bool attempting = false;
  Clock::time_point retry_at{};
  Clock::time_point down_since{};
  std::chrono::milliseconds backoff = kFirstBackoff;
};

// A connection taken from the pool for the length of a scope.
class Database::Lease {
 public:
  explicit Lease(Pool& pool) : pool_(pool), position_(pool.connections.lease()) {}
  ~Lease() { pool_.connections.give_back(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& session() { return pool_.connections.at(position_); }
  PreparedStatements& prepared() { return pool_.prepared[position_]; }
  ConnectionState& state() { return pool_.states[position_]; }

 private:
  Pool& pool_;
  size_t position_;
};

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url) {
  DatabaseUrl parsed;
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.starts_with("//")) path.erase(0, 2);
    if (path.empty()) {
      return Error::InvalidArgument("a sqlite URL needs a file path, as in sqlite:andel.db", "db");
    }
    if (path.find_first_of(" '\"") != std::string::npos) {
      return Error::InvalidArgument("a sqlite path cannot contain spaces or quotes", "db");
    }
    parsed.dialect = Dialect::kSqlite;
    parsed.connect = "db=" + path + " timeout=10 shared_cache=false";
    return parsed;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // libpq keyword form, which SOCI passes through unchanged (it mangles URIs).
    const Error bad = Error::InvalidArgument(
        "a PostgreSQL URL looks like postgresql://user:password@host:port/dbname", "db");
    std::string_view rest = url.substr(url.find("//") + 2);
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 >= rest.size()) return bad;
    std::string_view authority = rest.substr(0, slash);
    const std::string_view dbname = rest.substr(slash + 1, rest.find('?', slash) - slash - 1);
    std::string connect = "dbname=" + std::string(dbname);
    if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
      const std::string_view credentials = authority.substr(0, at);
      authority = authority.substr(at + 1);
      const size_t colon = credentials.find(':');
      connect += " user=" + std::string(credentials.substr(0, colon));
      if (colon != std::string_view::npos) {
        connect += " password=" + std::string(credentials.substr(colon + 1));
      }
    }
    const size_t colon = authority.rfind(':');
    const std::string_view host = authority.substr(0, colon);
    if (!host.empty()) connect += " host=" + std::string(host);
    if (colon != std::string_view::npos) {
      connect += " port=" + std::string(authority.substr(colon + 1));
    }
    for (char c : connect) {
      if (c == '\'' || c == '\\') return bad;
    }
    // A host that does not answer must not hold a thread for long (libpq waits forever).
    connect += " connect_timeout=5";
    parsed.dialect = Dialect::kPostgresql;
    parsed.connect = connect;
    return parsed;
  }
  return Error::InvalidArgument("a database URL starts with sqlite: or postgresql://", "db");
}

Database::Database(Dialect dialect, std::unique_ptr<Pool> pool)
    : dialect_(dialect), pool_(std::move(pool)) {}

Database::~Database() = default;

namespace {

// SQLite's defaults suit one connection; Andel's pool gives each connection to one thread at a
// time, so SQLite need not serialise every call, nor keep memory statistics behind one global
// lock (which many threads casting ballots at once contend for). Must run before SQLite's
// first use.
void ConfigureSqliteOnce() {
  static std::once_flag configured;
  std::call_once(configured, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

void ConfigureSqlite(soci::session& sql) {
  // Extended result codes tell a unique key from the other constraints (database_error.cpp).
  // (SOCI does not export its backends' type information: static_cast by the backend's name.)
  if (sql.get_backend_name() == "sqlite3") {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    sqlite_api::sqlite3_extended_result_codes(backend->conn_, 1);
  }
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=FULL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
}

void ConfigurePostgresql(soci::session& sql) { sql << "SET client_min_messages TO WARNING"; }

PGconn* PostgresqlConnection(soci::session& sql) {
  soci::details::session_backend* backend = sql.get_backend();
  if (backend == nullptr || backend->get_backend_name() != "postgresql") return nullptr;
  return static_cast<soci::postgresql_session_backend*>(backend)->conn_;
}

// Whether a PostgreSQL connection can be used, at the cost of a poll() on its socket: libpq
// knows it broken, or the server has written to it while no query ran (the FATAL message and
// end of file of a server that shuts down), or, when `round_trip`, an empty query fails.
bool LooksAlive(soci::session& sql, bool round_trip) {
  PGconn* conn = PostgresqlConnection(sql);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) return false;
  pollfd socket{PQsocket(conn), POLLIN, 0};
  if (socket.fd < 0) return false;
  if (poll(&socket, 1, 0) != 0) {
    if (PQconsumeInput(conn) == 0) return false;
    round_trip = true;
  }
  return !round_trip || sql.is_connected();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(std::string_view url, size_t pool_size) {
  if (sodium_init() < 0) return Error::Internal("libsodium could not be initialised");
  ConfigureSqliteOnce();
  Result<DatabaseUrl> parsed = ParseDatabaseUrl(url);
  if (!parsed) return parsed.error();
  auto pool = std::make_unique<Pool>(std::max<size_t>(1, pool_size));
  try {
    for (size_t i = 0; i < pool->size; ++i) {
      soci::session& sql = pool->connections.at(i);
      if (parsed->dialect == Dialect::kSqlite) {
        sql.open(*soci::factory_sqlite3(), parsed->connect);
        ConfigureSqlite(sql);
      } else {
        sql.open(*soci::factory_postgresql(), parsed->connect);
        ConfigurePostgresql(sql);
      }
    }
  } catch (const std::exception& error) {
    NoteDatabaseFailure(error.what());
    return Error::Unavailable(kUnavailable, "db");
  }
  return std::unique_ptr<Database>(new Database(parsed->dialect, std::move(pool)));
}

Status Database::Ready(Lease& lease) {
  if (dialect_ != Dialect::kPostgresql) return {};
  Pool& pool = *pool_;
  ConnectionState& state = lease.state();
  const uint64_t losses = pool.losses.load();
  if (!state.broken) {
    if (LooksAlive(lease.session(), state.checked != losses)) {
      state.checked = losses;
      return {};
    }
    state.broken = true;
    pool.losses.fetch_add(1);
  }
  const Clock::time_point now = Clock::now();
  {
    std::lock_guard lock(pool.mutex);
    if (now < pool.retry_at || (pool.down && pool.attempting)) {
      return Error::Unavailable(kUnavailable);
    }
    pool.attempting = true;
  }
  // The statements belong to the old connection: they go before it does.
  lease.prepared().Clear();
  try {
    lease.session().reconnect();
    ConfigurePostgresql(lease.session());
  } catch (const std::exception& error) {
    NoteDatabaseFailure(error.what());
    std::lock_guard lock(pool.mutex);
    pool.attempting = false;
    if (!pool.down) {
      pool.down = true;
      pool.down_since = now;
      spdlog::warn("database: cannot reconnect, retrying with back-off: {}", error.what());
    }
    pool.retry_at = Clock::now() + pool.backoff;
    pool.backoff = std::min(pool.backoff * 2, kLastBackoff);
    return Error::Unavailable(kUnavailable);
  }
  state.broken = false;
  state.checked = pool.losses.load();
  std::lock_guard lock(pool.mutex);
  pool.attempting = false;
  pool.retry_at = {};
  pool.backoff = kFirstBackoff;
  if (pool.down) {
    pool.down = false;
    const auto down_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - pool.down_since);
    spdlog::warn("database: reconnected after {} ms", down_ms.count());
  }
  return {};
}

Error Database::Failed(Lease& lease, const std::exception& error) {
  Error translated = TranslateDatabaseError(error);
  if (dialect_ != Dialect::kPostgresql) return translated;
  // A failure that could be the connection's own is checked with a round trip; a lost
  // connection is replaced at its next lease, and the others are checked before their next use.
  PGconn* conn = PostgresqlConnection(lease.session());
  const bool bad = conn == nullptr || PQstatus(conn) != CONNECTION_OK;
  if (bad || (translated.code == ErrorCode::kUnavailable && !lease.session().is_connected())) {
    if (!lease.state().broken) {
      lease.state().broken = true;
      pool_->losses.fetch_add(1);
      spdlog::warn("database: connection lost: {}", LastDatabaseFailure());
    }
    lease.prepared().Clear();
    return Error::Unavailable(kUnavailable);
  }
  return translated;
}

Status Database::Run(const std::function<Status(soci::session&)>& work) {
  Lease lease(*pool_);
  if (Status ready = Ready(lease); !ready) return ready;
  try {
    return work(lease.session());
  } catch (const std::exception& error) {
    return Failed(lease, error);
  }
}

Status Database::Execute(const std::string& statement) {
  return Run([&](soci::session& sql) -> Status {
    sql << statement;
    return {};
  });
}

Status Database::Ping() {
  return Run([](soci::session& sql) -> Status {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return {};
  });
}

Status Database::RunPrepared(
    const std::function<Status(soci::session&, PreparedStatements&)>& work) {
  Lease lease(*pool_);
  if (Status ready = Ready(lease); !ready) return ready;
  try {
    return work(lease.session(), lease.prepared());
  } catch (const std::exception& error) {
    lease.prepared().Clear();
    return Failed(lease, error);
  }
}

namespace {

// A write transaction. On SQLite it takes the write lock at BEGIN IMMEDIATE, so that concurrent
// writers wait their turn (busy_timeout) instead of failing when one read an older snapshot.
class WriteTransaction {
 public:
  WriteTransaction(soci::session& sql, Dialect dialect) : sql_(sql) {
    if (dialect == Dialect::kSqlite) {
      sql_ << "BEGIN IMMEDIATE";
    } else {
      sql_.begin();
    }
  }
  ~WriteTransaction() {
    if (done_) return;
    try {
      sql_.rollback();
    } catch (const std::exception&) {
      // The connection is gone, and with it the transaction: the server rolled it back.
    }
  }
  void Commit() {
    sql_.commit();
    done_ = true;
  }

 private:
  soci::session& sql_;
  bool done_ = false;
};

}  // namespace

Status Database::RunInTransaction(const std::function<Status(soci::session&)>& work) {
  Lease lease(*pool_);
  if (Status ready = Ready(lease); !ready) return ready;
  try {
    WriteTransaction transaction(lease.session(), dialect_);
    Status status = work(lease.session());
    if (status) transaction.Commit();
    return status;
  } catch (const std::exception& error) {
    return Failed(lease, error);
  }
}

}  // namespace andel::store
