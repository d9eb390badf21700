// HTTP tests of impact tied to what produced it: goals measured by their parts (the results
// tree), decisions and fund projects named as expected to move an indicator (by API and by form,
// shown on the proposal, fund, indicator and report pages), and a municipal programme's roll-up
// of the communities reporting to it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "http/server_fixture.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ImpactLinksTest : public ServerTest {
 protected:
  HttpReply Api(const std::string& method, const std::string& path, const std::string& body,
                const std::string& email) {
    return Client().Send(method, "/api/v1" + path, body,
                         {{"authorization", "Bearer " + TokenFor(email)}});
  }
  // An indicator of `slug` defined by the board from `body`; its id.
  int64_t Indicator(const std::string& slug, const std::string& body,
                    const std::string& email = Accounts::kBoard) {
    HttpReply created = Api("POST", "/communities/" + slug + "/indicators", body, email);
    EXPECT_EQ(created.status, 201) << created.body;
    return json::parse(created.body).at("id").as_int64();
  }
  // People into jobs, from 0 on 1 Jan 2026 to `target` by 31 Dec 2026.
  int64_t Jobs(const std::string& slug, const std::string& target = "100",
               const std::string& extra = "") {
    return Indicator(slug, R"({"catalogue":"people_into_jobs","baseline":"0",)"
                           R"("baseline_date":"2026-01-01","target":")" +
                               target + R"(","target_due":"2026-12-31")" + extra + "}");
  }
  void Record(const std::string& slug, int64_t indicator, const std::string& value,
              const std::string& email = Accounts::kBoard) {
    HttpReply recorded = Api(
        "POST", "/communities/" + slug + "/measurements",
        R"({"indicator":)" + std::to_string(indicator) +
            R"(,"period_start":"2026-03-01","period_end":"2026-03-31","value":")" + value + "\"}",
        email);
    EXPECT_EQ(recorded.status, 201) << recorded.body;
  }
  json::value Get(const std::string& path) {
    HttpReply reply = Api("GET", path, "", Accounts::kMember);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return json::parse(reply.body);
  }
};

TEST_F(ImpactLinksTest, AGoalIsMeasuredByItsParts) {
  const int64_t goal = Indicator("open-coop", R"({"name":"Work or education"})");
  const std::string under = R"(,"parent":)" + std::to_string(goal);
  const int64_t jobs = Jobs("open-coop", "100", under + R"(,"weight":"0.75")");
  const int64_t education =
      Indicator("open-coop", R"({"catalogue":"people_into_education","baseline":"0",)"
                             R"("baseline_date":"2026-01-01","target":"10",)"
                             R"("target_due":"2026-12-31")" +
                                 under + R"(,"weight":"0.25"})");
  Record("open-coop", jobs, "40");       // 40 %
  Record("open-coop", education, "10");  // 100 %
  const json::value list = Get("/communities/open-coop/indicators");
  const json::array& items = list.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("id").as_int64(), goal);
  EXPECT_TRUE(items[0].at("progress_from_parts").as_bool());
  EXPECT_DOUBLE_EQ(items[0].at("progress").as_double(), 0.75 * 0.4 + 0.25 * 1.0);
  EXPECT_EQ(items[1].at("parent").as_int64(), goal);
  EXPECT_EQ(items[1].at("weight").as_string(), "0.75");
  const json::value one = Get("/communities/open-coop/indicators/" + std::to_string(goal));
  EXPECT_EQ(one.at("parts").as_array().size(), 2u);
  EXPECT_TRUE(one.at("progress_from_parts").as_bool());
  EXPECT_EQ(Api("GET", "/communities/closed-club/indicators/" + std::to_string(goal), "",
                Accounts::kBoard)
                .status,
            404);
  // The dashboard shows the tree; the goal's card its progress from its parts.
  HttpReply page = Client().Get("/c/open-coop/impact");
  EXPECT_TRUE(Contains(page.body, "Goals and their parts"));
  EXPECT_TRUE(Contains(page.body, R"(<progress max="100" value="55")"));
  EXPECT_TRUE(Contains(page.body, "Progress of its parts"));
  // Bad goals and weights name the field.
  HttpReply orphan = Api("POST", "/communities/open-coop/indicators",
                         R"({"name":"Orphan","weight":"0.5"})", Accounts::kBoard);
  EXPECT_EQ(orphan.status, 400);
  EXPECT_TRUE(Contains(orphan.body, R"("field":"weight")")) << orphan.body;
  const int64_t closed = Jobs("closed-club");
  HttpReply elsewhere =
      Api("POST", "/communities/open-coop/indicators",
          R"({"name":"Elsewhere","parent":)" + std::to_string(closed) + "}", Accounts::kBoard);
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_TRUE(Contains(elsewhere.body, R"("field":"parent")")) << elsewhere.body;
  EXPECT_EQ(Api("POST", "/communities/open-coop/indicators",
                R"({"name":"Too heavy","weight":"1.5","parent":)" + std::to_string(goal) + "}",
                Accounts::kBoard)
                .status,
            400);
}

