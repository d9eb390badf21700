#include "matching/circles.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <random>
#include <thread>

namespace andel::matching {
namespace {

constexpr double kSameOrganisation = 1000.0;
// Weights are kept as floats in the table below; a gain must beat their rounding.
constexpr double kEpsilon = 1e-5;
// Up to this many members the pair weights are computed once, into a table (576 MB at the
// limit); beyond it, on demand.
constexpr size_t kDenseLimit = 12000;

class WeightTable {
 public:
  explicit WeightTable(const Profiles& profiles) : profiles_(profiles), n_(profiles.size()) {
    if (n_ > kDenseLimit) return;
    table_.assign(n_ * n_, 0.0f);
    constexpr unsigned kThreads = 2;
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < kThreads; ++t) {
      workers.emplace_back([this, t] {
        for (size_t i = t; i < n_; i += kThreads) {
          for (size_t j = i + 1; j < n_; ++j) {
            table_[i * n_ + j] = static_cast<float>(PairWeight(profiles_, i, j));
          }
        }
      });
    }
    for (std::thread& worker : workers) worker.join();
    for (size_t i = 0; i < n_; ++i) {
      for (size_t j = 0; j < i; ++j) table_[i * n_ + j] = table_[j * n_ + i];
    }
  }

  double operator()(size_t i, size_t j) const {
    if (table_.empty()) return PairWeight(profiles_, i, j);
    return table_[i * n_ + j];
  }

 private:
  const Profiles& profiles_;
  size_t n_;
  std::vector<float> table_;
};

// The local search over one partition, with each member's total weight to every circle kept up
// to date, so that a swap's gain costs one pair weight.
class Exchange {
 public:
  Exchange(const Profiles& profiles, const WeightTable& weights, Partition circles)
      : profiles_(profiles),
        weights_(weights),
        circles_(std::move(circles)),
        circle_of_(profiles.size()) {
    const size_t k = circles_.size();
    to_circle_.assign(profiles.size() * k, 0.0);
    for (size_t c = 0; c < k; ++c) {
      for (int m : circles_[c]) circle_of_[static_cast<size_t>(m)] = static_cast<int>(c);
    }
    for (size_t i = 0; i < profiles.size(); ++i) {
      for (size_t c = 0; c < k; ++c) {
        double total = 0;
        for (int m : circles_[c]) {
          if (static_cast<size_t>(m) != i) total += Weight(i, static_cast<size_t>(m));
        }
        to_circle_[c * profiles.size() + i] = total;
      }
    }
    own_.resize(profiles.size());
    for (size_t i = 0; i < profiles.size(); ++i) {
      own_[i] = ToCircle(i, static_cast<size_t>(circle_of_[i]));
    }
    const size_t categories = profiles.categories().size();
    count_.assign(k * categories, 0);
    std::vector<int> totals(categories, 0);
    for (size_t c = 0; c < k; ++c) {
      for (int m : circles_[c]) {
        const size_t category =
            static_cast<size_t>(profiles.member(static_cast<size_t>(m)).category);
        ++count_[c * categories + category];
        ++totals[category];
      }
    }
    for (int total : totals) {
      low_.push_back(total / static_cast<int>(k));
      high_.push_back((total + static_cast<int>(k) - 1) / static_cast<int>(k));
    }
  }

  // Passes until no swap improves; returns the number of swaps made.
  int64_t Run(std::mt19937_64& random) {
    int64_t swaps = 0;
    std::vector<int> order(profiles_.size());
    std::iota(order.begin(), order.end(), 0);
    for (bool improved = true; improved;) {
      improved = false;
      std::shuffle(order.begin(), order.end(), random);
      for (int i : order) {
        if (BestSwap(static_cast<size_t>(i))) {
          ++swaps;
          improved = true;
        }
      }
    }
    return swaps;
  }

