// The caller's account in the JSON API: who the token belongs to, and creating a token with the
// password (and the second step where the account uses one).
#include <boost/json.hpp>

#include "core/text.h"
#include "web/accounts/handlers.h"
#include "web/accounts/second_factor.h"
#include "web/accounts/sign_in.h"
#include "web/accounts/views.h"
#include "web/api_support.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {

namespace json = boost::json;

Result<Response> ApiMe(Context& ctx) {
  const communities::Person& person = *ctx.person;
  return JsonOf(json::object{{"id", person.id},
                             {"email", person.email},
                             {"name", person.name},
                             {"language", person.language},
                             {"admin", person.is_admin},
                             {"second_factor", person.second_factor}});
}

Result<Response> ApiCreateToken(Context& ctx) {
  Result<json::object> body =
      BodyObject(ctx, {"email", "password", "code", "name", "expires_in_days"});
  if (!body) return body.error();
  Result<std::string> email_text = StringField(*body, "email");
  if (!email_text) return email_text.error();
  Result<std::string> password = StringField(*body, "password");
  if (!password) return password.error();
  Result<std::string> code = StringField(*body, "code", "");
  if (!code) return code.error();
  Result<std::string> name = StringField(*body, "name", "API");
  if (!name) return name.error();
  Result<std::string> token_name = communities::ValidateName(*name, "name");
  if (!token_name) return token_name.error();
  std::string days_text;
  if (const boost::json::value* field = body->if_contains("expires_in_days")) {
    if (!field->is_int64()) {
      return Error::InvalidArgument("a token works for 1 to 730 days", "expires_in_days");
    }
    days_text = std::to_string(field->as_int64());
  }
  Result<int64_t> days = ParseTokenDays(days_text, "expires_in_days");
  if (!days) return days.error();
  const std::string email = ToLowerAscii(Trim(*email_text));
  const int64_t now = ctx.Now();
  Result<SignInCheck> check = CheckSignIn(ctx, email, *password);
  if (!check) return check.error();
  const auto too_many = [&](const std::string& translated) {
    Response response = JsonResponse(
        R"({"error":{"code":"rate_limited","message":")" + JsonEscape(translated) + "\"}}", 429);
    response.AddHeader("Retry-After", std::to_string(check->wait));
    return response;
  };
  switch (check->verdict) {
    case SignInVerdict::kRight:
      break;
    case SignInVerdict::kWrong:
      return Error::Unauthenticated("the email or the password is not right", "email");
    case SignInVerdict::kAddressWaits:
      return too_many(
          ctx.T("too many failed attempts from your network; please wait a little and try again"));
    case SignInVerdict::kAccountSlowed:
      return too_many(
          ctx.T("wrong passwords were tried for this account: sign in on the web page, where a "
                "mailed link lets you in, and create the token there"));
  }
  const store::Account& account = *check->account;
  if (account.person.second_factor) {
    if (code->empty()) {
      return Error::Unauthenticated(
          "this account uses two-step sign-in: send the code from its authenticator app, or a "
          "recovery code, in the field named code",
          "code");
    }
    Result<CodeCheck> second = CheckSecondStep(ctx, account.person, *code);
    if (!second) return second.error();
    if (second->verdict == CodeVerdict::kAddressWaits) {
      check->wait = second->wait;
      return too_many(
          ctx.T("too many failed attempts from your network; please wait a little and try again"));
    }
    if (second->verdict == CodeVerdict::kWrong) {
      return Error::Unauthenticated("the code is not right", "code");
    }
  } else if (account.person.second_factor_required) {
    return Error::PermissionDenied(
        "this server requires two-step sign-in of server administrators and programme "
        "officers: set it up on your account page first",
        "code");
  }
  const std::string token = RandomToken();
  Result<int64_t> id = ctx.services.accounts.CreateApiToken(
      account.person.id, *token_name, HashToken(token), now, now + *days * 24 * 3600);
  if (!id) return id.error();
  return JsonOf(json::object{{"id", *id},
                             {"token", token},
                             {"name", *token_name},
                             {"expires_at", now + *days * 24 * 3600}},
                201);
}

}  // namespace andel::web
