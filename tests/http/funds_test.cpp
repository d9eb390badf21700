// HTTP tests of funds: a fund from proposals through review and the vote to its result, by API
// and by form; the ballot's checks (the fund's limit, one ballot per member, editable until the
// close); the result's explanations and groups of voters; export and import as Pabulib files;
// roles and bad input.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "budgeting/pabulib.h"
#include "core/text.h"
#include "http/fund_fixture.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using FundsTest = FundServerTest;

TEST_F(FundsTest, FromProposalsThroughTheVoteToTheResult) {
  std::vector<int64_t> p;
  const int64_t fund = VotingFund(p);
  const std::string base = "/funds/" + std::to_string(fund);
  // The proposer sees the board's reason; after the vote opens others do not see d at all.
  HttpReply mine = Api("GET", base, "", Accounts::kMember);
  EXPECT_TRUE(Contains(mine.body, "Needs a permit"));
  HttpReply other = Client().Get("/api/v1/communities/open-coop" + base);
  EXPECT_FALSE(Contains(other.body, "Needs a permit"));
  EXPECT_EQ(json::parse(other.body).at("projects").as_array().size(), 3u);
  // Ballots: over the fund, unknown and infeasible projects are refused.
  const auto ballot = [&](const std::string& email, const std::string& ids) {
    return Api("PUT", base + "/ballot", R"({"projects":[)" + ids + "]}", email);
  };
  const std::string a = std::to_string(p[0]), b = std::to_string(p[1]), c = std::to_string(p[2]);
  EXPECT_EQ(ballot(Accounts::kMember, a + "," + b).status, 400);  // 1100 > 1000
  EXPECT_EQ(ballot(Accounts::kMember, std::to_string(p[3])).status, 400);
  EXPECT_EQ(ballot(Accounts::kMember, a + "," + a).status, 400);
  EXPECT_EQ(ballot(Accounts::kOutsider, a).status, 403);
  ASSERT_EQ(ballot(Accounts::kMember, b).status, 200);
  // Changed until the close: one ballot per member.
  ASSERT_EQ(ballot(Accounts::kMember, b + "," + c).status, 200);
  ASSERT_EQ(ballot(Accounts::kAdmin, a + "," + c).status, 200);
  // The board member votes by form, without JavaScript; until then their start page asks for
  // their choice.
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string page = "/c/open-coop/funds/" + std::to_string(fund);
  EXPECT_TRUE(Contains(board.Get("/").body, "Your choice of projects: <a href=\"" + page + "\">"));
  EXPECT_FALSE(Contains(SignedIn(Accounts::kMember).Get("/").body, "Your choice of projects"));
  EXPECT_EQ(board.PostForm(page, page + "/ballot", "project=" + a + "&project=" + b).status, 400);
  ASSERT_EQ(board.PostForm(page, page + "/ballot", "project=" + a).status, 303);
  EXPECT_TRUE(Contains(board.Get(page).body, "You have voted"));
  EXPECT_FALSE(Contains(board.Get("/").body, "Your choice of projects"));
  EXPECT_EQ(Client().Get("/api/v1/communities/open-coop" + base + "/result").status, 409);
  ASSERT_EQ(Api("POST", base + "/phase", R"({"phase":"result"})", Accounts::kBoard).status, 200);
  EXPECT_EQ(ballot(Accounts::kMember, a).status, 409);
  Settle();  // the result is computed on the compute pool once the vote closes
  // MES with add1+greedy, by hand: three voters, 1000/3 each; member {b, c}, admin {a, c},
  // board {a}. a (300 each) and c (200 each) tie at ρ = 1/2; a first by id; then c is short
  // until add1 raises the shares; b (500) never fits beside them.
  HttpReply result = Client().Get("/api/v1/communities/open-coop" + base + "/result");
  ASSERT_EQ(result.status, 200) << result.body;
  json::object r = json::parse(result.body).as_object();
  EXPECT_EQ(r["voters"].as_int64(), 3);
  EXPECT_EQ(r["total_cost"].as_string(), "1000");
  EXPECT_EQ(r["selected"].as_array(), json::array({json::string(a), json::string(c)}));
  EXPECT_EQ(r["explanations"].as_object()[b].as_object()["funded"].as_bool(), false);
  long grouped = 0;
  for (const json::value& g : r["groups"].as_array())
    grouped += g.as_object().at("voters").as_int64();
  EXPECT_EQ(grouped, 3);
  HttpReply shown = Client().Get(page + "?lang=da");
  EXPECT_TRUE(Contains(shown.body, "Finansieret i runde"));
  EXPECT_TRUE(Contains(shown.body, "<svg"));
  // Export and import give the same outcome.
  HttpReply exported = Client().Get(page + "/export.pb");
  ASSERT_EQ(exported.status, 200);
  Result<budgeting::Instance> read = budgeting::ReadPabulib(exported.body);
  ASSERT_TRUE(read.has_value()) << exported.body;
  EXPECT_EQ(read->VoterCount(), 3);
  HttpReply imported =
      Client().Send("POST", "/api/v1/communities/open-coop/funds/import?title=Again", exported.body,
                    Bearer(Accounts::kBoard));
  ASSERT_EQ(imported.status, 201) << imported.body;
  Settle();
  const std::string again = std::to_string(json::parse(imported.body).at("id").as_int64());
  json::object r2 =
      json::parse(Client().Get("/api/v1/communities/open-coop/funds/" + again + "/result").body)
          .as_object();
  EXPECT_EQ(r2["total_cost"].as_string(), "1000");
  EXPECT_EQ(r2["selected"].as_array().size(), 2u);
}

