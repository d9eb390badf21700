// Two-step sign-in (issue 14, point 16): a code from an authenticator app (TOTP) after the
// password, at the sign-in page and at API token creation; one-time recovery codes; setting it
// up with a QR code and a confirming code; and the operator's requirement of it for server
// administrators and programme officers.
#include <gtest/gtest.h>

#include "http/server_fixture.h"
#include "store/accounts/account_repository.h"
#include "store/accounts/second_factor_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "web/accounts/totp.h"
#include "web/routes.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SecondFactorTest : public ServerTest {
 protected:
  int64_t PersonId(const std::string& email) {
    return store::AccountRepository(*database_.db).FindByEmail(email)->person.id;
  }
  std::optional<store::SecondFactor> FactorOf(const std::string& email) {
    return *store::SecondFactorRepository(*database_.db).Find(PersonId(email));
  }
  // Sets up two-step sign-in for `email` through the account pages; returns the recovery codes
  // the page shows.
  std::vector<std::string> TurnOn(HttpClient& client, const std::string& email) {
    HttpReply started = client.PostForm("/account/two-step", "/account/two-step/setup",
                                        "password=" + FormEncode(Accounts::kPassword));
    EXPECT_EQ(started.status, 303) << started.body.substr(0, 400);
    HttpReply page = client.Get("/account/two-step");
    EXPECT_TRUE(Contains(page.body, "data:image/svg+xml;base64,"));
    const std::string secret = FactorOf(email)->pending_secret;
    EXPECT_EQ(secret.size(), 32u);
    // The key is on the page for typing, in groups of four.
    EXPECT_TRUE(Contains(page.body, web::GroupForTyping(secret)));
    EXPECT_EQ(client
                  .PostForm("/account/two-step", "/account/two-step/confirm",
                            "code=" + web::TotpCode(secret, now_))
                  .status,
              303);
    // The recovery codes are shown on the page the confirmation redirects to.
    HttpReply confirmed = client.Get("/account/two-step");
    // The confirming code is used: the next one comes with the next 30-second step.
    now_ += 30;
    std::vector<std::string> codes;
    for (size_t at = confirmed.body.find("<li><code>"); at != std::string::npos;
         at = confirmed.body.find("<li><code>", at + 1)) {
      codes.push_back(confirmed.body.substr(at + 10, 14));
    }
    return codes;
  }
  std::string CodeNow(const std::string& email) {
    return web::TotpCode(FactorOf(email)->secret, now_);
  }
  // Signs in with the password only: the reply that asks for the code.
  HttpReply PasswordStep(HttpClient& client, const std::string& email,
                         const std::string& next = "") {
    return client.PostForm("/login", "/login",
                           "email=" + FormEncode(email) + "&password=" +
                               FormEncode(Accounts::kPassword) + "&next=" + FormEncode(next));
  }
  HttpReply CodeStep(HttpClient& client, const std::string& code) {
    return client.PostForm("/login/code", "/login/code", "code=" + FormEncode(code));
  }
  HttpReply NewToken(const std::string& email, const std::string& code) {
    std::string body = R"({"email":")" + email + R"(","password":")" + Accounts::kPassword + "\"";
    if (!code.empty()) body += R"(,"code":")" + code + "\"";
    return Client().Post("/api/v1/tokens", body + "}", "application/json");
  }
  int MailsWithSubject(const std::string& email, const std::string& subject) {
    int count = 0;
    for (const store::OutboxMail& mail : Outbox()) {
      count += mail.recipient == email && mail.subject == subject ? 1 : 0;
    }
    return count;
  }
};

TEST_F(SecondFactorTest, SigningInTakesTheCodeAfterThePassword) {
  HttpClient owner = SignedIn(Accounts::kMember);
  EXPECT_EQ(TurnOn(owner, Accounts::kMember).size(), 10u);
  EXPECT_TRUE(Contains(owner.Get("/api/v1/me").body, "\"second_factor\":true"));

  HttpClient client = Client();
  HttpReply password = PasswordStep(client, Accounts::kMember, "/c/open-coop");
  ASSERT_EQ(password.status, 303);
  EXPECT_EQ(password.Header("location"), "/login/code");
  EXPECT_FALSE(client.cookies().count("andel_session"));
  EXPECT_EQ(client.Get("/account").status, 303);  // not signed in yet
  EXPECT_TRUE(Contains(client.Get("/login/code").body, "authenticator"));

  const std::string code = CodeNow(Accounts::kMember);
  HttpReply wrong = CodeStep(client, code == "000000" ? "111111" : "000000");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(Contains(wrong.body, "aria-invalid"));
  HttpReply right = CodeStep(client, code);
  ASSERT_EQ(right.status, 303) << right.body.substr(0, 400);
  EXPECT_EQ(right.Header("location"), "/c/open-coop");
  EXPECT_TRUE(client.cookies().count("andel_session"));
  EXPECT_EQ(client.Get("/account").status, 200);
}

