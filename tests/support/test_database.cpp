// Fresh databases for tests.
#include "support/test_database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace andel::testing {
namespace {

std::atomic<int> counter{0};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  return text;
}

}  // namespace

std::string DatabaseKind() {
  const char* kind = std::getenv("ANDEL_TEST_DB");
  return kind && std::string(kind) == "postgresql" ? "postgresql" : "sqlite";
}

TestDatabase FreshDatabase() {
  TestDatabase result;
  const int n = counter.fetch_add(1);
  if (DatabaseKind() == "sqlite") {
    const auto dir = std::filesystem::temp_directory_path() / "andel-tests";
    std::filesystem::create_directories(dir);
    const auto file = dir / ("t" + std::to_string(getpid()) + "_" + std::to_string(n) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file.string() + suffix);
    }
    result.url = "sqlite:" + file.string();
  } else {
    const char* state = std::getenv("ANDEL_TEST_PG_STATE");
    if (!state) {
      ADD_FAILURE() << "ANDEL_TEST_PG_STATE is not set";
      return result;
    }
    const std::string base = ReadFile(std::string(state) + "/url");
    if (base.empty()) {
      ADD_FAILURE() << "the test PostgreSQL server is not running";
      return result;
    }
    const std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(n);
    Result<std::unique_ptr<store::Database>> admin = store::Database::Open(base, 1);
    if (!admin) {
      ADD_FAILURE() << "cannot reach the test PostgreSQL server: " << store::LastDatabaseFailure();
      return result;
    }
    if (Status created = (*admin)->Execute("CREATE DATABASE " + name); !created) {
      ADD_FAILURE() << "cannot create a test database: " << store::LastDatabaseFailure();
      return result;
    }
    result.url = base.substr(0, base.rfind('/') + 1) + name;
  }
  Result<std::unique_ptr<store::Database>> db = store::Database::Open(result.url, 4);
  if (!db) {
    ADD_FAILURE() << "cannot open " << result.url << ": " << store::LastDatabaseFailure();
    return result;
  }
  Result<int> migrated = (*db)->Migrate();
  if (!migrated) {
    ADD_FAILURE() << "migrations failed: " << store::LastDatabaseFailure();
    return result;
  }
  result.db = std::move(*db);
  return result;
}

}  // namespace andel::testing
