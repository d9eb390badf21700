// HTTP tests against a live server on loopback: accounts, CSRF, role checks on every admin
// route, member import, the JSON API, and bad input of every kind.
#include <gtest/gtest.h>

#include "http/server_fixture.h"
#include "web/routes.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(ServerTest, HealthAndSecurityHeaders) {
  HttpReply reply = Client().Get("/api/v1/health");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, R"({"status":"ok","database":"ok"})");
  EXPECT_TRUE(Contains(reply.Header("content-security-policy"), "frame-ancestors 'none'"));
  EXPECT_TRUE(Contains(reply.Header("content-security-policy"), "script-src 'self'"));
  EXPECT_EQ(reply.Header("x-content-type-options"), "nosniff");
}

// Issue 14, point 10: `next` went into Location as it came. A CR/LF injected a header, and
// `/\t/evil.example` (a browser drops the tab) passed as a path on this site.
TEST_F(ServerTest, SignInGoesOnlyToAPathOnThisSite) {
  const auto after_sign_in = [&](const std::string& next) {
    HttpClient client = Client();
    HttpReply reply = client.PostForm(
        "/login", "/login", "email=member%40test.dk&password=a-long-test-password&next=" + next);
    EXPECT_EQ(reply.status, 303) << next;
    EXPECT_TRUE(reply.Header("set-cookie").find("injected") == std::string::npos) << next;
    return reply.Header("location");
  };
  EXPECT_EQ(after_sign_in("%2Fc%2Fopen-coop%3Fq%3Dx"), "/c/open-coop?q=x");
  EXPECT_EQ(after_sign_in("%2Fc%2Fopen-coop%0D%0ASet-Cookie%3A+injected%3D1"), "/");
  EXPECT_EQ(after_sign_in("%2F%09%2Fevil.example"), "/");
  EXPECT_EQ(after_sign_in("%2F%2Fevil.example"), "/");
  EXPECT_EQ(after_sign_in("%2F%5Cevil.example"), "/");
  EXPECT_EQ(after_sign_in("%2Fa%5Cb"), "/");
  EXPECT_EQ(after_sign_in("https%3A%2F%2Fevil.example"), "/");
  EXPECT_EQ(after_sign_in("%2Fc%2Fk%C3%B8b+%22x%22"), "/c/k%C3%B8b%20%22x%22");
}

TEST_F(ServerTest, BehindAProxyFailuresCountPerForwardedAddress) {
  app_->services().config.behind_proxy = true;
  HttpClient client = Client();
  const std::string csrf = HttpClient::CsrfOf(client.Get("/login").body);
  const auto attempt = [&](int n, const std::string& address) {
    return client
        .Post("/login",
              "csrf=" + FormEncode(csrf) + "&email=nobody" + std::to_string(n) +
                  "%40test.dk&password=wrong-password",
              "application/x-www-form-urlencoded", {{"X-Forwarded-For", "203.0.113.9, " + address}})
        .status;
  };
  int last = 0;
  for (int i = 0; i < 21; ++i) last = attempt(i, "198.51.100.7");
  EXPECT_EQ(last, 429);                         // that address is limited
  EXPECT_EQ(attempt(99, "198.51.100.8"), 401);  // another one is not
}

TEST_F(ServerTest, FormsWithoutCsrfTokenAreRejected) {
  HttpClient client = SignedIn(Accounts::kAdmin);
  HttpReply reply = client.Post("/c/open-coop/admin/statutes",
                                "quorum_percent=10&simple_majority=1/2&qualified_majority=2/3"
                                "&vote_weight=shares");
  EXPECT_EQ(reply.status, 403);
  reply = client.Post("/c/open-coop/admin/statutes",
                      "csrf=forged&quorum_percent=10&simple_majority=1/2&qualified_majority=2/3");
  EXPECT_EQ(reply.status, 403);
  EXPECT_EQ(Client().Post("/login", "email=a%40b.dk&password=x").status, 403);
  reply = client.PostForm("/c/open-coop/admin", "/c/open-coop/admin/statutes",
                          "quorum_percent=10&simple_majority=1/2&qualified_majority=2/3"
                          "&vote_weight=shares");
  EXPECT_EQ(reply.status, 303);
}

