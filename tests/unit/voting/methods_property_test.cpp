// Every method against a brute-force version written from the rules, on many small random
// profiles (seed printed), and the axioms: a Condorcet winner wins under every Condorcet
// method, the order of the ballots does not matter, STV elects exactly the seats.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "voting/tally.h"

namespace andel::voting {
namespace {

// A ballot as positions of candidate indices, best first.
using Order = std::vector<std::vector<int>>;

struct Election {
  int n = 0;
  std::vector<std::pair<Order, int64_t>> ballots;

  Profile ToProfile() const {
    std::vector<int> ids;
    std::vector<std::string> names;
    for (int c = 0; c < n; ++c) {
      ids.push_back(c + 1);
      names.push_back("c" + std::to_string(c + 1));
    }
    Profile profile(ids, names);
    for (const auto& [order, count] : ballots) EXPECT_TRUE(profile.Add(order, count).has_value());
    return profile;
  }
};

Election RandomElection(std::mt19937& random, int max_candidates) {
  Election election;
  election.n = 2 + static_cast<int>(random() % (max_candidates - 1));
  const int ballots = 1 + static_cast<int>(random() % 12);
  for (int b = 0; b < ballots; ++b) {
    std::vector<int> candidates(election.n);
    for (int c = 0; c < election.n; ++c) candidates[c] = c;
    std::shuffle(candidates.begin(), candidates.end(), random);
    const int ranked = static_cast<int>(random() % (election.n + 1));
    Order order;
    for (int i = 0; i < ranked; ++i) {
      if (!order.empty() && random() % 4 == 0) {
        order.back().push_back(candidates[i]);  // a tie
      } else {
        order.push_back({candidates[i]});
      }
    }
    election.ballots.push_back({order, 1 + static_cast<int64_t>(random() % 3)});
  }
  return election;
}

int RankOf(const Order& order, int c) {
  for (size_t i = 0; i < order.size(); ++i) {
    if (std::find(order[i].begin(), order[i].end(), c) != order[i].end())
      return static_cast<int>(i);
  }
  return -1;
}

bool Prefers(const Order& order, int a, int b) {
  const int ra = RankOf(order, a), rb = RankOf(order, b);
  return ra >= 0 && (rb < 0 || ra < rb);
}

int64_t Support(const Election& e, int a, int b) {
  int64_t total = 0;
  for (const auto& [order, count] : e.ballots) total += Prefers(order, a, b) ? count : 0;
  return total;
}

// The order cut before its first tie.
std::vector<int> Cut(const Order& order) {
  std::vector<int> cut;
  for (const auto& position : order) {
    if (position.size() != 1) break;
    cut.push_back(position[0]);
  }
  return cut;
}

std::vector<int> MaxOf(const std::vector<int64_t>& scores) {
  std::vector<int> best;
  const int64_t top = *std::max_element(scores.begin(), scores.end());
  for (size_t c = 0; c < scores.size(); ++c) {
    if (scores[c] == top) best.push_back(static_cast<int>(c));
  }
  return best;
}

std::vector<int> BrutePlurality(const Election& e) {
  std::vector<int64_t> scores(e.n, 0);
  for (const auto& [order, count] : e.ballots) {
    const std::vector<int> cut = Cut(order);
    if (!cut.empty()) scores[cut[0]] += count;
  }
  return MaxOf(scores);
}

std::vector<int> BruteBorda(const Election& e) {
  std::vector<int64_t> scores(e.n, 0);
  for (const auto& [order, count] : e.ballots) {
    for (int a = 0; a < e.n; ++a) {
      for (int b = 0; b < e.n; ++b) scores[a] += Prefers(order, a, b) ? count : 0;
    }
  }
  return MaxOf(scores);
}

std::vector<int> BruteIrv(const Election& e) {
  std::set<int> continuing;
  for (int c = 0; c < e.n; ++c) continuing.insert(c);
  while (true) {
    std::map<int, int64_t> tally;
    for (int c : continuing) tally[c] = 0;
    int64_t active = 0;
    for (const auto& [order, count] : e.ballots) {
      for (int c : Cut(order)) {
        if (continuing.count(c)) {
          tally[c] += count;
          active += count;
          break;
        }
      }
    }
    for (const auto& [c, votes] : tally) {
      if (2 * votes > active) return {c};
    }
    int64_t low = INT64_MAX, high = -1;
    for (const auto& [c, votes] : tally) {
      low = std::min(low, votes);
      high = std::max(high, votes);
    }
    if (low == high) return std::vector<int>(continuing.begin(), continuing.end());
    for (const auto& [c, votes] : tally) {
      if (votes == low) continuing.erase(c);
    }
  }
}

std::vector<int> BruteCopeland(const Election& e) {
  std::vector<int64_t> scores(e.n, 0);
  for (int a = 0; a < e.n; ++a) {
    for (int b = 0; b < e.n; ++b) {
      if (a == b) continue;
      const int64_t ab = Support(e, a, b), ba = Support(e, b, a);
      scores[a] += ab > ba ? 1 : ab < ba ? -1 : 0;
    }
  }
  return MaxOf(scores);
}

std::vector<int> BruteCondorcet(const Election& e) {
  for (int a = 0; a < e.n; ++a) {
    bool wins = true;
    for (int b = 0; b < e.n; ++b) wins = wins && (a == b || Support(e, a, b) > Support(e, b, a));
    if (wins) return {a};
  }
  return {};
}

// Schulze by enumerating every simple path: the strength of a path is its weakest link.
std::vector<int> BruteSchulze(const Election& e, bool winning_votes) {
  const auto link = [&](int a, int b) -> int64_t {
    const int64_t ab = Support(e, a, b), ba = Support(e, b, a);
    if (ab <= ba) return 0;
    return winning_votes ? ab : ab - ba;
  };
  std::vector<std::vector<int64_t>> strongest(e.n, std::vector<int64_t>(e.n, 0));
  std::vector<int> path;
  std::vector<char> used(e.n, 0);
  std::function<void(int, int64_t)> walk = [&](int at, int64_t weakest) {
    for (int next = 0; next < e.n; ++next) {
      if (used[next]) continue;
      const int64_t l = link(at, next);
      if (l == 0) continue;
      const int64_t w = std::min(weakest, l);
      strongest[path[0]][next] = std::max(strongest[path[0]][next], w);
      used[next] = 1;
      path.push_back(next);
      walk(next, w);
      path.pop_back();
      used[next] = 0;
    }
  };
  for (int start = 0; start < e.n; ++start) {
    used.assign(e.n, 0);
    used[start] = 1;
    path = {start};
    walk(start, INT64_MAX);
  }
  std::vector<int> winners;
  for (int a = 0; a < e.n; ++a) {
    bool wins = true;
    for (int b = 0; b < e.n; ++b) wins = wins && (a == b || strongest[a][b] >= strongest[b][a]);
    if (wins) winners.push_back(a);
  }
  return winners;
}

// Ranked pairs over every order of the pairs that keeps margins descending.
std::vector<int> BruteRankedPairs(const Election& e) {
  struct Pair {
    int a, b;
    int64_t margin;
  };
  std::vector<Pair> pairs;
  for (int a = 0; a < e.n; ++a) {
    for (int b = 0; b < e.n; ++b) {
      const int64_t margin = Support(e, a, b) - Support(e, b, a);
      if (margin > 0) pairs.push_back({a, b, margin});
    }
  }
  std::vector<size_t> order(pairs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::set<int> winners;
  do {
    bool descending = true;
    for (size_t i = 1; i < order.size(); ++i) {
      descending = descending && pairs[order[i - 1]].margin >= pairs[order[i]].margin;
    }
    if (!descending) continue;
    std::vector<std::vector<char>> locked(e.n, std::vector<char>(e.n, 0));
    const auto reaches = [&](int from, int to) {
      std::vector<char> seen(e.n, 0);
      std::vector<int> stack{from};
      while (!stack.empty()) {
        const int at = stack.back();
        stack.pop_back();
        if (at == to) return true;
        if (seen[at]) continue;
        seen[at] = 1;
        for (int next = 0; next < e.n; ++next) {
          if (locked[at][next]) stack.push_back(next);
        }
      }
      return false;
    };
    for (size_t i : order) {
      if (!reaches(pairs[i].b, pairs[i].a)) locked[pairs[i].a][pairs[i].b] = 1;
    }
    for (int c = 0; c < e.n; ++c) {
      bool beaten = false;
      for (int other = 0; other < e.n; ++other) beaten = beaten || locked[other][c];
      if (!beaten) winners.insert(c);
    }
  } while (std::next_permutation(order.begin(), order.end()));
  return std::vector<int>(winners.begin(), winners.end());
}

constexpr unsigned kSeed = 20261122;

TEST(Methods, AgreeWithBruteForceOnRandomProfiles) {
  std::printf("seed %u\n", kSeed);
  std::mt19937 random(kSeed);
  for (int round = 0; round < 600; ++round) {
    const Election e = RandomElection(random, 5);
    const Profile profile = e.ToProfile();
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_EQ(CountPlurality(profile).winners, BrutePlurality(e));
    EXPECT_EQ(CountBorda(profile).winners, BruteBorda(e));
    EXPECT_EQ(CountIrv(profile).winners, BruteIrv(e));
    EXPECT_EQ(CountCopeland(profile).winners, BruteCopeland(e));
    EXPECT_EQ(CountCondorcet(profile).winners, BruteCondorcet(e));
    EXPECT_EQ(CountSchulze(profile, Method::kSchulze).winners, BruteSchulze(e, false));
    EXPECT_EQ(CountSchulze(profile, Method::kSchulzeWinningVotes).winners, BruteSchulze(e, true));
    if (e.n <= 4) {
      Result<TallyResult> ranked_pairs = CountRankedPairs(profile);
      ASSERT_TRUE(ranked_pairs.has_value());
      EXPECT_EQ(ranked_pairs->winners, BruteRankedPairs(e));
    }
    const PairwiseMatrix matrix = ComputePairwise(profile);
    for (int a = 0; a < e.n; ++a) {
      for (int b = 0; b < e.n; ++b) ASSERT_EQ(matrix.at(a, b), Support(e, a, b));
    }
  }
}

TEST(Methods, ACondorcetWinnerWinsUnderEveryCondorcetMethod) {
  std::mt19937 random(kSeed + 1);
  int with_winner = 0;
  for (int round = 0; round < 400; ++round) {
    const Profile profile = RandomElection(random, 6).ToProfile();
    const std::vector<int> condorcet = CountCondorcet(profile).winners;
    if (condorcet.empty()) continue;
    ++with_winner;
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_EQ(CountSchulze(profile, Method::kSchulze).winners, condorcet);
    EXPECT_EQ(CountSchulze(profile, Method::kSchulzeWinningVotes).winners, condorcet);
    EXPECT_EQ(CountCopeland(profile).winners, condorcet);
    Result<TallyResult> ranked_pairs = CountRankedPairs(profile);
    ASSERT_TRUE(ranked_pairs.has_value());
    EXPECT_EQ(ranked_pairs->winners, condorcet);
  }
  EXPECT_GT(with_winner, 100);
}

TEST(Methods, BallotOrderDoesNotMatter) {
  std::mt19937 random(kSeed + 2);
  for (int round = 0; round < 200; ++round) {
    Election e = RandomElection(random, 6);
    const Profile before = e.ToProfile();
    std::shuffle(e.ballots.begin(), e.ballots.end(), random);
    const Profile after = e.ToProfile();
    for (Method method : {Method::kPlurality, Method::kBorda, Method::kIrv, Method::kSchulze,
                          Method::kSchulzeWinningVotes, Method::kCopeland, Method::kCondorcet,
                          Method::kRankedPairs, Method::kStv}) {
      TallyOptions options;
      options.seats = 1 + static_cast<int>(round % e.n);
      Result<TallyResult> first = Count(before, method, options);
      Result<TallyResult> second = Count(after, method, options);
      ASSERT_EQ(first.has_value(), second.has_value());
      if (!first) continue;
      EXPECT_EQ(first->winners, second->winners) << MethodName(method);
    }
  }
}

TEST(Stv, ElectsExactlyTheSeatsAndEveryoneAtQuota) {
  std::mt19937 random(kSeed + 3);
  for (int round = 0; round < 400; ++round) {
    const Election e = RandomElection(random, 7);
    const Profile profile = e.ToProfile();
    const int seats = 1 + static_cast<int>(random() % e.n);
    SCOPED_TRACE("round " + std::to_string(round) + ", seats " + std::to_string(seats));
    Result<TallyResult> result = CountStv(profile, seats, 7);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(static_cast<int>(result->elected.size()), seats);
    EXPECT_TRUE(std::is_sorted(result->elected.begin(), result->elected.end()));
    // Whoever has a quota of first preferences is elected.
    const int64_t quota = profile.voter_count() / (seats + 1) + 1;
    std::vector<int64_t> first(e.n, 0);
    for (const auto& [order, count] : e.ballots) {
      const std::vector<int> cut = Cut(order);
      if (!cut.empty()) first[cut[0]] += count;
    }
    int at_quota = 0;
    for (int c = 0; c < e.n; ++c) at_quota += first[c] >= quota;
    for (int c = 0; c < e.n; ++c) {
      if (first[c] >= quota && at_quota <= seats) {
        EXPECT_TRUE(std::count(result->elected.begin(), result->elected.end(), c)) << c;
      }
    }
    // The same seed gives the same result.
    EXPECT_EQ(CountStv(profile, seats, 7)->elected, result->elected);
  }
  EXPECT_FALSE(CountStv(RandomElection(random, 3).ToProfile(), 0, 1).has_value());
}

TEST(Irv, CutsBallotsAtTheirFirstTie) {
  Profile profile({1, 2, 3}, {"A", "B", "C"});
  ASSERT_TRUE(profile.Add({{0, 1}, {2}}, 5).has_value());  // a tied first place counts for no one
  ASSERT_TRUE(profile.Add({{2}}, 1).has_value());
  EXPECT_EQ(CountIrv(profile).winners, std::vector<int>{2});
  EXPECT_EQ(CountPlurality(profile).winners, std::vector<int>{2});
  EXPECT_EQ((*CountPlurality(profile).scores)[0], 0);
}

TEST(Count, RejectsAnElectionWithoutCandidates) {
  Profile empty({}, {});
  Result<TallyResult> result = Count(empty, Method::kSchulze, {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().where, "candidates");
  EXPECT_EQ(ParseMethod("dictator").error().where, "method");
}

}  // namespace
}  // namespace andel::voting
