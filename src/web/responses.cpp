// Response builders and the error renderer.
#include "web/responses.h"

#include <spdlog/spdlog.h>

#include "core/log_text.h"
#include "store/database.h"
#include "web/forms.h"
#include "web/render/form_state.h"
#include "web/routes.h"
#include "web/web_app.h"

namespace andel::web {

int HttpStatus(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

void AddRetryAfter(Response& response) {
  response.AddHeader("Retry-After", std::to_string(kRetryAfterSeconds));
}

ViewData LanguageLinks(Context& ctx) {
  ViewData links = MakeList();
  static constexpr std::pair<const char*, const char*> kLanguages[] = {
      {"da", "Dansk"}, {"nl", "Nederlands"}, {"en", "English"}};
  // A form shown again after a POST links to the page the form lives on: the POST address itself
  // may not answer GET.
  std::string base;
  if (ctx.request.method == Method::kGet || ctx.request.method == Method::kHead) {
    base = ctx.request.path + "?";
    for (const auto& [name, value] : ctx.query.fields()) {
      if (name == "lang" || name == "notice") continue;
      base += UrlEncode(name) + "=" + UrlEncode(value) + "&";
    }
  } else {
    base = (ctx.form_page.empty() ? FormPagePath(ctx.request.path) : ctx.form_page) + "?";
  }
  for (const auto& [code, label] : kLanguages) {
    ViewData link = MakeObject();
    link.set("code", code);
    link.set("label", label);
    link.set("href", base + "lang=" + code);
    if (ctx.language == code) link.set("current", true);
    links.push_back(link);
  }
  return links;
}

namespace {

// The tabs of the community's administration the caller may open, the current one marked.
ViewData AdminTabs(Context& ctx) {
  static constexpr std::pair<const char*, const char*> kTabs[] = {
      {"", "Settings"},
      {"/members", "Members"},
      {"/categories", "Categories"},
      {"/import", "Import members"},
      {"/members.csv", "Export members (CSV)"},
      {"/audit", "Audit log"},
      {"/competences", "Competences"}};
  const std::string base = "/c/" + ctx.community->slug + "/admin";
  ViewData tabs = MakeList();
  for (const auto& [suffix, label] : kTabs) {
    if (!Allows(ctx, Method::kGet, std::string("/c/{slug}/admin") + suffix)) continue;
    ViewData tab = MakeObject();
    tab.set("href", base + suffix);
    tab.set("label", ctx.T(label));
    if (ctx.request.path == base + suffix) tab.set("current", true);
    tabs.push_back(tab);
  }
  return tabs;
}

}  // namespace

ViewData BasePage(Context& ctx, const std::string& title) {
  ViewData page = MakeObject();
  page.set("title", title);
  page.set("lang", ctx.language);
  if (ctx.person) {
    page.set("csrf", ctx.CsrfToken());
    ViewData me = MakeObject();
    me.set("name", ctx.person->name);
    me.set("email", ctx.person->email);
    if (ctx.person->is_admin) me.set("server_admin", true);
    Result<int64_t> unread = ctx.services.decisions.CountUnread(ctx.person->id);
    if (unread && *unread > 0) me.set("unread", FormatInteger(ctx.language, *unread));
    page.set("me", me);
  }
  if (ctx.community) {
    ViewData community = MakeObject();
    community.set("slug", ctx.community->slug);
    community.set("name", ctx.community->name);
    page.set("community", community);
    if (ctx.IsBoard()) page.set("can_admin", true);
    if (ctx.membership) page.set("is_member", true);
    if (ctx.request.path.starts_with("/c/" + ctx.community->slug + "/admin")) {
      page.set("admin_tabs", AdminTabs(ctx));
    }
  }
  static constexpr const char* kNotices[] = {
      "Saved.",
      "Welcome to Andel.",
      "You are now a member.",
      "You have signed out.",
      "Your password has been changed.",
      "The invitation has been sent.",
      "If an account exists for this address, a reset link has been sent.",
      "Deleted.",
      "The members have been imported.",
      "We have sent a link to the new address. Your address changes when you open it.",
      "We have sent a link to your address.",
      "Your address is confirmed.",
      "Your request to join has been sent to the board.",
      "You have left the community."};
  const std::string& notice = ctx.query.Get("notice");
  for (const char* known : kNotices) {
    if (notice == known) page.set("notice", ctx.T(notice));
  }
  return page;
}

ViewData FormPage(Context& ctx, const std::string& title) {
  ViewData page = BasePage(ctx, title);
  page.set("csrf", ctx.CsrfToken());
  return page;
}

namespace {

// Messages are written as fragments ("write an amount …") to follow a field's name in the API;
// on a page each stands alone, as a sentence.
std::string AsSentence(std::string message) {
  if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') {
    message[0] = static_cast<char>(message[0] - 'a' + 'A');
  }
  return message;
}

}  // namespace

namespace {

// The community's sections, in the order of the navigation: those every visitor may open, then
// the members' own, then the board's. The section this page belongs to (the segment after
// /c/<slug>/, or the community's own page) is marked current (aria-current).
ViewData SectionLinks(Context& ctx, const ViewData& page) {
  struct Section {
    const char* segment;
    const char* label;
    const char* flag;  // the page flag a role needs, or nullptr
  };
  static constexpr Section kSections[] = {
      {"proposals", "Proposals", nullptr},     {"funds", "Funds", nullptr},
      {"initiatives", "Initiatives", nullptr}, {"impact", "Impact", nullptr},
      {"members", "Members", nullptr},         {"partners", "Partners", "is_member"},
      {"circles", "Circles", "is_member"},     {"consortia", "Consortia", "is_member"},
      {"admin", "Administration", "can_admin"}};
  const std::string prefix = "/c/" + ctx.community->slug;
  const std::string& path = ctx.request.path;
  std::string current;
  if (path.starts_with(prefix + "/")) {
    const std::string rest = path.substr(prefix.size() + 1);
    current = rest.substr(0, rest.find('/'));
  }
  ViewData links = MakeList();
  const auto add = [&](const std::string& href, const std::string& label, bool is_current) {
    ViewData link = MakeObject();
    link.set("href", href);
    link.set("label", label);
    if (is_current) link.set("current", true);
    links.push_back(link);
  };
  add(prefix, ctx.community->name, path == prefix || path == prefix + "/");
  for (const Section& section : kSections) {
    if (section.flag && !page.get(section.flag)) continue;
    add(prefix + "/" + section.segment, ctx.T(section.label), current == section.segment);
  }
  return links;
}

// The layout around `content`. The rendered layout is cached under everything it shows (the
// language, the address for the language links, the title, the person and their CSRF token,
// the community, the notice), so most requests only splice their content into it.
std::string PageAround(Context& ctx, ViewData& page, const std::string& content) {
  const auto text = [&page](const char* name) -> std::string {
    const ViewData* value = page.get(name);
    return value && value->is_string() ? value->string_value() : std::string();
  };
  // The layout shows the token only to someone signed in (the sign-out form), so a visitor's
  // own token does not make a layout of its own.
  std::string key = "layout|" + ctx.language + "|" + ctx.request.path + "?" + ctx.request.query +
                    "|" + text("title") + "|" + (ctx.person ? text("csrf") : "") + "|" +
                    text("notice") + "|" + (page.get("can_admin") ? "a" : "-") +
                    (page.get("is_member") ? "m" : "-");
  if (ctx.person) {
    key += "|" + std::to_string(ctx.person->id) + ":" + ctx.person->name +
           (ctx.person->is_admin ? ":server" : "");
  }
  if (const ViewData* me = page.get("me"); me && me->get("unread")) {
    key += "|unread:" + me->get("unread")->string_value();
  }
  if (ctx.community) key += "|" + ctx.community->slug + ":" + ctx.community->name;
  std::shared_ptr<const std::string> shell = ctx.services.cache.Find(key);
  if (!shell) {
    page.set("languages", LanguageLinks(ctx));
    if (ctx.community) page.set("sections", SectionLinks(ctx, page));
    page.set("static_version", ctx.services.static_version);
    std::string rendered = ctx.services.views.LayoutShell(ctx.language, page);
    ctx.services.cache.Put(key, rendered);
    shell = std::make_shared<const std::string>(std::move(rendered));
  }
  return Views::Splice(*shell, content);
}

// A page answering a POST shows its form again (the post failed): with what was typed, and the
// error at its field and in a summary at the top (render/form_state.h). Another page fills in the
// form it starts from current values, if any.
std::string ShownAgain(Context& ctx, ViewData& page, std::string content) {
  if (ctx.request.method != Method::kPost) {
    if (!ctx.prefill) return content;
    return ShowFormAgain(content, ctx.prefill->action, ctx.prefill->values, std::nullopt, {});
  }
  std::optional<FieldError> error;
  if (const ViewData* message = page.get("error"); message && message->is_string()) {
    const ViewData* field = page.get("error_field");
    error = FieldError{.field = field && field->is_string() ? field->string_value() : "",
                       .message = message->string_value()};
    error->message = AsSentence(std::move(error->message));
  }
  return ShowFormAgain(
      content, ctx.request.path, ctx.form, error,
      {.summary_heading = ctx.T("There is a problem"), .error_prefix = ctx.T("Error:")});
}

}  // namespace

Response HtmlPage(Context& ctx, std::string_view view, ViewData& page, int status) {
  Response response;
  response.status = status;
  response.body = PageAround(
      ctx, page, ShownAgain(ctx, page, ctx.services.views.Render(view, ctx.language, page)));
  return response;
}

Response HtmlPageWith(Context& ctx, std::string_view view, ViewData& page, const std::string& key,
                      const std::string& html, int status) {
  Response response;
  response.status = status;
  response.body = PageAround(
      ctx, page,
      ShownAgain(ctx, page, ctx.services.views.RenderWith(view, ctx.language, page, key, html)));
  return response;
}

Response HtmlPageAround(Context& ctx, ViewData& page, const std::string& content) {
  Response response;
  response.body = PageAround(ctx, page, content);
  return response;
}

Response JsonResponse(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
  return response;
}

Response NoContent() {
  Response response;
  response.status = 204;
  return response;
}

Response Download(std::string body, std::string_view content_type, std::string_view file_name) {
  std::string safe(file_name);
  for (char& c : safe) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (!plain) c = '-';
  }
  Response response;
  response.content_type = std::string(content_type);
  response.AddHeader("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  response.body = std::move(body);
  return response;
}

namespace {

Response ErrorBody(Context& ctx, const Error& error, int status) {
  std::string message = error.message;
  if (error.code == ErrorCode::kInternal || error.code == ErrorCode::kUnavailable) {
    spdlog::error("request {} {} failed: {} ({}); cause: {}", MethodName(ctx.request.method),
                  LogField(ctx.request.path), LogText(error.message), LogField(error.where),
                  LogText(store::LastDatabaseFailure()));
    if (error.code == ErrorCode::kInternal) message = "something went wrong on our side";
  }
  const bool api = ctx.request.path.starts_with("/api/");
  if (api) {
    std::string body = R"({"error":{"code":")" + std::string(ErrorCodeName(error.code)) +
                       R"(","message":")" + JsonEscape(ctx.T(message)) + "\"";
    if (!error.where.empty()) body += R"(,"field":")" + JsonEscape(error.where) + "\"";
    body += "}}";
    Response response = JsonResponse(std::move(body), status);
    if (status == 401) response.AddHeader("WWW-Authenticate", "Bearer");
    return response;
  }
  if (error.code == ErrorCode::kUnauthenticated && ctx.request.method == Method::kGet) {
    return Redirect("/login?next=" + UrlEncode(ctx.request.path));
  }
  ViewData page = BasePage(ctx, ctx.T("Something is not right"));
  page.set("status", std::to_string(status));
  // The field the error names (where) is for the API, not shown on the page.
  page.set("message", ctx.T(message));
  return HtmlPage(ctx, "error", page, status);
}

}  // namespace

Response ErrorResponse(Context& ctx, const Error& error, int status) {
  Response response = ErrorBody(ctx, error, status != 0 ? status : HttpStatus(error.code));
  if (response.status == 503) AddRetryAfter(response);
  return response;
}

void AddFieldError(Context& ctx, ViewData& page, const Error& error) {
  page.set("error", ctx.T(error.message));
  if (!error.where.empty()) page.set("error_field", error.where);
}

std::string LanguageCookie(const std::string& language) {
  return std::string(kLanguageCookie) + "=" + language + "; Path=/; Max-Age=31536000; SameSite=Lax";
}

}  // namespace andel::web
