// Counting ranked ballots: the methods, the result every method returns (the set of winners
// before any tie-break, scores and rounds where the method has them, the pairwise matrix for
// Condorcet methods) and the dispatch by method name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "voting/profile.h"

namespace andel::voting {

enum class Method {
  kPlurality,
  kBorda,
  kIrv,
  kSchulze,
  kSchulzeWinningVotes,
  kRankedPairs,
  kCopeland,
  kCondorcet,
  kStv,
  kApproval,  // approval ballots (see cardinal.h), not rankings
  kScore,     // score ballots
};

// "plurality", "borda", "irv", "schulze", "schulze_wv", "ranked_pairs", "copeland",
// "condorcet", "stv", "approval", "score".
std::string_view MethodName(Method method);
Result<Method> ParseMethod(std::string_view name);

// support[a][b]: the voters who prefer a to b (a ranked above b, or a ranked and b not).
struct PairwiseMatrix {
  int candidate_count = 0;
  std::vector<int64_t> support;  // row-major, candidate_count²
  int64_t at(int a, int b) const { return support[static_cast<size_t>(a) * candidate_count + b]; }
};

// One round of IRV or one stage of STV: each continuing candidate's votes, and what the round
// decided. Votes are in hundred-thousandths for STV (5 decimals), whole voters for IRV.
struct Round {
  std::vector<std::pair<int, int64_t>> votes;  // candidate index, votes
  std::vector<int> elected;                    // candidate indices
  std::vector<int> eliminated;
  int64_t exhausted = 0;                // votes no longer with any continuing candidate
  std::optional<int> transferred_from;  // STV: whose surplus moved this stage
};

struct TallyResult {
  Method method = Method::kPlurality;
  std::vector<int> winners;                    // candidate indices, ascending; the co-winners
  std::optional<std::vector<int64_t>> scores;  // per candidate, where the method scores
  std::vector<Round> rounds;                   // IRV and STV
  std::vector<int> elected;                    // STV, ascending
  std::optional<PairwiseMatrix> pairwise;      // Condorcet methods
  int64_t quota = 0;                           // STV (hundred-thousandths)
};

PairwiseMatrix ComputePairwise(const Profile& profile);

TallyResult CountPlurality(const Profile& profile);
TallyResult CountBorda(const Profile& profile);
TallyResult CountIrv(const Profile& profile);
TallyResult CountCopeland(const Profile& profile);
TallyResult CountCondorcet(const Profile& profile);
TallyResult CountSchulze(const Profile& profile, Method variant);  // margins or winning votes
// Tideman's ranked pairs; a candidate wins if it heads the locked order under some order of
// the equal-margin pairs. kFailedPrecondition if the ties allow too many orders to explore.
Result<TallyResult> CountRankedPairs(const Profile& profile);
// Scottish STV (SSI 2007 No. 42) for `seats`; `seed` draws the lot for ties that no earlier
// stage breaks.
Result<TallyResult> CountStv(const Profile& profile, int seats, uint64_t seed);

struct TallyOptions {
  int seats = 1;      // STV
  uint64_t seed = 1;  // lots (STV ties, and the single winner among co-winners)
};

// Counts rankings. kInvalidArgument for approval and score, which count other ballots.
Result<TallyResult> Count(const Profile& profile, Method method, const TallyOptions& options);

// True for the methods that count rankings.
bool IsRankedMethod(Method method);

// One winner from the co-winners by a lot drawn with `seed`: reproducible for the same seed.
int DrawWinner(const std::vector<int>& winners, uint64_t seed);

}  // namespace andel::voting
