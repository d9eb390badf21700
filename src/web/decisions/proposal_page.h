// The proposal page, shared by the handlers that show it again with a form's error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// "/c/{slug}/proposals/{id}" in the context's community.
std::string ProposalPath(const Context& ctx, int64_t id);

// Which form on the proposal page an error belongs to.
enum class FormArea { kNone, kComment, kAmendment, kDecision, kVote };

// The proposal of the route's {id}, with `error` (if any) shown at the form of `area`.
Result<Response> ProposalPage(Context& ctx, int status, const std::optional<Error>& error,
                              FormArea area);

// A form's error shown again on the proposal page (bad input, a closed vote, a duplicate);
// other errors go to the error page.
Result<Response> Reshow(Context& ctx, const Error& error, FormArea area);

}  // namespace andel::web
