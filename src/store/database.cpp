// Connection pool, URL parsing, error translation and the migration runner.
#include "store/database.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sodium.h>

#include <algorithm>
#include <ctime>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "core/embedded.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedMigrations();
}

namespace andel::store {
namespace {

thread_local std::string last_failure;

}  // namespace

Error TranslateDatabaseError(const std::exception& error) {
  last_failure = error.what();
  const std::string_view text = last_failure;
  if (text.find("UNIQUE constraint") != std::string_view::npos ||
      text.find("duplicate key") != std::string_view::npos) {
    return Error::AlreadyExists("this already exists");
  }
  return Error::Unavailable("the database is not available");
}

namespace {

// {{id}}: a generated integer key. {{key}}: an integer key the application chooses (random, so
// that row order reveals nothing), which on SQLite is the rowid itself.
std::string ExpandDialect(std::string_view sql, Dialect dialect) {
  std::string out(sql);
  const bool sqlite = dialect == Dialect::kSqlite;
  const std::pair<std::string_view, std::string_view> markers[] = {
      {"{{id}}", sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"},
      {"{{key}}", sqlite ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY"},
  };
  for (const auto& [marker, replacement] : markers) {
    for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at)) {
      out.replace(at, marker.size(), replacement);
    }
  }
  return out;
}

// Statements end with ';' at the end of a line; comments are "--" lines.
std::vector<std::string> SplitStatements(std::string_view sql) {
  std::vector<std::string> statements;
  std::string current;
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find('\n', start);
    if (end == std::string_view::npos) end = sql.size();
    std::string_view line = sql.substr(start, end - start);
    start = end + 1;
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line);
    current.push_back('\n');
    const size_t last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      statements.push_back(std::move(current));
      current.clear();
    }
  }
  return statements;
}

}  // namespace

const std::string& LastDatabaseFailure() { return last_failure; }

void FinishStatement(soci::statement& statement) {
  while (statement.fetch()) {
  }
}

struct Database::Pool {
  explicit Pool(size_t size) : connections(size), prepared(size), size(size) {}
  soci::connection_pool connections;
  std::vector<PreparedStatements> prepared;  // one set per connection
  size_t size;
};

namespace {

// A connection taken from the pool for the length of a scope.
class Lease {
 public:
  explicit Lease(soci::connection_pool& pool) : pool_(pool), position_(pool.lease()) {}
  ~Lease() { pool_.give_back(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  size_t position() const { return position_; }
  soci::session& session() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  size_t position_;
};

}  // namespace

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
        sql << "PRAGMA journal_mode=WAL";
        sql << "PRAGMA synchronous=FULL";
        sql << "PRAGMA foreign_keys=ON";
        sql << "PRAGMA busy_timeout=10000";
      } else {
        sql.open(*soci::factory_postgresql(), parsed->connect);
        sql << "SET client_min_messages TO WARNING";
      }
    }
  } catch (const std::exception& error) {
    last_failure = error.what();
    return Error::Unavailable("the database is not available", "db");
  }
  return std::unique_ptr<Database>(new Database(parsed->dialect, std::move(pool)));
}

Status Database::Run(const std::function<Status(soci::session&)>& work) {
  try {
    soci::session sql(pool_->connections);
    return work(sql);
  } catch (const std::exception& error) {
    return TranslateDatabaseError(error);
  }
}

Status Database::Execute(const std::string& statement) {
  return Run([&](soci::session& sql) -> Status {
    sql << statement;
    return {};
  });
}

Status Database::RunPrepared(
    const std::function<Status(soci::session&, PreparedStatements&)>& work) {
  std::optional<Lease> lease;
  try {
    lease.emplace(pool_->connections);
    return work(lease->session(), pool_->prepared[lease->position()]);
  } catch (const std::exception& error) {
    if (lease) pool_->prepared[lease->position()].Clear();
    return TranslateDatabaseError(error);
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
    } catch (const std::exception& error) {
      last_failure = error.what();  // the connection is gone; the server rolled back already
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
  try {
    soci::session sql(pool_->connections);
    WriteTransaction transaction(sql, dialect_);
    Status status = work(sql);
    if (status) transaction.Commit();
    return status;
  } catch (const std::exception& error) {
    return TranslateDatabaseError(error);
  }
}

Result<int> Database::Migrate() {
  int applied = 0;
  Status status = Run([&](soci::session& sql) -> Status {
    // Servers starting together on one PostgreSQL database take turns (a SQLite file is served
    // by one process).
    if (dialect_ == Dialect::kPostgresql) sql << "SELECT pg_advisory_lock(2026112201)";
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
    for (const EmbeddedFile& file : EmbeddedMigrations()) {
      int version = 0;
      for (char c : file.path.substr(0, 4)) version = version * 10 + (c - '0');
      int present = 0;
      sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
          soci::into(present);
      if (present) continue;
      soci::transaction transaction(sql);
      for (const std::string& statement : SplitStatements(ExpandDialect(file.content, dialect_))) {
        sql << statement;
      }
      const std::string name(file.path);
      const long long now = static_cast<long long>(std::time(nullptr));
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(version), soci::use(name), soci::use(now);
      transaction.commit();
      ++applied;
    }
    if (dialect_ == Dialect::kPostgresql) sql << "SELECT pg_advisory_unlock(2026112201)";
    return {};
  });
  if (!status) return status.error();
  return applied;
}

}  // namespace andel::store
