// The signed-in person's account: name, email, language, password and personal API tokens.
#include "core/text.h"
#include "web/handlers.h"
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
  ViewData list = MakeList();
  for (const store::ApiTokenRecord& token : *tokens) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(token.id));
    item.set("name", token.name);
    item.set("created", FormatDate(ctx.language, DateFromUnixSeconds(token.created_at)));
    list.push_back(item);
  }
  page.set("tokens", list);
  if (!new_token.empty()) page.set("new_token", new_token);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "account", page, status);
}

}  // namespace

Result<Response> ShowAccount(Context& ctx) { return AccountPage(ctx, 200, std::nullopt); }

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
  communities::Person updated = *ctx.person;
  updated.name = *name;
  updated.email = email;
  updated.language = language;
  if (Status status = ctx.services.accounts.UpdatePerson(updated); !status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return AccountPage(ctx, 409, status.error());
    }
    return status.error();
  }
  return Redirect("/account?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitPassword(Context& ctx) {
  Result<store::Account> account = ctx.services.accounts.FindById(ctx.person->id);
  if (!account) return account.error();
  if (!VerifyPassword(ctx.form.Get("current_password"), account->password_hash)) {
    return AccountPage(
        ctx, 400, Error::InvalidArgument("the current password is not right", "current_password"));
  }
  const std::string& password = ctx.form.Get("new_password");
  if (Status valid = ValidatePassword(password, "new_password"); !valid) {
    return AccountPage(ctx, 400, valid.error());
  }
  Result<std::string> hash = HashPassword(password);
  if (!hash) return hash.error();
  if (Status status = ctx.services.accounts.SetPasswordHash(ctx.person->id, *hash); !status) {
    return status.error();
  }
  return Redirect("/account?notice=" + UrlEncode("Your password has been changed."));
}

Result<Response> SubmitCreateToken(Context& ctx) {
  Result<std::string> name = communities::ValidateName(ctx.form.Get("token_name"), "token_name");
  if (!name) return AccountPage(ctx, 400, name.error());
  const std::string token = RandomToken();
  Result<int64_t> id =
      ctx.services.accounts.CreateApiToken(ctx.person->id, *name, HashToken(token), ctx.Now());
  if (!id) return id.error();
  return AccountPage(ctx, 200, std::nullopt, token);
}

Result<Response> SubmitDeleteToken(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such token", "id");
  if (Status status = ctx.services.accounts.DeleteApiToken(ctx.person->id, id); !status) {
    return status.error();
  }
  return Redirect("/account?notice=" + UrlEncode("Deleted."));
}

}  // namespace andel::web
