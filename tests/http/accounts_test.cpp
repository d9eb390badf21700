// Accounts are made, claimed and confirmed only through links mailed to their address; old
// credentials end with a password change; guessing is slowed without locking the owner out
// (issue 14, points 1, 2 and 11 to 14).
#include <gtest/gtest.h>

#include "http/server_fixture.h"
#include "store/accounts/account_repository.h"
#include "web/routes.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class AccountsTest : public ServerTest {
 protected:
  // The mails queued for `email`, newest first.
  std::vector<store::OutboxMail> MailsTo(const std::string& email) {
    std::vector<store::OutboxMail> mails;
    for (const store::OutboxMail& mail : Outbox()) {
      if (mail.recipient == email) mails.push_back(mail);
    }
    return mails;
  }
  // The site path of the link starting with `prefix` in the newest mail to `email`.
  std::string LinkMailedTo(const std::string& email, const std::string& prefix) {
    const std::vector<store::OutboxMail> mails = MailsTo(email);
    if (mails.empty()) return {};
    const std::string& body = mails.front().body;
    const size_t at = body.find(prefix);
    if (at == std::string::npos) return {};
    return body.substr(at, body.find_first_of(" \n", at) - at);
  }
  // The form fields that join the open community (its first category).
  std::string JoinFields() {
    store::CommunityRepository communities(*database_.db);
    const int64_t coop = communities.FindBySlug("open-coop")->id;
    return "category=" + std::to_string(communities.ListCategories(coop)->at(0).id);
  }
  // A client whose requests come from `address` (the server believes X-Forwarded-For).
  HttpReply SignInFrom(HttpClient& client, const std::string& address, const std::string& email,
                       const std::string& password) {
    const std::string csrf = HttpClient::CsrfOf(client.Get("/login").body);
    return client.Post("/login",
                       "csrf=" + FormEncode(csrf) + "&email=" + FormEncode(email) +
                           "&password=" + FormEncode(password),
                       "application/x-www-form-urlencoded", {{"X-Forwarded-For", address}});
  }
};

// Point 1: sign-up made or claimed accounts without proof of the address (and answered 409 for
// a taken one). Now it only mails a link, and answers the same for every address.
TEST_F(AccountsTest, SignUpCreatesAnAccountOnlyThroughTheMailedLink) {
  HttpClient client = Client();
  HttpReply reply = client.PostForm("/signup", "/signup", "name=Ny+Bruger&email=ny%40test.dk");
  ASSERT_EQ(reply.status, 303) << reply.body;
  EXPECT_EQ(reply.Header("location"), "/signup?sent=1");
  EXPECT_FALSE(client.cookies().count("andel_session"));
  EXPECT_TRUE(Contains(client.Get("/signup?sent=1").body, "Check your mail"));
  store::AccountRepository accounts(*database_.db);
  EXPECT_EQ(accounts.FindByEmail("ny@test.dk").error().code, ErrorCode::kNotFound);

  const std::string link = LinkMailedTo("ny@test.dk", "/signup/");
  ASSERT_FALSE(link.empty());
  HttpReply form = client.Get(link);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "ny@test.dk"));
  EXPECT_TRUE(Contains(form.body, "value=\"Ny Bruger\""));
  // A short password shows the form again with the name kept.
  reply = client.PostForm(link, link, "name=Ny+Bruger&password=short");
  EXPECT_EQ(reply.status, 400);
  EXPECT_TRUE(Contains(reply.body, "value=\"Ny Bruger\""));
  reply = client.PostForm(link, link, "name=Ny+Bruger&password=long-enough-pw");
  ASSERT_EQ(reply.status, 303) << reply.body;
  ASSERT_TRUE(client.cookies().count("andel_session"));
  EXPECT_TRUE(Contains(client.Get("/account").body, "ny@test.dk"));
  EXPECT_TRUE(accounts.FindByEmail("ny@test.dk")->person.verified);
  // The link works once.
  EXPECT_EQ(Client().Get(link).status, 404);
  // The new account may join at once: its address is proved.
  EXPECT_EQ(client.PostForm("/c/open-coop", "/c/open-coop/join", JoinFields()).status, 303);
}

