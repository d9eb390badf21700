// The request handlers of the site: static assets and the API's own addresses. The capabilities'
// handlers are in their folders (accounts/handlers.h, …); the route table in routes.cpp joins their
// route lists.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// static_files.cpp: the static assets (style sheet, scripts, icons), embedded at build time and
// served with a day's cache.
Result<Response> ServeStatic(Context& ctx);
// The icon browsers ask for by themselves: the site's SVG icon.
Result<Response> ServeFavicon(Context& ctx);

// site_api.cpp: the API's own addresses: its health, for load balancers, and its OpenAPI
// description.
Result<Response> ApiHealth(Context& ctx);
Result<Response> ApiOpenApi(Context& ctx);

}  // namespace andel::web
