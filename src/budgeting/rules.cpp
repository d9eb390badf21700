#include "budgeting/rules.h"

#include <algorithm>
#include <numeric>

namespace andel::budgeting {
namespace {

// Each ballot group's utility for each project it supports (project index → utility).
struct Utilities {
  std::vector<std::vector<std::pair<int, mpq_class>>> of_group;    // group → (project, u)
  std::vector<std::vector<std::pair<int, mpq_class>>> of_project;  // project → (group, u)
};

Result<Utilities> ComputeUtilities(const Instance& instance, Utility utility) {
  Utilities u;
  u.of_group.resize(instance.ballots.size());
  u.of_project.resize(instance.projects.size());
  for (size_t g = 0; g < instance.ballots.size(); ++g) {
    const Ballot& ballot = instance.ballots[g];
    for (size_t i = 0; i < ballot.projects.size(); ++i) {
      const int p = ballot.projects[i];
      mpq_class value;
      switch (utility) {
        case Utility::kCost:
          value = instance.projects[static_cast<size_t>(p)].cost;
          break;
        case Utility::kCard:
          value = 1;
          break;
        case Utility::kPoints:
          if (i >= ballot.points.size()) {
            return Error::InvalidArgument("points utility needs ballots with points", "utility");
          }
          value = ballot.points[i];
          break;
      }
      if (value <= 0) continue;
      u.of_group[g].emplace_back(p, value);
      u.of_project[static_cast<size_t>(p)].emplace_back(static_cast<int>(g), value);
    }
  }
  return u;
}

std::vector<int> ByIdOrder(const Instance& instance) {
  std::vector<int> order(instance.projects.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return instance.projects[static_cast<size_t>(a)].id <
           instance.projects[static_cast<size_t>(b)].id;
  });
  return order;
}

// The greedy order: by id, then stably by total utility ÷ cost, highest first (a supported
// project of cost 0 first, an unsupported one last).
std::vector<int> GreedyOrder(const Instance& instance, const Utilities& u, Utility utility) {
  std::vector<mpq_class> total(instance.projects.size());
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    for (const auto& [g, value] : u.of_project[p]) {
      // Cost utility divided by cost: the number of supporters.
      total[p] += utility == Utility::kCost
                      ? mpq_class(instance.ballots[static_cast<size_t>(g)].count)
                      : value * instance.ballots[static_cast<size_t>(g)].count;
    }
  }
  std::vector<int> order = ByIdOrder(instance);
  const auto key = [&](int p) -> std::pair<int, mpq_class> {
    const mpq_class& cost = instance.projects[static_cast<size_t>(p)].cost;
    if (total[static_cast<size_t>(p)] == 0) return {0, 0};
    if (utility == Utility::kCost) return {1, total[static_cast<size_t>(p)]};
    if (cost == 0) return {2, 0};
    return {1, total[static_cast<size_t>(p)] / cost};
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto ka = key(a), kb = key(b);
    if (ka.first != kb.first) return ka.first > kb.first;
    return ka.second > kb.second;
  });
  return order;
}

void GreedyWalk(const Instance& instance, const std::vector<int>& order, mpq_class& total,
                std::vector<bool>& selected, Outcome& outcome, const std::string& how) {
  int position = 0;
  for (int p : order) {
    ++position;
    if (selected[static_cast<size_t>(p)]) continue;
    const mpq_class& cost = instance.projects[static_cast<size_t>(p)].cost;
    Explanation& e = outcome.explanations[p];
    if (total + cost <= instance.budget) {
      total += cost;
      selected[static_cast<size_t>(p)] = true;
      outcome.selection_order.push_back(p);
      e = Explanation{};
      e.funded = true;
      e.how = how;
      e.round = position;
    } else if (!e.funded && e.reason.empty()) {
      e.reason = "did_not_fit";
      e.round = position;
      e.cost = cost;
    }
  }
}

struct MesRun {
  std::vector<int> order;
  mpq_class total;
  std::map<int, Explanation> explanations;
};

