// The addresses of the funds capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/funds/handlers.h"

namespace andel::web {

std::vector<Route> FundRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/c/{slug}/funds", kVisible, kPage, ShowFunds},
      {kPost, "/c/{slug}/funds", kBoard, kPage, SubmitFund},
      {kPost, "/c/{slug}/funds/import", kBoard, kPage, SubmitFundImport, kUploadLimit},
      {kGet, "/c/{slug}/funds/{id}", kVisible, kPage, ShowFund},
      {kPost, "/c/{slug}/funds/{id}/projects", kMember, kPage, SubmitFundProject},
      {kPost, "/c/{slug}/funds/{id}/projects/{project}/review", kBoard, kPage, SubmitFundReview},
      {kPost, "/c/{slug}/funds/{id}/phase", kBoard, kPage, SubmitFundPhase},
      {kPost, "/c/{slug}/funds/{id}/ballot", kMember, kPage, SubmitFundBallot},
      {kGet, "/c/{slug}/funds/{id}/export.pb", kVisible, kPage, ExportFundPabulib},
      {kGet, "/api/v1/communities/{slug}/funds", kVisible, kApi, ApiListFunds},
      {kPost, "/api/v1/communities/{slug}/funds", kBoard, kApi, ApiCreateFund},
      {kPost, "/api/v1/communities/{slug}/funds/import", kBoard, kApi, ApiImportFund, kUploadLimit},
      {kGet, "/api/v1/communities/{slug}/funds/{id}", kVisible, kApi, ApiGetFund},
      {kPost, "/api/v1/communities/{slug}/funds/{id}/projects", kMember, kApi,
       ApiProposeFundProject},
      {kPost, "/api/v1/communities/{slug}/funds/{id}/projects/{project}/review", kBoard, kApi,
       ApiReviewFundProject},
      {kPost, "/api/v1/communities/{slug}/funds/{id}/phase", kBoard, kApi, ApiAdvanceFund},
      {kPut, "/api/v1/communities/{slug}/funds/{id}/ballot", kMember, kApi, ApiPutFundBallot},
      {kGet, "/api/v1/communities/{slug}/funds/{id}/ballot", kMember, kApi, ApiGetFundBallot},
      {kGet, "/api/v1/communities/{slug}/funds/{id}/result", kVisible, kApi, ApiGetFundResult},
      {kGet, "/api/v1/communities/{slug}/funds/{id}/export.pb", kVisible, kApi, ExportFundPabulib},
  };
}

}  // namespace andel::web
