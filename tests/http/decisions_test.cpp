// HTTP tests of proposals and decisions: the discussion, every rule of casting (one ballot per
// member, enforced by the database even for simultaneous submissions; 409 after the close; 403
// for a non-member), secret ballots stored apart from their voters, results, export, the audit
// log and notifications.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>
#include <thread>

#include "http/decision_fixture.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/decisions/decision_repository.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

TEST_F(DecisionTest, DiscussionAmendmentAndSafeMarkdown) {
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply created = member.PostForm(
      "/c/open-coop/proposals", "/c/open-coop/proposals",
      "title=Shared+tools&body=" +
          FormEncode("A **tool library**.\n\n<script>alert(1)</script> [x](javascript:alert(1))"));
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string path =
      created.Header("location").substr(0, created.Header("location").find('?'));
  HttpReply page = member.Get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<strong>tool library</strong>"));
  EXPECT_FALSE(Contains(page.body, "<script>alert"));
  EXPECT_FALSE(Contains(page.body, "href=\"javascript"));
  // A comment and a reply.
  ASSERT_EQ(
      member.PostForm(path, path + "/comments", "body=" + FormEncode("Where do we keep them?"))
          .status,
      303);
  const std::string comment_id = [&] {
    const std::string body = member.Get(path).body;
    const size_t at = body.find("id=\"comment-");
    return body.substr(at + 12, body.find('"', at + 12) - at - 12);
  }();
  HttpClient board = SignedIn(Accounts::kBoard);
  ASSERT_EQ(board
                .PostForm(path, path + "/comments",
                          "parent=" + comment_id + "&body=" + FormEncode("In the basement."))
                .status,
            303);
  EXPECT_TRUE(Contains(member.Get(path).body, "In the basement."));
  // An empty comment is refused with the reason, on the page.
  HttpReply empty = member.PostForm(path, path + "/comments", "body=+");
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(Contains(empty.body, "Please write something"));
  // An amendment, accepted by the board: the text changes.
  ASSERT_EQ(board
                .PostForm(path, path + "/amendments",
                          "body=" + FormEncode("A *tool library* with a repair café.") +
                              "&reason=" + FormEncode("Repairs are popular."))
                .status,
            303);
  HttpReply outsider = SignedIn(Accounts::kOutsider)
                           .PostForm("/c/open-coop", path + "/amendments/1", "choice=accept");
  EXPECT_EQ(outsider.status, 403);
  ASSERT_EQ(member.PostForm(path, path + "/amendments/1", "choice=accept").status, 303);
  EXPECT_TRUE(Contains(member.Get(path).body, "with a repair café"));
  EXPECT_EQ(member.PostForm(path, path + "/amendments/1", "choice=reject").status, 409);
}

TEST_F(DecisionTest, MotionByApiFromVoteToVerifiedExport) {
  const int64_t id =
      Decision(R"({"method":"motion","quorum":50,"closes_at":)" + Closes(3600) + "}");
  // Results are hidden until the close.
  EXPECT_EQ(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/results").status, 409);
  HttpReply first = Cast(id, R"({"choice":"yes"})", Accounts::kMember);
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string receipt(Json(first)["receipt"].as_string());
  // A member may change the vote until the close; the receipt stays.
  HttpReply again = Cast(id, R"({"choice":"no"})", Accounts::kMember);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again)["receipt"].as_string(), receipt);
  EXPECT_TRUE(Json(again)["changed"].as_bool());
  ASSERT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kBoard).status, 201);
  ASSERT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kAdmin).status, 201);
  HttpReply mine = Client().Get("/api/v1/decisions/" + std::to_string(id) + "/ballots/mine",
                                Bearer(Accounts::kMember));
  EXPECT_EQ(Json(mine)["ballot"].as_object().at("choice").as_string(), "no");
  EXPECT_EQ(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/export").status, 409);
  now_ += 3601;
  // After the close: 409, and the result with its arithmetic.
  EXPECT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kMember).status, 409);
  json::object results = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/results"));
  EXPECT_EQ(results["yes"].as_int64(), 2);
  EXPECT_EQ(results["no"].as_int64(), 1);
  EXPECT_EQ(results["eligible"].as_int64(), 3);
  EXPECT_TRUE(results["quorum_met"].as_bool());
  EXPECT_TRUE(results["passed"].as_bool());
  json::object exported = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/export"));
  EXPECT_EQ(exported["format"].as_string(), "andel-decision-export/1");
  EXPECT_EQ(exported["ballots"].as_array().size(), 3u);
  EXPECT_EQ(exported["receipts"].as_array().size(), 3u);
  EXPECT_TRUE(exported["result"].as_object().at("passed").as_bool());
  // The page shows the quorum and threshold arithmetic, and the minutes print.
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  HttpReply page = Client().Get(base + "/results");
  EXPECT_TRUE(Contains(page.body, "3 of 3 took part"));
  EXPECT_TRUE(Contains(page.body, "The proposal passed."));
  HttpReply minutes = Client().Get(base + "/minutes");
  EXPECT_EQ(minutes.status, 200);
  EXPECT_TRUE(Contains(minutes.body, "member@test.dk"));  // an open ballot names its voters
}

