// HTTP tests of the incubator's initiatives: members put ideas forward, the board moves them
// through the stages (by API and by form), bad input is named, another community's initiative
// is not found, and an initiative names the indicators it is expected to move.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/server_fixture.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class InitiativesTest : public ServerTest {
 protected:
  HttpReply Api(const std::string& method, const std::string& path, const std::string& body,
                const std::string& email) {
    return Client().Send(method, "/api/v1/communities/" + path, body,
                         {{"authorization", "Bearer " + TokenFor(email)}});
  }
};

TEST_F(InitiativesTest, FromAnIdeaThroughTheStages) {
  HttpReply created =
      Api("POST", "open-coop/initiatives",
          R"({"title":"Repair café","summary":"Bikes and *clothes*."})", Accounts::kMember);
  ASSERT_EQ(created.status, 201) << created.body;
  const json::object initiative = json::parse(created.body).as_object();
  EXPECT_EQ(initiative.at("stage").as_string(), "idea");
  const std::string id = std::to_string(initiative.at("id").as_int64());
  // A member cannot skip ahead or move it; the board can.
  EXPECT_EQ(Api("POST", "open-coop/initiatives",
                R"({"title":"Straight to business","stage":"operating"})", Accounts::kMember)
                .status,
            403);
  EXPECT_EQ(
      Api("PATCH", "open-coop/initiatives/" + id, R"({"stage":"exploring"})", Accounts::kMember)
          .status,
      403);
  HttpReply moved =
      Api("PATCH", "open-coop/initiatives/" + id, R"({"stage":"exploring"})", Accounts::kBoard);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(json::parse(moved.body).at("stage").as_string(), "exploring");
  // Bad input names the field; an outsider and another community see nothing of it.
  HttpReply bad_stage =
      Api("PATCH", "open-coop/initiatives/" + id, R"({"stage":"dreaming"})", Accounts::kBoard);
  EXPECT_EQ(bad_stage.status, 400);
  EXPECT_TRUE(Contains(bad_stage.body, R"("field":"stage")"));
  HttpReply no_title = Api("POST", "open-coop/initiatives", R"({"title":"  "})", Accounts::kMember);
  EXPECT_EQ(no_title.status, 400);
  EXPECT_TRUE(Contains(no_title.body, R"("field":"title")"));
  EXPECT_EQ(Api("POST", "open-coop/initiatives", R"({"title":"X"})", Accounts::kOutsider).status,
            403);
  EXPECT_EQ(Api("GET", "closed-club/initiatives/" + id, "", Accounts::kBoard).status, 404);
  EXPECT_EQ(
      Api("PATCH", "closed-club/initiatives/" + id, R"({"stage":"founding"})", Accounts::kBoard)
          .status,
      404);
  // The board moves it on by form; the pages show it at its stage, with its story as Markdown.
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string page = "/c/open-coop/initiatives/" + id;
  ASSERT_EQ(board.PostForm(page, page + "/stage", "stage=founding").status, 303);
  EXPECT_EQ(board.PostForm(page, page + "/stage", "stage=later").status, 400);
  HttpReply shown = Client().Get(page);
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(Contains(shown.body, "<em>clothes</em>"));
  EXPECT_TRUE(Contains(shown.body, "Founding"));
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/initiatives?lang=da").body, "Stiftes"));
  // A member puts one forward by form: it starts as an idea.
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply put = member.PostForm("/c/open-coop/initiatives", "/c/open-coop/initiatives",
                                  "title=Food+club&summary=Weekly+dinners&stage=operating");
  ASSERT_EQ(put.status, 303);
  HttpReply list = Api("GET", "open-coop/initiatives", "", Accounts::kMember);
  const json::value parsed = json::parse(list.body);
  const json::array& items = parsed.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("title").as_string(), "Food club");
  EXPECT_EQ(items[0].at("stage").as_string(), "idea");
  EXPECT_EQ(
      member.PostForm("/c/open-coop/initiatives", "/c/open-coop/initiatives", "title=").status,
      400);
}

TEST_F(InitiativesTest, AnInitiativeNamesWhatItIsExpectedToMove) {
  HttpReply indicator =
      Api("POST", "open-coop/indicators",
          R"({"catalogue":"volunteer_hours","baseline_date":"2026-01-01"})", Accounts::kBoard);
  ASSERT_EQ(indicator.status, 201) << indicator.body;
  const std::string indicator_id = std::to_string(json::parse(indicator.body).at("id").as_int64());
  HttpReply created = Api("POST", "open-coop/initiatives",
                          R"({"title":"Repair café","stage":"operating"})", Accounts::kBoard);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = std::to_string(json::parse(created.body).at("id").as_int64());
  // The board links by the initiative's page; the link shows on both pages and in the API.
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string page = "/c/open-coop/initiatives/" + id;
  HttpReply linked = board.PostForm(
      page, "/c/open-coop/impact/links",
      "indicator=" + indicator_id + "&subject=initiative:" + id + "&back=initiative");
  ASSERT_EQ(linked.status, 303);
  EXPECT_TRUE(Contains(linked.Header("location"), page));
  EXPECT_TRUE(Contains(Client().Get(page).body, "Volunteers"));
  EXPECT_TRUE(
      Contains(Client().Get("/c/open-coop/impact/indicators/" + indicator_id).body, "Repair café"));
  HttpReply links =
      Api("GET", "open-coop/indicators/" + indicator_id + "/links", "", Accounts::kMember);
  const json::value parsed = json::parse(links.body);
  const json::array& items = parsed.at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("subject").as_string(), "initiative");
  EXPECT_EQ(items[0].at("stage").as_string(), "operating");
  // An operating initiative is among what contributed in the annual report.
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/impact/report/2026").body, "Repair café"));
  // Another community's initiative cannot be linked.
  HttpReply theirs =
      Api("POST", "closed-club/initiatives", R"({"title":"Theirs"})", Accounts::kBoard);
  ASSERT_EQ(theirs.status, 201);
  EXPECT_EQ(Api("POST", "open-coop/indicators/" + indicator_id + "/links",
                R"({"subject":"initiative","subject_id":)" +
                    std::to_string(json::parse(theirs.body).at("id").as_int64()) + "}",
                Accounts::kBoard)
                .status,
            404);
}

}  // namespace
}  // namespace andel::testing
