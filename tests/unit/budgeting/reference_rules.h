// Plain exact references for the budgeting tests: greedy, MES and its completions written from
// their definitions, with exact rationals, no floating point, no brackets and no skipping by
// the library's reach. MES prices every candidate from scratch each round, with money per
// ballot group. The completions run MES once per step, except that a run also proves, in exact
// arithmetic, up to which start its outcome stays the same (see ReferenceMes), and the steps
// below that start are known without running them.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"

namespace andel::budgeting::reference {

// Who supports a project and what it is worth to them: a project named several times on one
// ballot is supported once; with points utility its points add up, and only a positive sum
// counts (instance.h).
struct Support {
  std::vector<size_t> groups;
  std::vector<mpq_class> utility;  // parallel to groups
};

inline std::vector<Support> SupportOf(const Instance& instance, Utility utility) {
  std::vector<Support> support(instance.projects.size());
  for (size_t g = 0; g < instance.ballots.size(); ++g) {
    const Ballot& ballot = instance.ballots[g];
    std::vector<std::pair<size_t, mpq_class>> named;  // project, summed points
    for (size_t i = 0; i < ballot.projects.size(); ++i) {
      const size_t p = static_cast<size_t>(ballot.projects[i]);
      const mpq_class points = i < ballot.points.size() ? ballot.points[i] : mpq_class(0);
      auto it =
          std::find_if(named.begin(), named.end(), [&](const auto& e) { return e.first == p; });
      if (it == named.end()) {
        named.emplace_back(p, points);
      } else {
        it->second += points;
      }
    }
    for (const auto& [p, points] : named) {
      const mpq_class value = utility == Utility::kCost   ? instance.projects[p].cost
                              : utility == Utility::kCard ? mpq_class(1)
                                                          : points;
      if (value <= 0) continue;
      support[p].groups.push_back(g);
      support[p].utility.push_back(value);
    }
  }
  return support;
}

// Greedy from its definition: supported projects of cost 0 first (for card and points
// utility), then by total utility ÷ cost highest first (for cost utility: by supporters),
// unsupported projects last, ties by id; each taken if it still fits. Appends to `order` and
// `total`, skipping projects already in `order`.
inline void ReferenceGreedyWalk(const Instance& instance, Utility utility, std::vector<int>& order,
                                mpq_class& total) {
  const std::vector<Support> support = SupportOf(instance, utility);
  struct Key {
    int rank;  // 2: supported, cost 0; 1: supported; 0: unsupported
    mpq_class ratio;
    std::string id;
    int project;
  };
  std::vector<Key> keys;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    mpq_class sum = 0;
    for (size_t s = 0; s < support[p].groups.size(); ++s) {
      sum += support[p].utility[s] * instance.ballots[support[p].groups[s]].count;
    }
    const mpq_class& cost = instance.projects[p].cost;
    Key key{0, 0, instance.projects[p].id, static_cast<int>(p)};
    if (sum > 0) {
      key.rank = cost == 0 ? 2 : 1;
      if (cost > 0) key.ratio = sum / cost;
    }
    keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    if (a.ratio != b.ratio) return a.ratio > b.ratio;
    return a.id < b.id;
  });
  std::vector<bool> in(instance.projects.size(), false);
  for (int p : order) in[static_cast<size_t>(p)] = true;
  for (const Key& key : keys) {
    const mpq_class& cost = instance.projects[static_cast<size_t>(key.project)].cost;
    if (in[static_cast<size_t>(key.project)] || total + cost > instance.budget) continue;
    total += cost;
    order.push_back(key.project);
  }
}

struct Run {
  std::vector<int> order;
  mpq_class total;
  // Every start s with start ≤ s < until chooses the same projects in the same order; nothing
  // if that holds for every s ≥ start. until == start: only the start itself is known.
  std::optional<mpq_class> until;
};

