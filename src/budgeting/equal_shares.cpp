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
#include <memory>
#include <optional>

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
  virtual std::optional<mpq_class> Price(size_t p, mpq_class& available) = 0;
  // p's supporters pay min(money, ρ·u); fills in who paid in the explanation.
  virtual void Pay(size_t p, const mpq_class& rho, Explanation& e) = 0;
};

// Cost and card utilities: money as levels.
class LevelWallets final : public Wallets {
 public:
  LevelWallets(const Instance& instance, const Utilities& u, const mpq_class& start)
      : instance_(instance), u_(u), level_(instance.ballots.size(), 1) {
    value_.emplace_back(0);
    value_.push_back(start);
  }

  std::optional<mpq_class> Price(size_t p, mpq_class& available) override {
    CountByLevel(p);
    const mpq_class& cost = instance_.projects[p].cost;
    available = 0;
    long weight = 0;
    for (int l : touched_) {
      weight += count_[static_cast<size_t>(l)];
      if (l != 0) available += value_[static_cast<size_t>(l)] * count_[static_cast<size_t>(l)];
    }
    std::optional<mpq_class> rho;
    if (available >= cost) {
      // Levels poorest first; each pays all it has while that is less than the equal due.
      std::sort(touched_.begin(), touched_.end(), [&](int a, int b) {
        return value_[static_cast<size_t>(a)] < value_[static_cast<size_t>(b)];
      });
      mpq_class paid = 0, due;
      for (int l : touched_) {
        const mpq_class& m = value_[static_cast<size_t>(l)];
        due = (cost - paid) / weight;
        if (due <= m) break;
        paid += m * count_[static_cast<size_t>(l)];
        weight -= count_[static_cast<size_t>(l)];
        if (weight == 0) {
          due = m;
          break;
        }
      }
      rho = due / u_.of_project[p];
    }
    ClearCounts();
    return rho;
  }

  void Pay(size_t p, const mpq_class& rho, Explanation& e) override {
    const mpq_class due = rho * u_.of_project[p];
    CountByLevel(p);
    std::vector<int> next(value_.size(), -1);
    for (int l : touched_) {
      const mpq_class& m = value_[static_cast<size_t>(l)];
      const long w = count_[static_cast<size_t>(l)];
      e.payers += w;
      if (m <= due) {
        if (l != 0) e.paid_in_full += m * w;
        next[static_cast<size_t>(l)] = 0;
      } else {
        next[static_cast<size_t>(l)] = static_cast<int>(value_.size());
        value_.push_back(m - due);
      }
    }
    ClearCounts();
    for (int g : u_.supporters[p]) {
      level_[static_cast<size_t>(g)] = next[static_cast<size_t>(level_[static_cast<size_t>(g)])];
    }
  }

 private:
  void CountByLevel(size_t p) {
    count_.resize(value_.size(), 0);
    for (int g : u_.supporters[p]) {
      const size_t l = static_cast<size_t>(level_[static_cast<size_t>(g)]);
      if (count_[l] == 0) touched_.push_back(static_cast<int>(l));
      count_[l] += instance_.ballots[static_cast<size_t>(g)].count;
    }
  }
  void ClearCounts() {
    for (int l : touched_) count_[static_cast<size_t>(l)] = 0;
    touched_.clear();
  }

  const Instance& instance_;
  const Utilities& u_;
  std::vector<mpq_class> value_;  // level → money; level 0 is nothing left
  std::vector<int> level_;        // ballot group → level
  std::vector<long> count_;       // scratch: voters per level among a project's supporters
  std::vector<int> touched_;      // scratch: the levels counted
};

// Points utility: money per ballot group.
class GroupWallets final : public Wallets {
 public:
  GroupWallets(const Instance& instance, const Utilities& u, const mpq_class& start)
      : instance_(instance), u_(u), money_(instance.ballots.size(), start) {}

  std::optional<mpq_class> Price(size_t p, mpq_class& available) override {
    const mpq_class& cost = instance_.projects[p].cost;
    const auto& supporters = u_.supporters[p];
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
MesRun RunMes(const Instance& instance, const Utilities& u, const mpq_class& start) {
  std::unique_ptr<Wallets> wallets;
  if (u.uniform) {
    wallets = std::make_unique<LevelWallets>(instance, u, start);
  } else {
    wallets = std::make_unique<GroupWallets>(instance, u, start);
  }
  MesRun run;
  // Money only decreases, so a project's ρ only rises: the last ρ computed is a lower bound.
  // Candidates wait in a heap by (bound, id); the top is recomputed until a project whose ρ was
  // computed since the last purchase is on top — then it is the exact minimum, ties by id.
  struct Entry {
    mpq_class bound;
    size_t project;
    int computed_in = 0;  // the round its bound was computed in
  };
  const auto later = [&](const Entry& a, const Entry& b) {
    if (a.bound != b.bound) return a.bound > b.bound;
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
      heap.push_back({mpq_class(0), p, 0});
    }
  }
  std::make_heap(heap.begin(), heap.end(), later);
  mpq_class available;
  for (int round = 1; !heap.empty(); ++round) {
    std::optional<Entry> best;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      Entry top = std::move(heap.back());
      heap.pop_back();
      if (top.computed_in == round) {
        best = std::move(top);
        break;
      }
      std::optional<mpq_class> rho = wallets->Price(top.project, available);
      if (!rho) {
        Explanation& e = run.explanations[static_cast<int>(top.project)];
        e.reason = "unaffordable";
        e.round = round;
        e.supporters_money = available;
        e.cost = instance.projects[top.project].cost;
        continue;
      }
      heap.push_back({std::move(*rho), top.project, round});
      std::push_heap(heap.begin(), heap.end(), later);
    }
    if (!best) break;
    Explanation e;
    e.funded = true;
    e.how = "mes";
    e.round = round;
    wallets->Pay(best->project, best->bound, e);
    e.rho = std::move(best->bound);
    run.explanations[static_cast<int>(best->project)] = std::move(e);
    run.order.push_back(static_cast<int>(best->project));
    run.total += instance.projects[best->project].cost;
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

// Runs MES with the start money `start_of(k)` for k = 0, 1, …: returns the previous outcome at
// the first that costs more than the budget, or the first to which nothing more can be added
// (every candidate in, or no project — a candidate, when `candidates_only` — fits).
template <typename StartOf>
MesRun Complete(const Instance& instance, const Utilities& u, StartOf start_of,
                bool candidates_only) {
  const size_t candidates = CandidateCount(instance, u);
  MesRun previous = RunMes(instance, u, start_of(0));
  const auto done = [&](const MesRun& run) {
    return !CanAdd(instance, u, run, candidates_only) || run.order.size() == candidates;
  };
  if (done(previous)) return previous;
  for (long k = 1;; ++k) {
    MesRun next = RunMes(instance, u, start_of(k));
    if (next.total > instance.budget) return previous;
    if (done(next)) return next;
    previous = std::move(next);
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
  MesRun run;
  if (completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy) {
    run = Complete(
        instance, *u, [&](long k) { return mpq_class(share + k); }, true);
  } else if (completion == Completion::kBudgetPlus1) {
    // Projects nobody supports never enter MES, however large the budget: once every candidate
    // is in, the outcome is final.
    run = Complete(
        instance, *u,
        [&](long k) { return share_of(instance.budget + instance.budget * k / 100); }, false);
  } else {
    run = RunMes(instance, *u, share);
  }
  Outcome outcome;
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

}  // namespace andel::budgeting
