// Signing in and out, signing up, and password reset by one-time link.
#include <spdlog/spdlog.h>

#include "core/date.h"
#include "core/log_text.h"
#include "core/text.h"
#include "web/accounts/email_links.h"
#include "web/accounts/handlers.h"
#include "web/accounts/sign_in.h"
#include "web/accounts/views.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

Error TooManyMails() {
  return Error::PermissionDenied(
      "too many requests for mail from your network; please wait an hour", "email");
}

// Every request that mails a link counts against the client's address (links per recipient
// address are limited apart, see MayMailLinkTo).
bool AllowMailFrom(Context& ctx) {
  const std::string key = "mail:" + ctx.ClientAddress();
  if (!ctx.services.limit_mail_by_address.Allowed(key, ctx.Now())) return false;
  ctx.services.limit_mail_by_address.RecordFailure(key, ctx.Now());
  return true;
}

Response LoginForm(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Sign in"));
  page.set("email", ctx.form.Get("email"));
  page.set("next", ctx.form.Has("next") ? ctx.form.Get("next") : ctx.query.Get("next"));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/login", page, status);
}

Response SignupForm(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Create an account"));
  page.set("email", ctx.form.Has("email") ? ctx.form.Get("email") : ctx.query.Get("email"));
  page.set("name", ctx.form.Get("name"));
  page.set("invite", ctx.form.Has("invite") ? ctx.form.Get("invite") : ctx.query.Get("invite"));
  if (ctx.query.Get("sent") == "1") page.set("sent", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/signup", page, status);
}

// The page that finishes a sign-up: the address (proved by the link), a name and a password.
Result<Response> SignupLinkForm(Context& ctx, const store::EmailLink& link, int status,
                                const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Choose your password"));
  page.set("token", ctx.params["token"]);
  page.set("email", link.email);
  page.set("name", ctx.form.Has("name") ? ctx.form.Get("name") : link.name);
  page.set("invite", ctx.form.Has("invite") ? ctx.form.Get("invite") : ctx.query.Get("invite"));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/signup_link", page, status);
}

// Mails what a sign-up for `email` calls for: a link to create the account, to claim the one
// waiting for its owner, or (if the address has an account with a password) a warning with a
// link to choose a new password. Each case stores one link and queues one mail, so the answer
// and its time do not tell whether the address has an account.
Status MailSignupLink(Context& ctx, const std::string& email, const std::string& name,
                      const std::string& invite_query) {
  Result<store::Account> account = ctx.services.accounts.FindByEmail(email);
  if (!account && account.error().code != ErrorCode::kNotFound) return account.error();
  store::EmailLink link;
  link.email = email;
  link.name = name;
  link.language = ctx.language;
  if (!account) {
    link.purpose = store::LinkPurpose::kSignup;
    return MailLink(ctx, link, "Confirm your address",
                    {"Open this link to confirm your address and choose a password for your "
                     "Andel account:"},
                    {"The link works for 24 hours. If you did not ask for an account, ignore "
                     "this mail: nothing happens without the link."},
                    invite_query);
  }
  link.person_id = account->person.id;
  link.language = account->person.language;
  if (account->password_hash.empty()) {
    link.purpose = store::LinkPurpose::kClaim;
    return MailLink(ctx, link, "Your Andel account is waiting",
                    {"An account with this address is waiting for you: a community added you "
                     "as a member. Open this link to choose your password:"},
                    {"The link works for 24 hours. If you did not ask for it, ignore this mail: "
                     "nothing happens without the link."},
                    invite_query);
  }
  link.purpose = store::LinkPurpose::kReset;
  return MailLink(ctx, link, "Someone tried to sign up with your address",
                  {"Someone tried to create an Andel account with your address, which already "
                   "has one.",
                   "If it was you, sign in with your password, or choose a new one with this "
                   "link (it works for an hour):"},
                  {"If it was not you, ignore this mail: nothing has changed."});
}

// The page that finishes a password reset. It names the API tokens the reset will revoke.
Result<Response> ResetPasswordForm(Context& ctx, int status, const std::optional<Error>& error) {
  Result<store::EmailLink> link = ctx.services.links.Find(HashToken(ctx.params["token"]), ctx.Now(),
                                                          {store::LinkPurpose::kReset});
  if (!link) return link.error();
  ViewData page = FormPage(ctx, ctx.T("Choose a new password"));
  page.set("token", ctx.params["token"]);
  Result<std::vector<store::ApiTokenRecord>> tokens =
      ctx.services.accounts.ListApiTokens(link->person_id);
  if (!tokens) return tokens.error();
  page.set("tokens", TokenList(ctx, *tokens));
  if (!tokens->empty()) page.set("has_tokens", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "accounts/reset_password", page, status);
}

}  // namespace

