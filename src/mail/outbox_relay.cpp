// The outbox relay loop.
#include "mail/outbox_relay.h"

#include <spdlog/spdlog.h>

#include <cstdint>
#include <random>

#include "core/log_text.h"
#include "mail/mail_message.h"

namespace andel::mail {

namespace {

// 128 random bits in hex: a claim of this relay is told from any other's.
std::string NewClaimToken() {
  std::random_device random;
  std::string token;
  for (int i = 0; i < 4; ++i) {
    const uint32_t word = random();
    for (int shift = 28; shift >= 0; shift -= 4)
      token.push_back("0123456789abcdef"[(word >> shift) & 0xF]);
  }
  return token;
}

}  // namespace

OutboxRelay::OutboxRelay(store::OutboxRepository outbox, SmtpSettings settings,
                         std::function<int64_t()> now, std::string sender_domain)
    : outbox_(outbox),
      settings_(std::move(settings)),
      now_(std::move(now)),
      sender_domain_(std::move(sender_domain)),
      claim_token_(NewClaimToken()) {}

OutboxRelay::~OutboxRelay() { Stop(); }

int OutboxRelay::RelayOnce() {
  int sent = 0;
  int64_t after_id = 0;  // each mail once a pass, in order
  for (int tried = 0; tried < kMailsPerPass; ++tried) {
    store::MailClaim claim;
    claim.token = claim_token_;
    claim.now = now_();
    claim.until = claim.now + kClaimSeconds;
    claim.max_attempts = kMaxAttempts;
    Result<std::optional<store::OutboxMail>> next = outbox_.ClaimNextMail(after_id, claim);
    if (!next) {
      spdlog::warn("mail relay: cannot read the outbox: {}", next.error().message);
      break;
    }
    if (!*next) break;
    const store::OutboxMail& mail = **next;
    after_id = mail.id;
    MailMessage message;
    message.from = settings_.from;
    message.to = mail.recipient;
    message.subject = mail.subject;
    message.body = mail.body;
    message.message_id = "outbox-" + std::to_string(mail.id) + "-" +
                         std::to_string(mail.created_at) + "@" + sender_domain_;
    // The recipient and the relay's replies come from outside: escaped in the log.
    const std::string recipient = LogText(mail.recipient);
    Status status = SendMail(settings_, mail.recipient, FormatMessage(message, now_()));
    if (status) {
      if (!outbox_.MarkMailSent(mail.id, now_())) {
        spdlog::warn("mail relay: mail {} sent but not marked as sent", mail.id);
      }
      ++sent;
      spdlog::info("mail relay: sent mail {} to {}", mail.id, recipient);
    } else {
      const std::string reason = status.error().message + " (" + status.error().where + ")";
      spdlog::warn("mail relay: mail {} to {} failed, attempt {}: {}", mail.id, recipient,
                   mail.attempts + 1, LogText(reason));
      if (!outbox_.RecordMailFailure(mail.id, claim_token_, reason)) {
        spdlog::warn("mail relay: cannot record the failure of mail {}", mail.id);
      }
    }
  }
  return sent;
}

void OutboxRelay::Start(std::chrono::seconds interval) {
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      RelayOnce();
      lock.lock();
      wake_.wait_for(lock, interval, [this] { return stopping_; });
    }
  });
}

void OutboxRelay::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace andel::mail
