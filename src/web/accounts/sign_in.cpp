// Checking passwords with growing delays, the sign-in link for a slowed account, and starting a
// session or the second step.
#include "web/accounts/sign_in.h"

#include "web/accounts/email_links.h"
#include "web/accounts/second_factor.h"
#include "web/responses.h"
#include "web/security.h"

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

PasswordRecheck RecheckPassword(Context& ctx, const char* field) {
  PasswordRecheck check;
  const std::string key = "account:" + ctx.person->email;
  const int64_t now = ctx.Now();
  if (const int64_t wait = ctx.services.limit_by_account.Wait(key, now); wait > 0) {
    check.wait = wait;
    check.error = Error::PermissionDenied(
        "too many wrong passwords; please wait a little and try again", field);
    return check;
  }
  Result<store::Account> account = ctx.services.accounts.FindById(ctx.person->id);
  if (!account) {
    check.error = account.error();
    return check;
  }
  if (VerifyPassword(ctx.form.Get(field), account->password_hash)) return check;
  ctx.services.limit_by_account.RecordFailure(key, now);
  check.error = Error::InvalidArgument("the current password is not right", field);
  return check;
}

// A CR or LF would end the Location header and start another; browsers drop tabs, so `/\t/host`
// would become `//host`.
std::string SafeNext(const std::string& next) {
  if (next.empty() || next[0] != '/' || (next.size() > 1 && next[1] == '/')) return "/";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : next) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return "/";
    if (byte >= 0x80 || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
        c == '}' || c == '|' || c == '^') {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    } else {
      out += c;
    }
  }
  return out;
}

Status StartSession(Context& ctx, int64_t person_id) {
  if (!ctx.session_token.empty()) {
    if (Status status = ctx.services.accounts.DeleteSession(HashToken(ctx.session_token));
        !status) {
      return status;
    }
  }
  const std::string token = RandomToken();
  const int64_t now = ctx.Now();
  if (Status status = ctx.services.accounts.CreateSession(
          HashToken(token), person_id, now, now + ctx.services.config.session_seconds);
      !status) {
    return status;
  }
  std::string cookie = "andel_session=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
                       std::to_string(ctx.services.config.session_seconds);
  if (ctx.services.config.public_url.starts_with("https:")) cookie += "; Secure";
  ctx.set_cookies.push_back(std::move(cookie));
  ctx.session_token = token;
  return {};
}

Result<Response> FinishSignIn(Context& ctx, const communities::Person& person,
                              const std::string& next) {
  if (person.second_factor) return StartSecondStep(ctx, person.id, SafeNext(next));
  if (Status status = StartSession(ctx, person.id); !status) return status.error();
  return Redirect(SafeNext(next));
}

}  // namespace andel::web