// Every admin, board and server-administrator route refuses those without the role: 403 when
// signed in, a sign-in redirect (pages) or 401 (API) otherwise.
TEST_F(ServerTest, RoleDenialOnEveryRestrictedRoute) {
  struct Caller {
    std::string email;
    int rank;  // 0 outsider, 1 member, 2 board, 3 admin
  };
  const Caller callers[] = {{Accounts::kOutsider, 0},
                            {Accounts::kMember, 1},
                            {Accounts::kBoard, 2},
                            {Accounts::kAdmin, 3}};
  std::map<std::string, HttpClient> clients;
  std::map<std::string, std::string> tokens;
  for (const Caller& caller : callers) {
    clients.emplace(caller.email, SignedIn(caller.email));
    tokens[caller.email] = TokenFor(caller.email);
  }
  int checked = 0;
  for (const web::Route& route : web::RouteTable()) {
    int needed = 0;
    if (route.access == web::Access::kMember) needed = 1;
    if (route.access == web::Access::kBoard) needed = 2;
    if (route.access == web::Access::kAdmin) needed = 3;
    // Only a server administrator: no role in a community is enough (none of these accounts
    // runs the server).
    if (route.access == web::Access::kServerAdmin) needed = 4;
    if (needed == 0) continue;
    std::string path = route.pattern;
    if (size_t slug = path.find("{slug}"); slug != std::string::npos) {
      path.replace(slug, 6, "open-coop");
    }
    if (size_t id = path.find("{id}"); id != std::string::npos) path.replace(id, 4, "999999");
    const std::string method(web::MethodName(route.method));
    for (const Caller& caller : callers) {
      if (caller.rank >= needed) continue;
      SCOPED_TRACE(method + " " + path + " as " + caller.email);
      HttpClient& client = clients.at(caller.email);
      HttpReply reply;
      if (route.surface == web::Surface::kApi) {
        reply = client.Send(method, path, "{}",
                            {{"Authorization", "Bearer " + tokens[caller.email]},
                             {"Content-Type", "application/json"}});
      } else if (route.method == web::Method::kGet) {
        reply = client.Get(path);
      } else {
        const std::string csrf = HttpClient::CsrfOf(client.Get("/").body);
        reply = client.Post(path, "csrf=" + FormEncode(csrf));
      }
      EXPECT_EQ(reply.status, 403);
      ++checked;
    }
    // Nobody signed in: pages send to sign-in, the API says 401.
    HttpClient anonymous = Client();
    if (route.surface == web::Surface::kApi) {
      EXPECT_EQ(anonymous.Send(method, path, "{}", {{"Content-Type", "application/json"}}).status,
                401)
          << method << " " << path;
    } else if (route.method == web::Method::kGet) {
      HttpReply reply = anonymous.Get(path);
      EXPECT_EQ(reply.status, 303) << path;
      EXPECT_TRUE(Contains(reply.Header("location"), "/login?next="));
    }
  }
  EXPECT_GT(checked, 40);
}

TEST_F(ServerTest, PrivateCommunityIsHiddenFromOutsiders) {
  EXPECT_EQ(SignedIn(Accounts::kOutsider).Get("/c/closed-club").status, 404);
  EXPECT_EQ(SignedIn(Accounts::kMember).Get("/c/closed-club").status, 200);
  EXPECT_EQ(Client().Get("/c/closed-club").status, 303);
  EXPECT_FALSE(Contains(Client().Get("/api/v1/communities").body, "closed-club"));
}

