// The audit log on SQLite and PostgreSQL: changes append entries in their own transaction,
// the chain verifies, and any edit of an entry is found.
#include "store/audit_log.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

TEST(AuditLog, ChangesAreRecordedWithTheirActorAndTheChainVerifies) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  communities::Person person;
  person.email = "board@example.dk";
  person.name = "Board";
  const int64_t board = *accounts.CreatePerson(person, "", 100);
  CommunityRepository repo(*t.db);
  communities::Community community;
  community.slug = "audited";
  community.name = "Audited";
  const int64_t id = *repo.ActingAs(board, 1000).CreateCommunity(community, board, "citizen", 1000);
  communities::Statutes statutes;
  statutes.quorum_percent = 25;
  ASSERT_TRUE(repo.ActingAs(board, 2000).SaveStatutes(id, statutes).has_value());
  // A failed change leaves no entry.
  EXPECT_FALSE(repo.ActingAs(board, 3000).DeleteCategory(id, 999999).has_value());

  AuditLog audit(*t.db);
  Result<std::vector<AuditRecord>> records = audit.ListForCommunity(id, 0, 10);
  ASSERT_TRUE(records.has_value());
  ASSERT_EQ(records->size(), 4u);  // newest first
  EXPECT_EQ(records->at(0).entry.action, "statutes.changed");
  EXPECT_EQ(
      records->at(0).entry.details,
      "quorum=25% simple=1/2 qualified=2/3 weight=one_member_one_vote min_days=0 min_shares=0");
  EXPECT_EQ(records->at(0).actor_name, "Board");
  EXPECT_EQ(records->at(0).at, 2000);
  EXPECT_EQ(records->at(3).entry.action, "member.added");  // the founder, then the creation
  EXPECT_EQ(records->at(0).previous_hash, records->at(1).hash);
  Result<AuditCheck> check = audit.Verify();
  ASSERT_TRUE(check.has_value());
  EXPECT_EQ(check->entries, 4);
  EXPECT_FALSE(check->first_broken_seq.has_value());

  // Editing an entry behind the application's back breaks the chain from there.
  ASSERT_TRUE(
      t.db->Execute("UPDATE audit_log SET details = 'quorum=1%' WHERE seq = 4").has_value());
  check = audit.Verify();
  ASSERT_TRUE(check.has_value());
  EXPECT_EQ(check->first_broken_seq, 4);
}

TEST(AuditLog, ConcurrentChangesKeepOneUnbrokenChain) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  CommunityRepository repo(*t.db);
  communities::Community community;
  community.slug = "busy";
  community.name = "Busy";
  const int64_t id = *repo.CreateCommunity(community, 0, "citizen", 1);
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 10; ++i) {
        communities::Statutes statutes;
        statutes.quorum_percent = w * 10 + i;
        if (!repo.SaveStatutes(id, statutes)) ++failures;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  Result<AuditCheck> check = AuditLog(*t.db).Verify();
  ASSERT_TRUE(check.has_value());
  EXPECT_EQ(check->entries, 2 + 40);
  EXPECT_FALSE(check->first_broken_seq.has_value());
}

}  // namespace
}  // namespace andel::store
