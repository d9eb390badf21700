// Checking a password, for signing in (page and API) and for confirming changes on the account
// page, with guessing slowed down but never the owner locked out:
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
#include "store/account_repository.h"
#include "web/context.h"

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

}  // namespace andel::web
