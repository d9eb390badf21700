// Accounts in the database: persons, sessions and personal API tokens (links mailed to an
// address: accounts/email_link_repository.h; the mail outbox: mail/outbox_repository.h). Token
// values never reach this layer, only their hashes.
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

  Result<int64_t> CountPersons();

  // Any person's id by email, creating an account without a password if absent.
  Result<int64_t> FindOrCreatePerson(const std::string& email, const std::string& name,
                                     int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
