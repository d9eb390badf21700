// The addresses of the partnerships capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/partnerships/handlers.h"

namespace andel::web {

std::vector<Route> PartnershipRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/c/{slug}/admin/competences", kBoard, kPage, ShowCompetences},
      {kPost, "/c/{slug}/admin/competences", kBoard, kPage, SubmitCompetence},
      {kPost, "/c/{slug}/admin/competences/{id}", kBoard, kPage, SubmitCompetence},
      {kPost, "/c/{slug}/admin/competences/{id}/merge", kBoard, kPage, SubmitCompetenceMerge},
      {kGet, "/c/{slug}/partners", kMember, kPage, ShowPartners},
      {kPost, "/c/{slug}/partners/profile", kMember, kPage, SubmitPartnerProfile},
      {kPost, "/c/{slug}/partners/{id}", kMember, kPage, SubmitMatchResponse},
      {kGet, "/c/{slug}/circles", kMember, kPage, ShowCircles},
      {kGet, "/c/{slug}/circles.csv", kBoard, kPage, ExportCircles},
      {kPost, "/c/{slug}/circles", kBoard, kPage, SubmitGenerateCircles},
      {kPost, "/c/{slug}/circles/move", kBoard, kPage, SubmitMoveCircleMember},
      {kPost, "/c/{slug}/circles/publish", kBoard, kPage, SubmitPublishCircles},
      {kGet, "/c/{slug}/consortia", kMember, kPage, ShowConsortia},
      {kGet, "/c/{slug}/consortia/{id}", kMember, kPage, ShowConsortium},
      {kPost, "/c/{slug}/consortia", kMember, kPage, SubmitConsortium},
      {kGet, "/api/v1/communities/{slug}/competences", kVisible, kApi, ApiListCompetences},
      {kPost, "/api/v1/communities/{slug}/competences", kBoard, kApi, ApiSaveCompetence},
      {kPatch, "/api/v1/communities/{slug}/competences/{id}", kBoard, kApi, ApiSaveCompetence},
      {kPost, "/api/v1/communities/{slug}/competences/{id}/merge", kBoard, kApi,
       ApiMergeCompetence},
      {kGet, "/api/v1/communities/{slug}/profile", kMember, kApi, ApiGetProfile},
      {kPut, "/api/v1/communities/{slug}/profile", kMember, kApi, ApiPutProfile},
      {kGet, "/api/v1/communities/{slug}/matches", kMember, kApi, ApiListMatches},
      {kPost, "/api/v1/communities/{slug}/matches/{id}", kMember, kApi, ApiRespondToMatch},
      {kGet, "/api/v1/communities/{slug}/circles", kMember, kApi, ApiGetCircles},
      {kPost, "/api/v1/communities/{slug}/circles", kBoard, kApi, ApiFormCircles},
      {kPost, "/api/v1/communities/{slug}/circles/move", kBoard, kApi, ApiMoveCircleMember},
      {kPost, "/api/v1/communities/{slug}/circles/publish", kBoard, kApi, ApiPublishCircles},
      {kPost, "/api/v1/communities/{slug}/consortia", kMember, kApi, ApiFormConsortium},
  };
}

}  // namespace andel::web