TEST_F(DecisionTest, NonMembersMayNotVote) {
  const int64_t id = Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");
  EXPECT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kOutsider).status, 403);
  EXPECT_EQ(Client()
                .Post("/api/v1/decisions/" + std::to_string(id) + "/ballots", R"({"choice":"yes"})",
                      "application/json")
                .status,
            401);
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  EXPECT_EQ(outsider.PostForm(base, base + "/vote", "choice=yes").status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM decision_voters"), 0);
  // Members only may propose; the board only may open a vote.
  EXPECT_EQ(outsider.PostForm("/c/open-coop/proposals", "/c/open-coop/proposals", "title=X&body=Y")
                .status,
            403);
  EXPECT_EQ(
      Client()
          .Send(
              "POST",
              "/api/v1/communities/open-coop/proposals/" + std::to_string(proposal_) + "/decision",
              R"({"method":"motion","closes_at":)" + Closes(60) + "}", Bearer(Accounts::kMember))
          .status,
      403);
}

TEST_F(DecisionTest, SimultaneousSubmissionsGiveOneBallot) {
  for (const bool secret : {false, true}) {
    const int64_t id =
        Decision(std::string(R"({"method":"motion","secret":)") + (secret ? "true" : "false") +
                 R"(,"closes_at":)" + Closes(3600) + "}");
    const auto headers = Bearer(Accounts::kMember);
    std::vector<int> statuses(16);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < statuses.size(); ++i) {
      threads.emplace_back([&, i] {
        statuses[i] = Client()
                          .Send("POST", "/api/v1/decisions/" + std::to_string(id) + "/ballots",
                                R"({"choice":"yes"})", headers)
                          .status;
      });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
    // The rest change the open ballot, or are refused for want of the secret ballot's key.
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), secret ? 409 : 200), 15);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM ballots WHERE decision_id = " + std::to_string(id)), 1);
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM decision_voters WHERE decision_id = " + std::to_string(id)), 1);
  }
}

TEST_F(DecisionTest, SecretBallotsAreStoredApartFromTheirVoters) {
  const int64_t id = Decision(
      R"({"method":"approval","options":["Red","Green","Blue"],"secret":true,"closes_at":)" +
      Closes(3600) + "}");
  HttpReply cast = Cast(id, R"({"approved":[1,3]})", Accounts::kMember);
  ASSERT_EQ(cast.status, 201) << cast.body;
  json::object answer = Json(cast);
  const std::string receipt(answer["receipt"].as_string());
  const std::string key(answer["key"].as_string());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ballots WHERE person_id IS NULL"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM decision_voters"), 1);
  // The voter's own view has no ballot; the public list is withheld until the close, but the
  // voter finds their receipt.
  EXPECT_FALSE(Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/ballots/mine",
                                 Bearer(Accounts::kMember)))
                   .contains("ballot"));
  EXPECT_FALSE(Contains(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/receipts").body,
                        receipt));
  EXPECT_TRUE(Json(Client().Get("/api/v1/decisions/" + std::to_string(id) +
                                "/receipts?receipt=" + receipt))["found"]
                  .as_bool());
  // Changing it needs the key.
  EXPECT_EQ(Cast(id, R"({"approved":[2]})", Accounts::kMember).status, 409);
  EXPECT_EQ(Cast(id, R"({"approved":[2],"key":"WRONG-KEY"})", Accounts::kMember).status, 400);
  HttpReply changed = Cast(id, R"({"approved":[2],"key":")" + key + "\"}", Accounts::kMember);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(Json(changed)["receipt"].as_string(), receipt);
  now_ += 3601;
  json::object results = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/results"));
  EXPECT_EQ(results["winners"].as_array(), json::array({2}));
  EXPECT_TRUE(Contains(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/receipts").body,
                       receipt));
}

