// Tideman's ranked pairs. Pairs with a positive margin are locked from the largest margin down,
// skipping any that would close a cycle; the winners are the candidates with no locked pair
// against them. Pairs of equal margin may be taken in any order: a candidate wins if it wins
// under some order, so every distinct outcome of each group of equal margins is explored.
#include <algorithm>
#include <map>
#include <set>

#include "voting/tally.h"

namespace andel::voting {
namespace {

struct Pair {
  int winner;
  int loser;
  int64_t margin;
};

// Locked pairs as an adjacency matrix.
struct Locked {
  int n = 0;
  std::vector<char> edge;  // edge[a * n + b]: a over b is locked

  bool Reaches(int from, int to) const {
    std::vector<char> seen(n, 0);
    std::vector<int> stack{from};
    seen[from] = 1;
    while (!stack.empty()) {
      const int at = stack.back();
      stack.pop_back();
      if (at == to) return true;
      for (int next = 0; next < n; ++next) {
        if (edge[static_cast<size_t>(at) * n + next] && !seen[next]) {
          seen[next] = 1;
          stack.push_back(next);
        }
      }
    }
    return false;
  }
  // Locks a over b unless that closes a cycle.
  void TryLock(const Pair& pair) {
    if (!Reaches(pair.loser, pair.winner))
      edge[static_cast<size_t>(pair.winner) * n + pair.loser] = 1;
  }
};

constexpr size_t kMaxStates = 200000;

class Explorer {
 public:
  Explorer(std::vector<std::vector<Pair>> groups, int n) : groups_(std::move(groups)), n_(n) {}

  Status Run(std::set<int>& winners) {
    Locked start{n_, std::vector<char>(static_cast<size_t>(n_) * n_, 0)};
    return Explore(0, start, winners);
  }

 private:
  Status Explore(size_t group_index, const Locked& locked, std::set<int>& winners) {
    if (++states_ > kMaxStates) {
      return Error::FailedPrecondition(
          "too many ties between equal margins to decide ranked pairs exactly", "ballots");
    }
    if (group_index == groups_.size()) {
      for (int c = 0; c < n_; ++c) {
        bool beaten = false;
        for (int other = 0; other < n_ && !beaten; ++other) {
          beaten = locked.edge[static_cast<size_t>(other) * n_ + c] != 0;
        }
        if (!beaten) winners.insert(c);
      }
      return {};
    }
    const std::vector<Pair>& group = groups_[group_index];
    // Every distinct locked graph that some order of this group's pairs can leave.
    std::set<std::vector<char>> outcomes;
    std::vector<size_t> order(group.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (group.size() <= 8) {
      do {
        Locked next = locked;
        for (size_t i : order) next.TryLock(group[i]);
        outcomes.insert(std::move(next.edge));
        if (++states_ > kMaxStates) {
          return Error::FailedPrecondition(
              "too many ties between equal margins to decide ranked pairs exactly", "ballots");
        }
      } while (std::next_permutation(order.begin(), order.end()));
    } else {
      // Large groups: a pair that cannot close a cycle with the group's other pairs locks the
      // same way in every order; explore orders only if some pair conflicts.
      Locked next = locked;
      for (const Pair& pair : group) {
        next.edge[static_cast<size_t>(pair.winner) * n_ + pair.loser] = 1;
      }
      bool acyclic = true;
      for (const Pair& pair : group) {
        Locked without = next;
        without.edge[static_cast<size_t>(pair.winner) * n_ + pair.loser] = 0;
        if (without.Reaches(pair.loser, pair.winner)) acyclic = false;
      }
      if (!acyclic) {
        return Error::FailedPrecondition(
            "too many ties between equal margins to decide ranked pairs exactly", "ballots");
      }
      outcomes.insert(std::move(next.edge));
    }
    for (const std::vector<char>& edges : outcomes) {
      Locked next{n_, edges};
      if (Status status = Explore(group_index + 1, next, winners); !status) return status;
    }
    return {};
  }

  std::vector<std::vector<Pair>> groups_;
  int n_;
  size_t states_ = 0;
};

}  // namespace

Result<TallyResult> CountRankedPairs(const Profile& profile) {
  TallyResult result;
  result.method = Method::kRankedPairs;
  const int n = profile.candidate_count();
  PairwiseMatrix matrix = ComputePairwise(profile);
  std::map<int64_t, std::vector<Pair>, std::greater<>> by_margin;
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      const int64_t margin = matrix.at(a, b) - matrix.at(b, a);
      if (margin > 0) by_margin[margin].push_back({a, b, margin});
    }
  }
  std::vector<std::vector<Pair>> groups;
  for (auto& [margin, pairs] : by_margin) groups.push_back(std::move(pairs));
  std::set<int> winners;
  Explorer explorer(std::move(groups), n);
  if (Status status = explorer.Run(winners); !status) return status.error();
  result.winners.assign(winners.begin(), winners.end());
  result.pairwise = std::move(matrix);
  return result;
}

}  // namespace andel::voting
