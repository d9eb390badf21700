// The migration runner: the embedded SQL files, in order, each in its own transaction.
#include <soci/soci.h>

#include <ctime>
#include <span>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedMigrations();
}

namespace andel::store {
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
    {
      soci::transaction transaction(sql);
      RefreshStaleSearchKeys(sql);
      transaction.commit();
    }
    if (dialect_ == Dialect::kPostgresql) sql << "SELECT pg_advisory_unlock(2026112201)";
    return {};
  });
  if (!status) return status.error();
  return applied;
}

}  // namespace andel::store