TEST_F(DecisionTest, RankedBallotFromTheFormWithoutJavaScript) {
  const int64_t id = Decision(
      R"({"method":"schulze","options":["Alpha","Beta","Gamma"],"live_results":true,"closes_at":)" +
      Closes(3600) + "}");
  (void)id;
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  HttpReply page = member.Get(base);
  EXPECT_TRUE(Contains(page.body, "name=\"rank_2\""));
  HttpReply cast = member.PostForm(base, base + "/vote", "rank_1=2&rank_2=1&rank_3=");
  ASSERT_EQ(cast.status, 303) << cast.body;
  ASSERT_EQ(cast.Header("location"), base + "/vote");
  EXPECT_TRUE(Contains(member.Get(base + "/vote").body, "1. Beta · 2. Alpha"));
  EXPECT_TRUE(Contains(member.Get(base).body, "1. Beta · 2. Alpha"));
  // Live results: the pairwise matrix is on the results page.
  HttpReply results = member.Get(base + "/results");
  EXPECT_TRUE(Contains(results.body, "class=\"matrix\""));
  EXPECT_TRUE(Contains(results.body, "Leading now"));
  // A rank out of range is explained.
  HttpReply bad = member.PostForm(base, base + "/vote", "rank_1=9");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "A rank must be a number from 1 to the number of options"));
}

TEST_F(DecisionTest, EveryKindOfBallotFromThePageForm) {
  struct Case {
    const char* decision;
    const char* form;
    const char* shown;
  };
  const Case cases[] = {
      {R"({"method":"motion")", "choice=no", "No"},
      {R"({"method":"consent")", "choice=object&reason=Not+on+Tuesdays",
       "Objection: Not on Tuesdays"},
      {R"({"method":"approval","options":["Red","Green","Blue"])", "approve=1&approve=3",
       "Red, Blue"},
      {R"({"method":"score","max_score":3,"options":["Red","Green"])", "score_1=3&score_2=1",
       "Red: 3 · Green: 1"},
      {R"({"method":"stv","seats":1,"options":["Ann","Bo","Cy"])", "rank_1=1&rank_2=1&rank_3=2",
       "1. Ann = Bo · 2. Cy"},
  };
  HttpClient member = SignedIn(Accounts::kMember);
  for (const Case& c : cases) {
    Decision(std::string(c.decision) + R"(,"closes_at":)" + Closes(3600) + "}");
    const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
    HttpReply cast = member.PostForm(base, base + "/vote", c.form);
    ASSERT_EQ(cast.status, 303) << c.decision << ": " << cast.body.substr(0, 300);
    EXPECT_TRUE(Contains(member.Get(cast.Header("location")).body, c.shown)) << c.decision;
  }
  // A consent objection without its reason, and a motion without a choice, are explained.
  const std::string last = "/c/open-coop/proposals/" + std::to_string(proposal_ - 3);
  HttpReply bare = member.PostForm(last, last + "/vote", "choice=object&reason=");
  EXPECT_EQ(bare.status, 400);
  EXPECT_TRUE(Contains(bare.body, "An objection must give its reason"));
}

