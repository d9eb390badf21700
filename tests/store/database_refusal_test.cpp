// What each database refuses reaches the caller as bad input (kInvalidArgument) or a duplicate
// (kAlreadyExists), never as "the database is not available"; a bug's statement is kInternal.
#include <gtest/gtest.h>

#include "store/accounts/account_repository.h"
#include "store/database.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

constexpr int64_t kNow = 1790000000;

TEST(DatabaseRefusal, ARefusedRowIsBadInputNotAnOutage) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  // A session of nobody: a foreign key the database enforces on both.
  Status orphan = accounts.CreateSession("hash", 424242, kNow, kNow + 60);
  ASSERT_FALSE(orphan.has_value());
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(orphan.error().message, "this refers to something that does not exist");

  communities::Person person;
  person.email = "mette@example.dk";
  person.name = "Mette";
  ASSERT_TRUE(accounts.CreatePerson(person, "", kNow).has_value());
  EXPECT_EQ(accounts.CreatePerson(person, "", kNow).error().code, ErrorCode::kAlreadyExists);

  // A name cut inside a letter (Latin-1 é, or half of a two-byte letter): PostgreSQL refuses
  // the bytes, SQLite stores them as they are.
  int n = 0;
  for (const char* name : {"Caf\xE9", "S\xC3"}) {
    communities::Person cut;
    cut.email = "cut" + std::to_string(++n) + "@example.dk";
    cut.name = name;
    Result<int64_t> created = accounts.CreatePerson(cut, "", kNow);
    if (testing::DatabaseKind() == "postgresql") {
      ASSERT_FALSE(created.has_value());
      EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(created.error().message, "the text is not valid UTF-8");
    } else {
      EXPECT_TRUE(created.has_value());
    }
  }

  // A statement the schema does not support is a bug, not an outage.
  Status bug = t.db->Execute("SELECT no_such_column FROM persons");
  ASSERT_FALSE(bug.has_value());
  EXPECT_EQ(bug.error().code, ErrorCode::kInternal);
  // And the database still answers afterwards.
  EXPECT_TRUE(t.db->Execute("SELECT 1").has_value());
}

}  // namespace
}  // namespace andel::store
