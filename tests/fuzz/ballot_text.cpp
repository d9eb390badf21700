// Feeds each line of any bytes to the ballot text reader (decisions::ParseBallot) of seven
// decisions (a motion, consent, approval, score, IRV, STV for two seats, Schulze; four options
// where they have options), then counts each decision's accepted lines (decisions::Count).
// Checks: an accepted ballot is valid (ValidateBallot) and reads back from its own text
// (FormatBallot); the count succeeds on accepted ballots and names only the options.
#include <cstddef>
#include <cstdint>

#include "ballot_checks.h"
#include "core/text.h"
#include "decisions/decision.h"
#include "fuzz_support.h"

using andel::fuzz::Check;
using andel::fuzz::SameBallot;
namespace decisions = andel::decisions;

namespace {

bool IsOption(int id) { return id >= 1 && id <= 4; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<decisions::Decision> kDecisions = andel::fuzz::DecisionsFor(
      {"motion", "consent", "approval", "score", "irv", "stv", "schulze"});
  const std::vector<std::string_view> lines = andel::Split(andel::fuzz::Text(data, size), '\n');
  if (lines.size() > 64) return 0;
  for (const decisions::Decision& decision : kDecisions) {
    std::vector<decisions::StoredBallot> accepted;
    for (std::string_view line : lines) {
      andel::Result<decisions::Ballot> ballot = decisions::ParseBallot(decision, line);
      if (!ballot) continue;
      Check(decisions::ValidateBallot(decision, *ballot).has_value(),
            "an accepted ballot is valid");
      const std::string text = decisions::FormatBallot(decision, *ballot);
      andel::Result<decisions::Ballot> again = decisions::ParseBallot(decision, text);
      Check(again.has_value() && SameBallot(*again, *ballot),
            "a ballot reads back from its own text");
      accepted.push_back({"r" + std::to_string(accepted.size()), std::string(line), 1});
    }
    andel::Result<decisions::Outcome> outcome =
        decisions::Count(decision, accepted, static_cast<int64_t>(accepted.size()) + 1);
    Check(outcome.has_value(), "accepted ballots count");
    Check(outcome->ballots == static_cast<int64_t>(accepted.size()), "every ballot is counted");
    for (int id : outcome->winners) Check(IsOption(id), "winners are options");
    for (int id : outcome->elected) Check(IsOption(id), "elected are options");
    if (outcome->winner) Check(IsOption(*outcome->winner), "the winner is an option");
  }
  return 0;
}
