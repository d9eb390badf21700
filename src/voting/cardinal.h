// Approval and score voting: each ballot approves a set of candidates, or gives each a score
// within a range; the winners have the most approvals, or the highest total score.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "voting/tally.h"

namespace andel::voting {

struct ApprovalBallot {
  std::vector<int> approved;  // candidate indices
  int64_t count = 1;
};

struct ScoreBallot {
  std::vector<int64_t> scores;  // one per candidate; 0 for none given
  int64_t count = 1;
};

// The highest score a ballot may give (so that totals fit in 64 bits with kMaxVoters).
constexpr int64_t kMaxScore = 1'000'000;

// kInvalidArgument for an unknown candidate, a candidate approved twice, a count below 1 or
// counts adding up to more than kMaxVoters.
Result<TallyResult> CountApproval(int candidate_count, const std::vector<ApprovalBallot>& ballots);
// kInvalidArgument for a score outside 0..max_score or a ballot of the wrong length, a
// max_score above kMaxScore, or counts as for approval.
Result<TallyResult> CountScore(int candidate_count, const std::vector<ScoreBallot>& ballots,
                               int64_t max_score);

}  // namespace andel::voting
