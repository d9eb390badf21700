// Two-step sign-in: after the password, a code from an authenticator app (TOTP, see
// accounts/totp.h) or one of the account's ten one-time recovery codes. Shared by the sign-in
// page's second step, the API's token creation and the account page's changes to two-step sign-in.
//
// Guessing a code is slowed like guessing a password: a wrong code counts against the client's
// address and the account (accounts/sign_in.h), and a waiting sign-in ends after kCodeAttempts
// wrong codes, so that the password must be entered again.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "communities/community.h"
#include "core/result.h"
#include "web/context.h"
#include "web/server/http.h"

namespace andel::web {

inline constexpr int kRecoveryCodeCount = 10;
inline constexpr int kCodeAttempts = 5;
// How long a sign-in waits for its code.
inline constexpr int64_t kSecondStepSeconds = 10 * 60;

enum class CodeVerdict {
  kRight,         // the code was right, and is now used up
  kWrong,         // not a code of the account, or one used before
  kAddressWaits,  // this address failed too often: not checked, wait `wait` seconds
};

struct CodeCheck {
  CodeVerdict verdict = CodeVerdict::kWrong;
  int64_t wait = 0;
};

// Checks `typed` (six digits from the authenticator, or a recovery code) for the person's
// confirmed authenticator, uses it up if right, and counts it in the throttles if wrong. A used
// recovery code is told to the owner by mail.
Result<CodeCheck> CheckSecondStep(Context& ctx, const communities::Person& person,
                                  const std::string& typed);

// Ten new recovery codes ("7K2M-XQ4D-9PWT"), to show once, and their hashes, to store.
struct RecoveryCodes {
  std::vector<std::string> codes;
  std::vector<std::string> hashes;
};
RecoveryCodes NewRecoveryCodes();

// Starts the second step of a sign-in whose password was right: a waiting sign-in, a cookie
// that names it, and a redirect to the page that asks for the code.
Result<Response> StartSecondStep(Context& ctx, int64_t person_id, const std::string& next);

// Tells the owner that two-step sign-in of their account was turned off (by them, or by the
// operator from the command line).
Status MailSecondFactorRemoved(store::OutboxRepository& outbox, const Catalog& catalog,
                               const communities::Person& person, int64_t now);

// The name of the server in an authenticator app: "Andel (host)".
std::string AuthenticatorIssuer(const Context& ctx);

}  // namespace andel::web
