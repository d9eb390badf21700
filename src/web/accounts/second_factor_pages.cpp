// Two-step sign-in pages: the second step of signing in (/login/code), and setting it up,
// making new recovery codes and turning it off on the account (/account/two-step).
#include <sodium.h>

#include "core/text.h"
#include "web/accounts/email_links.h"
#include "web/accounts/handlers.h"
#include "web/accounts/second_factor.h"
#include "web/accounts/sign_in.h"
#include "web/accounts/totp.h"
#include "web/flash.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

constexpr const char* kStepCookie = "andel_step";

std::string ClearStepCookie() {
  return std::string(kStepCookie) + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax";
}

// The waiting sign-in this browser's cookie names, if any.
Result<store::SignInStep> WaitingStep(Context& ctx, std::string& token_hash) {
  const std::optional<std::string> token = CookieValue(ctx.request.Header("cookie"), kStepCookie);
  if (!token || token->size() != 43) {
    return Error::NotFound("this sign-in has expired: please enter your password again", "code");
  }
  token_hash = HashToken(*token);
  return ctx.services.second_factors.FindSignInStep(token_hash, ctx.Now());
}

Response SignInExpired(Context& ctx) {
  ctx.set_cookies.push_back(ClearStepCookie());
  return Redirect("/login?notice=" +
                  UrlEncode("Your sign-in has expired. Please enter your password again."));
}

