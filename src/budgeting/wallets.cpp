#include "budgeting/wallets.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace andel::budgeting::internal {
namespace {

bool InDoubleRange(const mpq_class& x) {
  static const mpq_class kLeast(mpz_class(1), mpz_class(1) << 256);
  static const mpq_class kMost(mpz_class(1) << 256);
  return x == 0 || (abs(x) >= kLeast && abs(x) <= kMost);
}

// Cost and card utilities: money as levels.
class LevelWallets final : public Wallets {
 public:
  LevelWallets(const Instance& instance, const Utilities& u, const mpq_class& start)
      : instance_(instance),
        u_(u),
        level_(instance.ballots.size(), 1),
        doubles_(FitsDoubles(instance, u, start)) {
    weight_.reserve(instance.ballots.size());
    for (const Ballot& ballot : instance.ballots) weight_.push_back(ballot.count);
    AddLevel(0);
    AddLevel(start);
  }

  // The double of a rational is the nearest below it or that value itself (GMP truncates), a
  // relative error under 2⁻⁵²; products and quotients add 2⁻⁵³ each, and a sum of n
  // non-negative terms at most (n − 1)·2⁻⁵³ more. So the double sum of n terms below is within
  // a factor 1 ± (n + 8)·2⁻⁵² of the exact one; nothing is subtracted in a bound that counts.
  Estimate Bound(size_t p, double& lo, double& hi) override {
    if (!doubles_) return Estimate::kUnknown;
    CountByLevel(p);
    const Estimate estimate = BoundCounted(p, lo, hi);
    ClearCounts();
    return estimate;
  }

  std::optional<mpq_class> Price(size_t p, mpq_class* available) override {
    CountByLevel(p);
    const mpq_class& cost = instance_.projects[p].cost;
    long weight = 0;
    for (int l : counts_.touched) weight += counts_.count[static_cast<size_t>(l)];
    if (available) {
      *available = 0;
      for (int l : counts_.touched) {
        if (l != 0)
          *available += value_[static_cast<size_t>(l)] * counts_.count[static_cast<size_t>(l)];
      }
      if (*available < cost) {
        ClearCounts();
        return std::nullopt;
      }
    }
    // If even the poorest level has clearly more than an equal share, everyone pays that share.
    const double share_d = cost.get_d() / static_cast<double>(weight);
    double poorest = std::numeric_limits<double>::infinity();
    for (int l : counts_.touched) poorest = std::min(poorest, approx_[static_cast<size_t>(l)]);
    if (doubles_ && poorest > share_d * (1 + 1e-6)) {
      ClearCounts();
      return mpq_class(cost / weight / u_.of_project[p]);
    }
    // Levels poorest first. A double never exceeds its rational and keeps its order, so
    // different doubles order their rationals; equal ones are compared exactly.
    std::sort(counts_.touched.begin(), counts_.touched.end(), [&](int a, int b) {
      const double x = approx_[static_cast<size_t>(a)], y = approx_[static_cast<size_t>(b)];
      if (x != y) return x < y;
      return value_[static_cast<size_t>(a)] < value_[static_cast<size_t>(b)];
    });
    // Each level pays all it has while that is below the equal due, (cost − paid) ÷ weight,
    // that is while money·weight < cost − paid. Doubles decide when the two sides differ by
    // more than a millionth of the cost (their error is below (levels + 2)·2⁻⁵¹ of it);
    // otherwise the rationals do.
    const double cost_d = cost.get_d();
    const double margin = cost_d * 1e-6;
    mpq_class paid = 0, due;
    double paid_d = 0;
    bool all_paid = false;
    for (int l : counts_.touched) {
      const mpq_class& m = value_[static_cast<size_t>(l)];
      const long c = counts_.count[static_cast<size_t>(l)];
      const double gap = (cost_d - paid_d) - approx_[static_cast<size_t>(l)] * weight;
      const bool pays_all = !doubles_       ? m * weight < cost - paid
                            : gap > margin  ? true
                            : gap < -margin ? false
                                            : m * weight < cost - paid;
      if (!pays_all) break;
      paid += m * c;
      paid_d += approx_[static_cast<size_t>(l)] * static_cast<double>(c);
      weight -= c;
      if (weight == 0) {
        due = m;
        all_paid = true;
        break;
      }
    }
    if (!all_paid) due = (cost - paid) / weight;
    ClearCounts();
    return mpq_class(due / u_.of_project[p]);
  }

