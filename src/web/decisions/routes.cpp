// The addresses of the decisions capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/decisions/handlers.h"

namespace andel::web {

std::vector<Route> DecisionRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/c/{slug}/proposals", kVisible, kPage, ShowProposals},
      {kPost, "/c/{slug}/proposals", kMember, kPage, SubmitProposal},
      {kGet, "/c/{slug}/proposals/{id}", kVisible, kPage, ShowProposal},
      {kPost, "/c/{slug}/proposals/{id}/comments", kMember, kPage, SubmitComment},
      {kPost, "/c/{slug}/proposals/{id}/discussion", kMember, kPage, SubmitDiscussionState},
      {kPost, "/c/{slug}/proposals/{id}/amendments", kMember, kPage, SubmitAmendment},
      {kPost, "/c/{slug}/proposals/{id}/amendments/{amendment}", kMember, kPage,
       SubmitAmendmentDecision},
      {kPost, "/c/{slug}/proposals/{id}/decision", kBoard, kPage, SubmitDecision},
      {kGet, "/c/{slug}/proposals/{id}/vote", kMember, kPage, ShowVoteCast},
      {kPost, "/c/{slug}/proposals/{id}/vote", kMember, kPage, SubmitVote, 0,
       "/c/{slug}/proposals/{id}"},
      {kGet, "/c/{slug}/proposals/{id}/results", kVisible, kPage, ShowResults},
      {kGet, "/c/{slug}/proposals/{id}/receipts", kVisible, kPage, ShowReceipts},
      {kGet, "/c/{slug}/proposals/{id}/minutes", kVisible, kPage, ShowMinutes},
      {kGet, "/c/{slug}/proposals/{id}/export.json", kVisible, kPage, ExportDecisionPage},
      {kGet, "/notifications", kAccount, kPage, ShowNotifications},
      {kPost, "/notifications/read", kAccount, kPage, SubmitNotificationsRead},
      {kGet, "/api/v1/communities/{slug}/proposals", kVisible, kApi, ApiListProposals},
      {kPost, "/api/v1/communities/{slug}/proposals", kMember, kApi, ApiCreateProposal},
      {kGet, "/api/v1/communities/{slug}/proposals/{id}", kVisible, kApi, ApiGetProposal},
      {kPost, "/api/v1/communities/{slug}/proposals/{id}/comments", kMember, kApi,
       ApiCreateComment},
      {kPost, "/api/v1/communities/{slug}/proposals/{id}/discussion", kMember, kApi,
       ApiSetDiscussion},
      {kPost, "/api/v1/communities/{slug}/proposals/{id}/amendments", kMember, kApi,
       ApiCreateAmendment},
      {kPatch, "/api/v1/communities/{slug}/proposals/{id}/amendments/{amendment}", kMember, kApi,
       ApiDecideAmendment},
      {kPost, "/api/v1/communities/{slug}/proposals/{id}/decision", kBoard, kApi,
       ApiCreateDecision},
      {kGet, "/api/v1/decisions/{id}", kPublic, kApi, ApiGetDecision},
      {kPost, "/api/v1/decisions/{id}/ballots", kSignedIn, kApi, ApiCastBallot},
      {kGet, "/api/v1/decisions/{id}/ballots/mine", kSignedIn, kApi, ApiGetOwnBallot},
      {kGet, "/api/v1/decisions/{id}/results", kPublic, kApi, ApiGetResults},
      {kGet, "/api/v1/decisions/{id}/receipts", kPublic, kApi, ApiListReceipts},
      {kGet, "/api/v1/decisions/{id}/export", kPublic, kApi, ApiExportDecision},
      {kGet, "/api/v1/notifications", kAccount, kApi, ApiListNotifications},
      {kPost, "/api/v1/notifications/read", kAccount, kApi, ApiMarkNotificationsRead},
  };
}

}  // namespace andel::web
