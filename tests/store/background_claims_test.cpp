// Background work claims its rows, so it happens once however many servers run it: two
// Database pools on one database (two servers) send the "closing soon" reminders of a decision
// and close it at the same moment, round after round; every notification and audit entry is
// there once. The outbox relay's claims are in outbox_relay_test.cpp.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <latch>
#include <thread>

#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/decisions/decision_repository.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

constexpr int64_t kNow = 1790000000;
constexpr int kMembers = 20;
constexpr int kRounds = 12;

int64_t Count(Database& db, const std::string& query) {
  int64_t count = -1;
  Status status = db.Run([&](soci::session& sql) -> Status {
    sql << query, soci::into(count);
    return {};
  });
  EXPECT_TRUE(status.has_value()) << LastDatabaseFailure();
  return count;
}

// Runs `work(server)` for servers 0 and 1 at the same moment, each on its own thread.
template <typename Work>
void Race(Work work) {
  std::latch start(2);
  std::thread first([&] {
    start.arrive_and_wait();
    work(0);
  });
  std::thread second([&] {
    start.arrive_and_wait();
    work(1);
  });
  first.join();
  second.join();
}

TEST(BackgroundClaims, TwoServersRemindAndCloseEachDecisionOnce) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  Result<std::unique_ptr<Database>> other = Database::Open(t.url, 4);
  ASSERT_TRUE(other.has_value());
  Database* servers[2] = {t.db.get(), other->get()};

  AccountRepository accounts(*t.db);
  communities::Person founder;
  founder.email = "board@example.dk";
  founder.name = "Board";
  const int64_t founder_id = *accounts.CreatePerson(founder, "", kNow);
  CommunityRepository communities(*t.db);
  MembershipRepository memberships(*t.db);
  communities::Community community;
  community.slug = "twins";
  community.name = "Twins";
  const int64_t community_id = *communities.CreateCommunity(community, founder_id, "citizen", kNow);
  std::vector<communities::MemberRow> rows(kMembers);
  for (int i = 0; i < kMembers; ++i) {
    rows[i].email = "member" + std::to_string(i) + "@example.dk";
    rows[i].name = "Member " + std::to_string(i);
    rows[i].category = "citizen";
  }
  ASSERT_TRUE(memberships.ImportMembers(community_id, rows, kNow).has_value());
  const int64_t everyone = kMembers + 1;

  const CountFunction count = [](const decisions::Decision&,
                                 const std::vector<decisions::StoredBallot>&,
                                 int64_t) -> Result<std::string> { return std::string("counted"); };
  DecisionRepository board = DecisionRepository(*t.db).ActingAs(founder_id, kNow);
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(round);
    decisions::Proposal proposal;
    proposal.community_id = community_id;
    proposal.author_person_id = founder_id;
    proposal.title = "Round " + std::to_string(round);
    proposal.body = "Shall we?";
    const int64_t proposal_id = *board.CreateProposal(proposal);
    decisions::Decision decision;
    decision.proposal_id = proposal_id;
    decision.community_id = community_id;
    decision.opens_at = kNow - 100;
    decision.closes_at = kNow + 3600;  // within the reminder's 24 hours
    decision.created_by = founder_id;
    const int64_t decision_id = *board.CreateDecision(decision);

    int reminded[2] = {-1, -1};
    Race([&](int server) {
      Result<int> done = DecisionRepository(*servers[server]).RemindClosingSoon(kNow);
      EXPECT_TRUE(done.has_value()) << LastDatabaseFailure();
      reminded[server] = done ? *done : -1;
    });
    EXPECT_EQ(reminded[0] + reminded[1], 1);

    bool closed[2] = {false, false};
    Race([&](int server) {
      Result<bool> done =
          DecisionRepository(*servers[server]).ActingAs(0, kNow + 3600).Close(decision_id, count);
      EXPECT_TRUE(done.has_value()) << LastDatabaseFailure();
      closed[server] = done && *done;
    });
    EXPECT_NE(closed[0], closed[1]);  // one of them closed it

    const std::string of_proposal = " AND proposal_id = " + std::to_string(proposal_id);
    EXPECT_EQ(Count(*t.db, "SELECT COUNT(*) FROM notifications WHERE kind = 'decision.closing'" +
                               of_proposal),
              everyone);
    EXPECT_EQ(Count(*t.db, "SELECT COUNT(*) FROM notifications WHERE kind = 'decision.result'" +
                               of_proposal),
              everyone);
    EXPECT_EQ(Count(*t.db,
                    "SELECT COUNT(*) FROM notifications WHERE kind = 'proposal.new'" + of_proposal),
              kMembers);
  }
  EXPECT_EQ(Count(*t.db,
                  "SELECT COUNT(*) FROM (SELECT person_id, kind, proposal_id FROM notifications "
                  "GROUP BY person_id, kind, proposal_id HAVING COUNT(*) > 1) doubled"),
            0);
  EXPECT_EQ(Count(*t.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'decision.closed'"),
            kRounds);
  EXPECT_EQ(Count(*t.db, "SELECT COUNT(*) FROM audit_log WHERE action = 'decision.result'"),
            kRounds);
}

}  // namespace
}  // namespace andel::store
