// A fresh, migrated database for each test, on the database the test run was started for:
// ANDEL_TEST_DB=sqlite (a temporary file) or =postgresql (a new database in the throw-away
// cluster that CTest started; its URL is in $ANDEL_TEST_PG_STATE/url).
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace andel::testing {

struct TestDatabase {
  std::string url;
  std::unique_ptr<store::Database> db;
};

// Creates and migrates a new database; fails the current test (and returns null db) if it cannot.
TestDatabase FreshDatabase();

// "sqlite" or "postgresql".
std::string DatabaseKind();

}  // namespace andel::testing
