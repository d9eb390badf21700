// HTTP tests of stored fund results: computed once on the compute pool when the vote closes and
// then read, never computed on a request; changed inputs and older rules make a stored result
// stale and it is computed anew; while a large imported fund is computed, visitors are told it
// is being computed and a health check answers; a full queue answers 503 with Retry-After.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <thread>

#include "http/fund_fixture.h"
#include "store/accounts/account_repository.h"
#include "store/funds/fund_repository.h"
#include "web/funds/results.h"
#include "web/responses.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class FundResultsTest : public FundServerTest {
 protected:
  store::FundRepository Funds() { return store::FundRepository(*database_.db); }
  std::optional<store::FundResultRow> Row(int64_t fund) {
    Result<std::optional<store::FundResultRow>> row = Funds().FindResult(fund);
    EXPECT_TRUE(row.has_value());
    return row ? *row : std::nullopt;
  }
  std::string ResultPath(int64_t fund) {
    return "/api/v1/communities/open-coop/funds/" + std::to_string(fund) + "/result";
  }
  // The fund of FundServerTest, with its project ids as text.
  int64_t VotingFund(std::vector<std::string>& projects) {
    std::vector<int64_t> ids;
    const int64_t fund = FundServerTest::VotingFund(ids);
    for (int64_t id : ids) projects.push_back(std::to_string(id));
    return fund;
  }
};

TEST_F(FundResultsTest, ComputedOnceWhenTheVoteClosesThenRead) {
  std::vector<std::string> p;
  const int64_t fund = VotingFund(p);
  const std::string base = "/funds/" + std::to_string(fund);
  const auto ballot = [&](const std::string& email, const std::string& ids) {
    return Api("PUT", base + "/ballot", R"({"projects":[)" + ids + "]}", email).status;
  };
  // The fund has its result row from the start; every ballot cast makes it stale.
  const int64_t before = Row(fund)->inputs_version;
  ASSERT_EQ(ballot(Accounts::kMember, p[1]), 200);
  EXPECT_EQ(Row(fund)->inputs_version, before + 1);
  ASSERT_EQ(ballot(Accounts::kMember, p[1] + "," + p[2]), 200);  // changed: stale again
  EXPECT_EQ(Row(fund)->inputs_version, before + 2);
  ASSERT_EQ(ballot(Accounts::kAdmin, p[0] + "," + p[2]), 200);
  ASSERT_EQ(ballot(Accounts::kBoard, p[0]), 200);
  EXPECT_FALSE(Row(fund)->computed_version.has_value());
  ASSERT_EQ(Api("POST", base + "/phase", R"({"phase":"result"})", Accounts::kBoard).status, 200);
  Settle();  // closing the vote queued the computation; nobody had to ask for the result
  std::optional<store::FundResultRow> stored = Row(fund);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->IsCurrent(web::kFundResultEngine));
  EXPECT_EQ(stored->computations, 1);
  EXPECT_TRUE(stored->claimed_by.empty());
  EXPECT_EQ(stored->fingerprint.size(), 64u);
  const uint64_t runs = Pool().completed();
  // Served from the stored row by the API and the page, in any language: computed once.
  HttpReply first = Client().Get(ResultPath(fund));
  ASSERT_EQ(first.status, 200) << first.body;
  json::object r = json::parse(first.body).as_object();
  EXPECT_EQ(r["status"].as_string(), "current");
  EXPECT_EQ(r["total_cost"].as_string(), "1000");
  EXPECT_EQ(r["selected"].as_array(), json::array({json::string(p[0]), json::string(p[2])}));
  EXPECT_EQ(r["voters"].as_int64(), 3);
  EXPECT_EQ(r["fingerprint"].as_string(), stored->fingerprint);
  EXPECT_EQ(r["computed_at"].as_int64(), stored->computed_at);
  for (int i = 0; i < 5; ++i) {
    HttpReply again = Client().Get(ResultPath(fund));
    ASSERT_EQ(again.status, 200);
    EXPECT_EQ(again.body, first.body);
  }
  HttpReply shown = Client().Get("/c/open-coop" + base + "?lang=da");
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(Contains(shown.body, "Finansieret i runde"));
  EXPECT_TRUE(Contains(shown.body, "<svg"));
  EXPECT_FALSE(Contains(shown.body, "bliver beregnet"));
  EXPECT_EQ(Row(fund)->computations, 1);
  EXPECT_EQ(Pool().completed(), runs);
}

