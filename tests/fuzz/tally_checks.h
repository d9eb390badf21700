// Invariants of a tally that hold for every method, shared by the tally and CSV targets.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "fuzz_support.h"
#include "voting/tally.h"

namespace andel::fuzz {

// Winners and elected are distinct candidate indices, ascending; STV elects at most `seats`;
// pairwise support of a over b plus b over a is at most the voters; methods with one score per
// candidate (plurality, Borda, approval, score) have exactly the top scorers as winners.
inline void CheckTally(const voting::TallyResult& result, int candidate_count, int64_t voters,
                       int seats) {
  const auto check_indices = [&](const std::vector<int>& indices, const char* what) {
    Check(std::is_sorted(indices.begin(), indices.end()), what);
    Check(std::adjacent_find(indices.begin(), indices.end()) == indices.end(), what);
    for (int c : indices) Check(c >= 0 && c < candidate_count, what);
  };
  check_indices(result.winners, "winners are distinct candidates, ascending");
  check_indices(result.elected, "elected are distinct candidates, ascending");
  if (result.method == voting::Method::kStv) {
    Check(static_cast<int>(result.elected.size()) <= seats, "STV elects at most the seats");
  }
  if (result.pairwise) {
    for (int a = 0; a < candidate_count; ++a) {
      for (int b = 0; b < candidate_count; ++b) {
        Check(result.pairwise->at(a, b) >= 0, "pairwise support is not negative");
        if (a != b) {
          int64_t both = 0;  // an overflow means more than any count of voters
          Check(!__builtin_add_overflow(result.pairwise->at(a, b), result.pairwise->at(b, a),
                                        &both) &&
                    both <= voters,
                "pairwise support adds up to at most the voters");
        }
      }
    }
  }
  const bool scored =
      result.method == voting::Method::kPlurality || result.method == voting::Method::kBorda ||
      result.method == voting::Method::kApproval || result.method == voting::Method::kScore;
  if (scored && result.scores && candidate_count > 0) {
    const std::vector<int64_t>& scores = *result.scores;
    Check(static_cast<int>(scores.size()) == candidate_count, "one score per candidate");
    const int64_t best = *std::max_element(scores.begin(), scores.end());
    std::vector<int> top;
    for (int c = 0; c < candidate_count; ++c) {
      if (scores[static_cast<size_t>(c)] == best) top.push_back(c);
    }
    Check(result.winners == top, "the winners are the top scorers");
  }
  const int drawn = voting::DrawWinner(result.winners, 1);
  Check(result.winners.empty()
            ? drawn < 0
            : std::count(result.winners.begin(), result.winners.end(), drawn) == 1,
        "the lot draws one of the winners");
}

}  // namespace andel::fuzz
