// The outbox relay loop.
#include "mail/outbox_relay.h"

#include <spdlog/spdlog.h>

#include "mail/mail_message.h"

namespace andel::mail {

OutboxRelay::OutboxRelay(store::AccountRepository accounts, SmtpSettings settings,
                         std::function<int64_t()> now, std::string sender_domain)
    : accounts_(accounts),
      settings_(std::move(settings)),
      now_(std::move(now)),
      sender_domain_(std::move(sender_domain)) {}

OutboxRelay::~OutboxRelay() { Stop(); }

int OutboxRelay::RelayOnce() {
  Result<std::vector<store::OutboxMail>> waiting = accounts_.ListUnsentMail(50, kMaxAttempts);
  if (!waiting) {
    spdlog::warn("mail relay: cannot read the outbox: {}", waiting.error().message);
    return 0;
  }
  int sent = 0;
  for (const store::OutboxMail& mail : *waiting) {
    MailMessage message;
    message.from = settings_.from;
    message.to = mail.recipient;
    message.subject = mail.subject;
    message.body = mail.body;
    message.message_id = "outbox-" + std::to_string(mail.id) + "-" +
                         std::to_string(mail.created_at) + "@" + sender_domain_;
    Status status = SendMail(settings_, mail.recipient, FormatMessage(message, now_()));
    if (status) {
      if (!accounts_.MarkMailSent(mail.id, now_())) {
        spdlog::warn("mail relay: mail {} sent but not marked as sent", mail.id);
      }
      ++sent;
      spdlog::info("mail relay: sent mail {} to {}", mail.id, mail.recipient);
    } else {
      const std::string reason = status.error().message + " (" + status.error().where + ")";
      spdlog::warn("mail relay: mail {} to {} failed, attempt {}: {}", mail.id, mail.recipient,
                   mail.attempts + 1, reason);
      if (!accounts_.RecordMailFailure(mail.id, reason)) {
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
