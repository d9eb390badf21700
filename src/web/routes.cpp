// The route table: the site's own routes and each capability's route list, joined once.
#include "web/routes.h"

#include "web/handlers.h"

namespace andel::web {

const std::vector<Route>& RouteTable() {
  using enum Method;
  using enum Access;
  using enum Surface;
  static const std::vector<Route> kRoutes = [] {
    std::vector<Route> routes = {
        {kGet, "/static/{file}", kPublic, kPage, ServeStatic},
        {kGet, "/favicon.ico", kPublic, kPage, ServeFavicon},
        {kGet, "/api/v1/health", kPublic, kApi, ApiHealth},
        {kGet, "/api/v1/openapi.yaml", kPublic, kApi, ApiOpenApi},
    };
    for (std::vector<Route> (*list)() :
         {&AccountRoutes, &CommunityRoutes, &DecisionRoutes, &FundRoutes, &PartnershipRoutes,
          &ImpactRoutes, &IncubatorRoutes}) {
      for (Route& route : list()) routes.push_back(std::move(route));
    }
    return routes;
  }();
  return kRoutes;
}

bool RoleAllows(const Context& ctx, Access access) {
  const bool site_admin = ctx.person && ctx.person->is_admin;
  switch (access) {
    case Access::kPublic:
    case Access::kVisible:
      return true;
    case Access::kAccount:
    case Access::kSignedIn:
      return ctx.person.has_value();
    case Access::kServerAdmin:
      return site_admin;
    case Access::kMember:
      return ctx.membership || site_admin;
    case Access::kBoard:
      return ctx.IsBoard();
    case Access::kAdmin:
      return ctx.IsAdmin();
  }
  return false;
}

bool Allows(const Context& ctx, Method method, std::string_view pattern) {
  for (const Route& route : RouteTable()) {
    if (route.method == method && route.pattern == pattern) return RoleAllows(ctx, route.access);
  }
  return false;
}

}  // namespace andel::web