Response CodeForm(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Sign in"));
  if (ctx.query.Get("recovery") == "1" || ctx.form.Get("recovery") == "1") {
    page.set("recovery", true);
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/signin_code", page, status);
}

std::string QrDataUri(const std::string& svg) {
  std::string encoded(sodium_base64_ENCODED_LEN(svg.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(svg.data()), svg.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.size() - 1);  // the terminating NUL
  return "data:image/svg+xml;base64," + encoded;
}

// The account's two-step sign-in: off, being set up (the QR code and the key), or on (since
// when, the recovery codes left); `new_codes`, when given, are shown once.
Result<Response> TwoStepPage(Context& ctx, int status, const std::optional<Error>& error,
                             const std::vector<std::string>& new_codes = {}) {
  ViewData page = BasePage(ctx, ctx.T("Two-step sign-in"));
  Result<std::optional<store::SecondFactor>> factor =
      ctx.services.second_factors.Find(ctx.person->id);
  if (!factor) return factor.error();
  const bool on = *factor && !(*factor)->secret.empty();
  page.set(on ? "on" : "off", true);
  if (on) {
    page.set("since", FormatDate(ctx.language, DateFromUnixSeconds((*factor)->confirmed_at)));
    page.set("codes_left", FormatInteger(ctx.language, (*factor)->recovery_codes_left));
  }
  if (*factor && !(*factor)->pending_secret.empty() && new_codes.empty()) {
    const std::string& secret = (*factor)->pending_secret;
    page.set("pending", true);
    page.set("key", GroupForTyping(secret));
    page.set("qr",
             QrDataUri(QrCodeSvg(TotpUri(AuthenticatorIssuer(ctx), ctx.person->email, secret))));
  }
  if (ctx.person->second_factor_required) page.set("required", true);
  if (!new_codes.empty()) {
    ViewData codes = MakeList();
    for (const std::string& code : new_codes) codes.push_back(ViewData(code));
    page.set("new_codes", codes);
    page.set("has_new_codes", true);
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/two_step", page, status);
}

Error WrongCode() {
  return Error::InvalidArgument(
      "the code is not right: enter the newest code from your authenticator app, and check "
      "that the phone's clock is right",
      "code");
}

// The page again for a code that was not accepted (429 with Retry-After while the address
// waits).
Result<Response> RefuseCode(Context& ctx, const CodeCheck& check) {
  if (check.verdict == CodeVerdict::kAddressWaits) {
    Result<Response> page = TwoStepPage(
        ctx, 429,
        Error::PermissionDenied(
            "too many failed attempts from your network; please wait a little and try again",
            "code"));
    if (page) page->AddHeader("Retry-After", std::to_string(check.wait));
    return page;
  }
  return TwoStepPage(ctx, 400, WrongCode());
}

// The page again, if the current password in the form's "password" is not right.
std::optional<Result<Response>> RefuseWrongPassword(Context& ctx) {
  const PasswordRecheck check = RecheckPassword(ctx, "password");
  if (!check.error) return std::nullopt;
  if (check.wait == 0 && check.error->code != ErrorCode::kInvalidArgument) return *check.error;
  Result<Response> page = TwoStepPage(ctx, check.wait > 0 ? 429 : 400, *check.error);
  if (page && check.wait > 0) page->AddHeader("Retry-After", std::to_string(check.wait));
  return page;
}

// New recovery codes go to the account's two-step page in the browser's flash cookie (never
// stored on the server but as hashes), shown there after the redirect.
Response ShowNewCodes(Context& ctx, const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& code : codes) joined += (joined.empty() ? "" : " ") + code;
  SetFlash(ctx, "/account/two-step", {{"codes", joined}});
  return Redirect("/account/two-step");
}

}  // namespace

Result<Response> ShowSignInCode(Context& ctx) {
  std::string token_hash;
  Result<store::SignInStep> step = WaitingStep(ctx, token_hash);
  if (!step) {
    if (step.error().code == ErrorCode::kNotFound) return SignInExpired(ctx);
    return step.error();
  }
  return CodeForm(ctx, 200, std::nullopt);
}

Result<Response> SubmitSignInCode(Context& ctx) {
  std::string token_hash;
  Result<store::SignInStep> step = WaitingStep(ctx, token_hash);
  if (!step) {
    if (step.error().code == ErrorCode::kNotFound) return SignInExpired(ctx);
    return step.error();
  }
  Result<store::Account> account = ctx.services.accounts.FindById(step->person_id);
  if (!account) return account.error();
  Result<CodeCheck> check = CheckSecondStep(ctx, account->person, ctx.form.Get("code"));
  if (!check) return check.error();
  if (check->verdict == CodeVerdict::kAddressWaits) {
    Response response = CodeForm(
        ctx, 429,
        Error::PermissionDenied(
            "too many failed attempts from your network; please wait a little and try again",
            "code"));
    response.AddHeader("Retry-After", std::to_string(check->wait));
    return response;
  }
  if (check->verdict == CodeVerdict::kWrong) {
    Result<int> failures = ctx.services.second_factors.RecordStepFailure(token_hash);
    if (!failures) return failures.error();
    if (*failures < kCodeAttempts) return CodeForm(ctx, 401, WrongCode());
    if (Status status = ctx.services.second_factors.DeleteSignInStep(token_hash); !status) {
      return status.error();
    }
    ctx.set_cookies.push_back(ClearStepCookie());
    return Redirect("/login?notice=" +
                    UrlEncode("Too many wrong codes. Please enter your password again."));
  }
  if (Status status = ctx.services.second_factors.DeleteSignInStep(token_hash); !status) {
    return status.error();
  }
  ctx.set_cookies.push_back(ClearStepCookie());
  if (Status status = StartSession(ctx, step->person_id); !status) return status.error();
  return Redirect(SafeNext(step->next_path));
}

Result<Response> ShowTwoStep(Context& ctx) {
  std::vector<std::string> new_codes;
  if (std::optional<FlashValues> flash = ReadFlash(ctx)) {
    const std::string codes = (*flash)["codes"];
    for (std::string_view code : Split(codes, ' ')) {
      if (!code.empty()) new_codes.emplace_back(code);
    }
  }
  return TwoStepPage(ctx, 200, std::nullopt, new_codes);
}

Result<Response> SubmitTwoStepSetup(Context& ctx) {
  if (std::optional<Result<Response>> refused = RefuseWrongPassword(ctx)) return *refused;
  if (Status status = ctx.services.second_factors.StartSetup(ctx.person->id, NewTotpSecret());
      !status) {
    return status.error();
  }
  return Redirect("/account/two-step");
}

Result<Response> SubmitTwoStepConfirm(Context& ctx) {
  Result<std::optional<store::SecondFactor>> factor =
      ctx.services.second_factors.Find(ctx.person->id);
  if (!factor) return factor.error();
  if (!*factor || (*factor)->pending_secret.empty()) {
    return TwoStepPage(ctx, 409,
                       Error::FailedPrecondition("nothing is being set up: start again", "code"));
  }
  const std::string pending = (*factor)->pending_secret;
  const std::optional<int64_t> step =
      MatchTotp(pending, NormaliseCode(ctx.form.Get("code")), ctx.Now());
  if (!step) {
    ctx.services.limit_by_account.RecordFailure("account:" + ctx.person->email, ctx.Now());
    return TwoStepPage(ctx, 400, WrongCode());
  }
  const RecoveryCodes codes = NewRecoveryCodes();
  if (Status status = ctx.services.second_factors.ConfirmSetup(ctx.person->id, pending, *step,
                                                               codes.hashes, ctx.Now());
      !status) {
    if (status.error().code == ErrorCode::kNotFound) return TwoStepPage(ctx, 409, status.error());
    return status.error();
  }
  // Whoever else was signed in did so without the code: they are signed out.
  if (Status status =
          ctx.services.accounts.DeleteSessionsOf(ctx.person->id, HashToken(ctx.session_token));
      !status) {
    return status.error();
  }
  if (Status told = MailNotice(
          ctx, ctx.person->email, ctx.person->language, "Two-step sign-in is on",
          {"Signing in to your Andel account now takes a code from your authenticator app as "
           "well as your password. Every other session has been signed out.",
           "If it was not you, change your password and turn two-step sign-in off on your "
           "account page, or ask the operator of the server for help."});
      !told) {
    return told.error();
  }
  ctx.person->second_factor = true;
  return ShowNewCodes(ctx, codes.codes);
}

Result<Response> SubmitRecoveryCodes(Context& ctx) {
  if (!ctx.person->second_factor) {
    return TwoStepPage(ctx, 409, Error::FailedPrecondition("two-step sign-in is off", "code"));
  }
  Result<CodeCheck> check = CheckSecondStep(ctx, *ctx.person, ctx.form.Get("code"));
  if (!check) return check.error();
  if (check->verdict != CodeVerdict::kRight) return RefuseCode(ctx, *check);
  const RecoveryCodes codes = NewRecoveryCodes();
  if (Status status =
          ctx.services.second_factors.ReplaceRecoveryCodes(ctx.person->id, codes.hashes, ctx.Now());
      !status) {
    return status.error();
  }
  return ShowNewCodes(ctx, codes.codes);
}

Result<Response> SubmitTwoStepRemove(Context& ctx) {
  if (!ctx.person->second_factor) {
    return TwoStepPage(ctx, 409, Error::FailedPrecondition("two-step sign-in is off", "code"));
  }
  if (ctx.person->second_factor_required) {
    return TwoStepPage(ctx, 403,
                       Error::PermissionDenied("this server requires two-step sign-in of server "
                                               "administrators and programme officers",
                                               "code"));
  }
  if (std::optional<Result<Response>> refused = RefuseWrongPassword(ctx)) return *refused;
  Result<CodeCheck> check = CheckSecondStep(ctx, *ctx.person, ctx.form.Get("code"));
  if (!check) return check.error();
  if (check->verdict != CodeVerdict::kRight) return RefuseCode(ctx, *check);
  if (Status status = ctx.services.second_factors.Remove(ctx.person->id); !status) {
    return status.error();
  }
  if (Status told = MailSecondFactorRemoved(ctx.services.outbox, ctx.services.catalog,
                                            *ctx.person, ctx.Now());
      !told) {
    return told.error();
  }
  return Redirect("/account/two-step?notice=" + UrlEncode("Two-step sign-in is off."));
}

}  // namespace andel::web
