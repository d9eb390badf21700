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

namespace {

// IRV over ballots stored at a fixed stride (one slot per candidate), with candidate indices in
// the narrowest type that holds them: each round is one sequential pass over the ballots.
template <typename Candidate>
TallyResult IrvRounds(const Profile& profile) {
  TallyResult result;
  result.method = Method::kIrv;
  const int n = profile.candidate_count();
  const size_t ballots = profile.ballot_count();
  std::vector<Candidate> orders(ballots * n);
  std::vector<Candidate> length(ballots);
  std::vector<Candidate> cursor(ballots, 0);
  std::vector<int> order;
  for (size_t ballot = 0; ballot < ballots; ++ballot) {
    TruncatedOrder(profile, ballot, order);
    std::copy(order.begin(), order.end(), orders.begin() + ballot * n);
    length[ballot] = static_cast<Candidate>(order.size());
  }
  std::vector<char> continuing(n, 1);
  while (true) {
    std::vector<int64_t> tally(n, 0);
    int64_t active = 0;
    int64_t exhausted = 0;
    for (size_t ballot = 0; ballot < ballots; ++ballot) {
      const Candidate* mine = orders.data() + ballot * n;
      Candidate at = cursor[ballot];
      while (at < length[ballot] && !continuing[mine[at]]) ++at;
      cursor[ballot] = at;
      const int64_t weight = profile.weight(ballot);
      if (at < length[ballot]) {
        tally[mine[at]] += weight;
        active += weight;
      } else {
        exhausted += weight;
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
      }
    }
    result.rounds.push_back(std::move(round));
  }
}

}  // namespace

TallyResult CountIrv(const Profile& profile) {
  if (profile.candidate_count() < 256) return IrvRounds<uint8_t>(profile);
  return IrvRounds<uint16_t>(profile);
}

}  // namespace andel::voting