TEST_F(AccountsTest, SignUpAnswersTheSameWhetherOrNotTheAddressHasAnAccount) {
  // member@test.dk has a password; imported@test.dk was only imported (no password).
  store::CommunityRepository communities(*database_.db);
  store::MembershipRepository memberships(*database_.db);
  const int64_t coop = communities.FindBySlug("open-coop")->id;
  std::vector<communities::MemberRow> rows(1);
  rows[0].email = "imported@test.dk";
  rows[0].name = "Imported Person";
  rows[0].category = "research";
  rows[0].role = communities::Role::kBoard;
  ASSERT_TRUE(memberships.ImportMembers(coop, rows, now_).has_value());

  std::vector<std::string> answers;
  for (const char* email : {"fresh%40test.dk", "member%40test.dk", "imported%40test.dk"}) {
    HttpClient client = Client();
    HttpReply reply =
        client.PostForm("/signup", "/signup", std::string("name=Attacker&email=") + email);
    answers.push_back(std::to_string(reply.status) + " " + reply.Header("location"));
    EXPECT_FALSE(client.cookies().count("andel_session")) << email;
  }
  EXPECT_EQ(answers[0], answers[1]);
  EXPECT_EQ(answers[0], answers[2]);
  // Each address got one mail: the owner of a taken one is told, not signed up.
  ASSERT_EQ(MailsTo("member@test.dk").size(), 1u);
  EXPECT_TRUE(Contains(MailsTo("member@test.dk")[0].subject, "Someone tried to sign up"));
  ASSERT_EQ(MailsTo("imported@test.dk").size(), 1u);
  ASSERT_EQ(MailsTo("fresh@test.dk").size(), 1u);

  // Without the mailbox, the imported board member's account cannot be taken: no password
  // works for it, and nothing changed.
  store::AccountRepository accounts(*database_.db);
  EXPECT_TRUE(accounts.FindByEmail("imported@test.dk")->password_hash.empty());
  EXPECT_EQ(Client()
                .PostForm("/login", "/login", "email=imported%40test.dk&password=long-enough-pw")
                .status,
            401);
  // Its owner claims it through the link, and keeps the board role.
  const std::string link = LinkMailedTo("imported@test.dk", "/signup/");
  ASSERT_FALSE(link.empty());
  HttpClient owner = Client();
  ASSERT_EQ(owner.PostForm(link, link, "name=Imported+Person&password=long-enough-pw").status, 303);
  EXPECT_EQ(owner.Get("/c/open-coop/admin").status, 200);
  EXPECT_TRUE(accounts.FindByEmail("imported@test.dk")->person.verified);
}

// Point 2: an account whose address is not proved reads, but does not join, vote, propose or
// create; it confirms its address by a mailed link.
TEST_F(AccountsTest, AnUnconfirmedAccountReadsButDoesNotAct) {
  AddAccount("late@test.dk", /*verified=*/false);
  HttpClient client = SignedIn("late@test.dk");
  EXPECT_EQ(client.Get("/c/open-coop").status, 200);
  EXPECT_EQ(client.Get("/c/open-coop/proposals").status, 200);
  EXPECT_EQ(client.PostForm("/c/open-coop", "/c/open-coop/join", JoinFields()).status, 403);
  EXPECT_EQ(client.PostForm("/", "/communities", "name=Mine&slug=mine&kind=cooperative").status,
            403);
  const std::string token = TokenFor("late@test.dk");
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities", R"({"name":"Mine","slug":"mine"})",
                      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}})
                .status,
            403);
  HttpReply account = client.Get("/account");
  EXPECT_TRUE(Contains(account.body, "not confirmed"));

  ASSERT_EQ(client.PostForm("/account", "/account/verify", "").status, 303);
  const std::string link = LinkMailedTo("late@test.dk", "/verify/");
  ASSERT_FALSE(link.empty());
  EXPECT_EQ(client.Get(link).status, 200);
  EXPECT_EQ(client.PostForm(link, link, "").status, 303);
  EXPECT_EQ(client.PostForm("/c/open-coop", "/c/open-coop/join", JoinFields()).status, 303);
}

