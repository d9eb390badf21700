// The addresses of the accounts capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/accounts/handlers.h"

namespace andel::web {

std::vector<Route> AccountRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/login", kPublic, kPage, ShowLogin},
      {kPost, "/login", kPublic, kPage, SubmitLogin},
      {kGet, "/login/code", kPublic, kPage, ShowSignInCode},
      {kPost, "/login/code", kPublic, kPage, SubmitSignInCode},
      {kGet, "/signin/{token}", kPublic, kPage, ShowSignInLink},
      {kPost, "/signin/{token}", kPublic, kPage, SubmitSignInLink},
      {kPost, "/logout", kPublic, kPage, SubmitLogout},
      {kGet, "/signup", kPublic, kPage, ShowSignup},
      {kPost, "/signup", kPublic, kPage, SubmitSignup},
      {kGet, "/signup/{token}", kPublic, kPage, ShowSignupLink},
      {kPost, "/signup/{token}", kPublic, kPage, SubmitSignupLink},
      {kGet, "/verify/{token}", kPublic, kPage, ShowVerifyLink},
      {kPost, "/verify/{token}", kPublic, kPage, SubmitVerifyLink},
      {kGet, "/reset", kPublic, kPage, ShowResetRequest},
      {kPost, "/reset", kPublic, kPage, SubmitResetRequest},
      {kGet, "/reset/{token}", kPublic, kPage, ShowResetPassword},
      {kPost, "/reset/{token}", kPublic, kPage, SubmitResetPassword},
      {kGet, "/account", kAccount, kPage, ShowAccount},
      {kPost, "/account", kAccount, kPage, SubmitAccount},
      {kPost, "/account/verify", kAccount, kPage, SubmitSendVerification},
      {kPost, "/account/password", kAccount, kPage, SubmitPassword},
      {kPost, "/account/tokens", kAccount, kPage, SubmitCreateToken},
      {kPost, "/account/tokens/{id}/delete", kAccount, kPage, SubmitDeleteToken},
      {kGet, "/account/two-step", kAccount, kPage, ShowTwoStep},
      {kPost, "/account/two-step/setup", kAccount, kPage, SubmitTwoStepSetup},
      {kPost, "/account/two-step/confirm", kAccount, kPage, SubmitTwoStepConfirm},
      {kPost, "/account/two-step/recovery-codes", kAccount, kPage, SubmitRecoveryCodes},
      {kPost, "/account/two-step/remove", kAccount, kPage, SubmitTwoStepRemove},
      {kGet, "/api/v1/me", kAccount, kApi, ApiMe},
      {kPost, "/api/v1/tokens", kPublic, kApi, ApiCreateToken},
  };
}

}  // namespace andel::web