// MES with every voter starting with `start`, textbook style, and the start's region.
//
// The region. Think of each group's money as a function of the start s: m(s) = m + dm·(s − s₀),
// 1 per unit at the start. As long as every comparison made at s₀ comes out the same, a round's
// winner is paid for by the same supporters paying all they have (C) and the same paying the
// due, and its price ρ(s) = (cost − Σ_C n·m(s)) ÷ Σ_rest n·u is linear in s, and so is every
// group's money afterwards. Each comparison is then a linear function of s that must keep its
// sign; where one would change sign, the region ends:
//  - a group in C keeps ρ·u ≥ m, one outside it m ≥ ρ·u (ties stay ties or part);
//  - every other project q stays dearer than the winner: at the winner's price its supporters
//    raise Σ n·min(m(s), ρ(s)·u_q) < cost_q. The minimum is at most the piece that is the
//    minimum at s₀, a linear function, so it is enough that the sum of those pieces stays below
//    the cost (a tie at s₀, decided by id, ends the region there);
//  - after the last round every project left stays unaffordable: Σ n·m(s) < cost.
// A round in which every supporter pays all they have (the money equals the cost exactly) also
// ends the region at s₀.
inline Run ReferenceMes(const Instance& instance, Utility utility, const mpq_class& start) {
  const std::vector<Support> support = SupportOf(instance, utility);
  const size_t groups = instance.ballots.size();
  std::vector<mpq_class> money(groups, start), slope(groups, mpq_class(1));
  const auto weight = [&](size_t g) { return instance.ballots[g].count; };
  std::vector<bool> left(instance.projects.size(), false);
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    left[p] = !support[p].groups.empty() && instance.projects[p].cost > 0;
  }
  Run run;
  bool ended = false;  // the region is only the start
  // A quantity a + b·(s − s₀) with a ≥ 0 that must stay ≥ 0 (`strict`: > 0).
  const auto keep = [&](const mpq_class& a, const mpq_class& b, bool strict) {
    if (ended) return;
    if (a < 0 || (strict && a == 0)) {
      ended = true;  // only at s₀ itself (a tie decided by id, say)
      return;
    }
    if (b >= 0) return;
    const mpq_class limit = start + a / -b;
    if (!run.until || limit < *run.until) run.until = limit;
  };
  for (;;) {
    // Every candidate's price from scratch: supporters by money ÷ utility, poorest first; each
    // pays all it has while that is below the price the rest would share.
    std::optional<mpq_class> best;
    int winner = -1;
    std::vector<bool> capped_best;
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      if (!left[p]) continue;
      const Support& s = support[p];
      const mpq_class& cost = instance.projects[p].cost;
      mpq_class available = 0, rest = 0;
      for (size_t i = 0; i < s.groups.size(); ++i) {
        available += money[s.groups[i]] * weight(s.groups[i]);
        rest += s.utility[i] * weight(s.groups[i]);
      }
      if (available < cost) continue;
      std::vector<std::pair<mpq_class, size_t>> by_ratio;  // money ÷ utility, supporter
      for (size_t i = 0; i < s.groups.size(); ++i) {
        by_ratio.emplace_back(money[s.groups[i]] / s.utility[i], i);
      }
      std::sort(by_ratio.begin(), by_ratio.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<bool> capped(s.groups.size(), false);
      mpq_class paid = 0, rho;
      for (const auto& [ratio, i] : by_ratio) {
        rho = (cost - paid) / rest;
        if (rho <= ratio) break;
        capped[i] = true;
        paid += money[s.groups[i]] * weight(s.groups[i]);
        rest -= s.utility[i] * weight(s.groups[i]);
        if (rest == 0) {
          rho = ratio;
          break;
        }
      }
      if (!best || rho < *best ||
          (rho == *best &&
           instance.projects[p].id < instance.projects[static_cast<size_t>(winner)].id)) {
        best = rho;
        winner = static_cast<int>(p);
        capped_best = std::move(capped);
      }
    }
    if (winner < 0) break;
    const size_t w = static_cast<size_t>(winner);
    const Support& s = support[w];
    const mpq_class& rho = *best;
    // How fast the price moves with the start.
    mpq_class capped_slope = 0, rest = 0;
    for (size_t i = 0; i < s.groups.size(); ++i) {
      if (capped_best[i]) {
        capped_slope += slope[s.groups[i]] * weight(s.groups[i]);
      } else {
        rest += s.utility[i] * weight(s.groups[i]);
      }
    }
    if (rest == 0) ended = true;
    const mpq_class rho_slope = rest == 0 ? mpq_class(0) : mpq_class(-capped_slope / rest);
    for (size_t i = 0; i < s.groups.size(); ++i) {
      const size_t g = s.groups[i];
      const mpq_class due = rho * s.utility[i], due_slope = rho_slope * s.utility[i];
      if (capped_best[i]) {
        keep(due - money[g], due_slope - slope[g], false);
      } else {
        keep(money[g] - due, slope[g] - due_slope, false);
      }
    }
    left[w] = false;
    for (size_t q = 0; q < instance.projects.size(); ++q) {
      if (!left[q]) continue;
      const Support& t = support[q];
      mpq_class raised = 0, raised_slope = 0;
      for (size_t i = 0; i < t.groups.size(); ++i) {
        const size_t g = t.groups[i];
        const mpq_class due = rho * t.utility[i], due_slope = rho_slope * t.utility[i];
        // The piece that is the minimum at s₀ (at a tie, the slower one: both bound it).
        const bool by_money = money[g] < due || (money[g] == due && slope[g] <= due_slope);
        raised += (by_money ? money[g] : due) * weight(g);
        raised_slope += (by_money ? slope[g] : due_slope) * weight(g);
      }
      keep(instance.projects[q].cost - raised, -raised_slope, true);
    }
    // Pay: the capped pay all they have, the rest the due.
    for (size_t i = 0; i < s.groups.size(); ++i) {
      const size_t g = s.groups[i];
      if (capped_best[i]) {
        money[g] = 0;
        slope[g] = 0;
      } else {
        money[g] -= rho * s.utility[i];
        slope[g] -= rho_slope * s.utility[i];
      }
    }
    run.order.push_back(winner);
    run.total += instance.projects[w].cost;
  }
  for (size_t q = 0; q < instance.projects.size(); ++q) {
    if (!left[q]) continue;
    mpq_class available = 0, available_slope = 0;
    for (size_t g : support[q].groups) {
      available += money[g] * weight(g);
      available_slope += slope[g] * weight(g);
    }
    keep(instance.projects[q].cost - available, -available_slope, true);
  }
  if (ended) run.until = start;
  return run;
}