TEST_F(DecisionTest, BadDecisionsAndBallotsAreExplained) {
  HttpClient client = Client();
  HttpReply created = client.Send("POST", "/api/v1/communities/open-coop/proposals",
                                  R"({"title":"T","body":"B"})", Bearer(Accounts::kMember));
  const std::string decision_path = "/api/v1/communities/open-coop/proposals/" +
                                    std::to_string(Json(created)["id"].as_int64()) + "/decision";
  const auto open = [&](const std::string& body) {
    return client.Send("POST", decision_path, body, Bearer(Accounts::kBoard));
  };
  EXPECT_EQ(open(R"({"method":"dictator","closes_at":)" + Closes(60) + "}").status, 400);
  EXPECT_EQ(open(R"({"method":"irv","options":["Only"],"closes_at":)" + Closes(60) + "}").status,
            400);
  EXPECT_EQ(open(R"({"method":"motion","closes_at":)" + Closes(-60) + "}").status, 400);
  EXPECT_EQ(
      open(R"({"method":"stv","seats":3,"options":["A","B","C"],"closes_at":)" + Closes(60) + "}")
          .status,
      400);
  EXPECT_EQ(open("{not json").status, 400);
  HttpReply ok = open(R"({"method":"irv","options":["A","B"],"closes_at":)" + Closes(60) + "}");
  ASSERT_EQ(ok.status, 201);
  EXPECT_EQ(open(R"({"method":"irv","options":["A","B"],"closes_at":)" + Closes(60) + "}").status,
            409);
  const int64_t id = Json(ok)["id"].as_int64();
  EXPECT_EQ(Cast(id, R"({"ranking":[[7]]})", Accounts::kMember).status, 400);
  EXPECT_EQ(Cast(id, R"({"ranking":[[1],[1]]})", Accounts::kMember).status, 400);
  EXPECT_EQ(Cast(id, R"({"ranking":"1 2"})", Accounts::kMember).status, 400);
  EXPECT_EQ(Cast(id, "[]", Accounts::kMember).status, 400);
  EXPECT_EQ(Client().Get("/api/v1/decisions/999999").status, 404);
  EXPECT_EQ(Client().Get("/api/v1/decisions/abc").status, 404);
  EXPECT_EQ(Client().Get("/c/open-coop/proposals/999999").status, 404);
  EXPECT_EQ(Client().Get("/c/open-coop/proposals/x/results").status, 404);
  // A consent objection needs its reason.
  HttpReply consent_proposal =
      client.Send("POST", "/api/v1/communities/open-coop/proposals", R"({"title":"C","body":"B"})",
                  Bearer(Accounts::kMember));
  HttpReply consent = client.Send(
      "POST",
      "/api/v1/communities/open-coop/proposals/" +
          std::to_string(Json(consent_proposal)["id"].as_int64()) + "/decision",
      R"({"method":"consent","closes_at":)" + Closes(60) + "}", Bearer(Accounts::kBoard));
  const int64_t consent_id = Json(consent)["id"].as_int64();
  EXPECT_EQ(Cast(consent_id, R"({"objection":"  "})", Accounts::kMember).status, 400);
  EXPECT_EQ(
      Cast(consent_id, R"({"objection":"Too late in the evening."})", Accounts::kMember).status,
      201);
}

