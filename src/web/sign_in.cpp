// Checking passwords with growing delays, and the sign-in link for a slowed account.
#include "web/sign_in.h"

#include "web/email_links.h"

namespace andel::web {

Result<SignInCheck> CheckSignIn(Context& ctx, const std::string& email,
                                const std::string& password) {
  SignInCheck check;
  const int64_t now = ctx.Now();
  const std::string address_key = "ip:" + ctx.ClientAddress();
  const std::string account_key = "account:" + email;
  if (const int64_t wait = ctx.services.limit_by_address.Wait(address_key, now); wait > 0) {
    check.verdict = SignInVerdict::kAddressWaits;
    check.wait = wait;
    return check;
  }
  Result<store::Account> account = ctx.services.accounts.FindByEmail(email);
  if (!account && account.error().code != ErrorCode::kNotFound) return account.error();
  if (account) check.account = *account;
  const bool right =
      CheckPassword(ctx.services, password, account ? &account->password_hash : nullptr);
  const int64_t account_wait = ctx.services.limit_by_account.Wait(account_key, now);
  if (right && account_wait == 0) {
    ctx.services.limit_by_account.Reset(account_key);
    check.verdict = SignInVerdict::kRight;
    return check;
  }
  if (!right) {
    ctx.services.limit_by_address.RecordFailure(address_key, now);
    const int failures = ctx.services.limit_by_account.RecordFailure(account_key, now);
    if (account && failures == ctx.services.limit_by_account.max_failures()) {
      if (Status told = MailNotice(
              ctx, account->person.email, account->person.language,
              "Wrong passwords were tried for your account",
              {"Several wrong passwords were tried for your Andel account in a short time.",
               "If it was not you: your account is safe while your password is not easy to "
               "guess. For a while, signing in from a new place needs a link that we mail to "
               "you, so nobody can lock you out.",
               "If it was you and you have forgotten your password, you can choose a new one on "
               "the sign-in page."});
          !told) {
        return told.error();
      }
    }
  }
  if (account_wait > 0) {
    check.verdict = SignInVerdict::kAccountSlowed;
    check.wait = account_wait;
    check.password_right = right;
    return check;
  }
  check.verdict = SignInVerdict::kWrong;
  return check;
}

Status MailSignInLink(Context& ctx, const store::Account& account) {
  Result<bool> may_mail = MayMailLinkTo(ctx, account.person.email);
  if (!may_mail) return may_mail.error();
  if (!*may_mail) return {};
  store::EmailLink link;
  link.purpose = store::LinkPurpose::kSignIn;
  link.person_id = account.person.id;
  link.email = account.person.email;
  link.language = account.person.language;
  return MailLink(ctx, link, "Your sign-in link",
                  {"Wrong passwords were tried for your account, so signing in needs this link "
                   "as well as your password. Open it within 15 minutes to sign in:"},
                  {"If you did not try to sign in just now, someone else knows your password: "
                   "choose a new one after signing in."});
}

}  // namespace andel::web
