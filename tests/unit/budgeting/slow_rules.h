// Reference implementations for the budgeting tests: random instances, and MES and its
// completions exactly as the funds issue defines them, with nothing clever.
#pragma once

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"

namespace andel::budgeting {

// Small numbers give many exact ties (the exact path decides); large ones, with more voters,
// give prices that floating-point bounds decide.
inline Instance RandomInstance(std::mt19937& random, bool cumulative, bool large = false) {
  Instance instance;
  instance.vote_type = cumulative ? VoteType::kCumulative : VoteType::kApproval;
  const int projects = 1 + static_cast<int>(random() % (large ? 12 : 7));
  const long scale = large ? 1'000'003 : 50;
  for (int p = 0; p < projects; ++p) {
    instance.projects.push_back({"p" + std::to_string(random() % 100) + "-" + std::to_string(p),
                                 mpq_class(static_cast<long>(random() % scale)), "", ""});
  }
  instance.budget = mpq_class(static_cast<long>(1 + random() % (large ? 4 * scale : 120)));
  const int voters = static_cast<int>(random() % (large ? 60 : 9));
  for (int v = 0; v < voters; ++v) {
    Ballot ballot;
    for (int p = 0; p < projects; ++p) {
      if (random() % 2) {
        ballot.projects.push_back(p);
        if (cumulative) ballot.points.push_back(mpq_class(static_cast<long>(1 + random() % 3)));
      }
    }
    instance.ballots.push_back(ballot);
    if (random() % 3 == 0) instance.ballots.push_back(ballot);  // identical ballots
  }
  return instance;
}

// MES as the definition reads: each round, every candidate's price from scratch. Every voter
// starts with `start`, or B/N.
inline std::vector<int> SlowMes(const Instance& instance, Utility utility,
                                std::optional<mpq_class> start = std::nullopt) {
  const long n = instance.VoterCount();
  if (!start) start = n ? mpq_class(instance.budget / n) : mpq_class(0);
  std::vector<mpq_class> money(instance.ballots.size(), *start);
  const auto u = [&](size_t v, int p) -> mpq_class {
    const Ballot& b = instance.ballots[v];
    for (size_t i = 0; i < b.projects.size(); ++i) {
      if (b.projects[i] != p) continue;
      if (utility == Utility::kCost) return instance.projects[static_cast<size_t>(p)].cost;
      if (utility == Utility::kCard) return 1;
      return b.points[i];
    }
    return 0;
  };
  std::vector<bool> out(instance.projects.size(), false);
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    bool support = false;
    for (size_t v = 0; v < instance.ballots.size(); ++v)
      support = support || u(v, static_cast<int>(p)) > 0;
    out[p] = !support || instance.projects[p].cost <= 0;
  }
  std::vector<int> order;
  for (;;) {
    std::optional<mpq_class> best;
    int pick = -1;
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      if (out[p]) continue;
      const mpq_class cost = instance.projects[p].cost;
      // The price: try each supporter's money/utility as the point where payers switch.
      std::vector<mpq_class> breaks{0};
      mpq_class available = 0;
      for (size_t v = 0; v < instance.ballots.size(); ++v) {
        const mpq_class value = u(v, static_cast<int>(p));
        if (value > 0) {
          breaks.push_back(money[v] / value);
          available += money[v];
        }
      }
      if (available < cost) {
        out[p] = true;
        continue;
      }
      std::sort(breaks.begin(), breaks.end());
      std::optional<mpq_class> rho;
      for (size_t k = 0; k + 1 < breaks.size() && !rho; ++k) {
        // On [breaks[k], breaks[k+1]]: pay(ρ) = Σ full + ρ Σ rest.
        mpq_class full = 0, rest = 0;
        for (size_t v = 0; v < instance.ballots.size(); ++v) {
          const mpq_class value = u(v, static_cast<int>(p));
          if (value <= 0) continue;
          if (money[v] / value <= breaks[k])
            full += money[v];
          else
            rest += value;
        }
        if (rest == 0) continue;
        const mpq_class candidate = (cost - full) / rest;
        if (candidate >= breaks[k] && candidate <= breaks[k + 1]) rho = candidate;
      }
      if (!rho) rho = breaks.back();
      if (!best || *rho < *best ||
          (*rho == *best &&
           instance.projects[p].id < instance.projects[static_cast<size_t>(pick)].id)) {
        best = rho;
        pick = static_cast<int>(p);
      }
    }
    if (pick < 0) return order;
    for (size_t v = 0; v < instance.ballots.size(); ++v) {
      const mpq_class due = *best * u(v, pick);
      money[v] = money[v] <= due ? mpq_class(0) : mpq_class(money[v] - due);
    }
    out[static_cast<size_t>(pick)] = true;
    order.push_back(pick);
  }
}

// The add1 completion (or budget+1%) as defined: one run of MES per step, by `run_from(start)`
// (the selection order of MES with every voter starting with `start`). Returns the start share
// of the run kept.
template <typename RunFrom>
mpq_class SlowCompletion(const Instance& instance, Utility utility, Completion completion,
                         RunFrom run_from) {
  const long n = instance.VoterCount();
  const bool add1 = completion == Completion::kAdd1;
  const auto start_of = [&](long k) {
    if (n == 0) return mpq_class(0);
    return add1 ? mpq_class(instance.budget / n + k)
                : mpq_class((instance.budget + instance.budget * k / 100) / n);
  };
  const auto candidate = [&](size_t p) {
    if (instance.projects[p].cost <= 0) return false;
    for (const Ballot& ballot : instance.ballots) {
      for (size_t i = 0; i < ballot.projects.size(); ++i) {
        if (static_cast<size_t>(ballot.projects[i]) != p) continue;
        if (utility != Utility::kPoints || ballot.points[i] > 0) return true;
      }
    }
    return false;
  };
  for (long k = 0;; ++k) {
    const std::vector<int> order = run_from(start_of(k));
    mpq_class total = 0;
    std::vector<bool> in(instance.projects.size(), false);
    for (int p : order) {
      total += instance.projects[static_cast<size_t>(p)].cost;
      in[static_cast<size_t>(p)] = true;
    }
    if (k > 0 && total > instance.budget) return start_of(k - 1);
    bool more = false, all = true;
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      if (in[p] || (add1 && !candidate(p))) continue;
      if (candidate(p)) all = false;
      if (total + instance.projects[p].cost <= instance.budget) more = true;
    }
    if (!more || all) return start_of(k);
  }
}

}  // namespace andel::budgeting