Result<Response> ShowLogin(Context& ctx) { return LoginForm(ctx, 200, std::nullopt); }
Result<Response> SubmitLogin(Context& ctx) {
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  Result<SignInCheck> check = CheckSignIn(ctx, email, ctx.form.Get("password"));
  if (!check) return check.error();
  switch (check->verdict) {
    case SignInVerdict::kRight:
      break;
    case SignInVerdict::kWrong:
      return LoginForm(ctx, 401,
                       Error::Unauthenticated("the email or the password is not right", "email"));
    case SignInVerdict::kAddressWaits: {
      Response response = LoginForm(
          ctx, 429,
          Error::PermissionDenied(
              "too many failed attempts from your network; please wait a little and try again",
              "email"));
      response.AddHeader("Retry-After", std::to_string(check->wait));
      return response;
    }
    case SignInVerdict::kAccountSlowed:
      // One answer for a right and a wrong password; only the owner's mailbox learns which.
      if (check->password_right) {
        if (Status mailed = MailSignInLink(ctx, *check->account); !mailed) {
          return mailed.error();
        }
      }
      return LoginForm(ctx, 429,
                       Error::PermissionDenied(
                           "wrong passwords were tried for this account, so signing in needs a "
                           "mailed link for a while: if the password was right, we have sent "
                           "one to the account's address",
                           "email"));
  }
  return FinishSignIn(ctx, check->account->person, ctx.form.Get("next"));
}

Result<Response> ShowSignInLink(Context& ctx) {
  Result<store::EmailLink> link = ctx.services.links.Find(HashToken(ctx.params["token"]), ctx.Now(),
                                                          {store::LinkPurpose::kSignIn});
  if (!link) return link.error();
  ViewData page = FormPage(ctx, ctx.T("Sign in"));
  page.set("token", ctx.params["token"]);
  page.set("email", link->email);
  return HtmlPage(ctx, "accounts/signin_link", page);
}

Result<Response> SubmitSignInLink(Context& ctx) {
  Result<int64_t> person_id =
      ctx.services.links.UseSignInLink(HashToken(ctx.params["token"]), ctx.Now());
  if (!person_id) return person_id.error();
  Result<store::Account> account = ctx.services.accounts.FindById(*person_id);
  if (!account) return account.error();
  return FinishSignIn(ctx, account->person, "/");
}

