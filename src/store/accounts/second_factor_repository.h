// Two-step sign-in in the database: each account's authenticator secret (confirmed, and one
// being set up), its one-time recovery codes (by hash), and sign-ins waiting for their second
// step. Checking a code is the web layer's (web/totp.h); this layer records which 30-second step
// was used last, so that no code is accepted twice, even by two servers at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

// The server setting that says who must use two-step sign-in: "none" (the default: whoever
// wants to) or "officers" (server administrators, and the board and administrators of municipal
// programmes, must set it up before they do anything else).
inline constexpr const char* kSecondFactorRequired = "second_factor_required";

struct SecondFactor {
  std::string secret;          // base32; empty until an authenticator is confirmed
  std::string pending_secret;  // base32; one being set up, empty if none
  int64_t confirmed_at = 0;
  int64_t last_step = 0;  // the last 30-second step whose code was accepted
  int recovery_codes_left = 0;
};

// A sign-in whose password was right and whose code is still to come.
struct SignInStep {
  int64_t person_id = 0;
  std::string next_path;
  int failures = 0;
};

class SecondFactorRepository {
 public:
  explicit SecondFactorRepository(Database& db) : db_(db) {}

  // The person's authenticator, or nullopt if they never started setting one up.
  Result<std::optional<SecondFactor>> Find(int64_t person_id);
  // Stores `secret` as the one being set up, replacing any earlier one being set up (a confirmed
  // authenticator keeps working until the new one is confirmed).
  Status StartSetup(int64_t person_id, const std::string& secret);
  // The one being set up becomes the account's authenticator, with `step` used, and
  // `code_hashes` replace every recovery code. kNotFound if nothing was being set up or it is
  // no longer `pending_secret` (set up again meanwhile).
  Status ConfirmSetup(int64_t person_id, const std::string& pending_secret, int64_t step,
                      const std::vector<std::string>& code_hashes, int64_t now);
  // Records `step` as used if it is later than the last one used; false if it is not (the code
  // was used before), so of two requests with one code only one succeeds.
  Result<bool> UseStep(int64_t person_id, int64_t step);
  // Uses up the person's unused recovery code with this hash; false if there is none.
  Result<bool> UseRecoveryCode(int64_t person_id, const std::string& code_hash, int64_t now);
  // New recovery codes replace every earlier one.
  Status ReplaceRecoveryCodes(int64_t person_id, const std::vector<std::string>& code_hashes,
                              int64_t now);
  // Removes the authenticator, the one being set up and the recovery codes.
  Status Remove(int64_t person_id);

  // Whether the person is a board member or administrator of a municipal programme.
  Result<bool> IsProgrammeOfficer(int64_t person_id);

  Status CreateSignInStep(const std::string& token_hash, int64_t person_id,
                          const std::string& next_path, int64_t now, int64_t expires_at);
  // The waiting sign-in, if it exists and has not expired at `now`; kNotFound otherwise.
  Result<SignInStep> FindSignInStep(const std::string& token_hash, int64_t now);
  // Counts a wrong code; returns the failures so far.
  Result<int> RecordStepFailure(const std::string& token_hash);
  Status DeleteSignInStep(const std::string& token_hash);

 private:
  Database& db_;
};

}  // namespace andel::store
