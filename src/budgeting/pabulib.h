// Pabulib `.pb` files: sections META, PROJECTS and VOTES, each a header row and `;`-separated
// rows with CSV quoting; a leading byte-order mark and CRLF line ends are accepted; numbers
// with a decimal `,` or `.`. Errors name the line.
#pragma once

#include <string>
#include <string_view>

#include "budgeting/instance.h"
#include "core/result.h"

namespace andel::budgeting {

// kInvalidArgument naming "line N" for a missing section or obligatory key (budget, vote_type;
// project_id and cost; vote), a bad number, or a vote for an unknown project.
Result<Instance> ReadPabulib(std::string_view text);

// Writes the instance back (META as read, with the budget; one VOTES row per voter).
std::string WritePabulib(const Instance& instance);

}  // namespace andel::budgeting
