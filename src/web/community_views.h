// View data shared by the community pages: labels of categories, roles and kinds in the
// request's language, and a member as a list row.
#pragma once

#include <string>
#include <vector>

#include "communities/community.h"
#include "core/result.h"
#include "store/community_repository.h"
#include "web/context.h"
#include "web/views.h"

namespace andel::web {

const std::string& CategoryLabel(const Context& ctx, const communities::Category& category);
const std::string& RoleLabel(const Context& ctx, communities::Role role);
const std::string& KindLabel(const Context& ctx, communities::CommunityKind kind);
const std::string& StatusLabel(const Context& ctx, communities::MemberStatus status);

// The label of an audit-log action ("statutes.changed") in the request's language.
const std::string& AuditActionLabel(const Context& ctx, const std::string& action);

// "line 3, column email" in the request's language (the column keeps its CSV name).
std::string LocalizedPlace(const Context& ctx, const std::string& where);

// The ?page= number, from 1; 1 when absent or not a positive number.
int PageNumber(const Context& ctx);

// The member the route's {id} names, in the route's community; kNotFound otherwise.
Result<store::MemberView> MemberFromPath(Context& ctx);

// One member for a page; `categories` gives the category's label.
ViewData MemberItem(const Context& ctx, const store::MemberView& member,
                    const std::vector<communities::Category>& categories);

// The categories as <option>s, `selected_id` marked.
ViewData CategoryOptions(const Context& ctx, const std::vector<communities::Category>& categories,
                         int64_t selected_id);

// The four community kinds as <option>s, `selected` marked.
ViewData KindOptions(const Context& ctx, communities::CommunityKind selected);

}  // namespace andel::web
