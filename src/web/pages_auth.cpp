// Signing in and out, signing up, password reset by one-time link, and accepting invitations.
#include <spdlog/spdlog.h>

#include "core/log_text.h"
#include "core/text.h"
#include "web/handlers.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

constexpr int64_t kResetSeconds = 3600;

// Where to go after signing in: a path on this site, or the home page. Refused: another site
// (`//host`, `/\host`), any backslash, and control characters (a CR or LF would end the
// Location header and start another; browsers drop tabs, so `/\t/host` would become `//host`).
// Bytes a URL may not hold as they are (non-ASCII, space, quotes, angle brackets) are
// percent-encoded.
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

// A new session for the person, replacing the one the browser had (rotation at sign-in).
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

Response LoginForm(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Sign in"));
  page.set("email", ctx.form.Get("email"));
  page.set("next", ctx.form.Has("next") ? ctx.form.Get("next") : ctx.query.Get("next"));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "login", page, status);
}

Response SignupForm(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = FormPage(ctx, ctx.T("Create an account"));
  page.set("email", ctx.form.Get("email"));
  page.set("name", ctx.form.Get("name"));
  page.set("invite", ctx.form.Has("invite") ? ctx.form.Get("invite") : ctx.query.Get("invite"));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "signup", page, status);
}

}  // namespace

Result<Response> ShowLogin(Context& ctx) { return LoginForm(ctx, 200, std::nullopt); }

Result<Response> SubmitLogin(Context& ctx) {
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  const std::string& password = ctx.form.Get("password");
  const int64_t now = ctx.Now();
  const std::string address_key = "ip:" + ctx.ClientAddress();
  const std::string account_key = "account:" + email;
  if (!ctx.services.limit_by_address.Allowed(address_key, now) ||
      !ctx.services.limit_by_account.Allowed(account_key, now)) {
    return LoginForm(ctx, 429,
                     Error::PermissionDenied(
                         "too many failed attempts; please wait a quarter of an hour", "email"));
  }
  Result<store::Account> account = ctx.services.accounts.FindByEmail(email);
  if (!account && account.error().code != ErrorCode::kNotFound) return account.error();
  if (!CheckPassword(ctx.services, password, account ? &account->password_hash : nullptr)) {
    ctx.services.limit_by_address.RecordFailure(address_key, now);
    ctx.services.limit_by_account.RecordFailure(account_key, now);
    return LoginForm(ctx, 401,
                     Error::Unauthenticated("the email or the password is not right", "email"));
  }
  ctx.services.limit_by_account.Reset(account_key);
  if (Status status = StartSession(ctx, account->person.id); !status) return status.error();
  return Redirect(SafeNext(ctx.form.Get("next")));
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
  const std::string& password = ctx.form.Get("password");
  if (Status valid = ValidatePassword(password); !valid) return SignupForm(ctx, 400, valid.error());
  Result<std::string> hash = HashPassword(password);
  if (!hash) return hash.error();
  int64_t person_id = 0;
  Result<store::Account> existing = ctx.services.accounts.FindByEmail(email);
  if (existing) {
    Status claimed =
        ctx.services.accounts.ClaimImportedPerson(existing->person.id, *name, *hash, ctx.language);
    if (!claimed) return SignupForm(ctx, 409, claimed.error());
    person_id = existing->person.id;
  } else if (existing.error().code == ErrorCode::kNotFound) {
    communities::Person person;
    person.email = email;
    person.name = *name;
    person.language = ctx.language;
    Result<int64_t> created = ctx.services.accounts.CreatePerson(person, *hash, ctx.Now());
    if (!created) {
      if (created.error().code == ErrorCode::kAlreadyExists) {
        return SignupForm(ctx, 409, created.error());
      }
      return created.error();
    }
    person_id = *created;
  } else {
    return existing.error();
  }
  if (Status status = StartSession(ctx, person_id); !status) return status.error();
  const std::string& invite = ctx.form.Get("invite");
  if (!invite.empty()) return Redirect("/invitations/" + UrlEncode(invite));
  return Redirect("/?notice=" + UrlEncode("Welcome to Andel."));
}

