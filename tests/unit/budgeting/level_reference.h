// A textbook reference for MES and its completions that is fast enough for every real Pabulib
// file: exact rationals (GMP) throughout, no floating point, no brackets, and every step of a
// completion really run (no step is skipped by predicting its outcome).
//
// What makes it fast is only how the voters' money is stored, not what is computed. Voters'
// money is kept as levels: a table of amounts, each ballot group pointing at one. Every project
// keeps how many of its supporters sit at each (level, utility) pair, and those counts are
// updated as voters pay (a payer leaves its pair for the pair of its new level in every project
// it supports). Pricing a project then walks its pairs, not its voters; the price is the
// textbook one: pairs by money ÷ utility, poorest first, each paying all it has while that is
// below the price the rest would share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"
#include "reference_rules.h"

namespace andel::budgeting::reference {

struct LevelRun {
  std::vector<int> order;
  mpq_class total;
};

class LevelMes {
 public:
  LevelMes(const Instance& instance, Utility utility) : instance_(instance) {
    const std::vector<Support> support = SupportOf(instance, utility);
    supports_.resize(instance.ballots.size());
    utility_of_.resize(instance.projects.size());
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      candidate_.push_back(!support[p].groups.empty() && instance.projects[p].cost > 0);
      for (size_t s = 0; s < support[p].groups.size(); ++s) {
        const int u = Intern(support[p].utility[s]);
        supports_[support[p].groups[s]].push_back({static_cast<int>(p), u});
        utility_of_[p].emplace_back(support[p].groups[s], u);
      }
    }
  }

  bool Candidate(size_t p) const { return candidate_[p]; }

  // One run of MES in which every voter starts with `start`.
  LevelRun Run(const mpq_class& start) const {
    const size_t projects = instance_.projects.size();
    std::vector<mpq_class> value{mpq_class(0), start};  // level → money
    std::vector<int> level_of(instance_.ballots.size(), 1);
    // project → (level, utility) → voters among its supporters there
    std::vector<std::unordered_map<uint64_t, long>> count(projects);
    for (size_t g = 0; g < instance_.ballots.size(); ++g) {
      for (const auto& [p, u] : supports_[g]) {
        count[static_cast<size_t>(p)][Key(1, u)] += instance_.ballots[g].count;
      }
    }
    std::vector<bool> left = candidate_;
    // A price is a function of the project's counts alone (a level's money never changes once
    // made), so it is computed again only when its counts changed.
    std::vector<std::optional<mpq_class>> price(projects);
    std::vector<bool> stale(projects, true);
    LevelRun run;
    for (;;) {
      // Every candidate still left, priced from the counts; the cheapest wins, ties by id.
      std::optional<mpq_class> best;
      int winner = -1;
      for (size_t p = 0; p < projects; ++p) {
        if (!left[p]) continue;
        if (stale[p]) price[p] = Price(p, count[p], value);
        stale[p] = false;
        const std::optional<mpq_class>& rho = price[p];
        if (!rho) continue;
        if (!best || *rho < *best ||
            (*rho == *best &&
             instance_.projects[p].id < instance_.projects[static_cast<size_t>(winner)].id)) {
          best = *rho;
          winner = static_cast<int>(p);
        }
      }
      if (winner < 0) break;
      const size_t w = static_cast<size_t>(winner);
      // Each (level, utility) pair among the winner's supporters pays min(money, ρ·u): all it
      // has (level 0) or the due, keeping the rest (a new level).
      std::unordered_map<uint64_t, int> next;
      for (const auto& [key, voters] : count[w]) {
        const mpq_class& money = value[static_cast<size_t>(key >> 32)];
        const mpq_class due = *best * utilities_[key & 0xffffffffu];
        if (money <= due) {
          next[key] = 0;
        } else {
          next[key] = static_cast<int>(value.size());
          value.push_back(money - due);
        }
      }
      // Every payer moves to its new level in every project it supports.
      for (const auto& [g, u] : utility_of_[w]) {
        const int from = level_of[g];
        const int to = next.at(Key(from, u));
        const long voters = instance_.ballots[g].count;
        for (const auto& [q, uq] : supports_[g]) {
          auto& counts = count[static_cast<size_t>(q)];
          stale[static_cast<size_t>(q)] = true;
          auto it = counts.find(Key(from, uq));
          it->second -= voters;
          if (it->second == 0) counts.erase(it);
          counts[Key(to, uq)] += voters;
        }
        level_of[g] = to;
      }
      left[w] = false;
      run.order.push_back(winner);
      run.total += instance_.projects[w].cost;
    }
    return run;
  }