TEST_F(DecisionTest, AuditLogAndNotifications) {
  const int64_t id = Decision(R"({"method":"motion","closes_at":)" + Closes(48 * 3600) + "}");
  // The board member was told of the new proposal.
  json::object notes = Json(Client().Get("/api/v1/notifications", Bearer(Accounts::kBoard)));
  ASSERT_FALSE(notes["items"].as_array().empty());
  EXPECT_EQ(notes["items"].as_array()[0].as_object().at("kind").as_string(), "proposal.new");
  ASSERT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kBoard).status, 201);
  // Closing within 24 hours: members who have not voted are reminded (once).
  now_ += 30 * 3600;
  HttpReply member_notes = Client().Get("/api/v1/notifications", Bearer(Accounts::kMember));
  EXPECT_TRUE(Contains(member_notes.body, "decision.closing"));
  EXPECT_FALSE(Contains(Client().Get("/api/v1/notifications", Bearer(Accounts::kBoard)).body,
                        "decision.closing"));
  now_ += 18 * 3600 + 1;
  EXPECT_TRUE(Contains(Client().Get("/api/v1/notifications", Bearer(Accounts::kMember)).body,
                       "decision.result"));
  HttpClient member = SignedIn(Accounts::kMember);
  EXPECT_TRUE(Contains(member.Get("/notifications").body, "The result is in"));
  EXPECT_EQ(member.PostForm("/notifications", "/notifications/read", "").status, 303);
  EXPECT_FALSE(Contains(member.Get("/").body, "class=\"count\""));
  // Every decision-relevant action is in the chain, without the vote's content.
  HttpReply audit =
      Client().Get("/api/v1/communities/open-coop/audit?per_page=50", Bearer(Accounts::kBoard));
  for (const char* action :
       {"decision.opened", "vote.cast", "decision.closed", "decision.result"}) {
    EXPECT_TRUE(Contains(audit.body, action)) << action;
  }
  EXPECT_FALSE(Contains(audit.body, "\"details\":\"yes\""));
  store::AuditLog log(*database_.db);
  Result<store::AuditCheck> check = log.Verify();
  ASSERT_TRUE(check.has_value());
  EXPECT_FALSE(check->first_broken_seq.has_value());
}

// Issue 14, point 3: who may vote is fixed when the vote opens. A later joiner follows it but does
// not vote, the quorum is measured against the roll, and the roll is in the export.
TEST_F(DecisionTest, TheVoterRollIsFixedWhenTheVoteOpens) {
  const int64_t id =
      Decision(R"({"method":"motion","quorum":50,"closes_at":)" + Closes(3600) + "}");
  ASSERT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kMember).status, 201);
  // The outsider joins after the opening: a member now, but not on the roll.
  now_ += 60;
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  store::CommunityRepository communities(*database_.db);
  const int64_t category =
      communities.ListCategories(communities.FindBySlug("open-coop")->id)->at(0).id;
  ASSERT_EQ(
      outsider.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + std::to_string(category))
          .status,
      303);
  HttpReply refused = Cast(id, R"({"choice":"no"})", Accounts::kOutsider);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "voter roll"));
  const std::string proposal = "/c/open-coop/proposals/" + std::to_string(proposal_);
  EXPECT_TRUE(Contains(outsider.Get(proposal).body, "you can follow the vote, but not vote"));
  EXPECT_TRUE(Contains(SignedIn(Accounts::kMember).Get(proposal).body, "voter roll"));
  now_ += 3600;
  json::object results = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/results"));
  EXPECT_EQ(results["eligible"].as_int64(), 3);           // the roll, not the four members of today
  EXPECT_TRUE(results["quorum_met"].as_bool() == false);  // 1 of 3 is not half
  json::object exported = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/export"));
  const json::object& roll = exported["roll"].as_object();
  EXPECT_EQ(roll.at("size").as_int64(), 3);
  EXPECT_EQ(roll.at("weight").as_int64(), 3);
  EXPECT_EQ(roll.at("codes").as_array().size(), 3u);
  EXPECT_EQ(roll.at("voted").as_array().size(), 1u);
}

// Issue 14, point 3: the statutes may ask a time of membership before one votes.
TEST_F(DecisionTest, TheStatutesMayAskForATimeOfMembership) {
  HttpClient admin = SignedIn(Accounts::kAdmin);
  ASSERT_EQ(admin
                .PostForm("/c/open-coop/admin", "/c/open-coop/admin/statutes",
                          "quorum_percent=0&simple_majority=1/2&qualified_majority=2/3"
                          "&vote_weight=one_member_one_vote&voting_min_days=30")
                .status,
            303);
  const int64_t id = Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");
  // The founding admin joined today; the imported members have no date and count as joined.
  EXPECT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kAdmin).status, 403);
  EXPECT_EQ(Cast(id, R"({"choice":"yes"})", Accounts::kMember).status, 201);
  now_ += 3601;
  json::object results = Json(Client().Get("/api/v1/decisions/" + std::to_string(id) + "/results"));
  EXPECT_EQ(results["eligible"].as_int64(), 2);
}

