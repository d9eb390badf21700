// The signed-in person's account: name, language, address (changed only through a link mailed to
// the new one, and only with the password), password, personal API tokens, and confirming the
// address.
#include "core/text.h"
#include "web/accounts/email_links.h"
#include "web/accounts/handlers.h"
#include "web/accounts/sign_in.h"
#include "web/accounts/views.h"
#include "web/flash.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

Result<Response> AccountPage(Context& ctx, int status, const std::optional<Error>& error,
                             const std::string& new_token = {}) {
  ViewData page = BasePage(ctx, ctx.T("Your account"));
  const bool resubmit = error && ctx.form.Has("email");
  page.set("name", resubmit ? ctx.form.Get("name") : ctx.person->name);
  page.set("email", resubmit ? ctx.form.Get("email") : ctx.person->email);
  if (!ctx.person->verified) page.set("unverified", true);
  if (ctx.person->second_factor) page.set("second_factor", true);
  ViewData languages = MakeList();
  for (const char* code : {"da", "nl", "en"}) {
    ViewData option = MakeObject();
    option.set("code", code);
    option.set("label", ctx.T(code == std::string("da")   ? "Danish"
                              : code == std::string("nl") ? "Dutch"
                                                          : "English"));
    if (ctx.person->language == code) option.set("selected", true);
    languages.push_back(option);
  }
  page.set("language_options", languages);
  Result<std::vector<store::ApiTokenRecord>> tokens =
      ctx.services.accounts.ListApiTokens(ctx.person->id);
  if (!tokens) return tokens.error();
  page.set("tokens", TokenList(ctx, *tokens));
  if (!tokens->empty()) page.set("has_tokens", true);
  ViewData lifetimes = MakeList();
  const std::pair<int64_t, std::string> lifetimes_offered[] = {{30, ctx.T("30 days")},
                                                               {90, ctx.T("90 days")},
                                                               {365, ctx.T("a year")},
                                                               {730, ctx.T("two years")}};
  for (const auto& [days, label] : lifetimes_offered) {
    ViewData option = MakeObject();
    option.set("days", std::to_string(days));
    option.set("label", label);
    if (days == kTokenDaysDefault) option.set("selected", true);
    lifetimes.push_back(option);
  }
  page.set("token_lifetimes", lifetimes);
  if (!new_token.empty()) page.set("new_token", new_token);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/account", page, status);
}

// The account page again with the error, if the current password in `field` is not right.
std::optional<Response> RefuseWrongPassword(Context& ctx, const char* field) {
  const PasswordRecheck check = RecheckPassword(ctx, field);
  if (!check.error) return std::nullopt;
  if (check.wait == 0 && check.error->code != ErrorCode::kInvalidArgument) {
    return ErrorResponse(ctx, *check.error);
  }
  Result<Response> page = AccountPage(ctx, check.wait > 0 ? 429 : 400, *check.error);
  if (!page) return ErrorResponse(ctx, page.error());
  if (check.wait > 0) page->AddHeader("Retry-After", std::to_string(check.wait));
  return std::move(*page);
}

}  // namespace

// A token just made is shown once, on the page the form redirects to: it travels there in the
// browser's sealed flash cookie (the server keeps only its hash).
Result<Response> ShowAccount(Context& ctx) {
  std::string new_token;
  if (std::optional<FlashValues> flash = ReadFlash(ctx)) new_token = (*flash)["token"];
  return AccountPage(ctx, 200, std::nullopt, new_token);
}

Result<Response> SubmitAccount(Context& ctx) {
  Result<std::string> name = communities::ValidateName(ctx.form.Get("name"), "name");
  if (!name) return AccountPage(ctx, 400, name.error());
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  if (!IsPlausibleEmail(email)) {
    return AccountPage(ctx, 400, Error::InvalidArgument("not a valid email address", "email"));
  }
  const std::string& language = ctx.form.Get("language");
  if (!communities::IsSupportedLanguage(language)) {
    return AccountPage(ctx, 400, Error::InvalidArgument("unknown language", "language"));
  }
  const bool new_address = email != ctx.person->email;
  if (new_address) {
    if (std::optional<Response> refused = RefuseWrongPassword(ctx, "password")) {
      return std::move(*refused);
    }
  }
  communities::Person updated = *ctx.person;
  updated.name = *name;
  updated.language = language;
  if (Status status = ctx.services.accounts.UpdatePerson(updated); !status) return status.error();
  // The pages follow the saved language in this browser at once.
  ctx.set_cookies.push_back(LanguageCookie(language));
  if (!new_address) return Redirect("/account?notice=" + UrlEncode("Saved."));
  // The address changes when the link mailed to the new one is followed; the old one is told.
  Result<bool> may_mail = MayMailLinkTo(ctx, email);
  if (!may_mail) return may_mail.error();
  if (*may_mail) {
    store::EmailLink link;
    link.purpose = store::LinkPurpose::kEmailChange;
    link.person_id = ctx.person->id;
    link.email = email;
    link.language = language;
    if (Status status = MailLink(ctx, link, "Confirm your new address",
                                 {"Open this link to make this the address of your Andel "
                                  "account:"},
                                 {"The link works for 24 hours. If you did not ask for this, "
                                  "ignore this mail: nothing changes without the link."});
        !status) {
      return status.error();
    }
    if (Status status =
            MailNotice(ctx, ctx.person->email, language, "Your address is about to change",
                       {"Someone signed in to your Andel account asked to move it to another "
                        "address. It moves only when the link mailed to that address is opened.",
                        "If it was not you, change your password now."});
        !status) {
      return status.error();
    }
  }
  return Redirect("/account?notice=" +
                  UrlEncode("We have sent a link to the new address. Your address changes when "
                            "you open it."));
}

