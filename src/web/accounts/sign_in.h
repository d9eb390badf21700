// Signing in: checking a password (page and API, and confirming changes on the account page),
// then starting a session or, for an account with two-step sign-in, the step that asks for its
// code (accounts/second_factor.h). Guessing is slowed down but the owner never locked out:
// - an address that keeps failing waits longer and longer (1 s, 2 s, 4 s, … up to an hour)
//   before its next attempt is even looked at;
// - an account that keeps failing, from anywhere, is "slowed": further attempts get one answer
//   whether the password is right or wrong, and if it was right the owner is mailed a one-time
//   sign-in link, so the owner gets in from a new address while a guesser learns nothing. The
//   owner is told by mail when an account becomes slowed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "store/accounts/account_repository.h"
#include "web/context.h"
#include "web/server/http.h"

namespace andel::web {

enum class SignInVerdict {
  kRight,          // the password is the account's
  kWrong,          // no such account, or not its password
  kAddressWaits,   // this address failed too often: not checked, wait `wait` seconds
  kAccountSlowed,  // the account failed too often: the same answer for right and wrong
};

struct SignInCheck {
  SignInVerdict verdict = SignInVerdict::kWrong;
  int64_t wait = 0;                       // seconds, for kAddressWaits and kAccountSlowed
  bool password_right = false;            // for kAccountSlowed: whether to mail a sign-in link
  std::optional<store::Account> account;  // when the address has one
};

// Checks `password` for the account with `email` and records the outcome in the throttles.
Result<SignInCheck> CheckSignIn(Context& ctx, const std::string& email,
                                const std::string& password);

// Mails the owner of `account` a one-time sign-in link (used when the account is slowed and the
// password was right).
Status MailSignInLink(Context& ctx, const store::Account& account);

// The signed-in person's current password, checked again before a change to their account.
// Wrong guesses count with failed sign-ins against the account, and wait as long.
struct PasswordRecheck {
  std::optional<Error> error;  // none: the password is right
  int64_t wait = 0;            // seconds to wait, when the account has failed too often
};
PasswordRecheck RecheckPassword(Context& ctx, const char* field);

// Where to go after signing in: `next` if it is a path on this site, else "/". Refused: another
// site (`//host`, `/\host`), any backslash, and control characters. Bytes a URL may not hold as
// they are (non-ASCII, space, quotes, angle brackets) are percent-encoded.
std::string SafeNext(const std::string& next);

// A new session for the person, replacing the one the browser had (rotation at sign-in).
Status StartSession(Context& ctx, int64_t person_id);

// The password (or a mailed sign-in link) proved who `person` is: starts their session and
// redirects to `next` (made safe), or, if they use two-step sign-in, starts that step (a cookie
// for this browser) and redirects to the page that asks for the code.
Result<Response> FinishSignIn(Context& ctx, const communities::Person& person,
                              const std::string& next);

}  // namespace andel::web
