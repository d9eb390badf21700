// What the initiative pages and API share: an initiative from form fields, and a stage in the
// reader's language.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "incubator/initiative.h"
#include "web/context.h"

namespace andel::web {

// A new initiative of the route's community from the fields title, summary and stage (idea if
// left out). kInvalidArgument naming the field.
Result<incubator::Initiative> InitiativeFromFields(const Context& ctx, const Form& form);
// The fields InitiativeFromFields reads: all that the API accepts in a new initiative's body.
inline constexpr std::string_view kInitiativeFields[] = {"title", "summary", "stage"};

// "Idea", "Exploring", "Founding", "Operating" in the reader's language.
std::string StageLabel(const Context& ctx, incubator::Stage stage);

}  // namespace andel::web