Result<Response> ShowResetRequest(Context& ctx) {
  ViewData page = FormPage(ctx, ctx.T("Reset your password"));
  return HtmlPage(ctx, "reset_request", page);
}

Result<Response> SubmitResetRequest(Context& ctx) {
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  if (!IsPlausibleEmail(email)) {
    ViewData page = FormPage(ctx, ctx.T("Reset your password"));
    page.set("email", ctx.form.Get("email"));
    AddFieldError(ctx, page, Error::InvalidArgument("not a valid email address", "email"));
    return HtmlPage(ctx, "reset_request", page, 400);
  }
  Result<store::Account> account = ctx.services.accounts.FindByEmail(email);
  if (account) {
    const std::string token = RandomToken();
    const int64_t now = ctx.Now();
    if (Status status = ctx.services.accounts.CreatePasswordReset(
            HashToken(token), account->person.id, now + kResetSeconds);
        !status) {
      return status.error();
    }
    const std::string link = ctx.services.config.public_url + "/reset/" + token;
    const std::string& language = account->person.language;
    const Catalog& catalog = ctx.services.catalog;
    const std::string body =
        catalog.Translate(language, "Open this link within an hour to choose a new password:") +
        "\n\n" + link + "\n\n" +
        catalog.Translate(language, "If you did not ask for this, you can ignore this mail.");
    if (Status status = ctx.services.accounts.QueueMail(
            email, catalog.Translate(language, "Reset your password"), body, now);
        !status) {
      return status.error();
    }
    spdlog::info("outbox: password reset link for {}: {}", LogText(email), link);
  } else if (account.error().code != ErrorCode::kNotFound) {
    return account.error();
  }
  return Redirect("/login?notice=" +
                  UrlEncode("If an account exists for this address, a reset link has been sent."));
}

Result<Response> ShowResetPassword(Context& ctx) {
  ViewData page = FormPage(ctx, ctx.T("Choose a new password"));
  page.set("token", ctx.params["token"]);
  return HtmlPage(ctx, "reset_password", page);
}

Result<Response> SubmitResetPassword(Context& ctx) {
  const std::string& password = ctx.form.Get("password");
  if (Status valid = ValidatePassword(password); !valid) {
    ViewData page = FormPage(ctx, ctx.T("Choose a new password"));
    page.set("token", ctx.params["token"]);
    AddFieldError(ctx, page, valid.error());
    return HtmlPage(ctx, "reset_password", page, 400);
  }
  Result<std::string> hash = HashPassword(password);
  if (!hash) return hash.error();
  Result<int64_t> person_id =
      ctx.services.accounts.ConsumePasswordReset(HashToken(ctx.params["token"]), ctx.Now());
  if (!person_id) return person_id.error();
  if (Status status = ctx.services.accounts.SetPasswordHash(*person_id, *hash); !status) {
    return status.error();
  }
  if (Status status = ctx.services.accounts.DeleteSessionsOf(*person_id); !status) {
    return status.error();
  }
  return Redirect("/login?notice=" + UrlEncode("Your password has been changed."));
}

Result<Response> ShowInvitation(Context& ctx) {
  const std::string& token = ctx.params["token"];
  Result<store::Invitation> invitation = ctx.Communities().FindInvitation(HashToken(token));
  if (!invitation) return invitation.error();
  ViewData page = BasePage(ctx, ctx.T("Invitation"));
  page.set("community_name", invitation->community_name);
  page.set("token", token);
  page.set("email", invitation->email);
  page.set("used", invitation->accepted_at != 0);
  page.set("next", "/invitations/" + UrlEncode(token));
  return HtmlPage(ctx, "invitation", page);
}

Result<Response> AcceptInvitation(Context& ctx) {
  const std::string hash = HashToken(ctx.params["token"]);
  Result<store::Invitation> invitation = ctx.Communities().FindInvitation(hash);
  if (!invitation) return invitation.error();
  if (Status status = ctx.Communities().AcceptInvitation(hash, ctx.person->id,
                                                         DateFromUnixSeconds(ctx.Now()), ctx.Now());
      !status) {
    return status.error();
  }
  return Redirect("/?notice=" + UrlEncode("You are now a member."));
}

}  // namespace andel::web