TEST_F(SecondFactorTest, ACodeIsAcceptedOnceAndOnlyNearItsTime) {
  HttpClient owner = SignedIn(Accounts::kMember);
  TurnOn(owner, Accounts::kMember);
  now_ += 60;
  const std::string code = CodeNow(Accounts::kMember);
  HttpClient first = Client();
  PasswordStep(first, Accounts::kMember);
  EXPECT_EQ(CodeStep(first, code).status, 303);
  // The same code again (seen over a shoulder, or replayed) does not sign anyone in.
  HttpClient second = Client();
  PasswordStep(second, Accounts::kMember);
  EXPECT_EQ(CodeStep(second, code).status, 401);
  EXPECT_FALSE(second.cookies().count("andel_session"));
  // A code from two minutes ago or ahead is refused; the next step's code works.
  const std::string secret = FactorOf(Accounts::kMember)->secret;
  EXPECT_EQ(CodeStep(second, web::TotpCode(secret, now_ - 120)).status, 401);
  EXPECT_EQ(CodeStep(second, web::TotpCode(secret, now_ + 120)).status, 401);
  EXPECT_EQ(CodeStep(second, web::TotpCode(secret, now_ + 30)).status, 303);
}

TEST_F(SecondFactorTest, WrongCodesEndTheSignIn) {
  HttpClient owner = SignedIn(Accounts::kMember);
  TurnOn(owner, Accounts::kMember);
  HttpClient guesser = Client();
  PasswordStep(guesser, Accounts::kMember);
  const std::string right = CodeNow(Accounts::kMember);
  const std::string wrong = right == "123456" ? "654321" : "123456";
  HttpReply reply;
  for (int i = 0; i < 5; ++i) reply = CodeStep(guesser, wrong);
  ASSERT_EQ(reply.status, 303);
  EXPECT_TRUE(reply.Header("location").starts_with("/login?notice="));
  // The waiting sign-in is gone: even the right code needs the password again.
  EXPECT_TRUE(guesser.Get("/login/code").Header("location").starts_with("/login?notice="));
  HttpReply late = guesser.PostForm("/login", "/login/code", "code=" + right);
  EXPECT_EQ(late.status, 303);
  EXPECT_TRUE(late.Header("location").starts_with("/login?notice="));
  EXPECT_FALSE(guesser.cookies().count("andel_session"));
}