  void Pay(size_t p, const mpq_class& rho, Explanation& e) override {
    const mpq_class due = rho * u_.of_project[p];
    // A level pays all it has if that is at most the due; doubles decide unless the two are
    // within 2⁻⁵⁰ of each other.
    const double due_d = due.get_d();
    constexpr double kClose = 0x1p-50;
    CountByLevel(p);
    std::vector<int> next(value_.size(), -1);
    long partial = 0;  // voters who pay the due and keep the rest
    for (int l : counts_.touched) {
      const double m_d = approx_[static_cast<size_t>(l)];
      const mpq_class& m = value_[static_cast<size_t>(l)];
      const long w = counts_.count[static_cast<size_t>(l)];
      e.payers += w;
      const bool all = !doubles_                    ? m <= due
                       : m_d * (1 + kClose) < due_d ? true
                       : m_d > due_d * (1 + kClose) ? false
                                                    : m <= due;
      if (all) {
        next[static_cast<size_t>(l)] = 0;
      } else {
        partial += w;
        next[static_cast<size_t>(l)] = static_cast<int>(value_.size());
        AddLevel(m - due);
      }
    }
    ClearCounts();
    // Together they pay exactly the cost.
    e.paid_in_full = instance_.projects[p].cost - due * partial;
    // Each group is among the supporters once (ComputeUtilities), so each moves once, from a
    // level counted above.
    for (int g : u_.supporters[p]) {
      int& level = level_[static_cast<size_t>(g)];
      assert(static_cast<size_t>(level) < next.size() && next[static_cast<size_t>(level)] >= 0);
      level = next[static_cast<size_t>(level)];
    }
  }

 private:
  void AddLevel(const mpq_class& money) {
    value_.push_back(money);
    approx_.push_back(money.get_d());
  }

  Estimate BoundCounted(size_t p, double& lo, double& hi) {
    constexpr double kUnit = 0x1p-52;
    const double tol = (static_cast<double>(counts_.touched.size()) + 8) * kUnit;
    const double cost = instance_.projects[p].cost.get_d();  // ≤ cost, within 2⁻⁵²
    double available = 0, weight = 0;
    for (int l : counts_.touched) {
      available += approx_[static_cast<size_t>(l)] *
                   static_cast<double>(counts_.count[static_cast<size_t>(l)]);
      weight += static_cast<double>(counts_.count[static_cast<size_t>(l)]);
    }
    if (available * (1 + tol) < cost) return Estimate::kUnaffordable;
    if (available * (1 - tol) <= cost * (1 + 4 * kUnit)) return Estimate::kUnknown;
    // The equal due d, where the money raised, Σ count·min(money, d), reaches the cost: Newton's
    // method from d = cost ÷ weight. The sum is concave and rising in d, so from below each step
    // stays below the due and lands on it once in its linear piece; no sorting. Only an
    // estimate: the bracket below is what is proven.
    double due = cost / weight;
    for (int step = 0;; ++step) {
      double sum = 0, slope = 0;
      for (int l : counts_.touched) {
        const double m = approx_[static_cast<size_t>(l)];
        const double c = static_cast<double>(counts_.count[static_cast<size_t>(l)]);
        if (m > due) {
          sum += due * c;
          slope += c;
        } else {
          sum += m * c;
        }
      }
      if (sum >= cost * (1 - 1e-12)) break;
      if (slope == 0 || step == 64) return Estimate::kUnknown;
      due += (cost - sum) / slope;
    }
    // The exact due lies between two dues where the money raised is certainly below and
    // certainly above the cost (it rises with the due).
    const double due_lo = due * (1 - 1e-9), due_hi = due * (1 + 1e-9);
    const auto raised = [&](double d) {
      double sum = 0;
      for (int l : counts_.touched) {
        sum += std::min(approx_[static_cast<size_t>(l)], d) *
               static_cast<double>(counts_.count[static_cast<size_t>(l)]);
      }
      return sum;
    };
    if (!(raised(due_lo) * (1 + tol) < cost)) return Estimate::kUnknown;
    if (!(raised(due_hi) * (1 - tol) > cost * (1 + 4 * kUnit))) return Estimate::kUnknown;
    // ρ = due ÷ u, with u's double below u within 2⁻⁵² and the quotient rounded.
    const double u = u_.of_project[p].get_d();
    lo = due_lo / u * (1 - 8 * kUnit);
    hi = due_hi / u * (1 + 8 * kUnit);
    return Estimate::kBounded;
  }

