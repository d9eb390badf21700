// SQL for accounts. Every statement here is portable between SQLite and PostgreSQL.
#include "store/accounts/account_repository.h"

#include <soci/soci.h>

#include <optional>

#include "store/accounts/person_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {
namespace {

// Two-step sign-in, for a person `p`: whether they have an authenticator, and whether the
// operator requires one of them (setting second_factor_required = "officers": of server
// administrators and of the board and administrators of municipal programmes).
constexpr const char* kSecondFactorColumns =
    "(SELECT COUNT(*) FROM second_factors f WHERE f.person_id = p.id AND f.secret <> ''), "
    "(SELECT COUNT(*) FROM settings WHERE key = 'second_factor_required' AND value = 'officers' "
    "AND (p.is_admin <> 0 OR EXISTS (SELECT 1 FROM memberships m "
    "JOIN communities c ON c.id = m.community_id WHERE m.person_id = p.id "
    "AND m.status = 'active' AND m.role IN ('board', 'admin') "
    "AND c.kind = 'municipal_programme'))) ";

constexpr const char* kPersonColumns =
    "SELECT id, email, name, language, is_admin, email_verified_at, password_hash, ";

Result<Account> FindAccount(Database& db, const std::string& where_sql, auto value) {
  Account account;
  bool found = false;
  Status status = db.Run([&](soci::session& sql) -> Status {
    int is_admin = 0;
    int64_t verified_at = 0;
    int has_factor = 0;
    int factor_required = 0;
    sql << std::string(kPersonColumns) + kSecondFactorColumns + "FROM persons p " + where_sql,
        soci::use(value), soci::into(account.person.id), soci::into(account.person.email),
        soci::into(account.person.name), soci::into(account.person.language), soci::into(is_admin),
        soci::into(verified_at), soci::into(account.password_hash), soci::into(has_factor),
        soci::into(factor_required);
    found = sql.got_data();
    account.person.is_admin = is_admin != 0;
    account.person.verified = verified_at != 0;
    account.person.second_factor = has_factor != 0;
    account.person.second_factor_required = factor_required != 0;
    return {};
  });
  if (!status) return status.error();
  if (!found) return Error::NotFound("no such account");
  return account;
}

}  // namespace

Result<int64_t> AccountRepository::CreatePerson(const communities::Person& person,
                                                const std::string& password_hash, int64_t now) {
  int64_t id = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    const int is_admin = person.is_admin ? 1 : 0;
    const int64_t verified_at = person.verified ? now : 0;
    sql << "INSERT INTO persons (email, name, password_hash, language, is_admin, "
           "email_verified_at, created_at) VALUES (:e, :n, :p, :l, :a, :v, :t) RETURNING id",
        soci::use(person.email), soci::use(person.name), soci::use(password_hash),
        soci::use(person.language), soci::use(is_admin), soci::use(verified_at), soci::use(now),
        soci::into(id);
    return {};
  });
  if (!status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("an account with this email already exists", "email");
    }
    return status.error();
  }
  return id;
}

Result<Account> AccountRepository::FindByEmail(const std::string& email) {
  return FindAccount(db_, "WHERE email = :e", email);
}

Result<Account> AccountRepository::FindById(int64_t person_id) {
  return FindAccount(db_, "WHERE id = :id", person_id);
}

Status AccountRepository::UpdatePerson(const communities::Person& person) {
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE persons SET name = :n, email = :e, language = :l WHERE id = :id",
        soci::use(person.name), soci::use(person.email), soci::use(person.language),
        soci::use(person.id);
    RefreshSearchKeys(sql, person.id);
    return {};
  });
  if (!status && status.error().code == ErrorCode::kAlreadyExists) {
    return Error::AlreadyExists("an account with this email already exists", "email");
  }
  return status;
}

Status AccountRepository::SetPasswordHash(int64_t person_id, const std::string& password_hash) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "UPDATE persons SET password_hash = :p WHERE id = :id", soci::use(password_hash),
        soci::use(person_id);
    return {};
  });
}

Status AccountRepository::MarkVerified(int64_t person_id, int64_t now) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "UPDATE persons SET email_verified_at = :t WHERE id = :id", soci::use(now),
        soci::use(person_id);
    return {};
  });
}

Status AccountRepository::CreateSession(const std::string& token_hash, int64_t person_id,
                                        int64_t now, int64_t expires_at) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE person_id = :p AND expires_at < :t", soci::use(person_id),
        soci::use(now);
    sql << "INSERT INTO sessions (token_hash, person_id, created_at, expires_at) "
           "VALUES (:h, :p, :c, :e)",
        soci::use(token_hash), soci::use(person_id), soci::use(now), soci::use(expires_at);
    return {};
  });
}

Result<communities::Person> AccountRepository::FindSession(const std::string& token_hash,
                                                           int64_t now) {
  communities::Person person;
  bool found = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    int is_admin = 0;
    int64_t verified_at = 0;
    int has_factor = 0;
    int factor_required = 0;
    sql << std::string(
               "SELECT p.id, p.email, p.name, p.language, p.is_admin, "
               "p.email_verified_at, ") +
               kSecondFactorColumns +
               "FROM sessions s JOIN persons p ON p.id = s.person_id "
               "WHERE s.token_hash = :h AND s.expires_at > :t",
        soci::use(token_hash), soci::use(now), soci::into(person.id), soci::into(person.email),
        soci::into(person.name), soci::into(person.language), soci::into(is_admin),
        soci::into(verified_at), soci::into(has_factor), soci::into(factor_required);
    found = sql.got_data();
    person.is_admin = is_admin != 0;
    person.verified = verified_at != 0;
    person.second_factor = has_factor != 0;
    person.second_factor_required = factor_required != 0;
    return {};
  });
  if (!status) return status.error();
  if (!found) return Error::Unauthenticated("please sign in");
  return person;
}