TEST_F(ServerTest, MembersPageSearchesAndFilters) {
  HttpClient client = SignedIn(Accounts::kAdmin);  // a member, named neither board nor member
  HttpReply all = client.Get("/c/open-coop/members");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(Contains(all.body, "Test board@test.dk"));
  EXPECT_TRUE(Contains(all.body, "Test member@test.dk"));
  HttpReply filtered = client.Get("/c/open-coop/members?category=research");
  EXPECT_TRUE(Contains(filtered.body, "Test member@test.dk"));
  EXPECT_FALSE(Contains(filtered.body, "Test board@test.dk"));
  HttpReply searched = client.Get("/c/open-coop/members?q=BOARD");
  EXPECT_TRUE(Contains(searched.body, "Test board@test.dk"));
  EXPECT_FALSE(Contains(searched.body, "Test member@test.dk"));
  EXPECT_EQ(client.Get("/c/open-coop/members?category=astronaut").status, 400);
  HttpReply danish = client.Get("/c/open-coop/members?lang=da");
  EXPECT_TRUE(Contains(danish.body, "Medlemmer"));
  EXPECT_TRUE(Contains(danish.body, "lang=\"da\""));
  // The choice sticks in a cookie.
  EXPECT_TRUE(Contains(client.Get("/c/open-coop").body, "lang=\"da\""));
  HttpClient dutch = Client();
  EXPECT_TRUE(
      Contains(dutch.Get("/", {{"Accept-Language", "nl-NL,nl;q=0.9"}}).body, "lang=\"nl\""));
}

// Pages and JSON are cached by community version: every change shows at once.
TEST_F(ServerTest, CachedMemberListsFollowEveryChange) {
  HttpClient admin = SignedIn(Accounts::kAdmin);
  HttpClient visitor = SignedIn(Accounts::kBoard);  // a fellow member who reads the list
  const std::string token = TokenFor(Accounts::kAdmin);
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  EXPECT_FALSE(
      Contains(visitor.Get("/c/open-coop/members?category=business").body, "Test member@test.dk"));
  EXPECT_FALSE(Contains(visitor.Get("/api/v1/communities/open-coop/members?category=business").body,
                        "Test member@test.dk"));
  // The admin moves the member to the business category through the API.
  HttpReply list = admin.Get("/api/v1/communities/open-coop/members?q=member%40test.dk", auth);
  const size_t at = list.body.find("\"id\":");
  ASSERT_NE(at, std::string::npos);
  const std::string id = list.body.substr(at + 5, list.body.find(',', at) - at - 5);
  ASSERT_EQ(admin
                .Send("PATCH", "/api/v1/communities/open-coop/members/" + id,
                      R"({"category":"business"})", auth)
                .status,
            200);
  EXPECT_TRUE(
      Contains(visitor.Get("/c/open-coop/members?category=business").body, "Test member@test.dk"));
  EXPECT_TRUE(Contains(visitor.Get("/api/v1/communities/open-coop/members?category=business").body,
                       "Test member@test.dk"));
  // A member renames themself on the account page; the list shows the new name.
  HttpClient member = SignedIn(Accounts::kMember);
  ASSERT_EQ(member
                .PostForm("/account", "/account",
                          "name=Renamed+Person&email=member%40test.dk&language=en")
                .status,
            303);
  const std::string page = visitor.Get("/c/open-coop/members?category=business").body;
  EXPECT_TRUE(Contains(page, "Renamed Person"));
  EXPECT_FALSE(Contains(page, "Test member@test.dk"));
}

