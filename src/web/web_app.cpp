// Request pipeline: route -> authenticate -> language -> body -> CSRF -> access -> handler.
#include "web/web_app.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <span>

#include "core/log_text.h"
#include "core/text.h"
#include "store/database.h"
#include "web/locales.h"
#include "web/responses.h"
#include "web/routes.h"
#include "web/security.h"

namespace andel::web {
namespace {

constexpr const char* kSessionCookie = "andel_session";
// The field of the refusal for a person who must set up two-step sign-in first.
constexpr std::string_view kSecondFactorSetup = "second_factor";

bool Unsafe(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch ||
         method == Method::kDelete;
}

void AddSecurityHeaders(Response& response) {
  response.AddHeader("Content-Security-Policy",
                     "default-src 'self'; script-src 'self'; style-src 'self'; "
                     "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
                     "base-uri 'none'; object-src 'none'");
  response.AddHeader("X-Content-Type-Options", "nosniff");
  response.AddHeader("X-Frame-Options", "DENY");
  response.AddHeader("Referrer-Policy", "same-origin");
}

Status Authenticate(Context& ctx) {
  const std::string_view authorization = ctx.request.Header("authorization");
  if (!authorization.empty()) {
    if (!authorization.starts_with("Bearer ")) {
      return Error::Unauthenticated("the Authorization header must be a Bearer token");
    }
    Result<communities::Person> person =
        ctx.services.accounts.FindByApiToken(HashToken(Trim(authorization.substr(7))), ctx.Now());
    if (!person) return person.error();
    ctx.person = *person;
    ctx.via_api_token = true;
    return {};
  }
  const std::string_view cookies = ctx.request.Header("cookie");
  if (std::optional<std::string> visitor = CookieValue(cookies, kVisitorCookie)) {
    if (visitor->size() == 43) ctx.visitor_token = *visitor;
  }
  std::optional<std::string> session = CookieValue(cookies, kSessionCookie);
  if (!session || session->size() != 43) return {};
  Result<communities::Person> person =
      ctx.services.accounts.FindSession(HashToken(*session), ctx.Now());
  if (person) {
    ctx.person = *person;
    ctx.session_token = *session;
  } else if (person.error().code != ErrorCode::kUnauthenticated) {
    return person.error();
  } else {
    ctx.set_cookies.push_back(std::string(kSessionCookie) +
                              "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  }
  return {};
}

// The page's language: the switcher's choice (?lang=, kept in a cookie), else the cookie's, else
// the account's, else the browser's. Choosing never writes to the account: a GET changes
// nothing, and the account's language (for mail) changes on the account page.
void ChooseLanguage(Context& ctx) {
  const std::string& wanted = ctx.query.Get("lang");
  if (communities::IsSupportedLanguage(wanted)) {
    ctx.language = wanted;
    ctx.set_cookies.push_back(LanguageCookie(wanted));
    return;
  }
  std::optional<std::string> cookie = CookieValue(ctx.request.Header("cookie"), kLanguageCookie);
  if (cookie && communities::IsSupportedLanguage(*cookie)) {
    ctx.language = *cookie;
    return;
  }
  if (ctx.person && communities::IsSupportedLanguage(ctx.person->language)) {
    ctx.language = ctx.person->language;
    return;
  }
  ctx.language = NegotiateLanguage(ctx.request.Header("accept-language"));
}

Status ParseBody(Context& ctx) {
  const std::string_view type = ctx.request.Header("content-type");
  if (type.starts_with("application/x-www-form-urlencoded")) {
    Result<Form> form = ParseUrlEncoded(ctx.request.Body());
    if (!form) return form.error();
    ctx.form = std::move(*form);
  } else if (type.starts_with("multipart/form-data")) {
    Result<Form> form = ParseMultipart(ctx.request.Body(), type, ctx.files);
    if (!form) return form.error();
    ctx.form = std::move(*form);
  }
  return {};
}

Status CheckCsrf(Context& ctx, const Route& route) {
  if (!Unsafe(ctx.request.method) || ctx.via_api_token) return {};
  if (route.surface == Surface::kApi && ctx.session_token.empty()) return {};
  std::string sent = ctx.form.Get("csrf");
  if (sent.empty()) sent = std::string(ctx.request.Header("x-csrf-token"));
  const std::string& cookie = ctx.session_token.empty() ? ctx.visitor_token : ctx.session_token;
  if (cookie.empty() || sent.empty() ||
      !ConstantTimeEquals(sent, CsrfToken(ctx.services.secret_key, cookie))) {
    return Error::PermissionDenied(
        "the form has expired or did not come from this site; please reload and try again", "csrf");
  }
  return {};
}

Status CheckAccess(Context& ctx, const Route& route) {
  if (route.access == Access::kPublic) return {};
  if (route.access != Access::kVisible && !ctx.person) {
    return Error::Unauthenticated("please sign in");
  }
  if (route.access == Access::kAccount) return {};
  if (ctx.person && ctx.person->second_factor_required && !ctx.person->second_factor) {
    return Error::PermissionDenied(
        "this server requires two-step sign-in of server administrators and programme "
        "officers: set it up on your account page first",
        std::string(kSecondFactorSetup));
  }
  if (ctx.person && !ctx.person->verified && Unsafe(ctx.request.method)) {
    return Error::PermissionDenied(
        "please confirm your address first: open the link we mailed you, or ask for a new one on "
        "your account page");
  }
  if (route.access == Access::kSignedIn) return {};
  if (route.access == Access::kServerAdmin) {
    if (ctx.person->is_admin) return {};
    return Error::PermissionDenied("only a server administrator may do this");
  }
  const auto slug = ctx.params.find("slug");
  if (slug == ctx.params.end()) return {};
  Result<communities::Community> community = ctx.Communities().FindBySlug(slug->second);
  if (!community) return community.error();
  if (Status entered = ctx.EnterCommunity(*community); !entered) return entered;
  const bool site_admin = ctx.person && ctx.person->is_admin;
  switch (route.access) {
    case Access::kVisible:
      if (community->is_public || ctx.membership || site_admin) return {};
      if (!ctx.person) return Error::Unauthenticated("please sign in");
      return Error::NotFound("no such community", "slug");
    case Access::kMember:
      if (RoleAllows(ctx, route.access)) return {};
      return Error::PermissionDenied("only members of this community may do this");
    case Access::kBoard:
      if (RoleAllows(ctx, route.access)) return {};
      return Error::PermissionDenied("only the board of this community may do this");
    case Access::kAdmin:
      if (RoleAllows(ctx, route.access)) return {};
      return Error::PermissionDenied("only administrators of this community may do this");
    default:
      return {};
  }
}

// The answer to a request CheckAccess refused. A person who must set up two-step sign-in first
// is taken there from a page to read; every other refusal is the error's.
Response AccessRefusal(Context& ctx, const Route& route, const Error& error) {
  if (error.where == kSecondFactorSetup && route.surface == Surface::kPage &&
      !Unsafe(ctx.request.method)) {
    return Redirect("/account/two-step?notice=" +
                    UrlEncode("This server requires two-step sign-in for your role. Please set "
                              "it up to go on."));
  }
  return ErrorResponse(ctx, error);
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments = Split(path.substr(1), '/');
  if (!segments.empty() && segments.back().empty() && segments.size() > 1) segments.pop_back();
  return segments;
}

// The steps that need only the request's header: the query, the path, the route, the caller
// and the language. A response if they refuse the request; `route` is set otherwise.
std::optional<Response> Prepare(Context& ctx, const Route*& route) {
  Request& request = ctx.request;
  Result<Form> query = ParseUrlEncoded(request.query);
  if (!query) return ErrorResponse(ctx, query.error());
  ctx.query = std::move(*query);
  if (!IsValidUtf8(request.path)) {
    return ErrorResponse(ctx, Error::InvalidArgument("the address is not valid UTF-8", "path"));
  }
  bool path_known = false;
  route = MatchRoute(request.method, request.path, ctx.params, path_known);
  if (Status status = Authenticate(ctx); !status) {
    ChooseLanguage(ctx);
    return ErrorResponse(ctx, status.error());
  }
  ChooseLanguage(ctx);
  if (!route) {
    if (path_known) {
      Response response = ErrorResponse(
          ctx, Error::InvalidArgument("this address does not accept this method", "method"), 405);
      std::string allow;
      for (const Route& candidate : RouteTable()) {
        std::map<std::string, std::string> ignored;
        bool known = false;
        if (MatchRoute(candidate.method, request.path, ignored, known) == &candidate) {
          if (!allow.empty()) allow += ", ";
          allow += MethodName(candidate.method);
        }
      }
      response.AddHeader("Allow", allow);
      return response;
    }
    return ErrorResponse(ctx, Error::NotFound("this page does not exist", "path"));
  }
  return std::nullopt;
}

// What every response gets, whichever step answered.
void Finish(Context& ctx, Response& response) {
  AddSecurityHeaders(response);
  for (std::string& cookie : ctx.set_cookies) response.AddHeader("Set-Cookie", std::move(cookie));
  if (!ctx.request.path.starts_with("/static/")) response.AddHeader("Cache-Control", "no-store");
  response.AddHeader("Vary", "Cookie, Accept-Language");
}

}  // namespace

const Route* MatchRoute(Method method, const std::string& path,
                        std::map<std::string, std::string>& params, bool& path_known) {
  path_known = false;
  if (path.empty() || path[0] != '/') return nullptr;
  // The patterns' segments, split once; RouteTable() is a static that outlives them.
  static const std::vector<std::vector<std::string_view>> kPatterns = [] {
    std::vector<std::vector<std::string_view>> patterns;
    for (const Route& route : RouteTable()) patterns.push_back(Segments(route.pattern));
    return patterns;
  }();
  const std::vector<std::string_view> segments = Segments(path);
  const Method wanted = method == Method::kHead ? Method::kGet : method;
  // The most specific match wins: "/c/{slug}/funds/import" before "/c/{slug}/funds/{id}".
  const Route* best = nullptr;
  int best_literals = -1;
  for (size_t route_idx = 0; route_idx < RouteTable().size(); ++route_idx) {
    const Route& route = RouteTable()[route_idx];
    const std::vector<std::string_view>& pattern = kPatterns[route_idx];
    if (pattern.size() != segments.size()) continue;
    std::map<std::string, std::string> found;
    bool match = true;
    int literals = 0;
    for (size_t i = 0; i < pattern.size() && match; ++i) {
      if (pattern[i].size() > 2 && pattern[i].front() == '{' && pattern[i].back() == '}') {
        if (segments[i].empty()) match = false;
        found[std::string(pattern[i].substr(1, pattern[i].size() - 2))] = segments[i];
      } else {
        match = pattern[i] == segments[i];
        ++literals;
      }
    }
    if (!match) continue;
    path_known = true;
    if (route.method == wanted && literals > best_literals) {
      best = &route;
      best_literals = literals;
      params = std::move(found);
    }
  }
  return best;
}

std::string FillPattern(const std::string& pattern,
                        const std::map<std::string, std::string>& params) {
  std::string out;
  for (size_t at = 0; at < pattern.size();) {
    const size_t open = pattern.find('{', at);
    const size_t close = open == std::string::npos ? open : pattern.find('}', open);
    if (close == std::string::npos) {
      out += pattern.substr(at);
      break;
    }
    out += pattern.substr(at, open - at);
    const auto value = params.find(pattern.substr(open + 1, close - open - 1));
    if (value != params.end()) out += value->second;
    at = close + 1;
  }
  return out;
}

std::string FormPagePath(const std::string& path) {
  std::string candidate = path;
  while (!candidate.empty()) {
    std::map<std::string, std::string> params;
    bool known = false;
    const Route* route = MatchRoute(Method::kGet, candidate, params, known);
    if (route != nullptr && route->surface == Surface::kPage) return candidate;
    const size_t slash = candidate.rfind('/');
    if (slash == std::string::npos || slash == 0) break;
    candidate.resize(slash);
  }
  return "/";
}

WebApp::WebApp(store::Database& db, WebConfig config, std::function<int64_t()> now)
    : services_(new Services{.db = db, .config = std::move(config), .now = std::move(now)}) {
  services_->ballot_writer = std::make_unique<store::BallotWriter>(db);
  services_->compute = std::make_unique<ComputePool>(
      ComputePool::Options{services_->config.compute_threads, services_->config.compute_queue});
}

WebApp::~WebApp() = default;

Status WebApp::Init() {
  if (Status status = InitSecurity(); !status) return status;
  Result<Catalog> catalog = LoadCatalog();
  if (!catalog) return catalog.error();
  services_->catalog = std::move(*catalog);
  if (Status status = services_->views.Load(services_->catalog); !status) return status;
  Result<std::string> secret = services_->settings.GetOrCreateSetting("csrf_secret", RandomToken());
  if (!secret) return secret.error();
  services_->secret_key = *secret;
  services_->static_version = std::to_string(services_->now() / 60);
  Result<std::string> dummy = HashPassword(RandomToken());
  if (!dummy) return dummy.error();
  services_->dummy_password_hash = *dummy;
  return {};
}

size_t WebApp::BodyLimit(Method method, const std::string& path) const {
  std::map<std::string, std::string> params;
  bool known = false;
  const Route* route = MatchRoute(method, path, params, known);
  if (route && route->body_limit) return route->body_limit;
  return services_->config.max_body_bytes;
}

Admission WebApp::Admit(Request& head, std::optional<uint64_t> content_length) {
  Admission admission;
  admission.body_limit = BodyLimit(head.method, head.path);
  // A body the server would take in anyway (a form, a JSON object) is read first and judged by
  // the whole pipeline, CSRF check included; a larger (or chunked) one is judged from its
  // header, and the server reads it only if this lets it in.
  if (content_length && *content_length <= services_->config.max_body_bytes) return admission;
  Context ctx{.request = head, .services = *services_};
  std::optional<Response> refusal;
  try {
    const Route* route = nullptr;
    refusal = Prepare(ctx, route);
    if (!refusal) {
      if (Status status = CheckAccess(ctx, *route); !status) {
        refusal = AccessRefusal(ctx, *route, status.error());
      }
    }
  } catch (const std::exception& error) {
    spdlog::error("unhandled exception admitting {} {}: {}", MethodName(head.method),
                  LogField(head.path), LogText(error.what()));
    refusal = ErrorResponse(ctx, Error::Internal("unhandled exception"));
  }
  if (refusal) {
    Finish(ctx, *refusal);
    admission.refusal = std::move(refusal);
  }
  return admission;
}

Response WebApp::Handle(Request& request) {
  Context ctx{.request = request, .services = *services_};
  Response response;
  try {
    response = Dispatch(ctx);
  } catch (const std::exception& error) {
    spdlog::error("unhandled exception for {} {}: {}", MethodName(request.method),
                  LogField(request.path), LogText(error.what()));
    response = ErrorResponse(ctx, Error::Internal("unhandled exception"));
  }
  Finish(ctx, response);
  return response;
}

Response WebApp::TransportError(int status, const std::string& message, Request& partial) {
  Context ctx{.request = partial, .services = *services_};
  ctx.language = NegotiateLanguage(partial.Header("accept-language"));
  if (std::optional<std::string> cookie = CookieValue(partial.Header("cookie"), kLanguageCookie);
      cookie && communities::IsSupportedLanguage(*cookie)) {
    ctx.language = *cookie;
  }
  const ErrorCode code = status == 413 || status == 431 ? ErrorCode::kTooLarge
                         : status == 503                ? ErrorCode::kUnavailable
                         : status == 500                ? ErrorCode::kInternal
                                                        : ErrorCode::kInvalidArgument;
  // Pages for browsers, JSON for the API and for requests whose path was never read.
  if (partial.path.empty()) partial.path = "/api/";
  Response response = ErrorResponse(ctx, Error{code, message, {}});
  response.status = status;
  AddSecurityHeaders(response);
  return response;
}

Response WebApp::Dispatch(Context& ctx) {
  const Route* route = nullptr;
  if (std::optional<Response> refusal = Prepare(ctx, route)) return std::move(*refusal);
  if (!route->form_page.empty()) ctx.form_page = FillPattern(route->form_page, ctx.params);
  Request& request = ctx.request;
  if (Unsafe(request.method)) {
    if (Status status = ParseBody(ctx); !status) return ErrorResponse(ctx, status.error());
  }
  if (Status status = CheckCsrf(ctx, *route); !status) return ErrorResponse(ctx, status.error());
  if (Status status = CheckAccess(ctx, *route); !status) {
    return AccessRefusal(ctx, *route, status.error());
  }
  Result<Response> response = route->handler(ctx);
  if (!response) return ErrorResponse(ctx, response.error());
  return std::move(*response);
}

}  // namespace andel::web