// One run of MES with each voter starting with `start` money.
MesRun RunMes(const Instance& instance, const Utilities& u, const mpq_class& start) {
  const size_t groups = instance.ballots.size();
  std::vector<mpq_class> money(groups, start);
  std::vector<bool> candidate(instance.projects.size(), false);
  MesRun run;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    Explanation& e = run.explanations[static_cast<int>(p)];
    if (u.of_project[p].empty()) {
      e.reason = "no_support";
    } else if (instance.projects[p].cost <= 0) {
      e.reason = "no_cost";
    } else {
      candidate[p] = true;
    }
  }
  std::vector<std::pair<mpq_class, size_t>> ratios;  // money/utility, supporter position
  std::vector<size_t> order;                         // supporter positions, poorest first
  // The smallest ρ at which project p's supporters can pay for it with the money they have
  // now, or nothing if they cannot.
  const auto price = [&](size_t p) -> std::optional<mpq_class> {
    const mpq_class& cost = instance.projects[p].cost;
    const auto& supporters = u.of_project[p];
    mpq_class available = 0, weighted_u = 0;
    bool uniform = true;  // every supporter values it the same (cost and card utilities)
    for (size_t s = 0; s < supporters.size(); ++s) {
      const auto& [g, value] = supporters[s];
      const long w = instance.ballots[static_cast<size_t>(g)].count;
      if (w == 1) {
        available += money[static_cast<size_t>(g)];
        weighted_u += value;
      } else {
        available += money[static_cast<size_t>(g)] * w;
        weighted_u += value * w;
      }
      uniform = uniform && value == supporters.front().second;
    }
    if (available < cost) return std::nullopt;
    // Supporters by money ÷ utility, poorest first; with one utility for all, by money alone
    // (no division).
    order.resize(supporters.size());
    for (size_t s = 0; s < supporters.size(); ++s) order[s] = s;
    if (uniform) {
      std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return money[static_cast<size_t>(supporters[a].first)] <
               money[static_cast<size_t>(supporters[b].first)];
      });
    } else {
      ratios.clear();
      for (size_t s = 0; s < supporters.size(); ++s) {
        ratios.emplace_back(money[static_cast<size_t>(supporters[s].first)] / supporters[s].second,
                            s);
      }
      std::sort(ratios.begin(), ratios.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (size_t i = 0; i < ratios.size(); ++i) order[i] = ratios[i].second;
    }
    mpq_class paid_full = 0;
    mpq_class rest_u = weighted_u;
    mpq_class rho;
    for (size_t s : order) {
      const auto& [g, value] = supporters[s];
      const mpq_class& m = money[static_cast<size_t>(g)];
      const long w = instance.ballots[static_cast<size_t>(g)].count;
      rho = (cost - paid_full) / rest_u;
      if (rho * value <= m) break;  // ρ ≤ money ÷ utility: this supporter and the rest pay ρ·u
      paid_full += m * w;
      rest_u -= value * w;
      if (rest_u == 0) {
        rho = m / value;
        break;
      }
    }
    return rho;
  };
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
    if (candidate[p]) heap.push_back({mpq_class(0), p, 0});
  }
  std::make_heap(heap.begin(), heap.end(), later);
  for (int round = 1; !heap.empty(); ++round) {
    int best = -1;
    mpq_class best_rho;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      Entry top = heap.back();
      heap.pop_back();
      if (top.computed_in == round) {
        best = static_cast<int>(top.project);
        best_rho = top.bound;
        break;
      }
      std::optional<mpq_class> rho = price(top.project);
      if (!rho) {
        Explanation& e = run.explanations[static_cast<int>(top.project)];
        e.reason = "unaffordable";
        e.round = round;
        mpq_class available = 0;
        for (const auto& [g, value] : u.of_project[top.project]) {
          available +=
              money[static_cast<size_t>(g)] * instance.ballots[static_cast<size_t>(g)].count;
        }
        e.supporters_money = available;
        e.cost = instance.projects[top.project].cost;
        continue;
      }
      heap.push_back({*rho, top.project, round});
      std::push_heap(heap.begin(), heap.end(), later);
    }
    if (best < 0) break;
    const size_t p = static_cast<size_t>(best);
    Explanation e;
    e.funded = true;
    e.how = "mes";
    e.round = round;
    e.rho = best_rho;
    for (const auto& [g, value] : u.of_project[p]) {
      mpq_class& m = money[static_cast<size_t>(g)];
      const mpq_class due = best_rho * value;
      const long w = instance.ballots[static_cast<size_t>(g)].count;
      if (m <= due) {
        e.paid_in_full += m * w;
        m = 0;
      } else {
        m -= due;
      }
      e.payers += w;
    }
    run.explanations[best] = e;
    run.order.push_back(best);
    run.total += instance.projects[p].cost;
  }
  return run;
}

Outcome FromRun(MesRun run) {
  Outcome outcome;
  outcome.selection_order = std::move(run.order);
  outcome.total_cost = run.total;
  outcome.explanations = std::move(run.explanations);
  return outcome;
}

// True if every candidate (supported, positive cost) is in the run: more money changes nothing.
bool AllCandidates(const Instance& instance, const Utilities& u, const MesRun& run) {
  size_t candidates = 0;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (!u.of_project[p].empty() && instance.projects[p].cost > 0) ++candidates;
  }
  return run.order.size() == candidates;
}