  Partition Result() const {
    Partition out = circles_;
    for (std::vector<int>& circle : out) std::sort(circle.begin(), circle.end());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  double Weight(size_t i, size_t j) const { return weights_(i, j); }
  // Circle-major, so that a circle's totals over all members are contiguous: the search reads
  // one circle for every member, and a swap updates two circles for every member.
  double& ToCircle(size_t i, size_t c) { return to_circle_[c * profiles_.size() + i]; }

  int& Count(size_t circle, int category) {
    return count_[circle * profiles_.categories().size() + static_cast<size_t>(category)];
  }

  // Whether a member of `category` may leave circle `from` for circle `to`, by the category
  // constraint alone (a swap brings one back, of the other member's category).
  bool MayMove(int category, size_t from, size_t to, int coming_back) {
    if (category == coming_back) return true;
    const size_t x = static_cast<size_t>(category);
    return Count(from, category) - 1 >= low_[x] && Count(to, category) + 1 <= high_[x];
  }

  // The best improving exchange for member i: a swap with a member of another circle (any
  // category the constraints allow), or a move to a smaller circle.
  bool BestSwap(size_t i) {
    const size_t a = static_cast<size_t>(circle_of_[i]);
    const int x = profiles_.member(i).category;
    double best_gain = kEpsilon;
    int best = -1;
    int best_circle = -1;
    // i's totals to every circle, and every member's total to its own circle, read once.
    row_.resize(circles_.size());
    for (size_t c = 0; c < circles_.size(); ++c) row_[c] = ToCircle(i, c);
    const double* to_a = &to_circle_[a * profiles_.size()];
    for (size_t u = 0; u < profiles_.size(); ++u) {
      const size_t b = static_cast<size_t>(circle_of_[u]);
      if (b == a) continue;
      const int y = profiles_.member(u).category;
      if (!MayMove(x, a, b, y) || !MayMove(y, b, a, x)) continue;
      const double w = Weight(i, u);
      const double gain = (row_[b] - w) - row_[a] + (to_a[u] - w) - own_[u];
      if (gain > best_gain) {
        best_gain = gain;
        best = static_cast<int>(u);
      }
    }
    for (size_t b = 0; b < circles_.size(); ++b) {
      if (circles_[b].size() >= circles_[a].size() || !MayMove(x, a, b, -1)) continue;
      const double gain = row_[b] - row_[a];
      if (gain > best_gain) {
        best_gain = gain;
        best = -1;
        best_circle = static_cast<int>(b);
      }
    }
    if (best >= 0) {
      Swap(i, static_cast<size_t>(best));
      return true;
    }
    if (best_circle >= 0) {
      Move(i, static_cast<size_t>(best_circle));
      return true;
    }
    return false;
  }

  void Move(size_t i, size_t b) {
    const size_t a = static_cast<size_t>(circle_of_[i]);
    for (size_t k = 0; k < profiles_.size(); ++k) {
      if (k == i) continue;
      const double w = Weight(k, i);
      ToCircle(k, a) -= w;
      ToCircle(k, b) += w;
    }
    circles_[a].erase(std::find(circles_[a].begin(), circles_[a].end(), static_cast<int>(i)));
    circles_[b].push_back(static_cast<int>(i));
    circle_of_[i] = static_cast<int>(b);
    --Count(a, profiles_.member(i).category);
    ++Count(b, profiles_.member(i).category);
    RefreshOwn(a, b);
  }

  // own_[k] = k's total to its own circle, for the members of circles a and b.
  void RefreshOwn(size_t a, size_t b) {
    for (size_t c : {a, b}) {
      for (int m : circles_[c]) own_[static_cast<size_t>(m)] = ToCircle(static_cast<size_t>(m), c);
    }
  }

  void Swap(size_t i, size_t j) {
    const size_t a = static_cast<size_t>(circle_of_[i]);
    const size_t b = static_cast<size_t>(circle_of_[j]);
    // Every member's weight to a loses i and gains j, and to b the reverse (i and j included:
    // a member's weight to itself counts as 0).
    for (size_t k = 0; k < profiles_.size(); ++k) {
      const double wi = k == i ? 0 : Weight(k, i);
      const double wj = k == j ? 0 : Weight(k, j);
      ToCircle(k, a) += wj - wi;
      ToCircle(k, b) += wi - wj;
    }
    std::replace(circles_[a].begin(), circles_[a].end(), static_cast<int>(i), static_cast<int>(j));
    std::replace(circles_[b].begin(), circles_[b].end(), static_cast<int>(j), static_cast<int>(i));
    circle_of_[i] = static_cast<int>(b);
    circle_of_[j] = static_cast<int>(a);
    const int x = profiles_.member(i).category, y = profiles_.member(j).category;
    --Count(a, x);
    ++Count(b, x);
    --Count(b, y);
    ++Count(a, y);
    RefreshOwn(a, b);
  }

  const Profiles& profiles_;
  const WeightTable& weights_;
  Partition circles_;
  std::vector<int> circle_of_;
  std::vector<double> to_circle_;  // circle × member: total weight to the circle's members
  std::vector<double> own_;        // member: total weight to its own circle
  std::vector<double> row_;        // scratch: one member's totals to every circle
  std::vector<int> count_;         // circle × category: members
  std::vector<int> low_, high_;    // per category: ⌊n_c/K⌋ and ⌈n_c/K⌉
};

}  // namespace

double PairWeight(const Profiles& profiles, size_t i, size_t j) {
  double weight = MatchScore(profiles.member(i), profiles.member(j)).value();
  if (profiles.Tied(i, j)) weight -= 1.0;
  if (profiles.SameOrganisation(i, j)) weight -= kSameOrganisation;
  return weight;
}

double Objective(const Profiles& profiles, const Partition& circles) {
  double total = 0;
  for (const std::vector<int>& circle : circles) {
    for (size_t x = 0; x < circle.size(); ++x) {
      for (size_t y = x + 1; y < circle.size(); ++y) {
        const size_t i = static_cast<size_t>(circle[x]), j = static_cast<size_t>(circle[y]);
        total += MatchScore(profiles.member(i), profiles.member(j)).value() -
                 (profiles.Tied(i, j) ? 1.0 : 0.0);
      }
    }
  }
  return total;
}

Partition RandomStratifiedPartition(const Profiles& profiles, int circle_count, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::vector<int>> by_category(profiles.categories().size());
  for (size_t i = 0; i < profiles.size(); ++i) {
    by_category[static_cast<size_t>(profiles.member(i).category)].push_back(static_cast<int>(i));
  }
  // Deal the members round-robin, one category after another, each shuffled: every circle gets
  // ⌊n_c/K⌋ or ⌈n_c/K⌉ of each category and the sizes differ by at most one.
  Partition circles(static_cast<size_t>(circle_count));
  std::vector<int> order(static_cast<size_t>(circle_count));
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), random);
  size_t position = 0;
  for (std::vector<int>& members : by_category) {
    std::shuffle(members.begin(), members.end(), random);
    for (int m : members) {
      circles[static_cast<size_t>(order[position % order.size()])].push_back(m);
      ++position;
    }
  }
  return circles;
}

