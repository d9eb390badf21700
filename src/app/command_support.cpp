// What the commands of the command line share.
#include "app/command_support.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <ctime>
#include <iostream>

#include "app/commands.h"
#include "app/demo/data.h"

namespace andel::app {

void AddDatabaseOption(CLI::App* command, std::string& url) {
  command
      ->add_option("--db", url, "database URL: sqlite:PATH or postgresql://user@host:port/dbname")
      ->capture_default_str();
}

int Fail(const Error& error) {
  std::cerr << "andel: " << error.message;
  if (!error.where.empty()) std::cerr << " (" << error.where << ")";
  const std::string& cause = andel::store::LastDatabaseFailure();
  const bool database_failed =
      error.code == andel::ErrorCode::kUnavailable || error.code == andel::ErrorCode::kInternal;
  if (database_failed && !cause.empty()) {
    std::cerr << "\n  cause: " << cause;
  }
  std::cerr << "\n";
  return error.code == andel::ErrorCode::kInvalidArgument ? 2 : 1;
}

Result<std::unique_ptr<store::Database>> OpenMigrated(const std::string& url, size_t connections) {
  Result<std::unique_ptr<andel::store::Database>> db =
      andel::store::Database::Open(url, connections);
  if (!db) return db.error();
  Result<int> applied = (*db)->Migrate();
  if (!applied) return applied.error();
  if (*applied > 0) spdlog::info("applied {} migration(s)", *applied);
  return db;
}

int64_t Now() { return static_cast<int64_t>(std::time(nullptr)); }

void PrintDemoAccounts() {
  std::cout << "Demo accounts (email / password):\n";
  for (const andel::app::DemoAccount& account : andel::app::DemoAccounts()) {
    std::cout << "  " << account.email << " / " << account.password << "  (" << account.role
              << ")\n";
  }
}

}  // namespace andel::app