Status AccountRepository::DeleteSession(const std::string& token_hash) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(token_hash);
    return {};
  });
}

Status AccountRepository::DeleteSessionsOf(int64_t person_id, const std::string& except_hash) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sessions WHERE person_id = :p AND token_hash <> :h", soci::use(person_id),
        soci::use(except_hash);
    return {};
  });
}

Result<int64_t> AccountRepository::CreateApiToken(int64_t person_id, const std::string& name,
                                                  const std::string& token_hash, int64_t now,
                                                  int64_t expires_at) {
  int64_t id = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "INSERT INTO api_tokens (person_id, name, token_hash, created_at, expires_at) "
           "VALUES (:p, :n, :h, :t, :e) RETURNING id",
        soci::use(person_id), soci::use(name), soci::use(token_hash), soci::use(now),
        soci::use(expires_at), soci::into(id);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<ApiTokenRecord>> AccountRepository::ListApiTokens(int64_t person_id) {
  std::vector<ApiTokenRecord> tokens;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    ApiTokenRecord token;
    soci::statement select =
        (sql.prepare << "SELECT id, name, created_at, expires_at, last_used_at FROM api_tokens "
                        "WHERE person_id = :p ORDER BY id",
         soci::use(person_id), soci::into(token.id), soci::into(token.name),
         soci::into(token.created_at), soci::into(token.expires_at),
         soci::into(token.last_used_at));
    select.execute();
    while (select.fetch()) tokens.push_back(token);
    return {};
  });
  if (!status) return status.error();
  return tokens;
}

Status AccountRepository::DeleteApiToken(int64_t person_id, int64_t token_id) {
  return db_.Run([&](soci::session& sql) -> Status {
    soci::statement remove =
        (sql.prepare << "DELETE FROM api_tokens WHERE id = :id AND person_id = :p",
         soci::use(token_id), soci::use(person_id));
    remove.execute(true);
    if (remove.get_affected_rows() != 1) return Error::NotFound("no such token");
    return {};
  });
}

namespace {

struct ApiTokenQuery : PreparedStatements::Entry {
  explicit ApiTokenQuery(soci::session& sql)
      : statement((sql.prepare << std::string("SELECT t.id, t.last_used_at, p.id, p.email, "
                                              "p.name, p.language, p.is_admin, "
                                              "p.email_verified_at, ") +
                                      kSecondFactorColumns +
                                      "FROM api_tokens t JOIN persons p ON p.id = t.person_id "
                                      "WHERE t.token_hash = :h AND t.expires_at > :now",
                   soci::use(token_hash), soci::use(now), soci::into(token_id),
                   soci::into(last_used_at), soci::into(person.id), soci::into(person.email),
                   soci::into(person.name), soci::into(person.language), soci::into(is_admin),
                   soci::into(verified_at), soci::into(has_factor), soci::into(factor_required))) {}

  std::string token_hash;
  int64_t now = 0;
  int64_t token_id = 0;
  int64_t last_used_at = 0;
  communities::Person person;
  int is_admin = 0;
  int64_t verified_at = 0;
  int has_factor = 0;
  int factor_required = 0;
  soci::statement statement;
};

// A token's last use is recorded to the hour: enough to tell a stale token, and one write an
// hour rather than one per request.
constexpr int64_t kLastUsedResolution = 3600;

}  // namespace

Result<communities::Person> AccountRepository::FindByApiToken(const std::string& token_hash,
                                                              int64_t now) {
  std::optional<communities::Person> person;
  int64_t token_id = 0;
  bool stale_use = false;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    ApiTokenQuery& query = prepared.Get<ApiTokenQuery>("person_by_api_token", sql);
    query.token_hash = token_hash;
    query.now = now;
    if (query.statement.execute(true)) {
      person = query.person;
      person->is_admin = query.is_admin != 0;
      person->verified = query.verified_at != 0;
      person->second_factor = query.has_factor != 0;
      person->second_factor_required = query.factor_required != 0;
      token_id = query.token_id;
      stale_use = query.last_used_at + kLastUsedResolution <= now;
      FinishStatement(query.statement);
    }
    return {};
  });
  if (!status) return status.error();
  if (!person) return Error::Unauthenticated("the API token is not valid or has expired");
  if (stale_use) {
    Status recorded = db_.Run([&](soci::session& sql) -> Status {
      sql << "UPDATE api_tokens SET last_used_at = :t WHERE id = :id", soci::use(now),
          soci::use(token_id);
      return {};
    });
    if (!recorded) return recorded.error();
  }
  return *person;
}

Status AccountRepository::DeleteApiTokensOf(int64_t person_id) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM api_tokens WHERE person_id = :p", soci::use(person_id);
    return {};
  });
}

Result<int64_t> AccountRepository::CountPersons() {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM persons", soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

int64_t FindOrCreatePersonIn(soci::session& sql, const std::string& email, const std::string& name,
                             int64_t now) {
  int64_t id = 0;
  sql << "SELECT id FROM persons WHERE email = :e", soci::use(email), soci::into(id);
  if (sql.got_data()) return id;
  sql << "INSERT INTO persons (email, name, created_at) VALUES (:e, :n, :t) RETURNING id",
      soci::use(email), soci::use(name), soci::use(now), soci::into(id);
  return id;
}

Result<int64_t> AccountRepository::FindOrCreatePerson(const std::string& email,
                                                      const std::string& name, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = FindOrCreatePersonIn(sql, email, name, now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

}  // namespace andel::store
