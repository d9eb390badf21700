// The web application: matches a request against the route table, authenticates the caller,
// chooses the language, checks the CSRF token and the route's role, runs the handler, and adds
// the security headers. The HTTP server calls Handle() for every request.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "web/context.h"
#include "web/server/http.h"

namespace andel::store {
class Database;
}

namespace andel::web {

class WebApp {
 public:
  WebApp(store::Database& db, WebConfig config, std::function<int64_t()> now);
  ~WebApp();

  // Loads translations and templates and the server's secret key. kInternal if any is broken.
  Status Init();

  // From the header alone (`head` has no body yet): the route's body limit and, for a body larger
  // than the default, the refusal the pipeline would give (unknown route, wrong method, caller
  // not signed in or without the route's role), so that a large body is read only for a caller
  // who may send it. `content_length` is none for a chunked body.
  Admission Admit(Request& head, std::optional<uint64_t> content_length);
  Response Handle(Request& request);
  // The page (or JSON) for a request the server refused before routing it; see TransportError.
  Response TransportError(int status, const std::string& message, Request& partial);
  size_t BodyLimit(Method method, const std::string& path) const;

  Services& services() { return *services_; }

 private:
  Response Dispatch(Context& ctx);
  std::unique_ptr<Services> services_;
};

// The route matching `path` for `method`: of the routes whose pattern matches, the one with the
// most literal segments (the first in the table among equals). Fills `params`. Sets `path_known`
// if any route has this path (so that a wrong method is a 405 rather than a 404).
const struct Route* MatchRoute(Method method, const std::string& path,
                               std::map<std::string, std::string>& params, bool& path_known);

// The page a form posting to `path` lives on, for links away from a form shown again after its
// POST (the language switcher): `path` itself if it answers GET with a page, else the nearest
// parent address that does ("/c/x/proposals/5/vote" → "/c/x/proposals/5"), else "/".
std::string FormPagePath(const std::string& path);
// A route pattern with its parameters filled in: ("/c/{slug}", {slug: "x"}) → "/c/x".
std::string FillPattern(const std::string& pattern,
                        const std::map<std::string, std::string>& params);

}  // namespace andel::web
