// The Method of Equal Shares and its completions, exact.
//
// Where the time goes and how it is kept exact: with cost or card utility every supporter of a
// project values it the same, so a supporter's share of a price depends only on the money they
// have left. Voters' money is therefore kept as an index into a table of distinct amounts
// ("levels"); a purchase turns each level among the project's supporters into one new level, so
// the exact subtraction is done once per level, not once per voter. Pricing a project counts its
// supporters per level with integers and does the rational arithmetic once per level. With
// points utility each supporter's share differs, and money is kept per ballot group.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <thread>

#include "budgeting/rules_internal.h"

namespace andel::budgeting {
namespace {

using internal::Utilities;

struct MesRun {
  std::vector<int> order;
  mpq_class total;
  std::map<int, Explanation> explanations;
};

// Pricing and paying for projects, by the voters' money: one implementation per kind of utility.
class Wallets {
 public:
  virtual ~Wallets() = default;
  // The smallest ρ at which project p's supporters can pay for it with the money they have now;
  // nothing if they cannot, with what they have left in `available`.
  // Without `available` the caller knows the supporters can pay (it is not checked).
  virtual std::optional<mpq_class> Price(size_t p, mpq_class* available) = 0;
  // p's supporters pay min(money, ρ·u); fills in who paid in the explanation.
  virtual void Pay(size_t p, const mpq_class& rho, Explanation& e) = 0;

  // A quick estimate in floating point with a proven error bound: kBounded with lo < ρ < hi,
  // kUnaffordable when it is certain, or kUnknown when the bound does not decide (then the
  // exact Price decides).
  enum class Estimate { kBounded, kUnaffordable, kUnknown };
  virtual Estimate Bound(size_t /*p*/, double& /*lo*/, double& /*hi*/) {
    return Estimate::kUnknown;
  }
};

// Cost and card utilities: money as levels.
class LevelWallets final : public Wallets {
 public:
  LevelWallets(const Instance& instance, const Utilities& u, const mpq_class& start)
      : instance_(instance), u_(u), level_(instance.ballots.size(), 1) {
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
    CountByLevel(p);
    const Estimate estimate = BoundCounted(p, lo, hi);
    ClearCounts();
    return estimate;
  }

