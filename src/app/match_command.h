// `andel match recommend|circles|consortium FILE`: partnerships on a profile file. FILE is JSON
// lines, one member per line: {"id", "category", "organisation" (optional), "offers": […],
// "needs": […], "ties": [ids]}; blank lines are skipped. Output is one JSON document.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "matching/profile.h"

namespace andel::app {

struct MatchCommand {
  std::string action;  // "recommend", "circles", "consortium"
  std::string file;
  int top = 10;
  int size = 8;
  uint64_t seed = 1;
  int restarts = 8;
  std::string needs;  // comma-separated
  int min_categories = 1;
};

// The members of a JSON-lines profile file. kInvalidArgument naming "line N" for a line that is
// not a JSON object or has a field of the wrong type.
Result<std::vector<matching::MemberInput>> ReadMemberLines(std::string_view text);

// Prints JSON to stdout or an error to stderr. Returns 0; 1 if the file cannot be read or no
// consortium can cover the task; 2 for bad input.
int RunMatch(const MatchCommand& command);

}  // namespace andel::app
