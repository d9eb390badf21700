// Checking the second step of a sign-in, recovery codes, and the waiting sign-in.
#include "web/accounts/second_factor.h"

#include <boost/url/parse.hpp>

#include "web/accounts/email_links.h"
#include "web/accounts/totp.h"
#include "web/security.h"

namespace andel::web {
namespace {

constexpr const char* kStepCookie = "andel_step";

}  // namespace

Result<CodeCheck> CheckSecondStep(Context& ctx, const communities::Person& person,
                                  const std::string& typed) {
  CodeCheck check;
  const int64_t now = ctx.Now();
  const std::string address_key = "ip:" + ctx.ClientAddress();
  if (const int64_t wait = ctx.services.limit_by_address.Wait(address_key, now); wait > 0) {
    check.verdict = CodeVerdict::kAddressWaits;
    check.wait = wait;
    return check;
  }
  Result<std::optional<store::SecondFactor>> factor = ctx.services.second_factors.Find(person.id);
  if (!factor) return factor.error();
  const std::string code = NormaliseCode(typed);
  bool right = false;
  bool recovery = false;
  if (*factor && !(*factor)->secret.empty()) {
    if (const std::optional<int64_t> step = MatchTotp((*factor)->secret, code, now)) {
      Result<bool> used = ctx.services.second_factors.UseStep(person.id, *step);
      if (!used) return used.error();
      right = *used;
    } else if (!code.empty()) {
      Result<bool> used =
          ctx.services.second_factors.UseRecoveryCode(person.id, HashToken(code), now);
      if (!used) return used.error();
      right = recovery = *used;
    }
  }
  if (!right) {
    ctx.services.limit_by_address.RecordFailure(address_key, now);
    ctx.services.limit_by_account.RecordFailure("account:" + person.email, now);
    check.verdict = CodeVerdict::kWrong;
    return check;
  }
  if (recovery) {
    if (Status told = MailNotice(
            ctx, person.email, person.language, "A recovery code was used",
            {"One of the recovery codes of your Andel account was just used to sign in. Each "
             "code works once.",
             "If it was you and your authenticator is lost, set up two-step sign-in again on "
             "your account page: that also gives you new recovery codes.",
             "If it was not you, change your password and make new recovery codes at once."});
        !told) {
      return told.error();
    }
  }
  check.verdict = CodeVerdict::kRight;
  return check;
}

RecoveryCodes NewRecoveryCodes() {
  RecoveryCodes codes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    codes.codes.push_back(RandomCode(3));
    codes.hashes.push_back(HashToken(NormaliseCode(codes.codes.back())));
  }
  return codes;
}

Result<Response> StartSecondStep(Context& ctx, int64_t person_id, const std::string& next) {
  const std::string token = RandomToken();
  const int64_t now = ctx.Now();
  if (Status status = ctx.services.second_factors.CreateSignInStep(
          HashToken(token), person_id, next, now, now + kSecondStepSeconds);
      !status) {
    return status.error();
  }
  std::string cookie =
      std::string(kStepCookie) + "=" + token +
      "; Path=/login; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(kSecondStepSeconds);
  if (ctx.services.config.public_url.starts_with("https:")) cookie += "; Secure";
  ctx.set_cookies.push_back(std::move(cookie));
  return Redirect("/login/code");
}

Status MailSecondFactorRemoved(store::OutboxRepository& outbox, const Catalog& catalog,
                               const communities::Person& person, int64_t now) {
  return QueueNotice(
      outbox, catalog, person.email, person.language, "Two-step sign-in is off",
      {"Signing in to your Andel account no longer takes a code from an authenticator app: your "
       "password is enough.",
       "If it was not you, change your password at once and turn two-step sign-in on again."},
      now);
}

std::string AuthenticatorIssuer(const Context& ctx) {
  const boost::system::result<boost::urls::url_view> url =
      boost::urls::parse_absolute_uri(ctx.services.config.public_url);
  if (!url || url->host().empty()) return "Andel";
  return "Andel (" + std::string(url->host()) + ")";
}

}  // namespace andel::web
