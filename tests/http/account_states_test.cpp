// The person's own account routes in every state of an account (issue 14, points 2 and 16): they
// send someone not signed in to the sign-in page (or answer 401), and serve an account whose
// address is unconfirmed and a server administrator who must still set up two-step sign-in, so each
// can put that right.
#include <gtest/gtest.h>

#include <string>

#include "http/server_fixture.h"
#include "web/routes.h"

namespace andel::testing {
namespace {

enum class State { kAnonymous, kUnconfirmed, kConfirmed, kSetupRequired };

const char* Name(State state) {
  switch (state) {
    case State::kAnonymous:
      return "anonymous";
    case State::kUnconfirmed:
      return "unconfirmed address";
    case State::kConfirmed:
      return "confirmed address";
    case State::kSetupRequired:
      return "two-step sign-in required, not set up";
  }
  return "";
}

// The route's pattern with every parameter replaced by an id nobody has (the test's own tokens
// must outlive the walk).
std::string PathOf(const web::Route& route) {
  std::string path = route.pattern;
  for (size_t at = path.find('{'); at != std::string::npos; at = path.find('{')) {
    path.replace(at, path.find('}', at) - at + 1, "999999");
  }
  return path;
}

class AccountStatesTest : public ServerTest {};

TEST_F(AccountStatesTest, EveryAccountRouteInEveryStateOfTheAccount) {
  AddAccount("unconfirmed@test.dk", /*verified=*/false);
  AddAccount("confirmed@test.dk");
  AddAccount("root@test.dk", /*verified=*/true, /*server_admin=*/true);
  const std::string unconfirmed_token = TokenFor("unconfirmed@test.dk");
  const std::string confirmed_token = TokenFor("confirmed@test.dk");
  const std::string root_token = TokenFor("root@test.dk");
  ASSERT_EQ(SignedIn("root@test.dk")
                .PostForm("/server", "/server/settings",
                          "community_creation=verified&second_factor_required=officers")
                .status,
            303);

  int checked = 0;
  for (State state :
       {State::kAnonymous, State::kUnconfirmed, State::kConfirmed, State::kSetupRequired}) {
    std::string email, token;
    if (state == State::kUnconfirmed) email = "unconfirmed@test.dk", token = unconfirmed_token;
    if (state == State::kConfirmed) email = "confirmed@test.dk", token = confirmed_token;
    if (state == State::kSetupRequired) email = "root@test.dk", token = root_token;
    HttpClient client = email.empty() ? Client() : SignedIn(email);
    const std::string csrf = HttpClient::CsrfOf(client.Get("/login").body);
    for (const web::Route& route : web::RouteTable()) {
      if (route.access != web::Access::kAccount) continue;
      const std::string method(web::MethodName(route.method));
      const std::string path = PathOf(route);
      SCOPED_TRACE(std::string(Name(state)) + ": " + method + " " + path);
      HttpReply reply;
      if (route.surface == web::Surface::kApi) {
        std::vector<std::pair<std::string, std::string>> headers = {
            {"Content-Type", "application/json"}};
        if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
        reply = Client().Send(method, path, route.method == web::Method::kGet ? "" : "{}", headers);
      } else if (route.method == web::Method::kGet) {
        reply = client.Get(path);
      } else {
        reply = client.Post(path, "csrf=" + FormEncode(csrf));
      }
      if (state == State::kAnonymous && route.surface == web::Surface::kPage &&
          route.method == web::Method::kGet) {
        EXPECT_EQ(reply.status, 303);
        EXPECT_TRUE(reply.Header("location").starts_with("/login?next="))
            << reply.Header("location");
      } else if (state == State::kAnonymous) {
        EXPECT_EQ(reply.status, 401) << reply.body.substr(0, 300);
      } else if (route.method == web::Method::kGet) {
        EXPECT_EQ(reply.status, 200) << reply.body.substr(0, 300);
      } else {
        // A form sent empty is explained (400), finds nothing (404) or is done (2xx, 303);
        // never refused for the state of the account.
        EXPECT_TRUE(reply.status == 200 || reply.status == 204 || reply.status == 303 ||
                    reply.status == 400 || reply.status == 404 || reply.status == 409)
            << reply.status << " " << reply.body.substr(0, 300);
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4 * 16);
}

}  // namespace
}  // namespace andel::testing
