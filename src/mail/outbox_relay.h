// Delivers the outbox (password reset links, invitations) through an SMTP relay, in a
// background thread: every mail is tried up to kMaxAttempts times, a pass every interval.
// Without a relay the outbox is only kept in the database and written to the log.
// Several servers may relay the same outbox: each claims a mail before sending it, so a mail
// goes out once. A claim runs out after kClaimSeconds, so the mail of a relay that stopped
// while sending is sent by another (perhaps again, if the first had sent it: the Message-ID is
// the same, so the receiving side can tell).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "mail/smtp_client.h"
#include "store/mail/outbox_repository.h"

namespace andel::mail {

class OutboxRelay {
 public:
  static constexpr int kMaxAttempts = 10;
  // Longer than one delivery can take (a connection and six replies, each up to the timeout).
  static constexpr int64_t kClaimSeconds = 600;
  // Mails tried in one pass at most.
  static constexpr int kMailsPerPass = 50;

  OutboxRelay(store::OutboxRepository outbox, SmtpSettings settings,
              std::function<int64_t()> now, std::string sender_domain);
  ~OutboxRelay();

  // One pass: tries each waiting mail once (those another relay has not claimed), records
  // failures. Returns how many were sent.
  int RelayOnce();

  void Start(std::chrono::seconds interval);
  void Stop();

 private:
  store::OutboxRepository outbox_;
  SmtpSettings settings_;
  std::function<int64_t()> now_;
  std::string sender_domain_;
  std::string claim_token_;  // random, unique to this relay
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace andel::mail
