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

}  // namespace andel::web
