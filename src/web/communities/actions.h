// Changes to communities and memberships that both the pages and the API make, so that the
// rules (fields, the last administrator, the dates of leaving) live in one place.
#pragma once

#include "communities/community.h"
#include "core/result.h"
#include "web/context.h"
#include "web/forms.h"

namespace andel::web {

// Fills name, about and kind from a settings form, and visibility and sign-up policy where the
// form has them, then validates the result. kInvalidArgument naming the field at fault.
Status ReadCommunityForm(const Form& form, communities::Community& community);

// Saves `after` over `before` (same membership): sets the dates of leaving, and refuses with
// kFailedPrecondition to take away the community's last active administrator.
// The caller leaves the community: their membership ends today (their ballots stay counted).
// kFailedPrecondition if they are its only administrator.
Status LeaveCommunity(Context& ctx);

Status SaveMemberChange(Context& ctx, const communities::Membership& before,
                        communities::Membership after);

}  // namespace andel::web