// Issue 14, point 8: the board tried to link secret ballots to voters by watching, after each
// vote, the receipts, the audit log and the results. Now nothing it can see changes from one
// vote to the next, so it links no ballot better than chance; who voted is published, in
// alphabetical order, at the close.
TEST_F(DecisionTest, TheBoardCannotLinkSecretBallotsToVoters) {
  // Four voters: add a fourth member.
  AddAccount("fourth@test.dk");
  AddMember("fourth@test.dk");
  // Live results are refused for a secret vote.
  HttpReply live = Client().Send("POST", "/api/v1/communities/open-coop/proposals",
                                 R"({"title":"Live","body":"x"})", Bearer(Accounts::kMember));
  ASSERT_EQ(live.status, 201);
  HttpReply refused = Client().Send(
      "POST",
      "/api/v1/communities/open-coop/proposals/" + std::to_string(Json(live)["id"].as_int64()) +
          "/decision",
      R"({"method":"motion","secret":true,"live_results":true,"closes_at":)" + Closes(3600) + "}",
      Bearer(Accounts::kBoard));
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Contains(refused.body, "live_results"));

  const int64_t id =
      Decision(R"({"method":"motion","secret":true,"closes_at":)" + Closes(3600) + "}");
  const std::string decision = "/api/v1/decisions/" + std::to_string(id);
  const std::string page = "/c/open-coop/proposals/" + std::to_string(proposal_);
  const auto board = Bearer(Accounts::kBoard);
  HttpClient board_browser = SignedIn(Accounts::kBoard);
  // Everything the board can read that could move with a vote.
  const auto observe = [&]() {
    return Client().Get(decision + "/receipts", board).body + "|" +
           Client().Get(decision + "/results", board).body + "|" +
           Client().Get("/api/v1/communities/open-coop/audit", board).body + "|" +
           board_browser.Get(page + "/receipts").body.substr(0, 0) +
           std::to_string(board_browser.Get(page + "/receipts").body.find("<code>")) + "|" +
           Client().Get(decision + "/export", board).body;
  };
  const std::string before = observe();
  const char* voters[] = {Accounts::kMember, "fourth@test.dk", Accounts::kAdmin, Accounts::kBoard};
  const char* choices[] = {"yes", "no", "yes", "abstain"};
  std::vector<std::string> receipts;
  for (int v = 0; v < 4; ++v) {
    now_ += 60;
    HttpReply cast = Cast(id, std::string(R"({"choice":")") + choices[v] + "\"}", voters[v]);
    ASSERT_EQ(cast.status, 201) << cast.body;
    receipts.emplace_back(Json(cast)["receipt"].as_string());
    EXPECT_EQ(observe(), before) << "vote " << v << " changed what the board sees";
    // The voter can check their own receipt meanwhile.
    EXPECT_TRUE(Json(Client().Get(decision + "/receipts?receipt=" + receipts.back(),
                                  Bearer(voters[v])))["found"]
                    .as_bool());
  }
  EXPECT_TRUE(Contains(Client().Get(decision + "/receipts").body, "hidden_until_close"));
  now_ += 3600;
  // After the close: the receipts and ballots are published together, with the voters in
  // alphabetical order, and no time of casting anywhere.
  EXPECT_EQ(Client().Get(decision + "/results").status, 200);
  const std::string audit = Client().Get("/api/v1/communities/open-coop/audit", board).body;
  EXPECT_FALSE(Contains(audit, "vote.cast"));
  const size_t listed = audit.find(
      "Test admin@test.dk, Test board@test.dk, Test fourth@test.dk, "
      "Test member@test.dk");
  EXPECT_NE(listed, std::string::npos) << audit;
  json::object exported = Json(Client().Get(decision + "/export"));
  EXPECT_EQ(exported["ballots"].as_array().size(), 4u);
  // The export lists ballots by receipt, which are random: their order says nothing of the order
  // of casting.
  std::vector<std::string> order;
  for (const json::value& ballot : exported["ballots"].as_array()) {
    order.emplace_back(ballot.as_object().at("receipt").as_string());
  }
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
}

}  // namespace
}  // namespace andel::testing