  std::optional<mpq_class> Price(size_t p, mpq_class* available) override {
    CountByLevel(p);
    const mpq_class& cost = instance_.projects[p].cost;
    long weight = 0;
    for (int l : touched_) weight += count_[static_cast<size_t>(l)];
    if (available) {
      *available = 0;
      for (int l : touched_) {
        if (l != 0) *available += value_[static_cast<size_t>(l)] * count_[static_cast<size_t>(l)];
      }
      if (*available < cost) {
        ClearCounts();
        return std::nullopt;
      }
    }
    // Levels poorest first. A double never exceeds its rational and keeps its order, so
    // different doubles order their rationals; equal ones are compared exactly.
    std::sort(touched_.begin(), touched_.end(), [&](int a, int b) {
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
    for (int l : touched_) {
      const mpq_class& m = value_[static_cast<size_t>(l)];
      const long c = count_[static_cast<size_t>(l)];
      const double gap = (cost_d - paid_d) - approx_[static_cast<size_t>(l)] * weight;
      const bool pays_all = gap > margin ? true : gap < -margin ? false : m * weight < cost - paid;
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
    for (int l : touched_) {
      const double m_d = approx_[static_cast<size_t>(l)];
      const mpq_class& m = value_[static_cast<size_t>(l)];
      const long w = count_[static_cast<size_t>(l)];
      e.payers += w;
      const bool all = m_d * (1 + kClose) < due_d   ? true
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
    for (int g : u_.supporters[p]) {
      level_[static_cast<size_t>(g)] = next[static_cast<size_t>(level_[static_cast<size_t>(g)])];
    }
  }

 private:
  void AddLevel(const mpq_class& money) {
    value_.push_back(money);
    approx_.push_back(money.get_d());
  }

  Estimate BoundCounted(size_t p, double& lo, double& hi) {
    constexpr double kUnit = 0x1p-52;
    const double tol = (static_cast<double>(touched_.size()) + 8) * kUnit;
    const double cost = instance_.projects[p].cost.get_d();  // ≤ cost, within 2⁻⁵²
    double available = 0, weight = 0;
    for (int l : touched_) {
      available +=
          approx_[static_cast<size_t>(l)] * static_cast<double>(count_[static_cast<size_t>(l)]);
      weight += static_cast<double>(count_[static_cast<size_t>(l)]);
    }
    if (available * (1 + tol) < cost) return Estimate::kUnaffordable;
    if (available * (1 - tol) <= cost * (1 + 4 * kUnit)) return Estimate::kUnknown;
    // The equal due, as the exact Price finds it, in doubles.
    std::sort(touched_.begin(), touched_.end(), [&](int a, int b) {
      return approx_[static_cast<size_t>(a)] < approx_[static_cast<size_t>(b)];
    });
    double paid = 0, due = 0;
    for (int l : touched_) {
      const double m = approx_[static_cast<size_t>(l)];
      due = (cost - paid) / weight;
      if (due <= m) break;
      paid += m * static_cast<double>(count_[static_cast<size_t>(l)]);
      weight -= static_cast<double>(count_[static_cast<size_t>(l)]);
      if (weight <= 0) return Estimate::kUnknown;
    }
    // The exact due lies between two dues where the money raised is certainly below and
    // certainly above the cost (it rises with the due).
    const double due_lo = due * (1 - 1e-9), due_hi = due * (1 + 1e-9);
    const auto raised = [&](double d) {
      double sum = 0;
      for (int l : touched_) {
        sum += std::min(approx_[static_cast<size_t>(l)], d) *
               static_cast<double>(count_[static_cast<size_t>(l)]);
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

  void CountByLevel(size_t p) {
    count_.resize(value_.size(), 0);
    for (int g : u_.supporters[p]) {
      const size_t l = static_cast<size_t>(level_[static_cast<size_t>(g)]);
      if (count_[l] == 0) touched_.push_back(static_cast<int>(l));
      count_[l] += weight_[static_cast<size_t>(g)];
    }
  }
  void ClearCounts() {
    for (int l : touched_) count_[static_cast<size_t>(l)] = 0;
    touched_.clear();
  }

  const Instance& instance_;
  const Utilities& u_;
  std::vector<mpq_class> value_;  // level → money; level 0 is nothing left
  std::vector<double> approx_;    // level → money as a double, at most the money
  std::vector<int> level_;        // ballot group → level
  std::vector<long> weight_;      // ballot group → voters (kept close for speed)
  std::vector<long> count_;       // scratch: voters per level among a project's supporters
  std::vector<int> touched_;      // scratch: the levels counted
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

// One run of MES with each voter starting with `start` money.
// Without `explain`, a project dropped as unaffordable is not told what its supporters had left
// (the exact sum is costly, and a completion needs it only for the run it keeps).
MesRun RunMes(const Instance& instance, const Utilities& u, const mpq_class& start, bool explain) {
  std::unique_ptr<Wallets> wallets;
  if (u.uniform) {
    wallets = std::make_unique<LevelWallets>(instance, u, start);
  } else {
    wallets = std::make_unique<GroupWallets>(instance, u, start);
  }
  MesRun run;
  // Money only decreases, so a project's ρ only rises: a ρ (or a lower bound of it) computed
  // before stays a lower bound. Candidates wait in a heap by (lower bound, id). Each round the
  // top is refreshed until a project refreshed this round is on top; every other project whose
  // lower bound does not exceed its upper bound is refreshed too, and if any of them may come
  // first, the exact prices of those decide (ties by id).
  struct Entry {
    double lo = 0, hi = 0;
    std::optional<mpq_class> rho;  // the exact ρ, once computed this round
    bool affordable = false;       // certainly, by the bounds of this round
    size_t project = 0;
    int computed_in = 0;  // the round lo and hi were computed in
  };
  const auto later = [&](const Entry& a, const Entry& b) {
    if (a.lo != b.lo) return a.lo > b.lo;
    return instance.projects[a.project].id > instance.projects[b.project].id;
  };
  std::vector<Entry> heap;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    Explanation& e = run.explanations[static_cast<int>(p)];
    if (u.supporters[p].empty()) {
      e.reason = "no_support";
    } else if (instance.projects[p].cost <= 0) {
      e.reason = "no_cost";
    } else {
      heap.push_back({0, 0, std::nullopt, false, p, 0});
    }
  }
  std::make_heap(heap.begin(), heap.end(), later);
  mpq_class available;
  int round = 1;
  const auto drop = [&](size_t p) {
    Explanation& e = run.explanations[static_cast<int>(p)];
    e.reason = "unaffordable";
    e.round = round;
    e.cost = instance.projects[p].cost;
    if (!explain) return;
    wallets->Price(p, &available);
    e.supporters_money = available;
  };
  // Computes the exact ρ; false if the project cannot be paid for.
  const auto exact = [&](Entry& entry) {
    if (entry.rho) return true;
    std::optional<mpq_class> rho =
        wallets->Price(entry.project, entry.affordable ? nullptr : &available);
    if (!rho) return false;
    entry.lo = rho->get_d();  // at most ρ
    entry.hi = std::nextafter(entry.lo, std::numeric_limits<double>::infinity());
    entry.rho = std::move(rho);
    return true;
  };
  // Refreshes an entry for this round; false if the project cannot be paid for (it is dropped).
  const auto refresh = [&](Entry& entry) {
    entry.computed_in = round;
    entry.rho.reset();
    entry.affordable = false;
    switch (wallets->Bound(entry.project, entry.lo, entry.hi)) {
      case Wallets::Estimate::kBounded:
        entry.affordable = true;
        return true;
      case Wallets::Estimate::kUnaffordable:
        drop(entry.project);
        return false;
      case Wallets::Estimate::kUnknown:
        if (exact(entry)) return true;
        drop(entry.project);
        return false;
    }
    return false;
  };
  const auto pop = [&] {
    std::pop_heap(heap.begin(), heap.end(), later);
    Entry top = std::move(heap.back());
    heap.pop_back();
    return top;
  };
  const auto push = [&](Entry entry) {
    heap.push_back(std::move(entry));
    std::push_heap(heap.begin(), heap.end(), later);
  };
  for (; !heap.empty(); ++round) {
    std::optional<Entry> first;
    while (!heap.empty()) {
      Entry top = pop();
      if (top.computed_in == round) {
        first = std::move(top);
        break;
      }
      if (refresh(top)) push(std::move(top));
    }
    if (!first) break;
    std::vector<Entry> contenders{std::move(*first)};
    while (!heap.empty() && heap.front().lo <= contenders.front().hi) {
      Entry next = pop();
      if (next.computed_in == round) {
        contenders.push_back(std::move(next));
      } else if (refresh(next)) {
        push(std::move(next));
      }
    }
    size_t best = 0;
    if (contenders.size() > 1) {
      // The bounds do not decide: exact prices do. A contender that cannot be paid for after
      // all (it was bounded, so this does not happen) would be dropped.
      std::vector<Entry> affordable;
      for (Entry& c : contenders) {
        if (exact(c)) {
          affordable.push_back(std::move(c));
        } else {
          drop(c.project);
        }
      }
      contenders = std::move(affordable);
      if (contenders.empty()) {
        --round;  // nobody paid: the same round again
        continue;
      }
      for (size_t i = 1; i < contenders.size(); ++i) {
        const Entry& a = contenders[i];
        const Entry& b = contenders[best];
        if (*a.rho < *b.rho || (*a.rho == *b.rho && instance.projects[a.project].id <
                                                        instance.projects[b.project].id)) {
          best = i;
        }
      }
    } else if (!exact(contenders.front())) {
      drop(contenders.front().project);
      --round;
      continue;
    }
    for (size_t i = 0; i < contenders.size(); ++i) {
      if (i != best) push(std::move(contenders[i]));
    }
    Entry& winner = contenders[best];
    Explanation e;
    e.funded = true;
    e.how = "mes";
    e.round = round;
    wallets->Pay(winner.project, *winner.rho, e);
    e.rho = std::move(*winner.rho);
    run.explanations[static_cast<int>(winner.project)] = std::move(e);
    run.order.push_back(static_cast<int>(winner.project));
    run.total += instance.projects[winner.project].cost;
  }
  return run;
}

size_t CandidateCount(const Instance& instance, const Utilities& u) {
  size_t candidates = 0;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (!u.supporters[p].empty() && instance.projects[p].cost > 0) ++candidates;
  }
  return candidates;
}

// True if some project (a candidate, when `candidates_only`) outside the run fits in what is left.
bool CanAdd(const Instance& instance, const Utilities& u, const MesRun& run, bool candidates_only) {
  std::vector<bool> selected(instance.projects.size(), false);
  for (int p : run.order) selected[static_cast<size_t>(p)] = true;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (selected[p]) continue;
    if (candidates_only && (u.supporters[p].empty() || instance.projects[p].cost <= 0)) continue;
    if (run.total + instance.projects[p].cost <= instance.budget) return true;
  }
  return false;
}

// Runs MES with the start money `start_of(k)` for k = 0, 1, …: returns the k before the first
// outcome that costs more than the budget, or the k of the first outcome to which nothing more
// can be added (every candidate in, or no project — a candidate, when `candidates_only` —
// fits). The runs are independent, so a few are run at once, one per core, and read in order.
template <typename StartOf>
long Complete(const Instance& instance, const Utilities& u, StartOf start_of,
              bool candidates_only) {
  const size_t candidates = CandidateCount(instance, u);
  const auto done = [&](const MesRun& run) {
    return !CanAdd(instance, u, run, candidates_only) || run.order.size() == candidates;
  };
  const long width = std::clamp<long>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<MesRun> runs(static_cast<size_t>(width));
  for (long first = 0;; first += width) {
    std::vector<std::thread> threads;
    for (long i = 1; i < width; ++i) {
      threads.emplace_back([&, i] {
        runs[static_cast<size_t>(i)] = RunMes(instance, u, start_of(first + i), false);
      });
    }
    runs[0] = RunMes(instance, u, start_of(first), false);
    for (std::thread& thread : threads) thread.join();
    for (long i = 0; i < width; ++i) {
      const MesRun& run = runs[static_cast<size_t>(i)];
      const long k = first + i;
      if (k > 0 && run.total > instance.budget) return k - 1;
      if (done(run)) return k;
    }
  }
}

}  // namespace

Result<Outcome> EqualShares(const Instance& instance, Utility utility, Completion completion) {
  Result<Utilities> u = internal::ComputeUtilities(instance, utility);
  if (!u) return u.error();
  const long voters = instance.VoterCount();
  // Without voters nobody supports anything: MES selects nothing (a completion may).
  const auto share_of = [&](const mpq_class& budget) {
    return voters ? mpq_class(budget / voters) : mpq_class(0);
  };
  const mpq_class share = share_of(instance.budget);
  const auto add1 = [&](long k) { return mpq_class(share + k); };
  const auto plus1 = [&](long k) { return share_of(instance.budget + instance.budget * k / 100); };
  mpq_class start = share;
  if (completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy) {
    start = add1(Complete(instance, *u, add1, true));
  } else if (completion == Completion::kBudgetPlus1) {
    // Projects nobody supports never enter MES, however large the budget: once every candidate
    // is in, the outcome is final.
    start = plus1(Complete(instance, *u, plus1, false));
  }
  MesRun run = RunMes(instance, *u, start, true);
  Outcome outcome;
  outcome.start_share = start;
  outcome.selection_order = std::move(run.order);
  outcome.total_cost = run.total;
  outcome.explanations = std::move(run.explanations);
  if (completion == Completion::kGreedy || completion == Completion::kAdd1Greedy) {
    Result<Utilities> by_cost = internal::ComputeUtilities(instance, Utility::kCost);
    if (!by_cost) return by_cost.error();
    std::vector<bool> selected(instance.projects.size(), false);
    for (int p : outcome.selection_order) selected[static_cast<size_t>(p)] = true;
    internal::GreedyWalk(instance, internal::GreedyOrder(instance, *by_cost, Utility::kCost),
                         outcome.total_cost, selected, outcome, "completion");
  }
  return outcome;
}

Result<std::vector<mpq_class>> PaymentsByGroup(const Instance& instance, const Outcome& outcome,
                                               Utility utility) {
  Result<Utilities> u = internal::ComputeUtilities(instance, utility);
  if (!u) return u.error();
  std::vector<mpq_class> paid(instance.ballots.size());
  std::vector<mpq_class> money(instance.ballots.size(), outcome.start_share);
  for (int p : outcome.selection_order) {
    const size_t project = static_cast<size_t>(p);
    const auto& supporters = u->supporters[project];
    const auto found = outcome.explanations.find(p);
    if (found != outcome.explanations.end() && found->second.how == "mes" && found->second.rho) {
      for (size_t s = 0; s < supporters.size(); ++s) {
        const size_t g = static_cast<size_t>(supporters[s]);
        const mpq_class due = *found->second.rho * u->Of(project, s);
        const mpq_class each = money[g] <= due ? money[g] : due;
        money[g] -= each;
        paid[g] += each * instance.ballots[g].count;
      }
      continue;
    }
    long voters = 0;
    for (int g : supporters) voters += instance.ballots[static_cast<size_t>(g)].count;
    if (voters == 0) continue;
    const mpq_class each = instance.projects[project].cost / voters;
    for (int g : supporters) {
      paid[static_cast<size_t>(g)] += each * instance.ballots[static_cast<size_t>(g)].count;
    }
  }
  return paid;
}

}  // namespace andel::budgeting
