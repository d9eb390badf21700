// What the initiative pages and API share: an initiative from form fields, and a stage in the
// reader's language.
#pragma once

#include <string>

#include "core/result.h"
#include "incubator/initiative.h"
#include "web/context.h"

namespace andel::web {

// A new initiative of the route's community from the fields title, summary and stage (idea if
// left out). kInvalidArgument naming the field.
Result<incubator::Initiative> InitiativeFromFields(const Context& ctx, const Form& form);

// "Idea", "Exploring", "Founding", "Operating" in the reader's language.
std::string StageLabel(const Context& ctx, incubator::Stage stage);

}  // namespace andel::web