TEST_F(FundResultsTest, AStaleResultIsShownAsBeingComputedAndComputedAnew) {
  std::vector<std::string> p;
  const int64_t fund = VotingFund(p);
  const std::string base = "/funds/" + std::to_string(fund);
  ASSERT_EQ(
      Api("PUT", base + "/ballot", R"({"projects":[)" + p[0] + "]}", Accounts::kMember).status,
      200);
  ASSERT_EQ(Api("POST", base + "/phase", R"({"phase":"result"})", Accounts::kBoard).status, 200);
  Settle();
  ASSERT_EQ(Row(fund)->computations, 1);
  // A result stored by older rules (an upgrade changed them) is stale: hold the pool so the
  // answer while it is being computed can be seen.
  PoolHold hold(Pool());
  const std::string owner = "test-server";
  store::FundResultValue old;
  old.inputs_version = Row(fund)->inputs_version;
  old.engine = web::kFundResultEngine - 1;
  old.outcome = Row(fund)->outcome;
  ASSERT_TRUE(Funds().StoreResult(fund, owner, old, now_).has_value());
  HttpReply pending = Client().Get(ResultPath(fund));
  EXPECT_EQ(pending.status, 202) << pending.body;
  EXPECT_EQ(pending.Header("retry-after"), std::to_string(web::kFundResultRetrySeconds));
  EXPECT_EQ(json::parse(pending.body).at("status").as_string(), "computing");
  HttpReply page = Client().Get("/c/open-coop" + base + "?lang=nl");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "De uitslag wordt berekend"));
  EXPECT_FALSE(page.Header("refresh").empty());
  EXPECT_EQ(Pool().waiting(), 1u);  // both asked; queued once
  hold.Release();
  Settle();
  std::optional<store::FundResultRow> fresh = Row(fund);
  EXPECT_TRUE(fresh->IsCurrent(web::kFundResultEngine));
  EXPECT_EQ(fresh->computations, 3);  // the first, the old rules' row, and the new one
  EXPECT_EQ(Client().Get(ResultPath(fund)).status, 200);
  // A result of older inputs than the stored one is never stored over it.
  store::FundResultValue older = old;
  older.inputs_version = fresh->inputs_version - 1;
  older.engine = web::kFundResultEngine;
  ASSERT_TRUE(Funds().StoreResult(fund, owner, older, now_).has_value());
  EXPECT_EQ(Row(fund)->computations, 3);
}

TEST_F(FundResultsTest, OneServerClaimsAComputationUntilItsLeaseLapses) {
  std::vector<std::string> p;
  const int64_t voting = VotingFund(p);
  store::FundRepository funds = Funds();
  // Not decided yet: nothing to compute.
  Result<std::optional<int64_t>> early = funds.ClaimResult(voting, "a", 1, now_, 60);
  ASSERT_TRUE(early.has_value());
  EXPECT_FALSE(*early);
  std::vector<std::string> q;
  const int64_t fund = VotingFund(q);
  ASSERT_EQ(Api("POST", "/funds/" + std::to_string(fund) + "/phase", R"({"phase":"result"})",
                Accounts::kBoard)
                .status,
            200);
  Settle();
  // Rules of a newer version (a second server already upgraded) find it stale; servers "a"
  // and "b" both want to compute it.
  const int engine = web::kFundResultEngine + 1;
  Result<std::optional<int64_t>> a = funds.ClaimResult(fund, "a", engine, now_, 60);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(*a);
  Result<std::optional<int64_t>> b = funds.ClaimResult(fund, "b", engine, now_ + 59, 60);
  ASSERT_TRUE(b.has_value());
  EXPECT_FALSE(*b);  // a holds it
  // a crashed: its lease lapses and b takes over.
  b = funds.ClaimResult(fund, "b", engine, now_ + 60, 60);
  ASSERT_TRUE(b.has_value());
  ASSERT_TRUE(*b);
  EXPECT_EQ(Row(fund)->claimed_by, "b");
  store::FundResultValue value;
  value.inputs_version = **b;
  value.engine = engine;
  value.outcome = Row(fund)->outcome;
  ASSERT_TRUE(funds.StoreResult(fund, "b", value, now_ + 61).has_value());
  EXPECT_TRUE(Row(fund)->claimed_by.empty());
  Result<std::optional<int64_t>> c = funds.ClaimResult(fund, "c", engine, now_ + 62, 60);
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(*c);  // current: nothing to compute
}

TEST_F(FundResultsTest, DecidedFundsWithoutAResultAreQueuedAtStartUp) {
  // The demo writes decided funds straight into the database, as did every version before
  // results were stored: nothing queued their results, so start-up does.
  std::vector<std::string> p;
  const int64_t fund = VotingFund(p);
  Result<store::Account> board =
      store::AccountRepository(*database_.db).FindByEmail(Accounts::kBoard);
  ASSERT_TRUE(board.has_value());
  ASSERT_TRUE(Funds().SetPhase(fund, funds::Phase::kResult, board->person.id, now_).has_value());
  Result<std::vector<int64_t>> stale = Funds().DecidedWithoutCurrentResult(web::kFundResultEngine);
  ASSERT_TRUE(stale.has_value());
  EXPECT_EQ(*stale, std::vector<int64_t>{fund});
  Result<size_t> queued = web::QueueStaleFundResults(app_->services());
  ASSERT_TRUE(queued.has_value());
  EXPECT_EQ(*queued, 1u);
  Settle();
  EXPECT_TRUE(Row(fund)->IsCurrent(web::kFundResultEngine));
  stale = Funds().DecidedWithoutCurrentResult(web::kFundResultEngine);
  EXPECT_TRUE(stale->empty());
  // Rules of a newer version would find it stale again.
  stale = Funds().DecidedWithoutCurrentResult(web::kFundResultEngine + 1);
  EXPECT_EQ(*stale, std::vector<int64_t>{fund});
  queued = web::QueueStaleFundResults(app_->services());
  EXPECT_EQ(*queued, 0u);  // current for this server's rules: nothing to do
}

