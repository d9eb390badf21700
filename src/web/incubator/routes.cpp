// The addresses of the incubator capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/incubator/handlers.h"

namespace andel::web {

std::vector<Route> IncubatorRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/c/{slug}/initiatives", kVisible, kPage, ShowInitiatives},
      {kPost, "/c/{slug}/initiatives", kMember, kPage, SubmitInitiative},
      {kGet, "/c/{slug}/initiatives/{id}", kVisible, kPage, ShowInitiative},
      {kPost, "/c/{slug}/initiatives/{id}/stage", kBoard, kPage, SubmitInitiativeStage},
      {kGet, "/api/v1/communities/{slug}/initiatives", kVisible, kApi, ApiListInitiatives},
      {kPost, "/api/v1/communities/{slug}/initiatives", kMember, kApi, ApiCreateInitiative},
      {kGet, "/api/v1/communities/{slug}/initiatives/{id}", kVisible, kApi, ApiGetInitiative},
      {kPatch, "/api/v1/communities/{slug}/initiatives/{id}", kBoard, kApi, ApiUpdateInitiative},
  };
}

}  // namespace andel::web
