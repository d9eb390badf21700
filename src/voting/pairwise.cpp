// The pairwise support matrix and the methods read from it: Borda (row sums), Copeland,
// Condorcet and Schulze (margins, and winning votes).
#include <algorithm>

#include "voting/tally.h"

namespace andel::voting {
namespace {

std::vector<int> ArgMax(const std::vector<int64_t>& scores) {
  std::vector<int> best;
  const int64_t top = *std::max_element(scores.begin(), scores.end());
  for (size_t c = 0; c < scores.size(); ++c) {
    if (scores[c] == top) best.push_back(static_cast<int>(c));
  }
  return best;
}

}  // namespace

PairwiseMatrix ComputePairwise(const Profile& profile) {
  const int n = profile.candidate_count();
  PairwiseMatrix matrix;
  matrix.candidate_count = n;
  matrix.support.assign(static_cast<size_t>(n) * n, 0);
  for (size_t ballot = 0; ballot < profile.ballot_count(); ++ballot) {
    const Rank* ranks = profile.ranks(ballot);
    const int64_t weight = profile.weight(ballot);
    for (int a = 0; a < n; ++a) {
      const Rank ra = ranks[a];
      if (ra == 0) continue;
      int64_t* row = matrix.support.data() + static_cast<size_t>(a) * n;
      // b is beaten by a if b is unranked (0 wraps to the largest value) or ranked lower.
      for (int b = 0; b < n; ++b) {
        const Rank shifted = static_cast<Rank>(ranks[b] - 1);
        row[b] += shifted >= ra ? weight : 0;
      }
    }
  }
  return matrix;
}

TallyResult CountBorda(const Profile& profile) {
  TallyResult result;
  result.method = Method::kBorda;
  const int n = profile.candidate_count();
  const PairwiseMatrix matrix = ComputePairwise(profile);
  std::vector<int64_t> scores(n, 0);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) scores[a] += matrix.at(a, b);
  }
  result.winners = n ? ArgMax(scores) : std::vector<int>{};
  result.scores = std::move(scores);
  result.pairwise = matrix;
  return result;
}

TallyResult CountCopeland(const Profile& profile) {
  TallyResult result;
  result.method = Method::kCopeland;
  const int n = profile.candidate_count();
  PairwiseMatrix matrix = ComputePairwise(profile);
  std::vector<int64_t> scores(n, 0);
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      if (a == b) continue;
      if (matrix.at(a, b) > matrix.at(b, a)) ++scores[a];
      if (matrix.at(a, b) < matrix.at(b, a)) --scores[a];
    }
  }
  result.winners = n ? ArgMax(scores) : std::vector<int>{};
  result.scores = std::move(scores);
  result.pairwise = std::move(matrix);
  return result;
}

TallyResult CountCondorcet(const Profile& profile) {
  TallyResult result;
  result.method = Method::kCondorcet;
  const int n = profile.candidate_count();
  PairwiseMatrix matrix = ComputePairwise(profile);
  for (int a = 0; a < n; ++a) {
    bool beats_all = true;
    for (int b = 0; b < n && beats_all; ++b) {
      beats_all = a == b || matrix.at(a, b) > matrix.at(b, a);
    }
    if (beats_all) result.winners.push_back(a);
  }
  result.pairwise = std::move(matrix);
  return result;
}

TallyResult CountSchulze(const Profile& profile, Method variant) {
  TallyResult result;
  result.method = variant;
  const int n = profile.candidate_count();
  PairwiseMatrix matrix = ComputePairwise(profile);
  // strength[i][j]: the strongest path from i to j (Schulze 2011, section 2.3).
  std::vector<int64_t> strength(static_cast<size_t>(n) * n, 0);
  const auto at = [n](std::vector<int64_t>& m, int i, int j) -> int64_t& {
    return m[static_cast<size_t>(i) * n + j];
  };
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (i == j || matrix.at(i, j) <= matrix.at(j, i)) continue;
      at(strength, i, j) = variant == Method::kSchulzeWinningVotes
                               ? matrix.at(i, j)
                               : matrix.at(i, j) - matrix.at(j, i);
    }
  }
  for (int k = 0; k < n; ++k) {
    for (int i = 0; i < n; ++i) {
      if (i == k) continue;
      const int64_t via = at(strength, i, k);
      if (via == 0) continue;
      int64_t* row = &at(strength, i, 0);
      const int64_t* from_k = &at(strength, k, 0);
      for (int j = 0; j < n; ++j) {
        if (j == i || j == k) continue;
        row[j] = std::max(row[j], std::min(via, from_k[j]));
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    bool wins = true;
    for (int j = 0; j < n && wins; ++j) wins = i == j || at(strength, i, j) >= at(strength, j, i);
    if (wins) result.winners.push_back(i);
  }
  result.pairwise = std::move(matrix);
  return result;
}

}  // namespace andel::voting
