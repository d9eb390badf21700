// What the consortium page and the consortium API share: reading the needs of a task, computing
// the smallest team of members that covers them with enough categories, and saving it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "matching/consortium.h"
#include "web/context.h"
#include "web/partnerships/actions.h"

namespace andel::web {

// A team computed for a task's needs, and its id once saved.
struct Consortium {
  std::vector<std::string> needs;  // competence keys
  CommunityMatching community;
  matching::ConsortiumResult result;
  std::optional<int64_t> saved_id;
};

// The team for needs written as a member writes them (labels in any language, comma-separated)
// and a minimum number of categories. kInvalidArgument naming "needs".
Result<Consortium> ComputeConsortium(Context& ctx, const CompetenceLabels& labels,
                                     const std::string& needs_text, int min_categories);

// A member forms a consortium: computes the team and, given a task (one line of 1-200
// characters), saves it with who covers what; kFailedPrecondition if no team covers the needs.
Result<Consortium> FormConsortium(Context& ctx, const std::string& needs_text, int min_categories,
                                  const std::optional<std::string>& task);

}  // namespace andel::web