// Point 2, every route: an unconfirmed account, even an admin of the community, changes nothing
// outside its own account, by page or API.
TEST_F(AccountsTest, EveryChangingRouteRefusesAnUnconfirmedAccount) {
  AddAccount("late@test.dk", /*verified=*/false);
  store::AccountRepository accounts(*database_.db);
  store::CommunityRepository communities(*database_.db);
  store::MembershipRepository memberships(*database_.db);
  const int64_t coop = communities.FindBySlug("open-coop")->id;
  std::vector<communities::MemberRow> rows(1);
  rows[0].email = "late@test.dk";
  rows[0].name = "Unconfirmed Person";
  rows[0].category = "research";
  rows[0].role = communities::Role::kAdmin;
  ASSERT_TRUE(memberships.ImportMembers(coop, rows, now_).has_value());
  HttpClient client = SignedIn("late@test.dk");
  const std::string token = TokenFor("late@test.dk");
  const std::string csrf = HttpClient::CsrfOf(client.Get("/account").body);
  int checked = 0;
  for (const web::Route& route : web::RouteTable()) {
    if (route.method == web::Method::kGet || route.access == web::Access::kPublic ||
        route.access == web::Access::kAccount) {
      continue;
    }
    std::string path = route.pattern;
    if (size_t at = path.find("{slug}"); at != std::string::npos) path.replace(at, 6, "open-coop");
    for (const char* param : {"{id}", "{project}", "{amendment}", "{programme}", "{subject}",
                              "{subject_id}", "{token}", "{year}"}) {
      if (size_t at = path.find(param); at != std::string::npos) {
        path.replace(at, std::string(param).size(), "1");
      }
    }
    const std::string method(web::MethodName(route.method));
    SCOPED_TRACE(method + " " + path);
    HttpReply reply;
    if (route.surface == web::Surface::kApi) {
      reply =
          client.Send(method, path, "{}",
                      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    } else {
      reply = client.Post(path, "csrf=" + FormEncode(csrf));
    }
    EXPECT_EQ(reply.status, 403);
    ++checked;
  }
  EXPECT_GT(checked, 60);
}

// Point 11: a reset ends every session, API token and older reset link.
TEST_F(AccountsTest, PasswordResetEndsEveryOldCredential) {
  HttpClient other_session = SignedIn(Accounts::kMember);
  const std::string token = TokenFor(Accounts::kMember);
  HttpClient client = Client();
  EXPECT_EQ(client.PostForm("/reset", "/reset", "email=member%40test.dk").status, 303);
  const std::string older = LinkMailedTo(Accounts::kMember, "/reset/");
  EXPECT_EQ(client.PostForm("/reset", "/reset", "email=member%40test.dk").status, 303);
  const std::string link = LinkMailedTo(Accounts::kMember, "/reset/");
  ASSERT_FALSE(link.empty());
  ASSERT_NE(link, older);
  // The page names the tokens that will stop working.
  HttpReply form = client.Get(link);
  EXPECT_TRUE(Contains(form.body, "These API tokens stop working"));
  EXPECT_EQ(client.PostForm(link, link, "password=brand-new-password").status, 303);
  EXPECT_EQ(client.PostForm("/login", link, "password=brand-new-password").status, 404);
  EXPECT_EQ(client.PostForm("/login", older, "password=another-new-password").status, 404);
  EXPECT_EQ(other_session.Get("/account").status, 303);  // signed out
  EXPECT_EQ(Client().Get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401);
  EXPECT_EQ(
      client.PostForm("/login", "/login", "email=member%40test.dk&password=brand-new-password")
          .status,
      303);
}

// Point 11: a password change keeps this session and ends the rest.
TEST_F(AccountsTest, PasswordChangeEndsOtherSessionsTokensAndResetLinks) {
  HttpClient other_session = SignedIn(Accounts::kMember);
  const std::string token = TokenFor(Accounts::kMember);
  EXPECT_EQ(Client().PostForm("/reset", "/reset", "email=member%40test.dk").status, 303);
  const std::string reset = LinkMailedTo(Accounts::kMember, "/reset/");
  HttpClient client = SignedIn(Accounts::kMember);
  EXPECT_TRUE(Contains(client.Get("/account").body, "Your API tokens stop working too."));
  HttpReply reply = client.PostForm(
      "/account", "/account/password",
      std::string("current_password=") + Accounts::kPassword + "&new_password=brand-new-password");
  ASSERT_EQ(reply.status, 303) << reply.body;
  EXPECT_EQ(client.Get("/account").status, 200);
  EXPECT_EQ(other_session.Get("/account").status, 303);
  EXPECT_EQ(Client().Get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 401);
  EXPECT_EQ(Client().PostForm("/login", reset, "password=attacker-password").status, 404);
  EXPECT_TRUE(Contains(MailsTo(Accounts::kMember)[0].subject, "Your password has been changed"));
}

// Point 11: API tokens expire (a year unless chosen) and show when they were last used.
TEST_F(AccountsTest, ApiTokensExpireAndRecordTheirLastUse) {
  HttpReply reply = Client().Post("/api/v1/tokens",
                                  std::string(R"({"email":"member@test.dk","password":")") +
                                      Accounts::kPassword + R"(","expires_in_days":2})",
                                  "application/json");
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_TRUE(Contains(reply.body, "\"expires_at\":" + std::to_string(now_ + 2 * 86400)));
  const std::string token = reply.body.substr(reply.body.find("\"token\":\"") + 9, 43);
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", "Bearer " + token}};
  EXPECT_EQ(Client().Get("/api/v1/me", auth).status, 200);
  HttpClient client = SignedIn(Accounts::kMember);
  EXPECT_FALSE(Contains(client.Get("/account").body, "never used"));
  now_ += 2 * 86400;
  EXPECT_EQ(Client().Get("/api/v1/me", auth).status, 401);
  HttpReply bad = Client().Post("/api/v1/tokens",
                                std::string(R"({"email":"member@test.dk","password":")") +
                                    Accounts::kPassword + R"(","expires_in_days":0})",
                                "application/json");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "expires_in_days"));
  // A token made without a choice works for a year.
  const std::string default_token = TokenFor(Accounts::kMember);
  now_ += 364 * 86400;
  EXPECT_EQ(Client().Get("/api/v1/me", {{"Authorization", "Bearer " + default_token}}).status, 200);
  now_ += 2 * 86400;
  EXPECT_EQ(Client().Get("/api/v1/me", {{"Authorization", "Bearer " + default_token}}).status, 401);
}