// Issue 14, point 7: the names, organisations, categories, shares and dates of private persons
// were shown to anyone. Now members see the list and the public sees counts, unless the
// community publishes it; a member may hide their shares and organisation from other members.
TEST_F(ServerTest, MemberListsArePrivateByDefault) {
  HttpReply anonymous = Client().Get("/c/open-coop/members");
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_TRUE(Contains(anonymous.body, "Only members see who the members are."));
  EXPECT_FALSE(Contains(anonymous.body, "Test member@test.dk"));
  EXPECT_EQ(Client().Get("/api/v1/communities/open-coop/members").status, 401);
  EXPECT_EQ(Client().Get("/c/open-coop/members/1").status, 303);  // to sign in
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  EXPECT_FALSE(Contains(outsider.Get("/c/open-coop/members").body, "Test member@test.dk"));
  EXPECT_EQ(outsider.Get("/api/v1/communities/open-coop/members").status, 403);
  EXPECT_EQ(outsider.Get("/c/open-coop/members/1").status, 403);

  // The member hides their shares and organisation from other members, not from the board.
  const std::string token = TokenFor(Accounts::kAdmin);
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  HttpClient admin = Client();
  HttpReply list = admin.Get("/api/v1/communities/open-coop/members?q=member%40test.dk", auth);
  const size_t at = list.body.find("\"id\":");
  ASSERT_NE(at, std::string::npos);
  const std::string id = list.body.substr(at + 5, list.body.find(',', at) - at - 5);
  ASSERT_EQ(
      admin.Send("PATCH", "/api/v1/communities/open-coop/members/" + id, R"({"shares":7})", auth)
          .status,
      200);
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string own = "/c/open-coop/members/" + id;
  EXPECT_TRUE(Contains(member.Get(own).body, "What other members see"));
  ASSERT_EQ(member.PostForm(own, own + "/privacy", "hidden=1").status, 303);
  HttpClient board = SignedIn(Accounts::kBoard);
  EXPECT_TRUE(Contains(board.Get(own).body, "<dd>7</dd>"));   // the board still sees them
  EXPECT_TRUE(Contains(member.Get(own).body, "<dd>7</dd>"));  // and the member themself
  AddAccount("fellow@test.dk");
  AddMember("fellow@test.dk");
  HttpClient peer = SignedIn("fellow@test.dk");
  const std::string seen = peer.Get(own).body;
  EXPECT_FALSE(Contains(seen, "<dd>7</dd>")) << seen;
  const std::string api = peer.Get("/api/v1/communities/open-coop/members/" + id).body;
  EXPECT_FALSE(Contains(api, "\"shares\"")) << api;
  EXPECT_TRUE(Contains(admin.Get("/api/v1/communities/open-coop/members/" + id, auth).body,
                       "\"shares\":7"));

  // The community publishes its list: now everyone sees it.
  ASSERT_EQ(
      admin.Send("PATCH", "/api/v1/communities/open-coop", R"({"member_list_public":true})", auth)
          .status,
      200);
  EXPECT_TRUE(Contains(Client().Get("/c/open-coop/members").body, "Test board@test.dk"));
  EXPECT_EQ(Client().Get("/api/v1/communities/open-coop/members").status, 200);
}

