// The request handlers of communities: home, communities, members, invitations, administration, the
// server page. The route list in routes.cpp beside this file says which address, method and role
// each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// invitation_pages.cpp: an invitation to a community as a page: what it is (open, used, expired,
// void because its sender lost the role, or meant for another address) and accepting it.
Result<Response> ShowInvitation(Context& ctx);
Result<Response> AcceptInvitation(Context& ctx);

// server_pages.cpp: the server administrator's page: who may create communities, who must use
// two-step sign-in, and the municipal programmes waiting to be verified (a programme reports and is
// offered to communities only once verified).
Result<Response> ShowServerAdmin(Context& ctx);
Result<Response> SubmitServerSettings(Context& ctx);
Result<Response> SubmitVerifyProgramme(Context& ctx);

// community_pages.cpp: home, communities, their member lists and member profiles.
Result<Response> ShowHome(Context& ctx);
Result<Response> SubmitCreateCommunity(Context& ctx);
Result<Response> ShowCommunity(Context& ctx);
Result<Response> SubmitJoin(Context& ctx);
Result<Response> SubmitLeave(Context& ctx);
Result<Response> ApiLeave(Context& ctx);
Result<Response> ShowMembers(Context& ctx);
Result<Response> ShowMember(Context& ctx);
Result<Response> SubmitMemberPrivacy(Context& ctx);

// admin_pages.cpp: running a community: settings, statutes, members and roles, invitations,
// categories, and member import and export as CSV.
Result<Response> ShowAdmin(Context& ctx);
Result<Response> SubmitSettings(Context& ctx);
Result<Response> SubmitStatutes(Context& ctx);
Result<Response> ShowAdminMembers(Context& ctx);
Result<Response> SubmitMemberUpdate(Context& ctx);
Result<Response> SubmitInvite(Context& ctx);
Result<Response> SubmitJoinDecision(Context& ctx);
Result<Response> ShowCategories(Context& ctx);
Result<Response> SubmitCategoryCreate(Context& ctx);
Result<Response> SubmitCategoryUpdate(Context& ctx);
Result<Response> SubmitCategoryDelete(Context& ctx);
Result<Response> ShowImport(Context& ctx);
Result<Response> SubmitImport(Context& ctx);
Result<Response> ExportMembersCsv(Context& ctx);
Result<Response> DownloadImportTemplate(Context& ctx);
Result<Response> ShowAuditLog(Context& ctx);

// community_api.cpp: communities in the JSON API: list, create, read with their statutes, change,
// delete, and a community's audit log. Paging with ?page=&per_page=; errors as
// {"error":{"code","message"}}.
Result<Response> ApiListCommunities(Context& ctx);
Result<Response> ApiCreateCommunity(Context& ctx);
Result<Response> ApiGetCommunity(Context& ctx);
Result<Response> ApiUpdateCommunity(Context& ctx);
Result<Response> ApiDeleteCommunity(Context& ctx);
Result<Response> ApiAuditLog(Context& ctx);

// member_api.cpp: members and member categories in the JSON API: the list (as the caller may see
// it), one member, adding, changing and removing members, and the categories.
Result<Response> ApiListMembers(Context& ctx);
Result<Response> ApiCreateMember(Context& ctx);
Result<Response> ApiGetMember(Context& ctx);
Result<Response> ApiUpdateMember(Context& ctx);
Result<Response> ApiDeleteMember(Context& ctx);
Result<Response> ApiListCategories(Context& ctx);
Result<Response> ApiCreateCategory(Context& ctx);
Result<Response> ApiGetCategory(Context& ctx);
Result<Response> ApiUpdateCategory(Context& ctx);
Result<Response> ApiDeleteCategory(Context& ctx);

}  // namespace andel::web
