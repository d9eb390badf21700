// Approval and score counting.
#include "voting/cardinal.h"

#include <algorithm>

namespace andel::voting {
namespace {

std::vector<int> Top(const std::vector<int64_t>& scores) {
  std::vector<int> best;
  if (scores.empty()) return best;
  const int64_t top = *std::max_element(scores.begin(), scores.end());
  for (size_t c = 0; c < scores.size(); ++c) {
    if (scores[c] == top) best.push_back(static_cast<int>(c));
  }
  return best;
}

}  // namespace

Result<TallyResult> CountApproval(int candidate_count, const std::vector<ApprovalBallot>& ballots) {
  std::vector<int64_t> scores(candidate_count, 0);
  std::vector<char> seen(candidate_count);
  for (const ApprovalBallot& ballot : ballots) {
    if (ballot.count < 1) {
      return Error::InvalidArgument("a ballot count must be at least 1", "count");
    }
    std::fill(seen.begin(), seen.end(), 0);
    for (int c : ballot.approved) {
      if (c < 0 || c >= candidate_count) {
        return Error::InvalidArgument("a ballot names an unknown candidate", "candidate");
      }
      if (seen[c]++) return Error::InvalidArgument("a ballot names a candidate twice", "candidate");
      scores[c] += ballot.count;
    }
  }
  TallyResult result;
  result.method = Method::kApproval;
  result.winners = Top(scores);
  result.scores = std::move(scores);
  return result;
}

Result<TallyResult> CountScore(int candidate_count, const std::vector<ScoreBallot>& ballots,
                               int64_t max_score) {
  std::vector<int64_t> totals(candidate_count, 0);
  for (const ScoreBallot& ballot : ballots) {
    if (ballot.count < 1) {
      return Error::InvalidArgument("a ballot count must be at least 1", "count");
    }
    if (static_cast<int>(ballot.scores.size()) != candidate_count) {
      return Error::InvalidArgument("a ballot must score every candidate", "scores");
    }
    for (int c = 0; c < candidate_count; ++c) {
      if (ballot.scores[c] < 0 || ballot.scores[c] > max_score) {
        return Error::InvalidArgument("a score is outside the allowed range", "scores");
      }
      totals[c] += ballot.scores[c] * ballot.count;
    }
  }
  TallyResult result;
  result.method = Method::kScore;
  result.winners = Top(totals);
  result.scores = std::move(totals);
  return result;
}

}  // namespace andel::voting
