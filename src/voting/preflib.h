// PrefLib election files (.soc, .soi, .toc, .toi; Mattei & Walsh 2013): a header of "# KEY: value"
// lines, "# ALTERNATIVE NAME i: name" for each candidate, then lines "count: 3,{1,2},4" with
// positions best first and tied candidates in braces.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "voting/profile.h"

namespace andel::voting {

// Reads a PrefLib file. Candidates are 1..NUMBER ALTERNATIVES (or those named). Errors are
// kInvalidArgument with `where` = "line N": a malformed line, an unknown or repeated
// alternative, a count that is not a positive whole number, a tie in a strict-order file.
Result<Profile> ReadPrefLib(std::string_view text);

// Writes the profile as a PrefLib file: .toi if any ballot has a tie, else .soi, or .soc/.toc
// when every ballot ranks every candidate. Ballots in the profile's order.
std::string WritePrefLib(const Profile& profile, std::string_view title);

}  // namespace andel::voting
