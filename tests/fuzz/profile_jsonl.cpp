// Feeds any bytes to the profile reader of `andel match` (ReadMemberLines, JSON lines) and builds
// the profiles from what it accepts (Profiles::Build). Checks: one member per line read, each
// member's competences ascending and distinct, and ties symmetric.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "app/match_command.h"
#include "fuzz_support.h"
#include "matching/profile.h"

using andel::fuzz::Check;
namespace matching = andel::matching;

namespace {

bool AscendingDistinct(const std::vector<int>& values) {
  return std::adjacent_find(values.begin(), values.end(), [](int a, int b) { return a >= b; }) ==
         values.end();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<std::vector<matching::MemberInput>> inputs =
      andel::app::ReadMemberLines(andel::fuzz::Text(data, size));
  if (!inputs) return 0;
  andel::Result<matching::Profiles> profiles = matching::Profiles::Build(*inputs);
  if (!profiles) return 0;
  Check(profiles->size() == inputs->size(), "one member per line");
  for (size_t i = 0; i < profiles->size(); ++i) {
    const matching::Member& member = profiles->member(i);
    Check(AscendingDistinct(member.offers) && AscendingDistinct(member.needs),
          "competences are ascending and distinct");
    Check(member.category >= 0 &&
              static_cast<size_t>(member.category) < profiles->categories().size(),
          "a member's category exists");
    for (size_t j = 0; j < profiles->size(); ++j) {
      Check(profiles->Tied(i, j) == profiles->Tied(j, i), "ties are symmetric");
    }
  }
  return 0;
}