TEST_F(ImpactLinksTest, DecisionsAndProjectsExpectedToMoveAnIndicator) {
  const int64_t jobs = Jobs("open-coop");
  HttpReply proposal =
      Api("POST", "/communities/open-coop/proposals",
          R"({"title":"Hire from the neighbourhood","body":"B"})", Accounts::kMember);
  ASSERT_EQ(proposal.status, 201) << proposal.body;
  const int64_t proposal_id = json::parse(proposal.body).at("id").as_int64();
  // A fund whose one project the members fund.
  HttpReply fund =
      Api("POST", "/communities/open-coop/funds",
          R"({"title":"Kick-start","amount":"1000","currency":"DKK"})", Accounts::kBoard);
  ASSERT_EQ(fund.status, 201) << fund.body;
  const std::string fund_path =
      "/communities/open-coop/funds/" + std::to_string(json::parse(fund.body).at("id").as_int64());
  HttpReply project = Api("POST", fund_path + "/projects", R"({"title":"Job café","cost":"600"})",
                          Accounts::kMember);
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string project_id = std::to_string(json::parse(project.body).at("id").as_int64());
  const std::string links = "/communities/open-coop/indicators/" + std::to_string(jobs) + "/links";
  const std::string to_proposal =
      R"({"subject":"proposal","subject_id":)" + std::to_string(proposal_id) + "}";
  // Only the board links; twice changes nothing.
  EXPECT_EQ(Api("POST", links, to_proposal, Accounts::kMember).status, 403);
  HttpReply linked = Api("POST", links, to_proposal, Accounts::kBoard);
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_EQ(json::parse(linked.body).at("title").as_string(), "Hire from the neighbourhood");
  EXPECT_EQ(Api("POST", links, to_proposal, Accounts::kBoard).status, 201);
  ASSERT_EQ(Api("POST", links, R"({"subject":"project","subject_id":)" + project_id + "}",
                Accounts::kBoard)
                .status,
            201);
  EXPECT_EQ(Get(links).at("items").as_array().size(), 2u);
  // Bad subjects name the field; another community's proposal is not found.
  HttpReply unknown_kind =
      Api("POST", links, R"({"subject":"meeting","subject_id":1})", Accounts::kBoard);
  EXPECT_EQ(unknown_kind.status, 400);
  EXPECT_TRUE(Contains(unknown_kind.body, R"("field":"subject")"));
  HttpReply theirs = Api("POST", "/communities/closed-club/proposals",
                         R"({"title":"Theirs","body":"B"})", Accounts::kBoard);
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(Api("POST", links,
                R"({"subject":"proposal","subject_id":)" +
                    std::to_string(json::parse(theirs.body).at("id").as_int64()) + "}",
                Accounts::kBoard)
                .status,
            404);
  EXPECT_EQ(
      Api("POST", "/communities/open-coop/indicators/99999/links", to_proposal, Accounts::kBoard)
          .status,
      404);
  // The pages show the links both ways.
  const std::string jobs_page = "/c/open-coop/impact/indicators/" + std::to_string(jobs);
  HttpReply indicator_page = Client().Get(jobs_page);
  EXPECT_TRUE(Contains(indicator_page.body, "Hire from the neighbourhood"));
  EXPECT_TRUE(Contains(indicator_page.body, "Job café"));
  HttpReply proposal_page = Client().Get("/c/open-coop/proposals/" + std::to_string(proposal_id));
  EXPECT_TRUE(Contains(proposal_page.body, "Expected impact"));
  EXPECT_TRUE(Contains(proposal_page.body, "People into jobs"));
  EXPECT_TRUE(
      Contains(Client().Get("/c/open-coop" + fund_path.substr(22)).body, "Expected to move"));
  // The members fund the project; the annual report names it among what contributed.
  ASSERT_EQ(Api("POST", fund_path + "/phase", R"({"phase":"reviewing"})", Accounts::kBoard).status,
            200);
  ASSERT_EQ(Api("POST", fund_path + "/projects/" + project_id + "/review",
                R"({"status":"feasible"})", Accounts::kBoard)
                .status,
            200);
  ASSERT_EQ(Api("POST", fund_path + "/phase", R"({"phase":"voting"})", Accounts::kBoard).status,
            200);
  ASSERT_EQ(
      Api("PUT", fund_path + "/ballot", R"({"projects":[)" + project_id + "]}", Accounts::kMember)
          .status,
      200);
  ASSERT_EQ(Api("POST", fund_path + "/phase", R"({"phase":"result"})", Accounts::kBoard).status,
            200);
  // The fund's result is computed on the compute pool once the vote closes; the report reads it.
  for (const web::ComputePool& pool = *app_->services().compute;
       pool.waiting() + pool.running() > 0;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  HttpReply report = Client().Get("/c/open-coop/impact/report/2026");
  EXPECT_TRUE(Contains(report.body, "What contributed"));
  EXPECT_TRUE(Contains(report.body, "Job café"));
  EXPECT_TRUE(Contains(report.body, "funded"));
  const json::value report_json = Get("/communities/open-coop/report/2026");
  const json::array& entries = report_json.at("indicators").as_array();
  ASSERT_EQ(entries.size(), 1u);
  const json::array& contributors = entries[0].at("contributors").as_array();
  ASSERT_EQ(contributors.size(), 1u);  // the funded project; the proposal is not decided
  EXPECT_EQ(contributors[0].at("title").as_string(), "Job café");
  EXPECT_EQ(Api("GET", "/communities/open-coop/report/12", "", Accounts::kMember).status, 404);
  // The board removes a link by form; a bad form gets an answer naming the field, never a 500.
  HttpClient board = SignedIn(Accounts::kBoard);
  EXPECT_EQ(board
                .PostForm(jobs_page, "/c/open-coop/impact/links",
                          "indicator=" + std::to_string(jobs) +
                              "&subject=proposal:" + std::to_string(proposal_id) + "&action=remove")
                .status,
            303);
  EXPECT_EQ(Get(links).at("items").as_array().size(), 1u);
  HttpReply bad = board.PostForm(jobs_page, "/c/open-coop/impact/links",
                                 "indicator=" + std::to_string(jobs) + "&subject=proposal:x");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Api("DELETE", links + "/project/" + project_id, "", Accounts::kMember).status, 403);
  EXPECT_EQ(Api("DELETE", links + "/project/" + project_id, "", Accounts::kBoard).status, 204);
  EXPECT_EQ(Api("DELETE", links + "/project/" + project_id, "", Accounts::kBoard).status, 404);
  EXPECT_EQ(Get(links).at("items").as_array().size(), 0u);
}

