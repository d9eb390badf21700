// The request handlers of accounts: signing in and up, one-time links, two-step sign-in, the own
// account and its API. The route list in routes.cpp beside this file says which address, method and
// role each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// sign_in_pages.cpp: signing in and out, signing up, and password reset by one-time link.
Result<Response> ShowLogin(Context& ctx);
Result<Response> SubmitLogin(Context& ctx);
Result<Response> ShowSignInLink(Context& ctx);
Result<Response> SubmitSignInLink(Context& ctx);
Result<Response> SubmitLogout(Context& ctx);
Result<Response> ShowSignup(Context& ctx);
Result<Response> SubmitSignup(Context& ctx);
Result<Response> ShowSignupLink(Context& ctx);
Result<Response> SubmitSignupLink(Context& ctx);
Result<Response> ShowResetRequest(Context& ctx);
Result<Response> SubmitResetRequest(Context& ctx);
Result<Response> ShowResetPassword(Context& ctx);
Result<Response> SubmitResetPassword(Context& ctx);

// account_pages.cpp: the signed-in person's account: name, language, address (changed only through
// a link mailed to the new one, and only with the password), password, personal API tokens, and
// confirming the address.
Result<Response> ShowAccount(Context& ctx);
Result<Response> SubmitAccount(Context& ctx);
Result<Response> SubmitPassword(Context& ctx);
Result<Response> SubmitCreateToken(Context& ctx);
Result<Response> SubmitDeleteToken(Context& ctx);
Result<Response> SubmitSendVerification(Context& ctx);
Result<Response> ShowVerifyLink(Context& ctx);
Result<Response> SubmitVerifyLink(Context& ctx);

// second_factor_pages.cpp: two-step sign-in pages: the second step of signing in (/login/code), and
// setting it up, making new recovery codes and turning it off on the account (/account/two-step).
Result<Response> ShowSignInCode(Context& ctx);
Result<Response> SubmitSignInCode(Context& ctx);
Result<Response> ShowTwoStep(Context& ctx);
Result<Response> SubmitTwoStepSetup(Context& ctx);
Result<Response> SubmitTwoStepConfirm(Context& ctx);
Result<Response> SubmitRecoveryCodes(Context& ctx);
Result<Response> SubmitTwoStepRemove(Context& ctx);

// account_api.cpp: the caller's account in the JSON API: who the token belongs to, and creating a
// token with the password (and the second step where the account uses one).
Result<Response> ApiMe(Context& ctx);
Result<Response> ApiCreateToken(Context& ctx);

}  // namespace andel::web
