// Delivers the outbox (password reset links, invitations) through an SMTP relay, in a
// background thread: every mail is tried up to kMaxAttempts times, a pass every interval.
// Without a relay the outbox is only kept in the database and written to the log.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "mail/smtp_client.h"
#include "store/account_repository.h"

namespace andel::mail {

class OutboxRelay {
 public:
  static constexpr int kMaxAttempts = 10;

  OutboxRelay(store::AccountRepository accounts, SmtpSettings settings,
              std::function<int64_t()> now, std::string sender_domain);
  ~OutboxRelay();

  // One pass: sends what waits, records failures. Returns how many were sent.
  int RelayOnce();

  void Start(std::chrono::seconds interval);
  void Stop();

 private:
  store::AccountRepository accounts_;
  SmtpSettings settings_;
  std::function<int64_t()> now_;
  std::string sender_domain_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
};

}  // namespace andel::mail