// Point 12: wrong passwords from anywhere slow the account, but never lock its owner out: from a
// new address, the right password brings a mailed sign-in link, and right and wrong passwords
// get the same answer.
TEST_F(AccountsTest, GuessingNeverLocksTheOwnerOut) {
  app_->services().config.behind_proxy = true;
  HttpClient attacker = Client();
  int last = 0;
  for (int i = 0; i < 8; ++i) {
    last =
        SignInFrom(attacker, "198.51.100." + std::to_string(i), Accounts::kMember, "wrong-password")
            .status;
  }
  EXPECT_EQ(last, 429);
  // The owner is told, once.
  int told = 0;
  for (const store::OutboxMail& mail : MailsTo(Accounts::kMember)) {
    told += Contains(mail.subject, "Wrong passwords were tried") ? 1 : 0;
  }
  EXPECT_EQ(told, 1);

  HttpClient owner = Client();
  HttpReply right = SignInFrom(owner, "203.0.113.50", Accounts::kMember, Accounts::kPassword);
  HttpReply wrong = SignInFrom(attacker, "203.0.113.51", Accounts::kMember, "another-guess");
  EXPECT_EQ(right.status, wrong.status);
  EXPECT_FALSE(owner.cookies().count("andel_session"));
  const auto message = [](const std::string& body) {
    const size_t at = body.find("class=\"error-summary\"");
    return body.substr(at, body.find("</div>", at) - at);
  };
  EXPECT_EQ(message(right.body), message(wrong.body));
  // Only the right password brought a link.
  const std::string link = LinkMailedTo(Accounts::kMember, "/signin/");
  ASSERT_FALSE(link.empty());
  int links = 0;
  for (const store::OutboxMail& mail : MailsTo(Accounts::kMember)) {
    links += Contains(mail.body, "/signin/") ? 1 : 0;
  }
  EXPECT_EQ(links, 1);
  EXPECT_EQ(owner.PostForm(link, link, "").status, 303);
  EXPECT_EQ(owner.Get("/account").status, 200);
  // When the delays have run out, the password alone works again.
  now_ += 3600;
  HttpClient later = Client();
  EXPECT_EQ(SignInFrom(later, "203.0.113.52", Accounts::kMember, Accounts::kPassword).status, 303);
}

