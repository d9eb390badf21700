// Lost PostgreSQL connections are replaced without a restart: every connection of the pool is
// ended by the server (as a restart or a failover would), and the next calls still succeed.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <chrono>
#include <thread>

#include "store/accounts/account_repository.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

constexpr int64_t kNow = 1790000000;

// The backends serving this database, other than the caller's own.
int64_t OtherBackends(Database& admin) {
  int64_t count = -1;
  Status status = admin.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND "
           "pid <> pg_backend_pid()",
        soci::into(count);
    return {};
  });
  EXPECT_TRUE(status.has_value());
  return count;
}

TEST(DatabaseReconnect, ConnectionsEndedByTheServerAreReplaced) {
  if (testing::DatabaseKind() != "postgresql") GTEST_SKIP() << "PostgreSQL only";
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  Result<std::unique_ptr<Database>> admin = Database::Open(t.url, 1);
  ASSERT_TRUE(admin.has_value());
  AccountRepository accounts(*t.db);
  communities::Person person;
  person.email = "mette@example.dk";
  person.name = "Mette";
  const int64_t id = *accounts.CreatePerson(person, "", kNow);
  ASSERT_TRUE(accounts.CreateApiToken(id, "cli", "token-hash", kNow, kNow + 3600).has_value());
  ASSERT_TRUE(accounts.FindByApiToken("token-hash", kNow).has_value());  // a prepared statement

  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    ASSERT_GT(OtherBackends(**admin), 0);
    Status ended = (*admin)->Run([&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
             "datname = current_database() AND pid <> pg_backend_pid()";
      return {};
    });
    ASSERT_TRUE(ended.has_value());
    // pg_terminate_backend only signals: wait until the backends have gone.
    for (int wait = 0; wait < 500 && OtherBackends(**admin) > 0; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(OtherBackends(**admin), 0);

    // Plain statements, prepared ones and transactions all work again at once.
    for (int call = 0; call < 10; ++call) {
      ASSERT_TRUE(accounts.CountPersons().has_value()) << LastDatabaseFailure();
      Result<communities::Person> found = accounts.FindByApiToken("token-hash", kNow);
      ASSERT_TRUE(found.has_value()) << LastDatabaseFailure();
      EXPECT_EQ(found->id, id);
      person.id = id;
      person.name = "Mette " + std::to_string(call);
      ASSERT_TRUE(accounts.UpdatePerson(person).has_value()) << LastDatabaseFailure();
    }
    EXPECT_EQ(accounts.FindById(id)->person.name, "Mette 9");
  }
}

}  // namespace
}  // namespace andel::store