 private:
  static uint64_t Key(int level, int utility) {
    return (static_cast<uint64_t>(level) << 32) | static_cast<uint32_t>(utility);
  }

  int Intern(const mpq_class& u) {
    for (size_t i = 0; i < utilities_.size(); ++i) {
      if (utilities_[i] == u) return static_cast<int>(i);
    }
    utilities_.push_back(u);
    return static_cast<int>(utilities_.size() - 1);
  }

  // The smallest ρ at which the supporters counted in `pairs` pay the cost, each paying
  // min(money, ρ·u); nothing if all they have is less than the cost.
  std::optional<mpq_class> Price(size_t p, const std::unordered_map<uint64_t, long>& pairs,
                                 const std::vector<mpq_class>& value) const {
    const mpq_class& cost = instance_.projects[p].cost;
    struct Pair {
      mpq_class ratio;  // money ÷ utility
      const mpq_class* money;
      const mpq_class* utility;
      long voters;
    };
    std::vector<Pair> by_ratio;
    mpq_class available = 0, rest = 0;
    for (const auto& [key, voters] : pairs) {
      const mpq_class& money = value[static_cast<size_t>(key >> 32)];
      const mpq_class& u = utilities_[key & 0xffffffffu];
      available += money * voters;
      rest += u * voters;
      by_ratio.push_back({money / u, &money, &u, voters});
    }
    if (available < cost) return std::nullopt;
    std::sort(by_ratio.begin(), by_ratio.end(),
              [](const Pair& a, const Pair& b) { return a.ratio < b.ratio; });
    mpq_class paid = 0, rho;
    for (const Pair& pair : by_ratio) {
      rho = (cost - paid) / rest;
      if (rho <= pair.ratio) break;  // this pair and the rest pay ρ·u
      paid += *pair.money * pair.voters;
      rest -= *pair.utility * pair.voters;
      if (rest == 0) {  // everyone pays all they have: exactly the cost
        rho = pair.ratio;
        break;
      }
    }
    return rho;
  }

  const Instance& instance_;
  std::vector<bool> candidate_;                                  // supported, and of positive cost
  std::vector<mpq_class> utilities_;                             // the distinct utilities
  std::vector<std::vector<std::pair<int, int>>> supports_;       // group → (project, utility)
  std::vector<std::vector<std::pair<size_t, int>>> utility_of_;  // project → (group, utility)
};

// MES with a completion, every step run: add1 and budget+1% take start money B/N + k or
// (B + k·B/100)/N for k = 0, 1, …, and keep the k before the first run that costs more than the
// budget, or the first run to which nothing more can be added (every candidate in, or no
// project fits — for add1, no candidate); greedy then walks by cost utility. With a step of 0
// every run is the first. More than `max_runs` runs: `runs` says so and the outcome is empty.
inline Completed LevelEqualShares(const Instance& instance, Utility utility, Completion completion,
                                  long max_runs) {
  const LevelMes mes(instance, utility);
  const long n = instance.VoterCount();
  const mpq_class share = n ? mpq_class(instance.budget / n) : mpq_class(0);
  const bool add1 = completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy;
  const bool plus1 = completion == Completion::kBudgetPlus1;
  const mpq_class step = add1 ? mpq_class(1) : plus1 ? mpq_class(share / 100) : mpq_class(0);
  const auto start_of = [&](long k) { return mpq_class(share + step * k); };
  const auto done = [&](const LevelRun& run) {
    std::vector<bool> in(instance.projects.size(), false);
    for (int p : run.order) in[static_cast<size_t>(p)] = true;
    bool more = false, all = true;
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      if (in[p] || (add1 && !mes.Candidate(p))) continue;
      if (mes.Candidate(p)) all = false;
      if (run.total + instance.projects[p].cost <= instance.budget) more = true;
    }
    return !more || all;
  };
  Completed out;
  LevelRun kept = mes.Run(share);
  out.runs = 1;
  long k = 0;
  if ((add1 || plus1) && step > 0) {
    while (!done(kept)) {
      if (out.runs >= max_runs) return out;
      LevelRun later = mes.Run(start_of(k + 1));
      ++out.runs;
      if (later.total > instance.budget) break;
      ++k;
      kept = std::move(later);
    }
  }
  out.start = start_of(k);
  out.order = std::move(kept.order);
  out.total = std::move(kept.total);
  if (completion == Completion::kGreedy || completion == Completion::kAdd1Greedy) {
    ReferenceGreedyWalk(instance, Utility::kCost, out.order, out.total);
  }
  return out;
}

}  // namespace andel::budgeting::reference