Result<Response> SubmitPassword(Context& ctx) {
  if (std::optional<Response> refused = RefuseWrongPassword(ctx, "current_password")) {
    return std::move(*refused);
  }
  const std::string& password = ctx.form.Get("new_password");
  if (Status valid = ValidatePassword(password, "new_password"); !valid) {
    return AccountPage(ctx, 400, valid.error());
  }
  Result<std::string> hash = HashPassword(password);
  if (!hash) return hash.error();
  const int64_t id = ctx.person->id;
  // Whoever knew the old password loses what it gave: other sessions, reset links, API tokens
  // (the page names them beside the form).
  if (Status status = ctx.services.accounts.SetPasswordHash(id, *hash); !status) {
    return status.error();
  }
  if (Status status = ctx.services.accounts.DeleteSessionsOf(id, HashToken(ctx.session_token));
      !status) {
    return status.error();
  }
  if (Status status = ctx.services.links.Revoke(id, store::LinkPurpose::kReset, ctx.Now());
      !status) {
    return status.error();
  }
  if (Status status = ctx.services.accounts.DeleteApiTokensOf(id); !status) return status.error();
  if (Status status =
          MailNotice(ctx, ctx.person->email, ctx.person->language, "Your password has been changed",
                     {"The password of your Andel account has just been changed. "
                      "Every other session has been signed out and your API tokens "
                      "no longer work.",
                      "If it was not you, choose a new password on the sign-in page "
                      "at once."});
      !status) {
    return status.error();
  }
  return Redirect("/account?notice=" + UrlEncode("Your password has been changed."));
}

Result<Response> SubmitCreateToken(Context& ctx) {
  Result<std::string> name = communities::ValidateName(ctx.form.Get("token_name"), "token_name");
  if (!name) return AccountPage(ctx, 400, name.error());
  Result<int64_t> days = ParseTokenDays(ctx.form.Get("token_days"), "token_days");
  if (!days) return AccountPage(ctx, 400, days.error());
  const std::string token = RandomToken();
  const int64_t now = ctx.Now();
  Result<int64_t> id = ctx.services.accounts.CreateApiToken(ctx.person->id, *name, HashToken(token),
                                                            now, now + *days * 24 * 3600);
  if (!id) return id.error();
  SetFlash(ctx, "/account", {{"token", token}});
  return Redirect("/account");
}

Result<Response> SubmitDeleteToken(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such token", "id");
  if (Status status = ctx.services.accounts.DeleteApiToken(ctx.person->id, id); !status) {
    return status.error();
  }
  return Redirect("/account?notice=" + UrlEncode("Deleted."));
}

Result<Response> SubmitSendVerification(Context& ctx) {
  if (ctx.person->verified) return Redirect("/account");
  Result<bool> may_mail = MayMailLinkTo(ctx, ctx.person->email);
  if (!may_mail) return may_mail.error();
  if (*may_mail) {
    store::EmailLink link;
    link.purpose = store::LinkPurpose::kVerify;
    link.person_id = ctx.person->id;
    link.email = ctx.person->email;
    link.language = ctx.person->language;
    if (Status status = MailLink(ctx, link, "Confirm your address",
                                 {"Open this link to confirm the address of your Andel account:"},
                                 {"The link works for 24 hours."});
        !status) {
      return status.error();
    }
  }
  return Redirect("/account?notice=" + UrlEncode("We have sent a link to your address."));
}

Result<Response> ShowVerifyLink(Context& ctx) {
  Result<store::EmailLink> link =
      ctx.services.links.Find(HashToken(ctx.params["token"]), ctx.Now(),
                              {store::LinkPurpose::kVerify, store::LinkPurpose::kEmailChange});
  if (!link) return link.error();
  ViewData page = FormPage(ctx, ctx.T("Confirm your address"));
  page.set("token", ctx.params["token"]);
  page.set("email", link->email);
  return HtmlPage(ctx, "accounts/verify_link", page);
}

Result<Response> SubmitVerifyLink(Context& ctx) {
  Result<int64_t> person_id =
      ctx.services.links.ConfirmAddress(HashToken(ctx.params["token"]), ctx.Now());
  if (!person_id) return person_id.error();
  const std::string notice = UrlEncode("Your address is confirmed.");
  if (ctx.person && ctx.person->id == *person_id) return Redirect("/account?notice=" + notice);
  return Redirect("/login?notice=" + notice);
}

}  // namespace andel::web
