// Accounts in the database: persons, sessions, personal API tokens, the mail outbox and server
// settings (links mailed to an address: accounts/email_link_repository.h). Token values never reach
// this layer, only their hashes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communities/community.h"
#include "core/result.h"

namespace andel::store {

class Database;

struct Account {
  communities::Person person;
  std::string password_hash;  // empty: the person has never set a password
};

struct ApiTokenRecord {
  int64_t id = 0;
  std::string name;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  int64_t last_used_at = 0;  // 0: never used; otherwise to the hour
};

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

class AccountRepository {
 public:
  explicit AccountRepository(Database& db) : db_(db) {}

  // kAlreadyExists if the email is taken. Returns the new person's id.
  Result<int64_t> CreatePerson(const communities::Person& person, const std::string& password_hash,
                               int64_t now);
  Result<Account> FindByEmail(const std::string& email);
  Result<Account> FindById(int64_t person_id);
  // Updates name, email and language. kAlreadyExists if the new email is taken.
  Status UpdatePerson(const communities::Person& person);
  Status SetPasswordHash(int64_t person_id, const std::string& password_hash);
  // Records the person's address as proved at `now` (by a mailed link, or by the operator).
  Status MarkVerified(int64_t person_id, int64_t now);

  Status CreateSession(const std::string& token_hash, int64_t person_id, int64_t now,
                       int64_t expires_at);
  // The person whose session this is, or kUnauthenticated if none or expired.
  Result<communities::Person> FindSession(const std::string& token_hash, int64_t now);
  Status DeleteSession(const std::string& token_hash);
  // Ends every session of the person but the one with `except_hash` (if any).
  Status DeleteSessionsOf(int64_t person_id, const std::string& except_hash = "");

  Result<int64_t> CreateApiToken(int64_t person_id, const std::string& name,
                                 const std::string& token_hash, int64_t now, int64_t expires_at);
  Result<std::vector<ApiTokenRecord>> ListApiTokens(int64_t person_id);
  // kNotFound unless the token exists and belongs to the person.
  Status DeleteApiToken(int64_t person_id, int64_t token_id);
  // The token's person, if the token exists and has not expired at `now` (its use is recorded).
  Result<communities::Person> FindByApiToken(const std::string& token_hash, int64_t now);
  Status DeleteApiTokensOf(int64_t person_id);

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

  // The setting's value, storing `fallback` first if the key has none (races resolve to one).
  Result<std::string> GetOrCreateSetting(const std::string& key, const std::string& fallback);
  Status SetSetting(const std::string& key, const std::string& value);

  Result<int64_t> CountPersons();

 private:
  Database& db_;
};

}  // namespace andel::store