TEST_F(ServerTest, CsvImportReportsBadRowsAndImportsNothing) {
  HttpClient client = SignedIn(Accounts::kAdmin);
  const auto upload = [&](const std::string& csv) {
    return client.PostFile("/c/open-coop/admin/import", "/c/open-coop/admin/import", "file", csv);
  };
  HttpReply bad = upload(
      "email,name,category\nok@test.dk,Ok,citizen\nbroken,Bad,citizen\nx@test.dk,X,martian\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "line 3, column email"));
  EXPECT_TRUE(Contains(bad.body, "line 4, column category"));
  client.Get("/c/open-coop/admin/import?lang=da");  // the switcher sets the account's language
  HttpReply danish = upload("email,name,category\nbroken,Bad,citizen\n");
  EXPECT_EQ(danish.status, 400);
  EXPECT_TRUE(Contains(danish.body, "linje 2, kolonne email"));
  EXPECT_TRUE(Contains(danish.body, "ikke en gyldig e-mailadresse"));
  client.Get("/c/open-coop/admin/import?lang=en");
  EXPECT_FALSE(Contains(client.Get("/c/open-coop/members").body, "ok@test.dk"));
  EXPECT_FALSE(Contains(client.Get("/c/open-coop/members?q=Ok").body, ">Ok<"));
  // Larger than the usual 1 MiB: the import route accepts up to 8 MiB.
  std::string many = "email,name,category\n";
  for (int i = 0; many.size() < 1536 * 1024; ++i) {
    many += "bulk" + std::to_string(i) + "@test.dk,Bulk Member " + std::to_string(i) + ",citizen\n";
  }
  HttpReply large = upload(many + "broken,Bad,citizen\n");
  EXPECT_EQ(large.status, 400);  // read whole and checked, not refused as too large
  EXPECT_TRUE(Contains(large.body, "column email"));
  HttpReply good = upload("email,name,category\nnew1@test.dk,Nina Ny,citizen\n");
  EXPECT_EQ(good.status, 303) << good.body.substr(0, 500);
  EXPECT_TRUE(Contains(client.Get("/c/open-coop/members").body, "Nina Ny"));
  // Issue 16, point 10: a list as Danish Excel saves it (semicolons, the category by its Danish
  // name) imports; a bad value is echoed beside its error.
  HttpReply echoed = upload("email;name;category\nnew2@test.dk;Ole;Marsboer\n");
  EXPECT_EQ(echoed.status, 400);
  EXPECT_TRUE(Contains(echoed.body, "<q>Marsboer</q>")) << echoed.body;
  HttpReply semicolons = upload("email;name;category\nnew2@test.dk;Ole Olsen;Borger\n");
  EXPECT_EQ(semicolons.status, 303) << semicolons.body.substr(0, 800);
  EXPECT_TRUE(Contains(client.Get("/c/open-coop/members").body, "Ole Olsen"));
  // The file to fill in comes in the reader's format, and reads back as it is.
  HttpReply form = client.Get("/c/open-coop/admin/import/template.csv?lang=da");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(form.body.starts_with("email;name;organisation;category;")) << form.body;
  EXPECT_EQ(SignedIn(Accounts::kBoard).Get("/c/open-coop/admin/import/template.csv").status, 403);
  client.Get("/c/open-coop/admin/import?lang=en");
  HttpReply exported = client.Get("/c/open-coop/admin/members.csv");
  EXPECT_EQ(exported.status, 200);
  EXPECT_TRUE(Contains(exported.body, "new1@test.dk,Nina Ny,,citizen,member"));
}

// Issue 14, point 15: the member CSV guarded "=" but not a leading tab or carriage return (the
// writer itself is tested with both in tests/unit/core/csv_test.cpp).
TEST_F(ServerTest, TheMemberCsvNeverHoldsAFormula) {
  HttpClient admin = SignedIn(Accounts::kAdmin);
  const std::string csv =
      "email,name,category,organisation\r\n"
      "tab@test.dk,\"\t=cmd|' /C calc'!A0\",research,\"\r@SUM(A1)\"\r\n";
  HttpReply imported =
      admin.PostFile("/c/open-coop/admin/import", "/c/open-coop/admin/import", "file", csv);
  ASSERT_EQ(imported.status, 303) << imported.body;
  const std::string exported = admin.Get("/c/open-coop/admin/members.csv").body;
  // Names are stored trimmed; what remains starts a formula and is guarded.
  EXPECT_TRUE(Contains(exported, ",'=cmd")) << exported;
  EXPECT_TRUE(Contains(exported, ",'@SUM(A1)")) << exported;
  for (const std::string& line :
       {std::string(",\t="), std::string(",\"\t="), std::string(",\"\r@")}) {
    EXPECT_FALSE(Contains(exported, line)) << exported;
  }
}

TEST_F(ServerTest, StatuteChangesGoIntoTheAuditLog) {
  HttpClient admin = SignedIn(Accounts::kAdmin);
  ASSERT_EQ(admin
                .PostForm("/c/open-coop/admin", "/c/open-coop/admin/statutes",
                          "quorum_percent=33&simple_majority=1/2&qualified_majority=3/4"
                          "&vote_weight=shares")
                .status,
            303);
  HttpReply page = admin.Get("/c/open-coop/admin/audit");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body,
                       "Set the statutes: quorum 33 %, simple majority more than 1/2, qualified "
                       "majority at least 3/4"))
      << page.body;
  HttpReply api = Client().Get("/api/v1/communities/open-coop/audit",
                               {{"Authorization", "Bearer " + TokenFor(Accounts::kBoard)}});
  EXPECT_EQ(api.status, 200);
  EXPECT_TRUE(Contains(api.body, R"("action":"statutes.changed")"));
  EXPECT_TRUE(Contains(api.body, R"("name":"Test admin@test.dk")"));
}