struct Completed {
  std::vector<int> order;
  mpq_class total;
  mpq_class start;  // each voter's money in the run kept
  long runs = 0;    // runs of MES made
};

// MES with a completion, from the definition: add1 and budget+1% take start money B/N + k or
// (B + k·B/100)/N for k = 0, 1, … and keep the k before the first run that costs more than the
// budget, or the first run to which nothing more can be added (every candidate in, or no
// project fits — for add1, no candidate); greedy then walks by cost utility. A k whose start
// lies within the proven region of a run before it is not run again. With a step of 0 every run
// is the first.
inline Completed ReferenceEqualShares(const Instance& instance, Utility utility,
                                      Completion completion) {
  const long n = instance.VoterCount();
  const mpq_class share = n ? mpq_class(instance.budget / n) : mpq_class(0);
  const bool add1 = completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy;
  const bool plus1 = completion == Completion::kBudgetPlus1;
  const mpq_class step = add1 ? mpq_class(1) : plus1 ? mpq_class(share / 100) : mpq_class(0);
  const auto start_of = [&](const mpz_class& k) { return mpq_class(share + step * k); };
  const std::vector<Support> support = SupportOf(instance, utility);
  const auto candidate = [&](size_t p) {
    return !support[p].groups.empty() && instance.projects[p].cost > 0;
  };
  Completed out;
  Run run = ReferenceMes(instance, utility, share);
  out.runs = 1;
  mpz_class k = 0;  // of any size: amounts far beyond a long's range take as many steps
  if ((add1 || plus1) && step > 0) {
    for (;;) {
      std::vector<bool> in(instance.projects.size(), false);
      for (int p : run.order) in[static_cast<size_t>(p)] = true;
      bool more = false, all = true;
      for (size_t p = 0; p < instance.projects.size(); ++p) {
        if (in[p] || (add1 && !candidate(p))) continue;
        if (candidate(p)) all = false;
        if (run.total + instance.projects[p].cost <= instance.budget) more = true;
      }
      if (!more || all) break;
      // The next k whose outcome is not known yet: past the region of this run.
      mpz_class next = k + 1;
      if (!run.until) {
        next = -1;  // every later k chooses as this one: the definition never stops
      } else if (*run.until > start_of(k)) {
        const mpq_class steps = (*run.until - share) / step;
        mpz_class whole = steps.get_num() / steps.get_den();  // ⌊steps⌋, steps > 0
        if (whole * steps.get_den() != steps.get_num()) whole += 1;
        if (whole > next) next = whole;
      }
      if (next < 0) break;  // cannot happen for a valid completion (it would not end)
      Run later = ReferenceMes(instance, utility, start_of(next));
      ++out.runs;
      if (later.total > instance.budget) {
        // The last k before `next` has the outcome of the run at k (same region).
        k = next - 1;
        break;
      }
      // Every k in (k, next) chose as the run at k: none of them ended the loop.
      k = next;
      run = std::move(later);
    }
  }
  out.start = start_of(k);
  out.order = run.order;
  out.total = run.total;
  if (completion == Completion::kGreedy || completion == Completion::kAdd1Greedy) {
    ReferenceGreedyWalk(instance, Utility::kCost, out.order, out.total);
  }
  return out;
}

}  // namespace andel::budgeting::reference
