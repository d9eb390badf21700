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

// The voters so far with a ballot's count added: a count of at least 1, a total of at most
// kMaxVoters.
Result<int64_t> AddVoters(int64_t voters, int64_t count) {
  if (count < 1) return Error::InvalidArgument("a ballot count must be at least 1", "count");
  if (count > kMaxVoters - voters) {
    return Error::InvalidArgument("an election may have at most 10^12 voters", "count");
  }
  return voters + count;
}

}  // namespace

Result<TallyResult> CountApproval(int candidate_count, const std::vector<ApprovalBallot>& ballots) {
  std::vector<int64_t> scores(candidate_count, 0);
  std::vector<char> seen(candidate_count);
  int64_t voters = 0;
  for (const ApprovalBallot& ballot : ballots) {
    Result<int64_t> counted = AddVoters(voters, ballot.count);
    if (!counted) return counted.error();
    voters = *counted;
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
  if (max_score > kMaxScore) {
    return Error::InvalidArgument("the highest score may be at most 1000000", "max_score");
  }
  std::vector<int64_t> totals(candidate_count, 0);
  int64_t voters = 0;
  for (const ScoreBallot& ballot : ballots) {
    Result<int64_t> counted = AddVoters(voters, ballot.count);
    if (!counted) return counted.error();
    voters = *counted;
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
