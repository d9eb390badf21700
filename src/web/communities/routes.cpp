// The addresses of the communities capability, with the role each needs; the route table in
// web/routes.cpp joins them with the other capabilities'.
#include "web/routes.h"

#include "web/communities/handlers.h"

namespace andel::web {

std::vector<Route> CommunityRoutes() {
  using enum Method;
  using enum Access;
  using enum Surface;
  return {
      {kGet, "/", kPublic, kPage, ShowHome},
      {kPost, "/communities", kSignedIn, kPage, SubmitCreateCommunity},
      {kGet, "/invitations/{token}", kPublic, kPage, ShowInvitation},
      {kPost, "/invitations/{token}", kSignedIn, kPage, AcceptInvitation},
      {kGet, "/server", kServerAdmin, kPage, ShowServerAdmin},
      {kPost, "/server/settings", kServerAdmin, kPage, SubmitServerSettings},
      {kPost, "/server/programmes/{id}/verify", kServerAdmin, kPage, SubmitVerifyProgramme},
      {kGet, "/c/{slug}", kVisible, kPage, ShowCommunity},
      {kPost, "/c/{slug}/join", kSignedIn, kPage, SubmitJoin},
      {kPost, "/c/{slug}/leave", kMember, kPage, SubmitLeave},
      {kGet, "/c/{slug}/members", kVisible, kPage, ShowMembers},
      {kGet, "/c/{slug}/members/{id}", kVisible, kPage, ShowMember},
      {kPost, "/c/{slug}/members/{id}/privacy", kMember, kPage, SubmitMemberPrivacy},
      {kGet, "/c/{slug}/admin", kBoard, kPage, ShowAdmin},
      {kPost, "/c/{slug}/admin/settings", kAdmin, kPage, SubmitSettings},
      {kPost, "/c/{slug}/admin/statutes", kAdmin, kPage, SubmitStatutes},
      {kGet, "/c/{slug}/admin/members", kBoard, kPage, ShowAdminMembers},
      {kPost, "/c/{slug}/admin/members/{id}", kAdmin, kPage, SubmitMemberUpdate},
      {kPost, "/c/{slug}/admin/invitations", kBoard, kPage, SubmitInvite},
      {kPost, "/c/{slug}/admin/requests/{id}", kBoard, kPage, SubmitJoinDecision},
      {kGet, "/c/{slug}/admin/categories", kBoard, kPage, ShowCategories},
      {kPost, "/c/{slug}/admin/categories", kAdmin, kPage, SubmitCategoryCreate},
      {kPost, "/c/{slug}/admin/categories/{id}", kAdmin, kPage, SubmitCategoryUpdate},
      {kPost, "/c/{slug}/admin/categories/{id}/delete", kAdmin, kPage, SubmitCategoryDelete},
      {kGet, "/c/{slug}/admin/import", kAdmin, kPage, ShowImport},
      {kPost, "/c/{slug}/admin/import", kAdmin, kPage, SubmitImport, kUploadLimit},
      {kGet, "/c/{slug}/admin/import/template.csv", kAdmin, kPage, DownloadImportTemplate},
      {kGet, "/c/{slug}/admin/members.csv", kBoard, kPage, ExportMembersCsv},
      {kGet, "/c/{slug}/admin/audit", kBoard, kPage, ShowAuditLog},
      {kGet, "/api/v1/communities", kPublic, kApi, ApiListCommunities},
      {kPost, "/api/v1/communities", kSignedIn, kApi, ApiCreateCommunity},
      {kGet, "/api/v1/communities/{slug}", kVisible, kApi, ApiGetCommunity},
      {kPatch, "/api/v1/communities/{slug}", kAdmin, kApi, ApiUpdateCommunity},
      {kDelete, "/api/v1/communities/{slug}", kAdmin, kApi, ApiDeleteCommunity},
      {kGet, "/api/v1/communities/{slug}/members", kVisible, kApi, ApiListMembers},
      {kPost, "/api/v1/communities/{slug}/members", kAdmin, kApi, ApiCreateMember},
      {kGet, "/api/v1/communities/{slug}/members/{id}", kVisible, kApi, ApiGetMember},
      {kPatch, "/api/v1/communities/{slug}/members/{id}", kAdmin, kApi, ApiUpdateMember},
      {kDelete, "/api/v1/communities/{slug}/members/{id}", kAdmin, kApi, ApiDeleteMember},
      {kGet, "/api/v1/communities/{slug}/categories", kVisible, kApi, ApiListCategories},
      {kPost, "/api/v1/communities/{slug}/categories", kAdmin, kApi, ApiCreateCategory},
      {kGet, "/api/v1/communities/{slug}/categories/{id}", kVisible, kApi, ApiGetCategory},
      {kPatch, "/api/v1/communities/{slug}/categories/{id}", kAdmin, kApi, ApiUpdateCategory},
      {kDelete, "/api/v1/communities/{slug}/categories/{id}", kAdmin, kApi, ApiDeleteCategory},
      {kGet, "/api/v1/communities/{slug}/audit", kBoard, kApi, ApiAuditLog},
      {kPost, "/api/v1/communities/{slug}/leave", kMember, kApi, ApiLeave},
  };
}

}  // namespace andel::web
