// The request handlers of the incubator: initiatives and their stages. The route list in routes.cpp
// beside this file says which address, method and role each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// initiative_pages.cpp: the incubator's initiatives as pages: the community's initiatives by stage,
// with a form for members to put forward a new one; an initiative's page with its story, its stage
// (which the board moves on or back) and the indicators it is expected to move.
Result<Response> ShowInitiatives(Context& ctx);
Result<Response> SubmitInitiative(Context& ctx);
Result<Response> ShowInitiative(Context& ctx);
Result<Response> SubmitInitiativeStage(Context& ctx);

// initiative_api.cpp: the incubator's initiatives in the JSON API: list, put forward (a member's
// start as an idea; the board may give any stage), read, and move to another stage (board).
Result<Response> ApiListInitiatives(Context& ctx);
Result<Response> ApiCreateInitiative(Context& ctx);
Result<Response> ApiGetInitiative(Context& ctx);
Result<Response> ApiUpdateInitiative(Context& ctx);

}  // namespace andel::web
