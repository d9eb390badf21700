#include "http/server_fixture.h"

#include "communities/community.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "web/security.h"

namespace andel::testing {

void ServerTest::SetUp() {
  database_ = FreshDatabase();
  ASSERT_TRUE(database_.db);
  ASSERT_TRUE(web::InitSecurity().has_value());
  store::AccountRepository accounts(*database_.db);
  store::CommunityRepository communities_repo(*database_.db);
  store::MembershipRepository memberships(*database_.db);
  const std::string hash = *web::HashPassword(Accounts::kPassword);
  std::vector<int64_t> ids;
  for (const char* email :
       {Accounts::kAdmin, Accounts::kBoard, Accounts::kMember, Accounts::kOutsider}) {
    communities::Person person;
    person.email = email;
    person.name = std::string("Test ") + email;
    person.verified = true;
    ids.push_back(*accounts.CreatePerson(person, hash, now_));
  }
  for (const char* slug : {"open-coop", "closed-club"}) {
    communities::Community community;
    community.slug = slug;
    community.name = slug == std::string("open-coop") ? "Åben Andel" : "Closed Club";
    community.is_public = slug == std::string("open-coop");
    community.signup = community.is_public ? communities::SignupPolicy::kOpen
                                           : communities::SignupPolicy::kInvitation;
    const int64_t id = *communities_repo.CreateCommunity(community, ids[0], "citizen", now_);
    std::vector<communities::MemberRow> rows(2);
    rows[0].email = Accounts::kBoard;
    rows[0].name = "Board Person";
    rows[0].category = "business";
    rows[0].role = communities::Role::kBoard;
    rows[1].email = Accounts::kMember;
    rows[1].name = "Member Person";
    rows[1].category = "research";
    ASSERT_TRUE(memberships.ImportMembers(id, rows, now_).has_value());
  }
  web::WebConfig config;
  app_ = std::make_unique<web::WebApp>(*database_.db, config, [this] { return now_; });
  ASSERT_TRUE(app_->Init().has_value());
  web::ServerOptions options;
  options.port = 0;
  options.header_timeout = std::chrono::seconds(2);
  options.body_timeout = std::chrono::seconds(2);
  options.idle_timeout = std::chrono::seconds(2);
  AdjustOptions(options);
  server_ = std::make_unique<web::HttpServer>(
      options, [this](web::Request& request) { return app_->Handle(request); },
      [this](web::Request& head, std::optional<uint64_t> content_length) {
        return app_->Admit(head, content_length);
      },
      [this](int status, const std::string& message, web::Request& partial) {
        return app_->TransportError(status, message, partial);
      });
  Result<uint16_t> port = server_->Start();
  ASSERT_TRUE(port.has_value());
  port_ = *port;
}

void ServerTest::TearDown() {
  if (server_) server_->Stop();
}

HttpClient ServerTest::SignedIn(const std::string& email) {
  HttpClient client = Client();
  HttpReply reply = client.PostForm(
      "/login", "/login",
      "email=" + FormEncode(email) + "&password=" + FormEncode(Accounts::kPassword));
  EXPECT_EQ(reply.status, 303) << email << ": " << reply.body.substr(0, 400);
  EXPECT_TRUE(client.cookies().count("andel_session"));
  return client;
}

std::string ServerTest::TokenFor(const std::string& email) {
  HttpReply reply = Client().Post(
      "/api/v1/tokens",
      std::string(R"({"email":")") + email + R"(","password":")" + Accounts::kPassword + "\"}",
      "application/json");
  EXPECT_EQ(reply.status, 201) << reply.body;
  const size_t at = reply.body.find("\"token\":\"");
  if (at == std::string::npos) return {};
  return reply.body.substr(at + 9, 43);
}

void ServerTest::AddAccount(const std::string& email, bool verified, bool server_admin) {
  store::AccountRepository accounts(*database_.db);
  communities::Person person;
  person.email = email;
  person.name = "Test " + email;
  person.verified = verified;
  person.is_admin = server_admin;
  ASSERT_TRUE(
      accounts.CreatePerson(person, *web::HashPassword(Accounts::kPassword), now_).has_value());
}

void ServerTest::AddMember(const std::string& email) {
  store::CommunityRepository communities(*database_.db);
  store::MembershipRepository memberships(*database_.db);
  std::vector<communities::MemberRow> rows(1);
  rows[0].email = email;
  rows[0].name = "Test " + email;
  rows[0].category = "research";
  ASSERT_TRUE(
      memberships.ImportMembers(communities.FindBySlug("open-coop")->id, rows, now_).has_value());
}

std::vector<store::OutboxMail> ServerTest::Outbox() {
  store::OutboxRepository outbox(*database_.db);
  Result<std::vector<store::OutboxMail>> mails = outbox.ListOutbox(100000);
  EXPECT_TRUE(mails.has_value());
  return mails ? std::move(*mails) : std::vector<store::OutboxMail>{};
}

}  // namespace andel::testing