bool SatisfiesConstraints(const Profiles& profiles, const Partition& circles) {
  const size_t k = circles.size();
  if (k == 0) return profiles.size() == 0;
  size_t smallest = SIZE_MAX, largest = 0, total = 0;
  std::vector<std::vector<int>> counts(profiles.categories().size(), std::vector<int>(k, 0));
  std::vector<int> totals(profiles.categories().size(), 0);
  for (size_t c = 0; c < k; ++c) {
    smallest = std::min(smallest, circles[c].size());
    largest = std::max(largest, circles[c].size());
    total += circles[c].size();
    for (int m : circles[c]) {
      const size_t category = static_cast<size_t>(profiles.member(static_cast<size_t>(m)).category);
      ++counts[category][c];
      ++totals[category];
    }
  }
  if (largest - smallest > 1 || total != profiles.size()) return false;
  for (size_t category = 0; category < counts.size(); ++category) {
    const int low = totals[category] / static_cast<int>(k);
    const int high = (totals[category] + static_cast<int>(k) - 1) / static_cast<int>(k);
    for (int count : counts[category]) {
      if (count < low || count > high) return false;
    }
  }
  return true;
}

Result<CirclesResult> FormCircles(const Profiles& profiles, const CircleOptions& options) {
  if (options.size < 2) return Error::InvalidArgument("a circle has at least 2 members", "size");
  if (profiles.size() == 0) return Error::InvalidArgument("there are no members", "members");
  const int k = static_cast<int>((profiles.size() + static_cast<size_t>(options.size) - 1) /
                                 static_cast<size_t>(options.size));
  CirclesResult result;
  double best = -1e300;
  std::mt19937_64 random(options.seed);
  const WeightTable weights(profiles);
  for (int restart = 0; restart < std::max(1, options.restarts); ++restart) {
    Partition start = RandomStratifiedPartition(profiles, k, random());
    if (restart == 0) result.random_objective = Objective(profiles, start);
    Exchange exchange(profiles, weights, std::move(start));
    result.swaps += exchange.Run(random);
    Partition circles = exchange.Result();
    const double objective = Objective(profiles, circles);
    if (objective > best + kEpsilon) {
      best = objective;
      result.circles = std::move(circles);
    }
  }
  result.objective = best;
  return result;
}

Result<double> OptimalObjective(const Profiles& profiles, int size) {
  if (size < 2) return Error::InvalidArgument("a circle has at least 2 members", "size");
  const size_t n = profiles.size();
  if (n == 0 || n > kExactMembers) {
    return Error::InvalidArgument("the exact optimum is computed for at most 10 members",
                                  "members");
  }
  const size_t k = (n + static_cast<size_t>(size) - 1) / static_cast<size_t>(size);
  std::vector<size_t> assignment(n, 0);
  double best = -1e300;
  // Circles are interchangeable: member m may only open circle number ≤ the highest used + 1.
  std::function<void(size_t, size_t)> place = [&](size_t m, size_t used) {
    if (m == n) {
      Partition circles(k);
      for (size_t i = 0; i < n; ++i) circles[assignment[i]].push_back(static_cast<int>(i));
      if (!SatisfiesConstraints(profiles, circles)) return;
      double total = 0;
      for (const std::vector<int>& circle : circles) {
        for (size_t x = 0; x < circle.size(); ++x) {
          for (size_t y = x + 1; y < circle.size(); ++y) {
            total += PairWeight(profiles, static_cast<size_t>(circle[x]),
                                static_cast<size_t>(circle[y]));
          }
        }
      }
      best = std::max(best, total);
      return;
    }
    for (size_t c = 0; c < std::min(k, used + 1); ++c) {
      assignment[m] = c;
      place(m + 1, std::max(used, c + 1));
    }
  };
  place(0, 0);
  return best;
}

}  // namespace andel::matching