TEST_F(FundResultsTest, AFullQueueAnswers503WithRetryAfter) {
  std::vector<std::string> p;
  const int64_t fund = VotingFund(p);
  PoolHold hold(Pool());
  ASSERT_EQ(Api("POST", "/funds/" + std::to_string(fund) + "/phase", R"({"phase":"result"})",
                Accounts::kBoard)
                .status,
            200);
  for (int i = 0; Pool().Submit("filler" + std::to_string(i), [] {}) != web::Submitted::kRejected;
       ++i) {
  }
  // The fund's own computation is queued already: asking again is no new work, so no refusal.
  EXPECT_EQ(Client().Get(ResultPath(fund)).status, 202);
  // A fund imported while the queue is full cannot be: the import itself waits on the pool.
  HttpReply busy =
      Client().Send("POST", "/api/v1/communities/open-coop/funds/import",
                    "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                    "a;10\nVOTES\nvoter_id;vote\n1;a\n",
                    Bearer(Accounts::kBoard));
  EXPECT_EQ(busy.status, 503) << busy.body;
  // One Retry-After, as on every 503.
  EXPECT_EQ(busy.Header("retry-after"), std::to_string(web::kRetryAfterSeconds));
  EXPECT_EQ(std::count_if(busy.headers.begin(), busy.headers.end(),
                          [](const auto& header) { return header.first == "retry-after"; }),
            1);
  hold.Release();
  Settle();
  EXPECT_EQ(Client().Get(ResultPath(fund)).status, 200);
}

// The largest real Pabulib file, imported into a fund: its result takes seconds. Eight clients
// ask for it at once and a health check comes in: the health check answers while the result is
// still being computed, and every client is told "being computed" rather than kept waiting.
TEST_F(FundResultsTest, AHealthCheckAnswersWhileALargeResultIsComputed) {
  const std::filesystem::path file =
      std::filesystem::path(ANDEL_SHARED_DATA_DIR) / "pabulib" / "Poland_Krakow_2024.pb";
  std::ifstream in(file);
  ASSERT_TRUE(in) << file;
  std::stringstream text;
  text << in.rdbuf();
  HttpReply imported =
      Client().Send("POST", "/api/v1/communities/open-coop/funds/import?title=Krakow", text.str(),
                    Bearer(Accounts::kBoard));
  ASSERT_EQ(imported.status, 201) << imported.body.substr(0, 300);
  const int64_t fund = json::parse(imported.body).at("id").as_int64();
  // The import queued the result's computation, which is running now.
  std::atomic<int> sequence{0}, computing_after_health{0}, other{0};
  std::atomic<int> health_at{-1};
  std::atomic<bool> done{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      HttpClient client = Client();
      const std::string page = "/c/open-coop/funds/" + std::to_string(fund);
      while (!done) {
        HttpReply reply = c % 2 ? client.Get(page) : client.Get(ResultPath(fund));
        const int at = ++sequence;
        const bool computing = reply.status == 202 || Contains(reply.body, "being computed");
        if (reply.status == 200 && !computing) {
          done = true;
        } else if (computing) {
          if (health_at >= 0 && at > health_at) ++computing_after_health;
        } else {
          ++other;
          done = true;
        }
      }
    });
  }
  while (sequence < 8) std::this_thread::yield();  // the clients are at it
  HttpReply health = Client().Get("/api/v1/health");
  health_at = ++sequence;
  EXPECT_EQ(health.status, 200) << health.body;
  // Still being computed after the health check answered: the clients said so afterwards.
  while (!done && computing_after_health == 0) std::this_thread::yield();
  const bool computing_then = computing_after_health > 0;
  for (std::thread& client : clients) client.join();
  EXPECT_TRUE(computing_then);
  EXPECT_EQ(other.load(), 0);
  Settle();
  std::optional<store::FundResultRow> stored = Row(fund);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->IsCurrent(web::kFundResultEngine));
  EXPECT_EQ(stored->computations, 1);  // eight clients asking many times: computed once
  HttpReply result = Client().Get(ResultPath(fund));
  ASSERT_EQ(result.status, 200);
  EXPECT_EQ(json::parse(result.body).at("voters").as_int64(), 65101);
}

}  // namespace
}  // namespace andel::testing
