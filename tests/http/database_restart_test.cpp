// PostgreSQL stopped and started again under a load of ballots cast through the API: while it
// is down every request gets 503 with Retry-After and the health check says the database is
// unavailable; once it is back, service resumes within 2 s without restarting Andel, and every
// acknowledged ballot is in the database exactly once. PostgreSQL only, on a cluster of its own
// (scripts/test-postgres), so that the cluster the other tests share keeps running.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "http/server_fixture.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/decisions/decision_repository.h"
#include "web/security.h"

namespace andel::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kVoters = 48;
constexpr int kClients = 8;
constexpr const char* kChoices[] = {"yes", "no", "abstain"};

bool RunTestPostgres(const std::string& action, const std::string& state) {
  const std::string command = "'" + std::string(ANDEL_SOURCE_DIR) + "/scripts/test-postgres' " +
                              action + " '" + state + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

// Waits (polling) until `done` holds or `limit` has passed; returns whether it holds.
template <typename Condition>
bool WaitFor(Condition done, milliseconds limit) {
  const Clock::time_point end = Clock::now() + limit;
  while (!done()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return true;
}

class DatabaseRestartTest : public ServerTest {
 protected:
  void SetUp() override {
    if (DatabaseKind() != "postgresql") GTEST_SKIP() << "PostgreSQL only";
    const char* shared = std::getenv("ANDEL_TEST_PG_STATE");
    ASSERT_NE(shared, nullptr);
    const std::string shared_state = shared;
    state_ = shared_state + "-restart";
    ASSERT_TRUE(RunTestPostgres("start", state_));
    started_ = true;
    setenv("ANDEL_TEST_PG_STATE", state_.c_str(), 1);
    ServerTest::SetUp();
    setenv("ANDEL_TEST_PG_STATE", shared_state.c_str(), 1);
  }
  void TearDown() override {
    ServerTest::TearDown();
    server_.reset();
    app_.reset();
    database_.db.reset();
    if (started_) RunTestPostgres("stop", state_);
  }

  std::string state_;
  bool started_ = false;
};

TEST_F(DatabaseRestartTest, BallotsSurviveARestartAndServiceResumes) {
  store::Database& db = *database_.db;
  store::CommunityRepository communities(db);
  store::MembershipRepository memberships(db);
  const communities::Community coop = *communities.FindBySlug("open-coop");
  std::vector<communities::MemberRow> rows(kVoters);
  for (int i = 0; i < kVoters; ++i) {
    rows[i].email = "voter" + std::to_string(i) + "@test.dk";
    rows[i].name = "Voter " + std::to_string(i);
    rows[i].category = "citizen";
  }
  // Members since before the vote opens, so that they are on its roll.
  ASSERT_TRUE(memberships.ImportMembers(coop.id, rows, now_ - 3600).has_value());
  store::AccountRepository accounts(db);
  std::vector<int64_t> voter_ids(kVoters);
  std::vector<std::string> tokens(kVoters);
  for (int i = 0; i < kVoters; ++i) {
    voter_ids[i] = accounts.FindByEmail(rows[i].email)->person.id;
    ASSERT_TRUE(accounts.MarkVerified(voter_ids[i], now_).has_value());
    tokens[i] = web::RandomToken();
    ASSERT_TRUE(
        accounts.CreateApiToken(voter_ids[i], "load", web::HashToken(tokens[i]), now_, now_ + 86400)
            .has_value());
  }
  const int64_t board = accounts.FindByEmail(Accounts::kBoard)->person.id;
  store::DecisionRepository decisions = store::DecisionRepository(db).ActingAs(board, now_);
  decisions::Proposal proposal;
  proposal.community_id = coop.id;
  proposal.author_person_id = board;
  proposal.title = "Keep the lights on";
  proposal.body = "While the database restarts.";
  decisions::Decision decision;
  decision.proposal_id = *decisions.CreateProposal(proposal);
  decision.community_id = coop.id;
  decision.opens_at = now_ - 60;
  decision.closes_at = now_ + 7 * 86400;
  decision.created_by = board;
  const int64_t decision_id = *decisions.CreateDecision(decision);
  const std::string target = "/api/v1/decisions/" + std::to_string(decision_id) + "/ballots";
  const auto cast = [&](HttpClient& http, int voter, const std::string& choice) {
    return http.Send(
        "POST", target, R"({"choice":")" + choice + "\"}",
        {{"authorization", "Bearer " + tokens[voter]}, {"content-type", "application/json"}});
  };

  // The load: each client casts for its voters, round after round, each cast again until it is
  // acknowledged (after a 503, as Retry-After asks, though sooner); it stops only between
  // rounds, so every voter's last cast was acknowledged.
  std::mutex mutex;
  std::map<int, std::string> acknowledged;  // voter -> the choice last acknowledged
  std::map<int, std::string> receipts;      // voter -> the receipt of the first
  std::vector<std::string> unexpected;
  std::atomic<int> acks{0}, unavailable{0}, without_retry_after{0};
  std::atomic<bool> stop{false};
  const auto client = [&](int index) {
    HttpClient http = Client();
    for (int round = 0; !stop.load(); ++round) {
      for (int voter = index; voter < kVoters; voter += kClients) {
        const std::string choice = kChoices[(voter + round) % 3];
        const Clock::time_point give_up = Clock::now() + std::chrono::seconds(30);
        for (;;) {
          HttpReply reply = cast(http, voter, choice);
          if (reply.status == 200 || reply.status == 201) {
            std::lock_guard lock(mutex);
            const size_t at = reply.body.find("\"receipt\":\"");
            if (at == std::string::npos) {
              unexpected.push_back("no receipt: " + reply.body.substr(0, 200));
              stop = true;
              return;
            }
            const size_t start = at + 11;
            receipts.emplace(voter, reply.body.substr(start, reply.body.find('"', start) - start));
            acknowledged[voter] = choice;
            ++acks;
            break;
          }
          if (reply.status == 503 && Clock::now() < give_up) {
            ++unavailable;
            if (reply.Header("retry-after").empty()) ++without_retry_after;
            std::this_thread::sleep_for(milliseconds(50));
            continue;
          }
          std::lock_guard lock(mutex);
          unexpected.push_back(std::to_string(reply.status) + " " + reply.body.substr(0, 200));
          stop = true;
          return;
        }
      }
    }
  };
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) clients.emplace_back(client, i);
  const auto finish = [&] {
    stop = true;
    for (std::thread& t : clients) t.join();
  };
  if (!WaitFor([&] { return acks.load() >= kVoters; }, milliseconds(60000))) {
    finish();
    FAIL() << "the load did not start";
  }

  ASSERT_TRUE(RunTestPostgres("pause", state_)) << "could not stop the cluster";
  HttpReply health = Client().Get("/api/v1/health");
  EXPECT_EQ(health.status, 503);
  EXPECT_EQ(health.Header("retry-after"), "1");
  EXPECT_NE(health.body.find(R"("database":"unavailable")"), std::string::npos) << health.body;
  HttpClient voter = Client();
  HttpReply refused = cast(voter, 0, "yes");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.Header("retry-after"), "1");
  HttpReply page = Client().Get("/c/open-coop");
  EXPECT_EQ(page.status, 503);
  EXPECT_EQ(page.Header("retry-after"), "1");

  ASSERT_TRUE(RunTestPostgres("resume", state_)) << "could not start the cluster again";
  const Clock::time_point back = Clock::now();
  const bool resumed =
      WaitFor([&] { return Client().Get("/api/v1/health").status == 200; }, milliseconds(10000));
  const auto resume_ms = std::chrono::duration_cast<milliseconds>(Clock::now() - back).count();
  RecordProperty("resume_ms", std::to_string(resume_ms));
  std::printf("service resumed %lld ms after the cluster was back\n",
              static_cast<long long>(resume_ms));
  if (!resumed) {
    finish();
    FAIL() << "service did not resume within 10 s of the database's return";
  }
  EXPECT_LE(resume_ms, 2000);
  const int before = acks.load();
  const bool continued =
      WaitFor([&] { return acks.load() >= before + kVoters; }, milliseconds(30000));
  finish();
  EXPECT_TRUE(continued) << "ballots are not acknowledged again after the restart";
  EXPECT_TRUE(unexpected.empty()) << unexpected.front();
  EXPECT_GT(unavailable.load(), 0) << "no cast met the outage";
  EXPECT_EQ(without_retry_after.load(), 0);

  // Every acknowledged ballot is there, once, as last acknowledged, with its first receipt.
  std::map<int64_t, std::vector<std::pair<std::string, std::string>>> stored;
  int64_t voters_rows = 0;
  Status read = db.Run([&](soci::session& sql) -> Status {
    int64_t person_id = 0;
    std::string content, receipt;
    soci::statement select =
        (sql.prepare << "SELECT person_id, content, receipt FROM ballots WHERE decision_id = :d",
         soci::use(decision_id), soci::into(person_id), soci::into(content), soci::into(receipt));
    select.execute();
    while (select.fetch()) stored[person_id].emplace_back(content, receipt);
    sql << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d", soci::use(decision_id),
        soci::into(voters_rows);
    return {};
  });
  ASSERT_TRUE(read.has_value()) << store::LastDatabaseFailure();
  EXPECT_EQ(stored.size(), acknowledged.size());
  EXPECT_EQ(voters_rows, static_cast<int64_t>(acknowledged.size()));
  EXPECT_EQ(static_cast<int>(acknowledged.size()), kVoters);
  for (const auto& [voter, choice] : acknowledged) {
    SCOPED_TRACE(voter);
    const auto& ballots = stored[voter_ids[voter]];
    ASSERT_EQ(ballots.size(), 1u);
    EXPECT_EQ(ballots[0].first, choice);
    EXPECT_EQ(ballots[0].second, receipts[voter]);
  }
}

}  // namespace
}  // namespace andel::testing
