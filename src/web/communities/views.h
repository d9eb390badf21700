// View data shared by the community pages: labels of categories, roles and kinds in the
// request's language, and a member as a list row.
#pragma once

#include <string>
#include <vector>

#include "communities/community.h"
#include "core/result.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "web/context.h"
#include "web/render/views.h"

namespace andel::web {

const std::string& CategoryLabel(const Context& ctx, const communities::Category& category);
std::string RoleLabel(const Context& ctx, communities::Role role);
std::string KindLabel(const Context& ctx, communities::CommunityKind kind);
std::string StatusLabel(const Context& ctx, communities::MemberStatus status);

// The label of an audit-log action ("statutes.changed") in the request's language.
std::string AuditActionLabel(const Context& ctx, const std::string& action);

// "line 3, column email" in the request's language (the column keeps its CSV name).
std::string LocalizedPlace(const Context& ctx, const std::string& where);

// The ?page= number, from 1; 1 when absent or not a positive number.
int PageNumber(const Context& ctx);

// The path of the community's administration, followed by `rest`: "/c/{slug}/admin" + rest.
std::string AdminPath(const Context& ctx, const std::string& rest);

// The member the route's {id} names, in the route's community; kNotFound otherwise.
Result<store::MemberView> MemberFromPath(Context& ctx);

// What the caller may see of the community's members: counts only (the public, unless the
// community publishes its list), the list (members, or everyone where it is published), or the
// list with the details members hide from each other (the board).
enum class MemberListView { kCounts, kList, kBoard };
Result<MemberListView> MemberListViewOf(Context& ctx);
// Whether `member`'s shares and organisation are hidden from the caller: the member hides them,
// the caller is not the board, and it is not the caller's own membership.
bool DetailsHiddenFrom(const Context& ctx, const store::MemberView& member, MemberListView view);

// The member named by the path's {id} as the caller may see them, with how the caller sees the
// member list: kUnauthenticated or kPermissionDenied where the caller sees only the counts;
// kNotFound for a request to join, unless the caller is of the board. The member page and the API.
struct VisibleMember {
  store::MemberView member;
  MemberListView view = MemberListView::kCounts;
};
Result<VisibleMember> VisibleMemberFromPath(Context& ctx);

// One member for a page; `categories` gives the category's label. With `hide_details`, the
// member's shares and organisation are left out.
ViewData MemberItem(const Context& ctx, const store::MemberView& member,
                    const std::vector<communities::Category>& categories,
                    bool hide_details = false);

// The categories as <option>s, `selected_id` marked.
ViewData CategoryOptions(const Context& ctx, const std::vector<communities::Category>& categories,
                         int64_t selected_id);

// The four community kinds as <option>s, `selected` marked.
ViewData KindOptions(const Context& ctx, communities::CommunityKind selected);

}  // namespace andel::web