  void CountByLevel(size_t p) { counts_.Add(u_.supporters[p], level_, weight_, value_.size()); }
  void ClearCounts() { counts_.Clear(); }

  const Instance& instance_;
  const Utilities& u_;
  std::vector<mpq_class> value_;  // level → money; level 0 is nothing left
  std::vector<double> approx_;    // level → money as a double, at most the money
  std::vector<int> level_;        // ballot group → level
  std::vector<long> weight_;      // ballot group → voters (kept close for speed)
  LevelCounts counts_;            // scratch: a project's supporters by level
  bool doubles_;                  // the doubles' error bounds hold (FitsDoubles)
};

// Points utility: money per ballot group.
class GroupWallets final : public Wallets {
 public:
  GroupWallets(const Instance& instance, const Utilities& u, const mpq_class& start)
      : instance_(instance), u_(u), money_(instance.ballots.size(), start) {}

  std::optional<mpq_class> Price(size_t p, mpq_class* known) override {
    const mpq_class& cost = instance_.projects[p].cost;
    const auto& supporters = u_.supporters[p];
    mpq_class own;
    mpq_class& available = known ? *known : own;
    available = 0;
    mpq_class weighted_u = 0;
    for (size_t s = 0; s < supporters.size(); ++s) {
      const long w = Weight(supporters[s]);
      available += money_[static_cast<size_t>(supporters[s])] * w;
      weighted_u += u_.Of(p, s) * w;
    }
    if (available < cost) return std::nullopt;
    // Supporters by money ÷ utility, poorest first.
    ratios_.clear();
    for (size_t s = 0; s < supporters.size(); ++s) {
      ratios_.emplace_back(money_[static_cast<size_t>(supporters[s])] / u_.Of(p, s), s);
    }
    std::sort(ratios_.begin(), ratios_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    mpq_class paid_full = 0, rest_u = weighted_u, rho;
    for (const auto& [ratio, s] : ratios_) {
      const long w = Weight(supporters[s]);
      rho = (cost - paid_full) / rest_u;
      if (rho <= ratio) break;  // this supporter and the rest pay ρ·u
      paid_full += money_[static_cast<size_t>(supporters[s])] * w;
      rest_u -= u_.Of(p, s) * w;
      if (rest_u == 0) {
        rho = ratio;
        break;
      }
    }
    return rho;
  }

  void Pay(size_t p, const mpq_class& rho, Explanation& e) override {
    const auto& supporters = u_.supporters[p];
    for (size_t s = 0; s < supporters.size(); ++s) {
      mpq_class& m = money_[static_cast<size_t>(supporters[s])];
      const mpq_class due = rho * u_.Of(p, s);
      const long w = Weight(supporters[s]);
      if (m <= due) {
        e.paid_in_full += m * w;
        m = 0;
      } else {
        m -= due;
      }
      e.payers += w;
    }
  }

 private:
  long Weight(int group) const { return instance_.ballots[static_cast<size_t>(group)].count; }

  const Instance& instance_;
  const Utilities& u_;
  std::vector<mpq_class> money_;
  std::vector<std::pair<mpq_class, size_t>> ratios_;  // scratch
};

}  // namespace

bool FitsDoubles(const Instance& instance, const Utilities& u, const mpq_class& start) {
  if (!InDoubleRange(start)) return false;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (u.supporters[p].empty() || instance.projects[p].cost <= 0) continue;  // not a candidate
    if (!InDoubleRange(instance.projects[p].cost)) return false;
    if (u.uniform && !InDoubleRange(u.of_project[p])) return false;
  }
  return true;
}

std::unique_ptr<Wallets> MakeWallets(const Instance& instance, const Utilities& u,
                                     const mpq_class& start) {
  if (u.uniform) return std::make_unique<LevelWallets>(instance, u, start);
  return std::make_unique<GroupWallets>(instance, u, start);
}

}  // namespace andel::budgeting::internal