TEST_F(ServerTest, InvalidFieldsAreNamedAndInputKept) {
  HttpClient client = SignedIn(Accounts::kAdmin);
  HttpReply reply = client.PostForm("/c/open-coop/admin", "/c/open-coop/admin/statutes",
                                    "quorum_percent=150&simple_majority=1/2&"
                                    "qualified_majority=2/3&vote_weight=shares");
  EXPECT_EQ(reply.status, 400);
  EXPECT_TRUE(Contains(reply.body, "value=\"150\""));
  EXPECT_TRUE(Contains(reply.body, "between 0 and 100"));
}

TEST_F(ServerTest, JsonApi) {
  const std::string token = TokenFor(Accounts::kAdmin);
  HttpClient client = Client();
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
  HttpReply me = client.Get("/api/v1/me", auth);
  EXPECT_EQ(me.status, 200);
  EXPECT_TRUE(Contains(me.body, "\"email\":\"admin@test.dk\""));
  EXPECT_EQ(client.Get("/api/v1/me").status, 401);
  EXPECT_TRUE(Contains(client.Get("/api/v1/me", {{"Authorization", "Bearer nope"}}).body,
                       "\"code\":\"unauthenticated\""));
  HttpReply members = client.Get("/api/v1/communities/open-coop/members?per_page=1&page=2", auth);
  EXPECT_EQ(members.status, 200);
  EXPECT_TRUE(Contains(members.body, "\"total\":3"));
  EXPECT_TRUE(Contains(members.body, "\"page\":2"));
  EXPECT_EQ(client.Get("/api/v1/communities/open-coop/members?per_page=0", auth).status, 400);
  HttpReply created = client.Send("POST", "/api/v1/communities/open-coop/categories",
                                  R"({"code":"artist","names":{"en":"Artist","da":"Kunstner",)"
                                  R"("nl":"Kunstenaar"},"position":9})",
                                  auth);
  EXPECT_EQ(created.status, 201) << created.body;
  HttpReply member = client.Send("POST", "/api/v1/communities/open-coop/members",
                                 R"({"email":"api@test.dk","name":"Api Person",)"
                                 R"("category":"artist","shares":4})",
                                 auth);
  EXPECT_EQ(member.status, 201) << member.body;
  EXPECT_TRUE(Contains(member.body, "\"category\":\"artist\""));
  HttpReply organisation = client.Send("POST", "/api/v1/communities/open-coop/members",
                                       R"({"email":"rep@test.dk","name":"Rep Person",)"
                                       R"("organisation":"Grøn Byg ApS","category":"business"})",
                                       auth);
  EXPECT_EQ(organisation.status, 201) << organisation.body;
  EXPECT_TRUE(Contains(organisation.body, "\"name\":\"Grøn Byg ApS\""));
  EXPECT_TRUE(Contains(organisation.body, "\"person_name\":\"Rep Person\""));
  EXPECT_EQ(client.Send("DELETE", "/api/v1/communities/open-coop/categories/1", "", auth).status,
            409);
  HttpReply bad =
      client.Send("POST", "/api/v1/communities/open-coop/categories", "{not json", auth);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, R"("error":{"code":"invalid_argument")"));
  HttpReply community = client.Send("POST", "/api/v1/communities",
                                    R"({"slug":"api-made","name":"Made by API"})", auth);
  EXPECT_EQ(community.status, 201) << community.body;
  EXPECT_EQ(
      client.Send("POST", "/api/v1/communities", R"({"slug":"api-made","name":"Again"})", auth)
          .status,
      409);
  EXPECT_EQ(client.Send("PATCH", "/api/v1/communities/api-made", R"({"name":""})", auth).status,
            400);
  EXPECT_EQ(client.Get("/api/v1/openapi.yaml").status, 200);
}

