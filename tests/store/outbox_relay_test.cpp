// The outbox relay against an SMTP peer on loopback that speaks the server side of RFC 5321 and
// records what it receives; on SQLite and PostgreSQL. Two relays on one database (two servers)
// send each mail once.
#include "mail/outbox_relay.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <latch>
#include <thread>

#include "mail/mail_message.h"
#include "support/test_database.h"

namespace andel::mail {
namespace {

// Accepts connections one after another and answers each command; `reject_recipients` makes it
// refuse RCPT TO with 550.
class SmtpPeer {
 public:
  explicit SmtpPeer(bool reject_recipients) : reject_(reject_recipients) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(listener_, 4);
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpPeer() {
    stop_ = true;
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    thread_.join();
  }
  uint16_t port() const { return port_; }
  std::string transcript() {
    std::lock_guard lock(mutex_);
    return transcript_;
  }

 private:
  void Serve() {
    while (!stop_) {
      const int fd = accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      Talk(fd);
      close(fd);
    }
  }
  void Reply(int fd, const std::string& line) { send(fd, line.data(), line.size(), MSG_NOSIGNAL); }
  void Talk(int fd) {
    Reply(fd, "220 peer ESMTP\r\n");
    std::string buffer;
    bool in_data = false;
    char chunk[4096];
    while (true) {
      const size_t end = buffer.find("\r\n");
      if (end == std::string::npos) {
        const ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return;
        buffer.append(chunk, static_cast<size_t>(n));
        continue;
      }
      const std::string line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      {
        std::lock_guard lock(mutex_);
        transcript_ += line + "\n";
      }
      if (in_data) {
        if (line == ".") {
          in_data = false;
          Reply(fd, "250 queued\r\n");
        }
        continue;
      }
      if (line.starts_with("EHLO")) {
        Reply(fd, "250-peer\r\n250 8BITMIME\r\n");
      } else if (line.starts_with("MAIL FROM")) {
        Reply(fd, "250 ok\r\n");
      } else if (line.starts_with("RCPT TO")) {
        Reply(fd, reject_ ? "550 no such user\r\n" : "250 ok\r\n");
      } else if (line == "DATA") {
        in_data = true;
        Reply(fd, "354 go ahead\r\n");
      } else if (line == "QUIT") {
        Reply(fd, "221 bye\r\n");
        return;
      } else {
        Reply(fd, "500 what\r\n");
      }
    }
  }

  bool reject_;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::string transcript_;
};

SmtpSettings SettingsFor(uint16_t port) {
  SmtpSettings settings;
  settings.host = "127.0.0.1";
  settings.port = port;
  settings.from = "andel@example.org";
  settings.timeout_seconds = 5;
  return settings;
}

TEST(OutboxRelay, DeliversWaitingMailOnce) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  store::OutboxRepository repository(*t.db);
  ASSERT_TRUE(repository
                  .QueueMail("mette@example.dk", "Nulstil din adgangskode",
                             "Linket:\n.\nhttps://x/reset/abc", 100)
                  .has_value());
  SmtpPeer peer(false);
  OutboxRelay relay(
      repository, SettingsFor(peer.port()), [] { return int64_t{200}; }, "example.org");
  EXPECT_EQ(relay.RelayOnce(), 1);
  EXPECT_EQ(relay.RelayOnce(), 0);  // nothing is sent twice
  const std::string transcript = peer.transcript();
  EXPECT_NE(transcript.find("MAIL FROM:<andel@example.org>"), std::string::npos);
  EXPECT_NE(transcript.find("RCPT TO:<mette@example.dk>"), std::string::npos);
  EXPECT_NE(transcript.find("Message-ID: <outbox-1-100@example.org>"), std::string::npos);
  EXPECT_NE(transcript.find(Base64("Linket:\n.\nhttps://x/reset/abc")), std::string::npos);
  Result<std::vector<store::OutboxMail>> outbox = repository.ListOutbox(10);
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ(outbox->at(0).sent_at, 200);
}

TEST(OutboxRelay, RecordsRefusalsAndGivesUpAfterTheLastAttempt) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  store::OutboxRepository repository(*t.db);
  ASSERT_TRUE(repository.QueueMail("nobody@example.dk", "Invitation", "x", 100).has_value());
  SmtpPeer peer(true);
  OutboxRelay relay(
      repository, SettingsFor(peer.port()), [] { return int64_t{200}; }, "example.org");
  for (int attempt = 0; attempt < OutboxRelay::kMaxAttempts + 2; ++attempt) {
    EXPECT_EQ(relay.RelayOnce(), 0);
  }
  Result<std::vector<store::OutboxMail>> outbox = repository.ListOutbox(10);
  EXPECT_EQ(outbox->at(0).sent_at, 0);
  EXPECT_EQ(outbox->at(0).attempts, OutboxRelay::kMaxAttempts);
  EXPECT_TRUE(repository.ListUnsentMail(10, OutboxRelay::kMaxAttempts)->empty());
}

