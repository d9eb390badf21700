// HTTP tests of unknown fields in the JSON API (issue 14, point 17): every route that takes a
// JSON body refuses a member its handler does not read, with 400 naming it, instead of
// ignoring it ("visibility":"private" once made a public community).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <string>

#include "http/server_fixture.h"
#include "web/routes.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

json::object Json(const HttpReply& reply) {
  json::error_code ec;
  json::value value = json::parse(reply.body, ec);
  EXPECT_FALSE(ec) << reply.body;
  return !ec && value.is_object() ? value.as_object() : json::object();
}

// The error's code and field, "" where absent.
std::pair<std::string, std::string> CodeAndField(const HttpReply& reply) {
  json::object body = Json(reply);
  const json::value* error = body.if_contains("error");
  if (!error || !error->is_object()) return {};
  const auto text = [&](const char* name) {
    const json::value* member = error->as_object().if_contains(name);
    return member && member->is_string() ? std::string(member->as_string()) : std::string();
  };
  return {text("code"), text("field")};
}

// Routes whose body is not a JSON object, so an unknown member cannot be named.
const std::map<std::string, std::string> kNotJsonBodies = {
    {"POST /api/v1/communities/{slug}/funds/import",
     "the body is a Pabulib file, the fund's title is ?title="},
};

class ApiFieldsTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    token_ = TokenFor(Accounts::kAdmin);
  }

  HttpReply Send(const std::string& method, const std::string& path, const std::string& body) {
    return Client().Send(
        method, path, body,
        {{"Authorization", "Bearer " + token_}, {"Content-Type", "application/json"}});
  }

  // Creates something with `body` and answers its id.
  int64_t Create(const std::string& path, const std::string& body) {
    HttpReply reply = Send("POST", path, body);
    EXPECT_EQ(reply.status, 201) << path << ": " << reply.body;
    json::object created = Json(reply);
    const json::value* id = created.if_contains("id");
    return id && id->is_int64() ? id->as_int64() : 0;
  }

  std::string token_;
};

TEST_F(ApiFieldsTest, EveryJsonBodyRefusesAnUnknownField) {
  // What the paths name must exist, since a handler looks it up before it reads the body: a
  // proposal not yet put to a vote, a decision (on another proposal) and a fund.
  const std::string community = "/api/v1/communities/open-coop";
  const int64_t proposal =
      Create(community + "/proposals", R"({"title":"A shared cargo bike","body":"We share it."})");
  const int64_t voted =
      Create(community + "/proposals", R"({"title":"A shared trailer","body":"We share it too."})");
  const int64_t decision =
      Create(community + "/proposals/" + std::to_string(voted) + "/decision",
             R"({"method":"motion","closes_at":)" + std::to_string(now_ + 86400) + "}");
  const int64_t fund =
      Create(community + "/funds", R"({"title":"Startpulje","amount":"1000","currency":"DKK"})");
  ASSERT_TRUE(proposal && decision && fund);

  std::set<std::string> excepted_seen;
  int checked = 0;
  for (const web::Route& route : web::RouteTable()) {
    if (route.surface != web::Surface::kApi) continue;
    if (route.method != web::Method::kPost && route.method != web::Method::kPut &&
        route.method != web::Method::kPatch) {
      continue;
    }
    const std::string method(web::MethodName(route.method));
    const std::string key = method + " " + route.pattern;
    if (kNotJsonBodies.contains(key)) {
      excepted_seen.insert(key);
      continue;
    }
    std::string path = route.pattern;
    if (size_t at = path.find("{slug}"); at != std::string::npos) path.replace(at, 6, "open-coop");
    std::string id = "1";
    if (path.find("/proposals/{id}") != std::string::npos) id = std::to_string(proposal);
    if (path.find("/decisions/{id}") != std::string::npos) id = std::to_string(decision);
    if (path.find("/funds/{id}") != std::string::npos) id = std::to_string(fund);
    for (const char* param : {"{id}", "{amendment}", "{project}"}) {
      const std::string name(param);
      if (size_t at = path.find(name); at != std::string::npos) {
        path.replace(at, name.size(), name == "{id}" ? id : "1");
      }
    }
    SCOPED_TRACE(method + " " + path);
    ASSERT_EQ(path.find('{'), std::string::npos);
    HttpReply reply = Send(method, path, R"({"no_such_field_xyz":1})");
    EXPECT_EQ(reply.status, 400) << reply.body;
    EXPECT_EQ(CodeAndField(reply),
              std::make_pair(std::string("invalid_argument"), std::string("no_such_field_xyz")))
        << reply.body;
    ++checked;
  }
  EXPECT_GE(checked, 37);
  // Each exception is still a route, so the list cannot outlive what it excuses.
  EXPECT_EQ(excepted_seen.size(), kNotJsonBodies.size());
}

// The original report: the unknown "visibility" was dropped and the community made public.
TEST_F(ApiFieldsTest, UnknownVisibilityCreatesNoCommunity) {
  HttpReply reply =
      Send("POST", "/api/v1/communities", R"({"name":"X","slug":"x-coop","visibility":"private"})");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_EQ(CodeAndField(reply),
            std::make_pair(std::string("invalid_argument"), std::string("visibility")));
  EXPECT_NE(Json(reply)["error"].as_object()["message"].as_string(), "");
  EXPECT_EQ(Send("GET", "/api/v1/communities/x-coop", "").status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/communities?per_page=200", "").body.find("x-coop"),
            std::string::npos);
  // The fields it does read still make a community, private if asked in its own words.
  HttpReply created =
      Send("POST", "/api/v1/communities", R"({"name":"X","slug":"x-coop","public":false})");
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(Json(created)["public"], json::value(false));
}

// A route without a body takes none, or an empty object, but no member.
TEST_F(ApiFieldsTest, BodilessRoutesTakeNoMembers) {
  EXPECT_EQ(Send("POST", "/api/v1/notifications/read", "").status, 200);
  EXPECT_EQ(Send("POST", "/api/v1/notifications/read", "{}").status, 200);
  HttpReply reply = Send("POST", "/api/v1/notifications/read", R"({"id":5})");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(CodeAndField(reply),
            std::make_pair(std::string("invalid_argument"), std::string("id")));
}

// The message is translated like any other.
TEST_F(ApiFieldsTest, UnknownFieldMessageIsTranslated) {
  HttpReply reply = Send("POST", "/api/v1/communities/open-coop/proposals?lang=da",
                         R"({"title":"A title","body":"A body","tags":["x"]})");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(CodeAndField(reply).second, "tags");
  EXPECT_EQ(Json(reply)["error"].as_object()["message"], json::value("ukendt felt"));
}

}  // namespace
}  // namespace andel::testing
