// Plurality and instant-runoff voting on ballots cut before their first tie (an overvote).
// IRV: each round a ballot counts for its highest continuing candidate; more than half of the
// active ballots wins; otherwise every candidate with the lowest tally is eliminated together;
// if all continuing candidates tie, they all win.
#include <algorithm>

#include "voting/tally.h"

namespace andel::voting {

TallyResult CountPlurality(const Profile& profile) {
  TallyResult result;
  result.method = Method::kPlurality;
  const int n = profile.candidate_count();
  std::vector<int64_t> scores(n, 0);
  std::vector<int> order;
  for (size_t ballot = 0; ballot < profile.ballot_count(); ++ballot) {
    TruncatedOrder(profile, ballot, order);
    if (!order.empty()) scores[order.front()] += profile.weight(ballot);
  }
  if (n > 0) {
    const int64_t top = *std::max_element(scores.begin(), scores.end());
    for (int c = 0; c < n; ++c) {
      if (scores[c] == top) result.winners.push_back(c);
    }
  }
  result.scores = std::move(scores);
  return result;
}

TallyResult CountIrv(const Profile& profile) {
  TallyResult result;
  result.method = Method::kIrv;
  const int n = profile.candidate_count();
  // Flat truncated orders: ballot b's candidates are order[offset[b]..offset[b+1]).
  std::vector<int> flat;
  std::vector<size_t> offset{0};
  std::vector<int> order;
  for (size_t ballot = 0; ballot < profile.ballot_count(); ++ballot) {
    TruncatedOrder(profile, ballot, order);
    flat.insert(flat.end(), order.begin(), order.end());
    offset.push_back(flat.size());
  }
  std::vector<size_t> cursor(offset.begin(), offset.end() - 1);
  std::vector<char> continuing(n, 1);
  int remaining = n;
  while (remaining > 0) {
    std::vector<int64_t> tally(n, 0);
    int64_t active = 0;
    int64_t exhausted = 0;
    for (size_t ballot = 0; ballot < cursor.size(); ++ballot) {
      size_t& at = cursor[ballot];
      while (at < offset[ballot + 1] && !continuing[flat[at]]) ++at;
      if (at < offset[ballot + 1]) {
        tally[flat[at]] += profile.weight(ballot);
        active += profile.weight(ballot);
      } else {
        exhausted += profile.weight(ballot);
      }
    }
    Round round;
    round.exhausted = exhausted;
    int64_t lowest = INT64_MAX;
    int64_t highest = -1;
    for (int c = 0; c < n; ++c) {
      if (!continuing[c]) continue;
      round.votes.emplace_back(c, tally[c]);
      lowest = std::min(lowest, tally[c]);
      highest = std::max(highest, tally[c]);
    }
    for (int c = 0; c < n; ++c) {
      if (continuing[c] && 2 * tally[c] > active) round.elected.push_back(c);
    }
    if (round.elected.empty() && lowest == highest) {
      for (int c = 0; c < n; ++c) {
        if (continuing[c]) round.elected.push_back(c);
      }
    }
    if (!round.elected.empty()) {
      result.winners = round.elected;
      result.rounds.push_back(std::move(round));
      return result;
    }
    for (int c = 0; c < n; ++c) {
      if (continuing[c] && tally[c] == lowest) {
        round.eliminated.push_back(c);
        continuing[c] = 0;
        --remaining;
      }
    }
    result.rounds.push_back(std::move(round));
  }
  return result;
}

}  // namespace andel::voting