TEST_F(SecondFactorTest, RecoveryCodesWorkOnceAndTheOwnerIsTold) {
  HttpClient owner = SignedIn(Accounts::kMember);
  const std::vector<std::string> codes = TurnOn(owner, Accounts::kMember);
  ASSERT_EQ(codes.size(), 10u);
  EXPECT_EQ(codes[0].size(), 14u);  // "XXXX-XXXX-XXXX"
  HttpClient lost_phone = Client();
  PasswordStep(lost_phone, Accounts::kMember);
  // Typed in lower case and without dashes, it still counts.
  std::string typed;
  for (const char c : codes[3]) {
    if (c != '-') typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  EXPECT_EQ(CodeStep(lost_phone, typed).status, 303);
  EXPECT_EQ(MailsWithSubject(Accounts::kMember, "A recovery code was used"), 1);
  EXPECT_EQ(FactorOf(Accounts::kMember)->recovery_codes_left, 9);
  HttpClient again = Client();
  PasswordStep(again, Accounts::kMember);
  EXPECT_EQ(CodeStep(again, codes[3]).status, 401);
  // New codes replace the old ones.
  ASSERT_EQ(owner
                .PostForm("/account/two-step", "/account/two-step/recovery-codes",
                          "code=" + FormEncode(codes[4]))
                .status,
            303);
  HttpReply renewed = owner.Get("/account/two-step");
  EXPECT_TRUE(Contains(renewed.body, "<li><code>"));
  EXPECT_FALSE(Contains(renewed.body, codes[5]));
  EXPECT_EQ(FactorOf(Accounts::kMember)->recovery_codes_left, 10);
  HttpClient old_code = Client();
  PasswordStep(old_code, Accounts::kMember);
  EXPECT_EQ(CodeStep(old_code, codes[5]).status, 401);
}

TEST_F(SecondFactorTest, SettingUpNeedsThePasswordAndACodeFromTheApp) {
  HttpClient owner = SignedIn(Accounts::kMember);
  HttpClient elsewhere = SignedIn(Accounts::kMember);
  HttpReply wrong_password =
      owner.PostForm("/account/two-step", "/account/two-step/setup", "password=not-the-password");
  EXPECT_EQ(wrong_password.status, 400);
  EXPECT_FALSE(FactorOf(Accounts::kMember).has_value());
  ASSERT_EQ(owner
                .PostForm("/account/two-step", "/account/two-step/setup",
                          "password=" + FormEncode(Accounts::kPassword))
                .status,
            303);
  const std::string secret = FactorOf(Accounts::kMember)->pending_secret;
  const std::string wrong = web::TotpCode(secret, now_) == "111111" ? "222222" : "111111";
  HttpReply refused =
      owner.PostForm("/account/two-step", "/account/two-step/confirm", "code=" + wrong);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(Contains(refused.body, "aria-invalid"));
  EXPECT_TRUE(FactorOf(Accounts::kMember)->secret.empty());
  // Until it is confirmed, the password alone signs in.
  HttpClient meanwhile = Client();
  EXPECT_EQ(PasswordStep(meanwhile, Accounts::kMember).Header("location"), "/");
  HttpReply confirmed = owner.PostForm("/account/two-step", "/account/two-step/confirm",
                                       "code=" + web::TotpCode(secret, now_));
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(FactorOf(Accounts::kMember)->secret, secret);
  EXPECT_EQ(MailsWithSubject(Accounts::kMember, "Two-step sign-in is on"), 1);
  // Sessions that were signed in without the code end; this one goes on.
  EXPECT_EQ(elsewhere.Get("/account").status, 303);
  EXPECT_EQ(meanwhile.Get("/account").status, 303);
  EXPECT_EQ(owner.Get("/account").status, 200);
}

TEST_F(SecondFactorTest, ANewPhoneReplacesTheOldOneOnlyWhenConfirmed) {
  HttpClient owner = SignedIn(Accounts::kMember);
  TurnOn(owner, Accounts::kMember);
  const std::string old_secret = FactorOf(Accounts::kMember)->secret;
  owner.PostForm("/account/two-step", "/account/two-step/setup",
                 "password=" + FormEncode(Accounts::kPassword));
  const std::string new_secret = FactorOf(Accounts::kMember)->pending_secret;
  ASSERT_NE(new_secret, old_secret);
  now_ += 30;
  HttpClient client = Client();
  PasswordStep(client, Accounts::kMember);
  EXPECT_EQ(CodeStep(client, web::TotpCode(old_secret, now_)).status, 303);
  now_ += 30;
  EXPECT_EQ(owner
                .PostForm("/account/two-step", "/account/two-step/confirm",
                          "code=" + web::TotpCode(new_secret, now_))
                .status,
            303);
  now_ += 30;
  HttpClient later = Client();
  PasswordStep(later, Accounts::kMember);
  EXPECT_EQ(CodeStep(later, web::TotpCode(old_secret, now_)).status, 401);
  EXPECT_EQ(CodeStep(later, web::TotpCode(new_secret, now_)).status, 303);
}

TEST_F(SecondFactorTest, AnApiTokenTakesTheCodeToo) {
  HttpClient owner = SignedIn(Accounts::kMember);
  TurnOn(owner, Accounts::kMember);
  HttpReply without = NewToken(Accounts::kMember, "");
  EXPECT_EQ(without.status, 401);
  EXPECT_TRUE(Contains(without.body, "two-step sign-in"));
  const std::string right = CodeNow(Accounts::kMember);
  EXPECT_EQ(NewToken(Accounts::kMember, right == "123456" ? "654321" : "123456").status, 401);
  HttpReply with = NewToken(Accounts::kMember, right);
  EXPECT_EQ(with.status, 201) << with.body;
  // Not twice with one code.
  EXPECT_EQ(NewToken(Accounts::kMember, right).status, 401);
  // Accounts without two-step sign-in need no code.
  EXPECT_EQ(NewToken(Accounts::kBoard, "").status, 201);
}

TEST_F(SecondFactorTest, TurningItOffNeedsThePasswordAndACode) {
  HttpClient owner = SignedIn(Accounts::kMember);
  const std::vector<std::string> codes = TurnOn(owner, Accounts::kMember);
  EXPECT_EQ(owner
                .PostForm("/account/two-step", "/account/two-step/remove",
                          "password=wrong-password&code=" + codes[0])
                .status,
            400);
  now_ += 30;
  EXPECT_EQ(owner
                .PostForm("/account/two-step", "/account/two-step/remove",
                          "password=" + FormEncode(Accounts::kPassword) + "&code=000000x")
                .status,
            400);
  EXPECT_FALSE(FactorOf(Accounts::kMember)->secret.empty());
  HttpReply off = owner.PostForm(
      "/account/two-step", "/account/two-step/remove",
      "password=" + FormEncode(Accounts::kPassword) + "&code=" + CodeNow(Accounts::kMember));
  ASSERT_EQ(off.status, 303) << off.body.substr(0, 400);
  EXPECT_FALSE(FactorOf(Accounts::kMember).has_value());
  EXPECT_EQ(MailsWithSubject(Accounts::kMember, "Two-step sign-in is off"), 1);
  HttpClient client = Client();
  EXPECT_EQ(PasswordStep(client, Accounts::kMember).Header("location"), "/");
}

TEST_F(SecondFactorTest, TheOperatorRequiresItOfAdministratorsAndProgrammeOfficers) {
  AddAccount("root@test.dk", true, true);
  AddAccount("officer@test.dk");
  {
    store::CommunityRepository communities(*database_.db);
    store::MembershipRepository memberships(*database_.db);
    communities::Community programme;
    programme.slug = "kommune";
    programme.name = "Kommunens program";
    programme.kind = communities::CommunityKind::kMunicipalProgramme;
    const int64_t id =
        *communities.CreateCommunity(programme, PersonId("root@test.dk"), "public_sector", now_);
    std::vector<communities::MemberRow> rows(1);
    rows[0].email = "officer@test.dk";
    rows[0].name = "Officer";
    rows[0].category = "public_sector";
    rows[0].role = communities::Role::kBoard;
    ASSERT_TRUE(memberships.ImportMembers(id, rows, now_).has_value());
  }
  HttpClient root = SignedIn("root@test.dk");
  const std::string officer_token = TokenFor("officer@test.dk");
  ASSERT_EQ(root.PostForm("/server", "/server/settings",
                          "community_creation=verified&second_factor_required=officers")
                .status,
            303);
  // The administrator and the officer may only set it up; a member goes on as before.
  for (const char* email : {"root@test.dk", "officer@test.dk"}) {
    HttpClient client = SignedIn(email);
    HttpReply page = client.Get("/c/open-coop");
    EXPECT_EQ(page.status, 303) << email;
    EXPECT_TRUE(page.Header("location").starts_with("/account/two-step?notice=")) << email;
    EXPECT_EQ(client.PostForm("/account", "/communities", "slug=new-one&name=New+One").status, 403)
        << email;
    EXPECT_EQ(client.Get("/account/two-step").status, 200) << email;
    EXPECT_EQ(NewToken(email, "").status, 403) << email;
  }
  EXPECT_EQ(Client()
                .Get("/api/v1/communities/kommune", {{"Authorization", "Bearer " + officer_token}})
                .status,
            403);
  EXPECT_EQ(SignedIn(Accounts::kMember).Get("/c/open-coop").status, 200);
  // Once set up, the officer goes on, and may not turn it off.
  HttpClient officer = SignedIn("officer@test.dk");
  TurnOn(officer, "officer@test.dk");
  EXPECT_EQ(officer.Get("/c/kommune").status, 200);
  now_ += 30;
  EXPECT_EQ(officer
                .PostForm("/account/two-step", "/account/two-step/remove",
                          "password=" + FormEncode(Accounts::kPassword) +
                              "&code=" + CodeNow("officer@test.dk"))
                .status,
            403);
  EXPECT_FALSE(FactorOf("officer@test.dk")->secret.empty());
}

// Every route but the public ones and the person's own account refuses a server administrator
// who must set up two-step sign-in and has not: pages to read lead to the setup, the rest
// answer 403.
TEST_F(SecondFactorTest, EveryRouteWaitsForTheSetupWhereItIsRequired) {
  AddAccount("root@test.dk", true, true);
  const std::string token = TokenFor("root@test.dk");
  HttpClient root = SignedIn("root@test.dk");
  ASSERT_EQ(root.PostForm("/server", "/server/settings",
                          "community_creation=verified&second_factor_required=officers")
                .status,
            303);
  int checked = 0;
  for (const web::Route& route : web::RouteTable()) {
    if (route.access == web::Access::kPublic || route.access == web::Access::kAccount) continue;
    std::string path = route.pattern;
    if (size_t slug = path.find("{slug}"); slug != std::string::npos) {
      path.replace(slug, 6, "open-coop");
    }
    if (size_t id = path.find("{id}"); id != std::string::npos) path.replace(id, 4, "1");
    for (size_t at = path.find('{'); at != std::string::npos; at = path.find('{')) {
      path.replace(at, path.find('}', at) - at + 1, "1");
    }
    const std::string method(web::MethodName(route.method));
    SCOPED_TRACE(method + " " + path);
    HttpReply reply;
    if (route.surface == web::Surface::kApi) {
      reply = Client().Send(
          method, path, "{}",
          {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
      EXPECT_EQ(reply.status, 403);
    } else if (route.method == web::Method::kGet) {
      reply = root.Get(path);
      EXPECT_EQ(reply.status, 303);
      EXPECT_TRUE(reply.Header("location").starts_with("/account/two-step?notice="));
    } else {
      const std::string csrf = HttpClient::CsrfOf(root.Get("/account").body);
      reply = root.Post(path, "csrf=" + FormEncode(csrf));
      EXPECT_EQ(reply.status, 403);
    }
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace andel::testing
