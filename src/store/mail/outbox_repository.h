// The mail outbox: mails waiting in the database until a relay (mail/outbox_relay.h) hands them
// to SMTP, each to one relay even when several servers share the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

struct OutboxMail {
  int64_t id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  int64_t created_at = 0;
  int64_t sent_at = 0;  // 0 until an SMTP relay accepted it
  int attempts = 0;
};

// A relay's claim on the outbox (see ClaimNextMail).
struct MailClaim {
  std::string token;  // unique to the relay
  int64_t now = 0;
  int64_t until = 0;  // when the claim runs out, if the relay has not finished by then
  int max_attempts = 0;
};

class OutboxRepository {
 public:
  explicit OutboxRepository(Database& db) : db_(db) {}

  Status QueueMail(const std::string& recipient, const std::string& subject,
                   const std::string& body, int64_t now);
  Result<std::vector<OutboxMail>> ListOutbox(int limit);
  // Mails not yet sent and tried fewer than `max_attempts` times, oldest first.
  Result<std::vector<OutboxMail>> ListUnsentMail(int limit, int max_attempts);
  // Claims the oldest mail after `after_id` that waits (not sent, tried fewer than
  // `claim.max_attempts` times, and unclaimed or its claim run out at `claim.now`) for
  // `claim.token` until `claim.until`; nullopt when none waits. Of relays claiming at once, on
  // one database or several servers, each mail goes to one: the claim is a conditional update.
  Result<std::optional<OutboxMail>> ClaimNextMail(int64_t after_id, const MailClaim& claim);
  // Records a claimed mail as sent (whoever holds its claim now).
  Status MarkMailSent(int64_t mail_id, int64_t now);
  // Records a failed attempt and gives up the claim, if `token` still holds it.
  Status RecordMailFailure(int64_t mail_id, const std::string& token, const std::string& error);

 private:
  Database& db_;
};

}  // namespace andel::store
