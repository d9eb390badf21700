// SQL for two-step sign-in. Portable between SQLite and PostgreSQL.
#include "store/accounts/second_factor_repository.h"

#include <soci/soci.h>

#include "store/database.h"

namespace andel::store {
namespace {

void InsertRecoveryCodes(soci::session& sql, int64_t person_id,
                         const std::vector<std::string>& code_hashes, int64_t now) {
  sql << "DELETE FROM recovery_codes WHERE person_id = :p", soci::use(person_id);
  for (const std::string& hash : code_hashes) {
    sql << "INSERT INTO recovery_codes (code_hash, person_id, created_at) VALUES (:h, :p, :t)",
        soci::use(hash), soci::use(person_id), soci::use(now);
  }
}

}  // namespace

Result<std::optional<SecondFactor>> SecondFactorRepository::Find(int64_t person_id) {
  std::optional<SecondFactor> found;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    SecondFactor factor;
    sql << "SELECT secret, pending_secret, confirmed_at, last_step FROM second_factors "
           "WHERE person_id = :p",
        soci::use(person_id), soci::into(factor.secret), soci::into(factor.pending_secret),
        soci::into(factor.confirmed_at), soci::into(factor.last_step);
    if (!sql.got_data()) return {};
    sql << "SELECT COUNT(*) FROM recovery_codes WHERE person_id = :p AND used_at = 0",
        soci::use(person_id), soci::into(factor.recovery_codes_left);
    found = std::move(factor);
    return {};
  });
  if (!status) return status.error();
  return found;
}

Status SecondFactorRepository::StartSetup(int64_t person_id, const std::string& secret) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    soci::statement update = (sql.prepare << "UPDATE second_factors SET pending_secret = :s "
                                             "WHERE person_id = :p",
                              soci::use(secret), soci::use(person_id));
    update.execute(true);
    if (update.get_affected_rows() == 0) {
      sql << "INSERT INTO second_factors (person_id, pending_secret) VALUES (:p, :s)",
          soci::use(person_id), soci::use(secret);
    }
    return {};
  });
}

Status SecondFactorRepository::ConfirmSetup(int64_t person_id, const std::string& pending_secret,
                                            int64_t step,
                                            const std::vector<std::string>& code_hashes,
                                            int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    soci::statement update =
        (sql.prepare << "UPDATE second_factors SET secret = pending_secret, pending_secret = '', "
                        "confirmed_at = :t, last_step = :s "
                        "WHERE person_id = :p AND pending_secret = :ps AND pending_secret <> ''",
         soci::use(now), soci::use(step), soci::use(person_id), soci::use(pending_secret));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      return Error::NotFound("nothing is being set up: start again", "code");
    }
    InsertRecoveryCodes(sql, person_id, code_hashes, now);
    return {};
  });
}

Result<bool> SecondFactorRepository::UseStep(int64_t person_id, int64_t step) {
  bool used = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    soci::statement update =
        (sql.prepare << "UPDATE second_factors SET last_step = :s "
                        "WHERE person_id = :p AND last_step < :s2 AND secret <> ''",
         soci::use(step), soci::use(person_id), soci::use(step));
    update.execute(true);
    used = update.get_affected_rows() == 1;
    return {};
  });
  if (!status) return status.error();
  return used;
}

Result<bool> SecondFactorRepository::UseRecoveryCode(int64_t person_id,
                                                     const std::string& code_hash, int64_t now) {
  bool used = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    soci::statement update =
        (sql.prepare << "UPDATE recovery_codes SET used_at = :t "
                        "WHERE code_hash = :h AND person_id = :p AND used_at = 0",
         soci::use(now), soci::use(code_hash), soci::use(person_id));
    update.execute(true);
    used = update.get_affected_rows() == 1;
    return {};
  });
  if (!status) return status.error();
  return used;
}

Status SecondFactorRepository::ReplaceRecoveryCodes(int64_t person_id,
                                                    const std::vector<std::string>& code_hashes,
                                                    int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    InsertRecoveryCodes(sql, person_id, code_hashes, now);
    return {};
  });
}

Status SecondFactorRepository::Remove(int64_t person_id) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM recovery_codes WHERE person_id = :p", soci::use(person_id);
    sql << "DELETE FROM second_factors WHERE person_id = :p", soci::use(person_id);
    sql << "DELETE FROM sign_in_steps WHERE person_id = :p", soci::use(person_id);
    return {};
  });
}

Result<bool> SecondFactorRepository::IsProgrammeOfficer(int64_t person_id) {
  int count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM memberships m JOIN communities c ON c.id = m.community_id "
           "WHERE m.person_id = :p AND m.status = 'active' AND m.role IN ('board', 'admin') "
           "AND c.kind = 'municipal_programme'",
        soci::use(person_id), soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count > 0;
}

Status SecondFactorRepository::CreateSignInStep(const std::string& token_hash, int64_t person_id,
                                                const std::string& next_path, int64_t now,
                                                int64_t expires_at) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sign_in_steps WHERE expires_at <= :t", soci::use(now);
    sql << "INSERT INTO sign_in_steps (token_hash, person_id, next_path, created_at, expires_at) "
           "VALUES (:h, :p, :n, :c, :e)",
        soci::use(token_hash), soci::use(person_id), soci::use(next_path), soci::use(now),
        soci::use(expires_at);
    return {};
  });
}

Result<SignInStep> SecondFactorRepository::FindSignInStep(const std::string& token_hash,
                                                          int64_t now) {
  SignInStep step;
  bool found = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT person_id, next_path, failures FROM sign_in_steps "
           "WHERE token_hash = :h AND expires_at > :t",
        soci::use(token_hash), soci::use(now), soci::into(step.person_id),
        soci::into(step.next_path), soci::into(step.failures);
    found = sql.got_data();
    return {};
  });
  if (!status) return status.error();
  if (!found) {
    return Error::NotFound("this sign-in has expired: please enter your password again", "code");
  }
  return step;
}

Result<int> SecondFactorRepository::RecordStepFailure(const std::string& token_hash) {
  int failures = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE sign_in_steps SET failures = failures + 1 WHERE token_hash = :h",
        soci::use(token_hash);
    sql << "SELECT failures FROM sign_in_steps WHERE token_hash = :h", soci::use(token_hash),
        soci::into(failures);
    return {};
  });
  if (!status) return status.error();
  return failures;
}

Status SecondFactorRepository::DeleteSignInStep(const std::string& token_hash) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "DELETE FROM sign_in_steps WHERE token_hash = :h", soci::use(token_hash);
    return {};
  });
}

}  // namespace andel::store
