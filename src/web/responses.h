// Building responses the same way everywhere: HTML pages inside the layout, JSON bodies, and
// the one renderer of errors (a translated page, or {"error":{"code","message"}} for the API).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "web/context.h"
#include "web/render/views.h"

namespace andel::web {

// The HTTP status for an error code.
int HttpStatus(ErrorCode code);

// Seconds a client should wait before it asks again after a 503 (the database is down or
// busy; see docs/operator-guide.md).
inline constexpr int kRetryAfterSeconds = 1;

// Adds Retry-After to a 503: every answer of kUnavailable carries it.
void AddRetryAfter(Response& response);

// The layout's fields: title, the signed-in person (with the CSRF token for signing out), the
// community, notices. The language switcher is added when the layout is rendered.
ViewData BasePage(Context& ctx, const std::string& title);
// BasePage for a page with a form that visitors who are not signed in post (sign-in, sign-up,
// password reset): it always carries a CSRF token, creating the visitor cookie if needed.
ViewData FormPage(Context& ctx, const std::string& title);

Response HtmlPage(Context& ctx, std::string_view view, ViewData& page, int status = 200);
// HtmlPage for a view whose `key` ({{{key}}}) is a large piece of HTML rendered beforehand (see
// Views::RenderWith).
Response HtmlPageWith(Context& ctx, std::string_view view, ViewData& page, const std::string& key,
                      const std::string& html, int status = 200);
// A page whose content was rendered before (and perhaps cached).
Response HtmlPageAround(Context& ctx, ViewData& page, const std::string& content);

Response JsonResponse(std::string body, int status = 200);
// 204: done, with nothing to say (an API deletion).
Response NoContent();
// A file to save as `file_name`: `body` of `content_type` with Content-Disposition: attachment.
// The name is quoted safely: any byte but a letter, a digit, '.', '-' or '_' becomes '-'.
Response Download(std::string body, std::string_view content_type, std::string_view file_name);

// The error as the caller's surface wants it: JSON under /api/, else a page (or, for a missing
// sign-in on a page, a redirect to /login). Internal and unavailable errors are logged with
// their cause and shown only as a generic message; unavailable ones carry Retry-After. `status`
// replaces the code's own status where the code has none of its own (405).
Response ErrorResponse(Context& ctx, const Error& error, int status = 0);

// Marks a form field as wrong on a page shown again: sets "error" (the message, translated)
// and "error_<field>" so the template can flag the field.
void AddFieldError(Context& ctx, ViewData& page, const Error& error);

// The cookie that keeps the language chosen in this browser (the switcher, the account page).
inline constexpr const char* kLanguageCookie = "andel_lang";
// Its Set-Cookie value for `language` (a supported code).
std::string LanguageCookie(const std::string& language);

// "?lang=xx"-style links to the current page in each language, for the switcher.
ViewData LanguageLinks(Context& ctx);

}  // namespace andel::web