// Issue 14, point 5: a server setting says who may create communities at all.
TEST_F(ImpactLinksTest, TheServerMayKeepCommunityCreationToAdministrators) {
  const std::string coop = R"({"slug":"new-coop","name":"New coop","kind":"cooperative"})";
  AddAccount("server@test.dk", /*verified=*/true, /*server_admin=*/true);
  HttpClient server = SignedIn("server@test.dk");
  EXPECT_EQ(server.PostForm("/server", "/server/settings", "community_creation=nobody").status,
            400);
  ASSERT_EQ(server
                .PostForm("/server", "/server/settings",
                          "community_creation=admins&second_factor_required=none")
                .status,
            303);
  EXPECT_EQ(Api("POST", "/communities", coop, Accounts::kOutsider).status, 403);
  EXPECT_EQ(Api("POST", "/communities", coop, "server@test.dk").status, 201);
  ASSERT_EQ(server
                .PostForm("/server", "/server/settings",
                          "community_creation=verified&second_factor_required=none")
                .status,
            303);
  EXPECT_EQ(
      Api("POST", "/communities",
          R"({"slug":"other-coop","name":"Other coop","kind":"cooperative"})", Accounts::kOutsider)
          .status,
      201);
}

TEST_F(ImpactLinksTest, AProgrammeRollsUpTheCommunitiesReportingToIt) {
  // Issue 14, point 5: anyone could pose as a municipality. Now only a server administrator
  // creates a programme, and communities see it only once it is verified.
  const std::string programme = R"({"slug":"city-programme","name":"City programme",)"
                                R"("kind":"municipal_programme"})";
  HttpReply refused = Api("POST", "/communities", programme, Accounts::kAdmin);
  EXPECT_EQ(refused.status, 403) << refused.body;
  AddAccount("server@test.dk", /*verified=*/true, /*server_admin=*/true);
  HttpReply created = Api("POST", "/communities", programme, "server@test.dk");
  ASSERT_EQ(created.status, 201) << created.body;
  // The admin of open-coop cannot turn it into a programme either.
  EXPECT_EQ(
      Api("PATCH", "/communities/open-coop", R"({"kind":"municipal_programme"})", Accounts::kAdmin)
          .status,
      403);
  // Not verified yet: not offered, and no community can report to it.
  EXPECT_FALSE(
      Contains(SignedIn(Accounts::kBoard).Get("/c/open-coop/impact").body, "City programme"));
  EXPECT_EQ(Api("POST", "/communities/open-coop/programmes", R"({"programme":"city-programme"})",
                Accounts::kBoard)
                .status,
            404);
  EXPECT_EQ(SignedIn(Accounts::kAdmin).Get("/server").status, 403);
  HttpClient server = SignedIn("server@test.dk");
  HttpReply waiting = server.Get("/server");
  ASSERT_TRUE(Contains(waiting.body, "City programme"));
  const size_t at = waiting.body.find("/server/programmes/");
  ASSERT_NE(at, std::string::npos);
  const std::string verify = waiting.body.substr(at, waiting.body.find('"', at) - at);
  ASSERT_EQ(server.PostForm("/server", verify, "").status, 303);
  EXPECT_FALSE(Contains(server.Get("/server").body, "City programme"));
  Record("open-coop", Jobs("open-coop"), "30");
  Record("closed-club", Jobs("closed-club", "20"), "12");
  const int64_t own = Indicator("city-programme",
                                R"({"catalogue":"people_into_jobs","baseline_date":"2026-01-01"})",
                                "server@test.dk");
  Record("city-programme", own, "0", "server@test.dk");
  // Only a programme has a roll-up; at first it holds its own figures alone.
  EXPECT_EQ(Api("GET", "/communities/open-coop/rollup", "", Accounts::kMember).status, 404);
  EXPECT_EQ(Client().Get("/c/open-coop/impact/programme").status, 404);
  EXPECT_EQ(Get("/communities/city-programme/rollup").at("communities").as_array().size(), 1u);
  // The boards choose to report to it; a member cannot, nor can one report to a cooperative.
  const std::string join = R"({"programme":"city-programme"})";
  EXPECT_EQ(Api("POST", "/communities/open-coop/programmes", join, Accounts::kMember).status, 403);
  EXPECT_EQ(Api("POST", "/communities/open-coop/programmes", R"({"programme":"closed-club"})",
                Accounts::kBoard)
                .status,
            404);
  ASSERT_EQ(Api("POST", "/communities/open-coop/programmes", join, Accounts::kBoard).status, 201);
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string programme_id = "city-programme";
  ASSERT_EQ(board
                .PostForm("/c/closed-club/impact", "/c/closed-club/impact/programmes",
                          "programme=" + programme_id)
                .status,
            303);
  EXPECT_EQ(Get("/communities/open-coop/programmes").at("items").as_array().size(), 1u);
  // The "Stop reporting" form is the community's own and names the programme it leaves (it once
  // posted to the programme's address).
  const std::string impact = board.Get("/c/open-coop/impact").body;
  const size_t leave = impact.find("value=\"leave\"");
  ASSERT_NE(leave, std::string::npos);
  const size_t form = impact.rfind("<form", leave);
  const std::string leave_form = impact.substr(form, leave - form);
  EXPECT_TRUE(Contains(leave_form, "action=\"/c/open-coop/impact/programmes\"")) << leave_form;
  EXPECT_TRUE(Contains(leave_form, "name=\"programme\" value=\"city-programme\"")) << leave_form;
  const json::value rollup = Get("/communities/city-programme/rollup");
  ASSERT_EQ(rollup.at("communities").as_array().size(), 3u);
  const json::array& lines = rollup.at("indicators").as_array();
  ASSERT_EQ(lines.size(), 1u);  // people into jobs, from all three
  EXPECT_EQ(lines[0].at("total").as_string(), "42");
  EXPECT_EQ(lines[0].at("communities").as_array().size(), 3u);
  // The page: the total, each community's figures, and the small multiples.
  HttpReply page = Client().Get("/c/city-programme/impact/programme");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<strong>42 people</strong>")) << page.body;
  EXPECT_TRUE(Contains(page.body, "Closed Club"));
  EXPECT_TRUE(Contains(page.body, "<svg"));
  EXPECT_TRUE(Contains(Client().Get("/c/city-programme/impact/programme?lang=nl").body,
                       "Overzicht van het programma"));
  // Leaving: by API and by form; leaving twice is not found.
  EXPECT_EQ(Api("DELETE", "/communities/open-coop/programmes/city-programme", "", Accounts::kBoard)
                .status,
            204);
  EXPECT_EQ(Api("DELETE", "/communities/open-coop/programmes/city-programme", "", Accounts::kBoard)
                .status,
            404);
  EXPECT_EQ(board
                .PostForm("/c/closed-club/impact", "/c/closed-club/impact/programmes",
                          "programme=" + programme_id + "&action=leave")
                .status,
            303);
  EXPECT_EQ(Get("/communities/city-programme/rollup").at("communities").as_array().size(), 1u);
  EXPECT_EQ(board
                .PostForm("/c/closed-club/impact", "/c/closed-club/impact/programmes",
                          "programme=no-such-programme")
                .status,
            404);
}

}  // namespace
}  // namespace andel::testing
