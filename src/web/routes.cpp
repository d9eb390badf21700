// The route table.
#include "web/routes.h"

#include "web/handlers.h"

namespace andel::web {

const std::vector<Route>& RouteTable() {
  constexpr size_t kUploadLimit = 8 * 1024 * 1024;
  using enum Method;
  using enum Access;
  using enum Surface;
  static const std::vector<Route> kRoutes = {
      {kGet, "/", kPublic, kPage, ShowHome},
      {kPost, "/communities", kSignedIn, kPage, SubmitCreateCommunity},
      {kGet, "/login", kPublic, kPage, ShowLogin},
      {kPost, "/login", kPublic, kPage, SubmitLogin},
      {kPost, "/logout", kPublic, kPage, SubmitLogout},
      {kGet, "/signup", kPublic, kPage, ShowSignup},
      {kPost, "/signup", kPublic, kPage, SubmitSignup},
      {kGet, "/reset", kPublic, kPage, ShowResetRequest},
      {kPost, "/reset", kPublic, kPage, SubmitResetRequest},
      {kGet, "/reset/{token}", kPublic, kPage, ShowResetPassword},
      {kPost, "/reset/{token}", kPublic, kPage, SubmitResetPassword},
      {kGet, "/invitations/{token}", kPublic, kPage, ShowInvitation},
      {kPost, "/invitations/{token}", kSignedIn, kPage, AcceptInvitation},
      {kGet, "/account", kSignedIn, kPage, ShowAccount},
      {kPost, "/account", kSignedIn, kPage, SubmitAccount},
      {kPost, "/account/password", kSignedIn, kPage, SubmitPassword},
      {kPost, "/account/tokens", kSignedIn, kPage, SubmitCreateToken},
      {kPost, "/account/tokens/{id}/delete", kSignedIn, kPage, SubmitDeleteToken},
      {kGet, "/static/{file}", kPublic, kPage, ServeStatic},
      {kGet, "/c/{slug}", kVisible, kPage, ShowCommunity},
      {kPost, "/c/{slug}/join", kSignedIn, kPage, SubmitJoin},
      {kGet, "/c/{slug}/members", kVisible, kPage, ShowMembers},
      {kGet, "/c/{slug}/members/{id}", kVisible, kPage, ShowMember},
      {kGet, "/c/{slug}/admin", kBoard, kPage, ShowAdmin},
      {kPost, "/c/{slug}/admin/settings", kAdmin, kPage, SubmitSettings},
      {kPost, "/c/{slug}/admin/statutes", kAdmin, kPage, SubmitStatutes},
      {kGet, "/c/{slug}/admin/members", kBoard, kPage, ShowAdminMembers},
      {kPost, "/c/{slug}/admin/members/{id}", kAdmin, kPage, SubmitMemberUpdate},
      {kPost, "/c/{slug}/admin/invitations", kBoard, kPage, SubmitInvite},
      {kGet, "/c/{slug}/admin/categories", kBoard, kPage, ShowCategories},
      {kPost, "/c/{slug}/admin/categories", kAdmin, kPage, SubmitCategoryCreate},
      {kPost, "/c/{slug}/admin/categories/{id}", kAdmin, kPage, SubmitCategoryUpdate},
      {kPost, "/c/{slug}/admin/categories/{id}/delete", kAdmin, kPage, SubmitCategoryDelete},
      {kGet, "/c/{slug}/admin/import", kAdmin, kPage, ShowImport},
      {kPost, "/c/{slug}/admin/import", kAdmin, kPage, SubmitImport, kUploadLimit},
      {kGet, "/c/{slug}/admin/members.csv", kBoard, kPage, ExportMembersCsv},
      {kGet, "/c/{slug}/admin/audit", kBoard, kPage, ShowAuditLog},

      {kGet, "/api/v1/health", kPublic, kApi, ApiHealth},
      {kGet, "/api/v1/openapi.yaml", kPublic, kApi, ApiOpenApi},
      {kGet, "/api/v1/me", kSignedIn, kApi, ApiMe},
      {kPost, "/api/v1/tokens", kPublic, kApi, ApiCreateToken},
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
  };
  return kRoutes;
}

}  // namespace andel::web