// True if some project (a candidate, when `candidates_only`) outside the run fits in what is left.
bool CanAdd(const Instance& instance, const Utilities& u, const MesRun& run, bool candidates_only) {
  std::vector<bool> selected(instance.projects.size(), false);
  for (int p : run.order) selected[static_cast<size_t>(p)] = true;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (selected[p]) continue;
    if (candidates_only && (u.of_project[p].empty() || instance.projects[p].cost <= 0)) continue;
    if (run.total + instance.projects[p].cost <= instance.budget) return true;
  }
  return false;
}

}  // namespace

Result<Utility> ParseUtility(std::string_view text) {
  if (text == "cost") return Utility::kCost;
  if (text == "card") return Utility::kCard;
  if (text == "points") return Utility::kPoints;
  return Error::InvalidArgument("the utility is cost, card or points", "utility");
}

Result<Completion> ParseCompletion(std::string_view text) {
  if (text == "none") return Completion::kNone;
  if (text == "add1") return Completion::kAdd1;
  if (text == "greedy") return Completion::kGreedy;
  if (text == "add1+greedy") return Completion::kAdd1Greedy;
  if (text == "budget+1%") return Completion::kBudgetPlus1;
  return Error::InvalidArgument("the completion is none, add1, greedy, add1+greedy or budget+1%",
                                "completion");
}

std::string_view Name(Utility utility) {
  return utility == Utility::kCost ? "cost" : utility == Utility::kCard ? "card" : "points";
}

std::string_view Name(Completion completion) {
  switch (completion) {
    case Completion::kNone:
      return "none";
    case Completion::kAdd1:
      return "add1";
    case Completion::kGreedy:
      return "greedy";
    case Completion::kAdd1Greedy:
      return "add1+greedy";
    case Completion::kBudgetPlus1:
      return "budget+1%";
  }
  return "none";
}

Result<Outcome> Greedy(const Instance& instance, Utility utility) {
  Result<Utilities> u = ComputeUtilities(instance, utility);
  if (!u) return u.error();
  Outcome outcome;
  std::vector<bool> selected(instance.projects.size(), false);
  for (size_t p = 0; p < instance.projects.size(); ++p) outcome.explanations[static_cast<int>(p)];
  GreedyWalk(instance, GreedyOrder(instance, *u, utility), outcome.total_cost, selected, outcome,
             "greedy");
  return outcome;
}

Result<Outcome> EqualShares(const Instance& instance, Utility utility, Completion completion) {
  Result<Utilities> u = ComputeUtilities(instance, utility);
  if (!u) return u.error();
  const long voters = instance.VoterCount();
  // Without voters nobody supports anything: MES selects nothing (a completion may).
  const mpq_class share = voters ? mpq_class(instance.budget / voters) : mpq_class(0);
  MesRun run;
  if (completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy) {
    MesRun previous = RunMes(instance, *u, share);
    run = previous;
    if (CanAdd(instance, *u, previous, true) && !AllCandidates(instance, *u, previous)) {
      for (long k = 1;; ++k) {
        MesRun next = RunMes(instance, *u, share + k);
        if (next.total > instance.budget) {
          run = std::move(previous);
          break;
        }
        if (!CanAdd(instance, *u, next, true) || AllCandidates(instance, *u, next)) {
          run = std::move(next);
          break;
        }
        previous = std::move(next);
      }
    }
  } else if (completion == Completion::kBudgetPlus1) {
    MesRun previous = RunMes(instance, *u, share);
    run = previous;
    if (CanAdd(instance, *u, previous, false) && !AllCandidates(instance, *u, previous)) {
      for (long k = 1;; ++k) {
        const mpq_class budget = instance.budget + instance.budget * k / 100;
        MesRun next = RunMes(instance, *u, voters ? mpq_class(budget / voters) : mpq_class(0));
        if (next.total > instance.budget) {
          run = std::move(previous);
          break;
        }
        // Projects nobody supports never enter MES, however large the budget: once every
        // candidate is in, the outcome is final.
        if (!CanAdd(instance, *u, next, false) || AllCandidates(instance, *u, next)) {
          run = std::move(next);
          break;
        }
        previous = std::move(next);
      }
    }
  } else {
    run = RunMes(instance, *u, share);
  }
  Outcome outcome = FromRun(std::move(run));
  if (completion == Completion::kGreedy || completion == Completion::kAdd1Greedy) {
    Result<Utilities> by_cost = ComputeUtilities(instance, Utility::kCost);
    if (!by_cost) return by_cost.error();
    std::vector<bool> selected(instance.projects.size(), false);
    for (int p : outcome.selection_order) selected[static_cast<size_t>(p)] = true;
    GreedyWalk(instance, GreedyOrder(instance, *by_cost, Utility::kCost), outcome.total_cost,
               selected, outcome, "completion");
  }
  return outcome;
}

std::vector<std::string> SelectedIds(const Instance& instance, const Outcome& outcome) {
  std::vector<std::string> ids;
  for (int p : outcome.selection_order) ids.push_back(instance.projects[static_cast<size_t>(p)].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace andel::budgeting