// Point 13: a reset request answers the same, queues one mail either way, and is limited per
// address.
TEST_F(AccountsTest, ResetRequestsAnswerTheSameAndAreLimited) {
  HttpReply known = Client().PostForm("/reset", "/reset", "email=member%40test.dk");
  HttpReply unknown = Client().PostForm("/reset", "/reset", "email=nobody%40test.dk");
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_EQ(known.Header("location"), unknown.Header("location"));
  EXPECT_EQ(MailsTo(Accounts::kMember).size(), 1u);
  ASSERT_EQ(MailsTo("nobody@test.dk").size(), 1u);
  // The stranger is offered an account instead.
  EXPECT_FALSE(LinkMailedTo("nobody@test.dk", "/signup/").empty());
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(Client().PostForm("/reset", "/reset", "email=member%40test.dk").status, 303);
  }
  EXPECT_EQ(MailsTo(Accounts::kMember).size(), 5u);
}

// Point 14: the address changes only with the password and through a link to the new one;
// wrong current passwords are slowed down.
TEST_F(AccountsTest, AccountChangesNeedThePasswordAndTheNewAddress) {
  HttpClient client = SignedIn(Accounts::kMember);
  HttpReply reply = client.PostForm("/account", "/account",
                                    "name=Member&email=new%40test.dk&language=en&password=");
  EXPECT_EQ(reply.status, 400);
  EXPECT_TRUE(Contains(reply.body, "value=\"new@test.dk\""));
  reply = client.PostForm(
      "/account", "/account",
      std::string("name=Member&email=new%40test.dk&language=en&password=") + Accounts::kPassword);
  ASSERT_EQ(reply.status, 303) << reply.body;
  store::AccountRepository accounts(*database_.db);
  EXPECT_TRUE(accounts.FindByEmail(Accounts::kMember).has_value());  // not yet moved
  EXPECT_TRUE(Contains(MailsTo(Accounts::kMember)[0].subject, "about to change"));
  const std::string link = LinkMailedTo("new@test.dk", "/verify/");
  ASSERT_FALSE(link.empty());
  EXPECT_EQ(client.PostForm(link, link, "").status, 303);
  EXPECT_TRUE(accounts.FindByEmail("new@test.dk").has_value());
  EXPECT_FALSE(accounts.FindByEmail(Accounts::kMember).has_value());

  int last = 0;
  for (int i = 0; i < 7; ++i) {
    last = client
               .PostForm("/account", "/account/password",
                         "current_password=guess-" + std::to_string(i) +
                             "&new_password=brand-new-password")
               .status;
  }
  EXPECT_EQ(last, 429);
}

// Point 17: switching the language is a GET, and a GET never writes: the account's language (for
// its mail) changes only on the account page.
TEST_F(AccountsTest, TheLanguageSwitcherChangesThePagesNotTheAccount) {
  HttpClient client = SignedIn(Accounts::kMember);
  HttpReply dutch = client.Get("/?lang=nl");
  EXPECT_TRUE(Contains(dutch.body, "lang=\"nl\""));
  EXPECT_TRUE(Contains(client.Get("/account").body, "lang=\"nl\""));  // kept in this browser
  store::AccountRepository accounts(*database_.db);
  EXPECT_EQ(accounts.FindByEmail(Accounts::kMember)->person.language, "en");
  ASSERT_EQ(
      client.PostForm("/account", "/account", "name=Member&email=member%40test.dk&language=da")
          .status,
      303);
  EXPECT_EQ(accounts.FindByEmail(Accounts::kMember)->person.language, "da");
  EXPECT_TRUE(Contains(client.Get("/").body, "lang=\"da\""));
}

}  // namespace
}  // namespace andel::testing