TEST_F(FundsTest, RolesAndBadInputGetClearErrors) {
  EXPECT_EQ(
      Api("POST", "/funds", R"({"title":"X","amount":"1000","currency":"DKK"})", Accounts::kMember)
          .status,
      403);
  HttpReply bad_amount =
      Api("POST", "/funds", R"({"title":"X","amount":"12,345.6.7","currency":"DKK"})",
          Accounts::kBoard);
  EXPECT_EQ(bad_amount.status, 400);
  EXPECT_TRUE(Contains(bad_amount.body, "amount"));
  EXPECT_EQ(
      Api("POST", "/funds", R"({"title":"X","amount":"10","currency":"kroner"})", Accounts::kBoard)
          .status,
      400);
  EXPECT_EQ(Api("POST", "/funds", "not json", Accounts::kBoard).status, 400);
  EXPECT_EQ(Api("GET", "/funds/999", "", Accounts::kMember).status, 404);
  HttpReply broken = Client().Send("POST", "/api/v1/communities/open-coop/funds/import",
                                   "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n"
                                   "project_id;cost\na;10\nVOTES\nvoter_id;vote\n1;zz\n",
                                   Bearer(Accounts::kBoard));
  EXPECT_EQ(broken.status, 400);
  EXPECT_TRUE(Contains(broken.body, "line 10"));
  std::vector<int64_t> p;
  const int64_t fund = VotingFund(p);
  const std::string base = "/funds/" + std::to_string(fund);
  // Only the next phase; no projects or reviews once the vote is open.
  EXPECT_EQ(Api("POST", base + "/phase", R"({"phase":"proposing"})", Accounts::kBoard).status, 409);
  EXPECT_EQ(
      Api("POST", base + "/projects", R"({"title":"late","cost":"10"})", Accounts::kMember).status,
      409);
  EXPECT_EQ(Api("POST", base + "/projects/" + std::to_string(p[0]) + "/review",
                R"({"status":"infeasible"})", Accounts::kBoard)
                .status,
            409);
  EXPECT_EQ(
      Api("POST", base + "/projects/99999/review", R"({"status":"feasible"})", Accounts::kBoard)
          .status,
      409);
  EXPECT_EQ(Api("PUT", base + "/ballot", R"({"projects":"a"})", Accounts::kMember).status, 400);
  // The import form: a good file opens at its result, a bad one names its line.
  HttpClient importer = SignedIn(Accounts::kBoard);
  const auto upload = [&](const std::string& pb) {
    return importer.PostFile("/c/open-coop/funds", "/c/open-coop/funds/import", "file", pb);
  };
  HttpReply good = upload(
      "META\nkey;value\nbudget;100\nvote_type;approval\ncurrency;EUR\nPROJECTS\n"
      "project_id;cost;name\na;60;Bench \"Oak\"\nb;50;Mural\nVOTES\nvoter_id;vote\n1;a\n2;a,b\n");
  EXPECT_EQ(good.status, 303) << good.body;
  HttpReply bad_file = upload("META\nkey;value\nbudget;100\n");
  EXPECT_EQ(bad_file.status, 400);
  EXPECT_TRUE(Contains(bad_file.body, "vote_type"));
  // A form with a bad amount shows the form again with the error, never a 500.
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply form = board.PostForm("/c/open-coop/funds", "/c/open-coop/funds",
                                  "title=T&amount=-5&currency=DKK&ballot=approval&rule=mes&"
                                  "proposers=members&points=10");
  EXPECT_EQ(form.status, 400);
  EXPECT_TRUE(Contains(form.body, "aria-invalid"));
}