// The API also serves the browser's session, but then needs the page's CSRF token.
TEST_F(ServerTest, ApiWithTheSessionCookieNeedsTheCsrfHeader) {
  HttpClient admin = SignedIn(Accounts::kAdmin);
  const std::string body = R"({"code":"maker","names":{"en":"Maker","da":"Skaber","nl":"Maker"}})";
  EXPECT_EQ(admin
                .Send("POST", "/api/v1/communities/open-coop/categories", body,
                      {{"Content-Type", "application/json"}})
                .status,
            403);
  const std::string csrf = HttpClient::CsrfOf(admin.Get("/").body);
  EXPECT_EQ(admin
                .Send("POST", "/api/v1/communities/open-coop/categories", body,
                      {{"Content-Type", "application/json"}, {"X-CSRF-Token", csrf}})
                .status,
            201);
  // Reading needs no token.
  EXPECT_EQ(admin.Get("/api/v1/me").status, 200);
}

TEST_F(ServerTest, HeadAnswersLikeGetWithoutABody) {
  HttpReply head = Client().Send("HEAD", "/c/open-coop", "", {});
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_NE(head.Header("content-length"), "0");
}

TEST_F(ServerTest, BadInputNeverCrashes) {
  HttpClient client = Client();
  EXPECT_EQ(client.Get("/no/such/page").status, 404);
  EXPECT_EQ(client.Get("/api/v1/nothing").status, 404);
  EXPECT_TRUE(Contains(client.Get("/api/v1/nothing").body, "\"code\":\"not_found\""));
  HttpReply wrong_method = client.Send("DELETE", "/login", "", {});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_TRUE(Contains(wrong_method.Header("allow"), "GET"));
  EXPECT_EQ(client.Get("/c/%FF%FE").status, 400);
  EXPECT_EQ(client.Get("/c/open-coop/members?q=%FF").status, 400);
  EXPECT_EQ(SignedIn(Accounts::kMember).Get("/c/open-coop/members/abc").status, 404);
  EXPECT_EQ(client.Get("/c/open-coop/members?page=-3").status, 200);
  EXPECT_EQ(client.Get("/c/" + std::string(5000, 'a')).status, 404);
  // Oversized body: 413 from the declared length alone.
  const std::string big(2 * 1024 * 1024, 'x');
  EXPECT_EQ(client.Post("/login", big).status, 413);
  // A browser gets a page in its language; the API gets JSON.
  HttpReply page =
      client.Post("/login", big, "application/x-www-form-urlencoded", {{"Accept-Language", "da"}});
  EXPECT_EQ(page.status, 413);
  EXPECT_TRUE(Contains(page.body, "forespørgslen er for stor"));
  EXPECT_TRUE(Contains(page.Header("content-type"), "text/html"));
  HttpReply api = client.Post("/api/v1/tokens", big, "application/json");
  EXPECT_EQ(api.status, 413);
  EXPECT_TRUE(Contains(api.body, R"("code":"too_large")"));
  // Oversized headers.
  EXPECT_EQ(client.Get("/", {{"X-Filler", std::string(64 * 1024, 'y')}}).status, 431);
  // Malformed HTTP.
  const std::string garbage = client.Raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_TRUE(Contains(garbage, " 400 ")) << garbage;
  const std::string bad_length =
      client.Raw("POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
  EXPECT_TRUE(Contains(bad_length, " 400 ")) << bad_length;
  // A slow client that never finishes its request is timed out and others are still served.
  std::thread slow([&] { client.Raw("GET / HTTP/1.1\r\nHost: x\r\n"); });
  EXPECT_EQ(Client().Get("/api/v1/health").status, 200);
  slow.join();
  // The server is still healthy after all of this.
  EXPECT_EQ(Client().Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace andel::testing