TEST(OutboxRelay, AnUnreachableRelayKeepsTheMail) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  store::OutboxRepository repository(*t.db);
  ASSERT_TRUE(repository.QueueMail("mette@example.dk", "Invitation", "x", 100).has_value());
  uint16_t closed_port = 0;
  {
    SmtpPeer peer(false);
    closed_port = peer.port();
  }
  OutboxRelay relay(
      repository, SettingsFor(closed_port), [] { return int64_t{200}; }, "example.org");
  EXPECT_EQ(relay.RelayOnce(), 0);
  EXPECT_EQ(repository.ListUnsentMail(10, OutboxRelay::kMaxAttempts)->size(), 1u);
}

// How many lines of `transcript` are exactly `line`.
int CountLines(const std::string& transcript, const std::string& line) {
  int count = 0;
  for (size_t at = transcript.find(line + "\n"); at != std::string::npos;
       at = transcript.find(line + "\n", at + 1)) {
    if (at == 0 || transcript[at - 1] == '\n') ++count;
  }
  return count;
}

TEST(OutboxRelay, TwoServersSendEveryMailOnce) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  Result<std::unique_ptr<store::Database>> other = store::Database::Open(t.url, 4);
  ASSERT_TRUE(other.has_value());
  store::OutboxRepository first(*t.db);
  store::OutboxRepository second(**other);
  constexpr int kMails = 30;
  for (int i = 0; i < kMails; ++i) {
    ASSERT_TRUE(
        first.QueueMail("member" + std::to_string(i) + "@example.dk", "Invitation", "Welcome", 100)
            .has_value());
  }
  SmtpPeer peer(false);
  const auto now = [] { return int64_t{200}; };
  OutboxRelay relays[2] = {OutboxRelay(first, SettingsFor(peer.port()), now, "example.org"),
                           OutboxRelay(second, SettingsFor(peer.port()), now, "example.org")};
  int sent[2] = {0, 0};
  std::latch start(2);
  const auto relay = [&](int server) {
    start.arrive_and_wait();
    for (int pass = 0; pass < 2; ++pass) sent[server] += relays[server].RelayOnce();
  };
  std::thread a(relay, 0);
  std::thread b(relay, 1);
  a.join();
  b.join();
  EXPECT_EQ(sent[0] + sent[1], kMails);
  const std::string transcript = peer.transcript();
  for (int i = 0; i < kMails; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(CountLines(transcript, "RCPT TO:<member" + std::to_string(i) + "@example.dk>"), 1);
  }
  EXPECT_TRUE(first.ListUnsentMail(100, OutboxRelay::kMaxAttempts)->empty());
}

TEST(OutboxRelay, TheClaimOfARelayThatStoppedRunsOut) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  store::OutboxRepository repository(*t.db);
  ASSERT_TRUE(repository.QueueMail("mette@example.dk", "Invitation", "x", 100).has_value());
  // Another server claimed the mail at 200, for ten minutes, and stopped before sending it.
  ASSERT_TRUE(
      t.db->Execute("UPDATE outbox SET claim = 'stopped-relay', claimed_until = 800").has_value());
  SmtpPeer peer(false);
  std::atomic<int64_t> clock{300};
  OutboxRelay relay(
      repository, SettingsFor(peer.port()), [&clock] { return clock.load(); }, "example.org");
  EXPECT_EQ(relay.RelayOnce(), 0);  // still claimed by the other
  EXPECT_EQ(peer.transcript().find("RCPT TO"), std::string::npos);
  clock = 800;
  EXPECT_EQ(relay.RelayOnce(), 1);
  EXPECT_EQ(relay.RelayOnce(), 0);
  EXPECT_EQ(CountLines(peer.transcript(), "RCPT TO:<mette@example.dk>"), 1);
  EXPECT_EQ(repository.ListOutbox(10)->at(0).sent_at, 800);
}

}  // namespace
}  // namespace andel::mail
