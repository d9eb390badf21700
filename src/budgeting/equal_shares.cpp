// The Method of Equal Shares and its completions, exact. How prices stay exact and fast is in
// wallets.h; how the completions' many runs are made fast without losing exactness, in
// bracketed_run.h (runs in floating point) and exact_region.h (exact runs).
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <thread>

#include "budgeting/bracketed_run.h"
#include "budgeting/exact_region.h"
#include "budgeting/rules_internal.h"
#include "budgeting/wallets.h"

namespace andel::budgeting {
namespace {

using internal::Utilities;
using internal::Wallets;

struct MesRun {
  std::vector<int> order;
  mpq_class total;
  std::map<int, Explanation> explanations;
};

// One run of MES with each voter starting with `start` money.
// Without `explain`, a project dropped as unaffordable is not told what its supporters had left
// (the exact sum is costly, and a completion needs it only for the run it keeps).
MesRun RunMes(const Instance& instance, const Utilities& u, const mpq_class& start, bool explain) {
  const std::unique_ptr<Wallets> wallets = internal::MakeWallets(instance, u, start);
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

// One run of a completion: what it chose, what that costs, and how far the start can rise with
// the same outcome: a reach proven in floating point (0 if none), or for an exact run its
// region's end (nothing: no end).
struct Probe {
  std::vector<int> order;
  mpq_class total;
  double reach = 0;
  bool exact = false;
  std::optional<mpq_class> until;
};

Probe Run(const Instance& instance, const Utilities& u, const internal::ExactRegion& region,
          const mpq_class& start, const mpq_class& step, internal::ReachGoal goal, bool prove) {
  Probe probe;
  std::optional<internal::BracketedRun> bracketed;
  if (u.uniform) bracketed = internal::RunBracketed(instance, u, start, goal);
  if (bracketed) {
    probe.order = std::move(bracketed->order);
    probe.reach = bracketed->reach;
    for (int p : probe.order) probe.total += instance.projects[static_cast<size_t>(p)].cost;
  } else {
    MesRun exact = RunMes(instance, u, start, false);
    std::vector<mpq_class> rho;
    for (int p : exact.order) rho.push_back(*exact.explanations.at(p).rho);
    probe.exact = true;
    probe.until = prove ? region.Until(start, exact.order, rho, start + step) : start;
    probe.order = std::move(exact.order);
    probe.total = std::move(exact.total);
  }
  return probe;
}

// True if some project (a candidate, when `candidates_only`) outside the run fits in what is left.
bool CanAdd(const Instance& instance, const Utilities& u, const Probe& run, bool candidates_only) {
  std::vector<bool> selected(instance.projects.size(), false);
  for (int p : run.order) selected[static_cast<size_t>(p)] = true;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (selected[p]) continue;
    if (candidates_only && (u.supporters[p].empty() || instance.projects[p].cost <= 0)) continue;
    if (run.total + instance.projects[p].cost <= instance.budget) return true;
  }
  return false;
}

// Runs MES with the start money `start_of(k)` = `start_of(0)` + k·`step` for k = 0, 1, …:
// returns the k before the first outcome that costs more than the budget, or the k of the first
// outcome to which nothing more can be added (every candidate in, or no project — a candidate,
// when `candidates_only` — fits); 0 if `step` is 0 (every run the same).
// A run proves how far the start money can rise with the same outcome (its reach in floating
// point, or its region in exact arithmetic), and the ks within it are skipped. A few runs go at
// once, one per core: one at the first k not yet known, the others ahead of it at a spacing
// guessed from the last skip, hoping to land within the reach of the one before and so extend
// it. The ks are integers of any size: a budget far below the costs may take more than 2⁶³
// steps, skipped in a few runs.
template <typename StartOf>
mpz_class Complete(const Instance& instance, const Utilities& u, StartOf start_of,
                   const mpq_class& step, bool candidates_only) {
  // Without a step (budget+1% of a budget of 0) every run is the first one: it is kept.
  if (step <= 0) return 0;
  const size_t candidates = CandidateCount(instance, u);
  const internal::ExactRegion region(instance, u);
  const auto done = [&](const Probe& run) {
    return !CanAdd(instance, u, run, candidates_only) || run.order.size() == candidates;
  };
  const double unit = step.get_d();  // at most the step
  const mpq_class first = start_of(mpz_class(0));
  // The first k after k that a run at k does not prove to have its outcome.
  const auto after = [&](const mpz_class& k, const Probe& run) -> mpz_class {
    if (run.exact) {
      // Every k with start_of(k) < until: k < (until − first) ÷ step. No end cannot happen
      // before the outcome is final (some candidate's supporters keep money, or a candidate
      // is in), so one step is taken then.
      if (!run.until) return k + 1;
      const mpq_class steps = (*run.until - first) / step;
      mpz_class whole;
      mpz_cdiv_q(whole.get_mpz_t(), steps.get_num_mpz_t(), steps.get_den_mpz_t());  // ⌈steps⌉
      return whole > k ? whole : mpz_class(k + 1);
    }
    // The ks in [k, k + skip) have start money below start + reach: (skip − 1)·step < reach.
    if (!(unit > 0)) return k + 1;
    const double steps = std::ceil(run.reach * (1 - 0x1p-40) / unit);
    return k + (steps >= 1 ? static_cast<long>(std::min(steps, 0x1p40)) : 1L);
  };
  const long width = std::clamp<long>(std::thread::hardware_concurrency(), 1, 4);
  std::vector<Probe> runs(static_cast<size_t>(width));
  internal::ReachGoal goal{64 * unit, unit};
  mpz_class spacing = 1;
  // An exact region costs about as much as a run again, and on real files it often ends within
  // a step or two (wherever a single voter group starts or stops paying all it has). After such
  // a short one the next runs go without proof, up to 16 of them, so that the proofs cost at
  // most a fraction of the runs; a long region (a budget far below the costs) keeps them on.
  long pause = 0, unproven = 0;
  for (mpz_class next = 0;;) {
    const bool prove = unproven == 0;
    const auto k_of = [&](long i) { return mpz_class(next + i * spacing); };
    std::vector<std::thread> threads;
    for (long i = 1; i < width; ++i) {
      threads.emplace_back([&, i] {
        runs[static_cast<size_t>(i)] =
            Run(instance, u, region, start_of(k_of(i)), step, goal, prove);
      });
    }
    runs[0] = Run(instance, u, region, start_of(next), step, goal, prove);
    for (std::thread& thread : threads) thread.join();
    mpz_class known = next;  // every k before it has been read
    for (long i = 0; i < width; ++i) {
      const Probe& run = runs[static_cast<size_t>(i)];
      const mpz_class k = k_of(i);
      if (k > known) break;  // not known what lies between: this run is wasted
      if (k == known) {
        if (k > 0 && run.total > instance.budget) return k - 1;
        if (done(run)) return k;
      }
      // A run within the reach of one read before has the same outcome; its reach adds on.
      const mpz_class end = after(k, run);
      if (end > known) known = end;
    }
    if (runs[0].exact && !prove) {
      --unproven;
    } else if (runs[0].exact) {
      pause = after(next, runs[0]) - next <= 2 ? std::min(2 * pause + 1, 16L) : 0;
      unproven = pause;
    }
    // Bounds over a longer horizon are looser: aim a little beyond the last reach.
    goal.horizon = std::max(4 * runs[0].reach, 64 * unit);
    spacing = (after(next, runs[0]) - next) / width;
    if (spacing < 1) spacing = 1;
    next = known;
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
  const auto add1 = [&](const mpz_class& k) { return mpq_class(share + k); };
  const auto plus1 = [&](const mpz_class& k) {
    return share_of(instance.budget + instance.budget * k / 100);
  };
  mpq_class start = share;
  if (completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy) {
    start = add1(Complete(instance, *u, add1, mpq_class(1), true));
  } else if (completion == Completion::kBudgetPlus1) {
    // Projects nobody supports never enter MES, however large the budget: once every candidate
    // is in, the outcome is final.
    start = plus1(Complete(instance, *u, plus1, share_of(instance.budget / 100), false));
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