Result<Response> SubmitLogout(Context& ctx) {
  if (!ctx.session_token.empty()) {
    if (Status status = ctx.services.accounts.DeleteSession(HashToken(ctx.session_token));
        !status) {
      return status.error();
    }
  }
  ctx.set_cookies.push_back("andel_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  return Redirect("/?notice=" + UrlEncode("You have signed out."));
}

Result<Response> ShowSignup(Context& ctx) { return SignupForm(ctx, 200, std::nullopt); }

Result<Response> SubmitSignup(Context& ctx) {
  Result<std::string> name = communities::ValidateName(ctx.form.Get("name"), "name");
  if (!name) return SignupForm(ctx, 400, name.error());
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  if (!IsPlausibleEmail(email)) {
    return SignupForm(ctx, 400, Error::InvalidArgument("not a valid email address", "email"));
  }
  if (!AllowMailFrom(ctx)) {
    return SignupForm(ctx, 429, TooManyMails());
  }
  Result<bool> may_mail = MayMailLinkTo(ctx, email);
  if (!may_mail) return may_mail.error();
  if (*may_mail) {
    const std::string& invite = ctx.form.Get("invite");
    const std::string query = invite.empty() ? "" : "?invite=" + UrlEncode(invite);
    if (Status status = MailSignupLink(ctx, email, *name, query); !status) return status.error();
  }
  std::string next = "/signup?sent=1";
  if (ctx.form.Has("invite")) next += "&invite=" + UrlEncode(ctx.form.Get("invite"));
  return Redirect(next);
}

namespace {

// A person who signed up from an invitation to their own address (just proved by the link) has
// said yes to it: they join at once, without a second "Accept". Any other invitation (used,
// expired, void, or for another address) is shown as it is.
Result<Response> AcceptInvitationAfterSignup(Context& ctx, const std::string& token,
                                             const std::string& email, int64_t person_id) {
  const std::string hash = HashToken(token);
  Result<store::Invitation> invitation = ctx.Invitations().FindInvitation(hash);
  const bool open = invitation && invitation->accepted_at == 0 &&
                    invitation->expires_at > ctx.Now() && invitation->inviter_may_invite &&
                    invitation->email == email;
  if (!open) return Redirect("/invitations/" + UrlEncode(token));
  if (Status status =
          ctx.services.invitations.ActingAs(person_id, ctx.Now())
              .AcceptInvitation(hash, person_id, DateFromUnixSeconds(ctx.Now()), ctx.Now());
      !status) {
    return status.error();
  }
  return Redirect("/c/" + invitation->community_slug +
                  "?notice=" + UrlEncode("You are now a member."));
}

}  // namespace

Result<Response> ShowSignupLink(Context& ctx) {
  Result<store::EmailLink> link =
      ctx.services.links.Find(HashToken(ctx.params["token"]), ctx.Now(),
                              {store::LinkPurpose::kSignup, store::LinkPurpose::kClaim});
  if (!link) return link.error();
  return SignupLinkForm(ctx, *link, 200, std::nullopt);
}

Result<Response> SubmitSignupLink(Context& ctx) {
  const std::string hash = HashToken(ctx.params["token"]);
  Result<store::EmailLink> link = ctx.services.links.Find(
      hash, ctx.Now(), {store::LinkPurpose::kSignup, store::LinkPurpose::kClaim});
  if (!link) return link.error();
  Result<std::string> name = communities::ValidateName(ctx.form.Get("name"), "name");
  if (!name) return SignupLinkForm(ctx, *link, 400, name.error());
  const std::string& password = ctx.form.Get("password");
  if (Status valid = ValidatePassword(password); !valid) {
    return SignupLinkForm(ctx, *link, 400, valid.error());
  }
  Result<std::string> password_hash = HashPassword(password);
  if (!password_hash) return password_hash.error();
  Result<int64_t> person_id =
      ctx.services.links.CompleteSignup(hash, *name, *password_hash, ctx.Now());
  if (!person_id) {
    if (person_id.error().code == ErrorCode::kAlreadyExists) {
      return SignupLinkForm(ctx, *link, 409, person_id.error());
    }
    return person_id.error();
  }
  if (Status status = StartSession(ctx, *person_id); !status) return status.error();
  const std::string& invite = ctx.form.Get("invite");
  if (!invite.empty()) return AcceptInvitationAfterSignup(ctx, invite, link->email, *person_id);
  return Redirect("/?notice=" + UrlEncode("Welcome to Andel."));
}

Result<Response> ShowResetRequest(Context& ctx) {
  ViewData page = FormPage(ctx, ctx.T("Reset your password"));
  return HtmlPage(ctx, "accounts/reset_request", page);
}

Result<Response> SubmitResetRequest(Context& ctx) {
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  const auto form_again = [&](int status, const Error& error) {
    ViewData page = FormPage(ctx, ctx.T("Reset your password"));
    page.set("email", ctx.form.Get("email"));
    AddFieldError(ctx, page, error);
    return HtmlPage(ctx, "accounts/reset_request", page, status);
  };
  if (!IsPlausibleEmail(email)) {
    return form_again(400, Error::InvalidArgument("not a valid email address", "email"));
  }
  if (!AllowMailFrom(ctx)) return form_again(429, TooManyMails());
  Result<bool> may_mail = MayMailLinkTo(ctx, email);
  if (!may_mail) return may_mail.error();
  if (*may_mail) {
    Result<store::Account> account = ctx.services.accounts.FindByEmail(email);
    if (!account && account.error().code != ErrorCode::kNotFound) return account.error();
    // An address without an account gets a link to create one: one link and one mail either
    // way, so neither the answer nor its time tells whether the address has an account.
    store::EmailLink link;
    link.email = email;
    link.language = ctx.language;
    Status mailed;
    if (account) {
      link.purpose =
          account->password_hash.empty() ? store::LinkPurpose::kClaim : store::LinkPurpose::kReset;
      link.person_id = account->person.id;
      link.language = account->person.language;
      mailed = MailLink(ctx, link, "Reset your password",
                        {"Open this link within an hour to choose a new password:"},
                        {"If you did not ask for this, you can ignore this mail."});
    } else {
      link.purpose = store::LinkPurpose::kSignup;
      mailed = MailLink(ctx, link, "Reset your password",
                        {"Someone asked to reset the password of the Andel account with this "
                         "address, but there is none. To create one, open this link:"},
                        {"If you did not ask for this, you can ignore this mail."});
    }
    if (!mailed) return mailed.error();
  }
  return Redirect("/login?notice=" +
                  UrlEncode("If an account exists for this address, a reset link has been sent."));
}

Result<Response> ShowResetPassword(Context& ctx) {
  return ResetPasswordForm(ctx, 200, std::nullopt);
}

Result<Response> SubmitResetPassword(Context& ctx) {
  const std::string& password = ctx.form.Get("password");
  if (Status valid = ValidatePassword(password); !valid) {
    return ResetPasswordForm(ctx, 400, valid.error());
  }
  Result<std::string> hash = HashPassword(password);
  if (!hash) return hash.error();
  Result<int64_t> person_id =
      ctx.services.links.CompleteReset(HashToken(ctx.params["token"]), *hash, ctx.Now());
  if (!person_id) return person_id.error();
  return Redirect("/login?notice=" + UrlEncode("Your password has been changed."));
}

}  // namespace andel::web
