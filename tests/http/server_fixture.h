// A live Andel server on a random loopback port, on a fresh database with two communities and
// accounts for every role, for the HTTP tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/accounts/account_repository.h"
#include "store/mail/outbox_repository.h"
#include "support/http_client.h"
#include "support/test_database.h"
#include "web/server/http_server.h"
#include "web/web_app.h"

namespace andel::testing {

struct Accounts {
  static constexpr const char* kPassword = "a-long-test-password";
  static constexpr const char* kAdmin = "admin@test.dk";
  static constexpr const char* kBoard = "board@test.dk";
  static constexpr const char* kMember = "member@test.dk";
  static constexpr const char* kOutsider = "outsider@test.dk";
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Lets a test change the server's options (short timeouts, small caps) before it starts.
  virtual void AdjustOptions(web::ServerOptions& /*options*/) {}

  HttpClient Client() const { return HttpClient(port_); }
  // A client signed in as `email` (by the login form).
  HttpClient SignedIn(const std::string& email);
  // A personal API token for `email`.
  std::string TokenFor(const std::string& email);
  // An account for `email`, named "Test <email>", with the test password; its address confirmed
  // unless `verified` is false (as accounts made before confirmation existed).
  void AddAccount(const std::string& email, bool verified = true, bool server_admin = false);
  // Makes the account with `email` an active member of open-coop, in the research category.
  void AddMember(const std::string& email);
  // Every mail queued so far, newest first.
  std::vector<store::OutboxMail> Outbox();

  TestDatabase database_;
  std::unique_ptr<web::WebApp> app_;
  std::unique_ptr<web::HttpServer> server_;
  uint16_t port_ = 0;
  int64_t now_ = 1790000000;
};

}  // namespace andel::testing