// A Pabulib file's long names are cut where a letter ends (not inside one), so the API sends
// UTF-8 and PostgreSQL stores the row; a file that is not UTF-8 is refused naming its line.
TEST_F(FundsTest, ImportCutsLongNamesWhereALetterEnds) {
  // "x" then two-byte letters: byte 200 of the title and byte 100 of the category fall inside
  // a letter.
  std::string long_name = "x";
  while (long_name.size() < 400) long_name += "æøå";
  const std::string pb =
      "META\nkey;value\nbudget;100\nvote_type;approval\ncurrency;EUR\n"
      "description;" +
      long_name +
      "\nPROJECTS\nproject_id;cost;name;category\n"
      "a;60;" +
      long_name + ";" + long_name +
      "\nb;50;Mural;art\n"
      "VOTES\nvoter_id;vote\n1;a\n2;a,b\n";
  HttpReply imported = Client().Send("POST", "/api/v1/communities/open-coop/funds/import", pb,
                                     Bearer(Accounts::kBoard));
  ASSERT_EQ(imported.status, 201) << imported.body;
  const std::string id = std::to_string(json::parse(imported.body).at("id").as_int64());
  HttpReply shown = Api("GET", "/funds/" + id, "", Accounts::kBoard);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_TRUE(IsValidUtf8(shown.body));
  json::object fund = json::parse(shown.body).as_object();
  const std::string title(fund.at("title").as_string());
  EXPECT_EQ(title, long_name.substr(0, 199));  // "x" and 99 letters: the 100th would end at 201
  bool found = false;
  for (const json::value& v : fund.at("projects").as_array()) {
    const json::object& project = v.as_object();
    if (project.at("cost").as_string() != "60") continue;
    found = true;
    EXPECT_EQ(std::string(project.at("title").as_string()), long_name.substr(0, 199));
    EXPECT_EQ(std::string(project.at("category").as_string()), long_name.substr(0, 99));
  }
  EXPECT_TRUE(found) << shown.body;
  HttpReply page = Client().Get("/c/open-coop/funds/" + id);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(IsValidUtf8(page.body));
  // Not UTF-8 (a lone 0xff in a name on line 7): a 400 naming the line.
  HttpReply bad = Client().Send("POST", "/api/v1/communities/open-coop/funds/import",
                                "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n"
                                "project_id;cost;name\na;10;Caf\xff\nVOTES\nvoter_id;vote\n1;a\n",
                                Bearer(Accounts::kBoard));
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_TRUE(Contains(bad.body, "line 7")) << bad.body;
  EXPECT_TRUE(IsValidUtf8(bad.body));
}

}  // namespace
}  // namespace andel::testing
