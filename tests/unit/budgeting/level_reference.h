// A textbook reference for MES and its completions that is fast enough for the real Pabulib
// files: exact arithmetic throughout, no floating point deciding anything, no brackets, and
// every step of a completion really run (no step is skipped by predicting its outcome).
//
// What makes it fast is only how the voters' money is stored and when a price is computed
// again, not what is computed:
// - Money is kept as levels: a table of amounts, each ballot group pointing at one, all whole
//   numbers over one common denominator D (scaled up by the denominator of each price paid, so
//   no fraction is ever reduced).
// - A project is priced from its supporters counted per (level, utility) pair, with the
//   textbook rule: pairs by money ÷ utility, poorest first, each paying all it has while that
//   is below the price the rest would share. Pairs far apart are ordered by rounded values,
//   close ones exactly.
// - A project is priced again only when one of its supporters paid. Prices never fall (voters
//   only lose money), so a stale price is a lower bound: the cheapest project is the winner as
//   soon as its price is not stale.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
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
    // Utilities as whole numbers: each times the common denominator of them all.
    mpz_class scale = 1;
    for (const mpq_class& u : utilities_)
      mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), u.get_den_mpz_t());
    for (const mpq_class& u : utilities_) {
      whole_utility_.push_back(mpz_class(u * scale));
      rounded_utility_.push_back(u.get_d());
    }
  }

  bool Candidate(size_t p) const { return candidate_[p]; }

  // One run of MES in which every voter starts with `start`.
  LevelRun Run(const mpq_class& start) const {
    const size_t projects = instance_.projects.size();
    Money money(instance_, start);
    std::vector<int> level_of(instance_.ballots.size(), 1);
    // A price is a function of the levels of the project's supporters alone (a level's money
    // never changes once made), so it is computed again only when one of them paid. And it
    // never falls: voters only lose money, so a stale price is a lower bound of the price now.
    // The cheapest by (price, id) is therefore the winner as soon as its own price is not
    // stale; a stale one is priced again first. A project its supporters cannot afford stays
    // so, and leaves.
    std::vector<bool> left = candidate_;
    std::vector<Fraction> price(projects);
    std::vector<bool> stale(projects, false);
    const auto reprice = [&](size_t p) {
      std::optional<Fraction> sigma = Price(p, PairsOf(p, level_of), money);
      stale[p] = false;
      if (sigma) {
        price[p] = std::move(*sigma);
      } else {
        left[p] = false;
      }
    };
    for (size_t p = 0; p < projects; ++p) {
      if (left[p]) reprice(p);
    }
    LevelRun run;
    for (;;) {
      int winner = -1;
      for (;;) {
        winner = -1;
        for (size_t p = 0; p < projects; ++p) {
          if (!left[p]) continue;
          const size_t w = static_cast<size_t>(winner);
          if (winner < 0) {
            winner = static_cast<int>(p);
            continue;
          }
          const int order = price[p].Compare(price[w]);
          if (order < 0 || (order == 0 && instance_.projects[p].id < instance_.projects[w].id)) {
            winner = static_cast<int>(p);
          }
        }
        if (winner < 0 || !stale[static_cast<size_t>(winner)]) break;
        reprice(static_cast<size_t>(winner));
      }
      if (winner < 0) break;
      const size_t w = static_cast<size_t>(winner);
      // Each (level, utility) pair among the winner's supporters pays min(money, ρ·u): all it
      // has (level 0) or the due, keeping the rest (a new level). With ρ·u = σ·U / D for the
      // price σ = a / b, every amount is first scaled by b so that what is left stays whole.
      const Fraction sigma = price[w];
      money.Scale(sigma.den);
      for (size_t p = 0; p < projects; ++p) price[p].num *= sigma.den;
      const std::vector<LevelPair> pairs = PairsOf(w, level_of);
      std::vector<int> next(pairs.size());
      for (size_t i = 0; i < pairs.size(); ++i) {
        const size_t level = static_cast<size_t>(pairs[i].key >> 32);
        const size_t u = pairs[i].key & 0xffffffffu;
        const mpz_class due = sigma.num * whole_utility_[u];
        next[i] = money.Pay(level, due);
      }
      // Every payer moves to its new level; the projects it supports are priced again.
      for (const auto& [g, u] : utility_of_[w]) {
        const uint64_t key = Key(level_of[g], u);
        const auto at = std::lower_bound(pairs.begin(), pairs.end(), key,
                                         [](const LevelPair& a, uint64_t k) { return a.key < k; });
        level_of[g] = next[static_cast<size_t>(at - pairs.begin())];
        for (const auto& [q, uq] : supports_[g]) stale[static_cast<size_t>(q)] = true;
      }
      money.Compact(level_of);
      left[w] = false;
      run.order.push_back(winner);
      run.total += instance_.projects[w].cost;
    }
    return run;
  }

 private:
  // A positive fraction of whole numbers, compared without dividing.
  struct Fraction {
    mpz_class num, den = 1;
    double rounded = 0;  // num / den / D for the D it was made at: ρ / S, which scaling keeps
    // Rounded values decide when more than a millionth apart; closer ones exactly.
    int Compare(const Fraction& other) const {
      if (rounded > other.rounded * (1 + 1e-6)) return 1;
      if (other.rounded > rounded * (1 + 1e-6)) return -1;
      return cmp(num * other.den, other.num * den);
    }
  };

  // a / (b·c) as a double, for whole numbers beyond the range of one.
  static double Quotient(const mpz_class& a, const mpz_class& b, const mpz_class& c = 1) {
    long ea = 0, eb = 0, ec = 0;
    const double ma = mpz_get_d_2exp(&ea, a.get_mpz_t());
    const double mb = mpz_get_d_2exp(&eb, b.get_mpz_t());
    const double mc = mpz_get_d_2exp(&ec, c.get_mpz_t());
    if (mb == 0 || mc == 0) return 0.0;
    return std::ldexp(ma / (mb * mc), static_cast<int>(ea - eb - ec));
  }

  // The voters' money as whole numbers over one common denominator D: level l holds
  // whole[l] / D, and a project's cost is cost[p] / D. Scaling by f multiplies all of them and
  // D by f, so no amount changes and no fraction is ever reduced.
  class Money {
   public:
    Money(const Instance& instance, const mpq_class& start) {
      denominator_ = start.get_den();
      for (const Project& project : instance.projects) {
        mpz_lcm(denominator_.get_mpz_t(), denominator_.get_mpz_t(), project.cost.get_den_mpz_t());
      }
      for (const Project& project : instance.projects) {
        cost_.push_back(mpz_class(project.cost * denominator_));
      }
      whole_ = {mpz_class(0), mpz_class(start * denominator_)};
      rounded_ = {0.0, start.get_d()};
    }

    const mpz_class& Whole(size_t level) const { return whole_[level]; }
    // A level's money in the currency, rounded: orders levels that are far apart.
    double RoundedMoney(size_t level) const { return rounded_[level]; }
    const mpz_class& Cost(size_t p) const { return cost_[p]; }
    const mpz_class& Denominator() const { return denominator_; }
    void Scale(const mpz_class& f) {
      if (f == 1) return;
      denominator_ *= f;
      for (mpz_class& w : whole_) w *= f;
      for (mpz_class& c : cost_) c *= f;
    }

    // The level a voter at `level` moves to after paying min(money, due / D).
    int Pay(size_t level, const mpz_class& due) {
      if (whole_[level] <= due) return 0;
      whole_.push_back(whole_[level] - due);
      rounded_.push_back(Quotient(whole_.back(), denominator_));
      return static_cast<int>(whole_.size() - 1);
    }

    // Keeps only the levels some voter is at (and level 0), renumbering `level_of`.
    void Compact(std::vector<int>& level_of) {
      std::vector<int> renumber(whole_.size(), -1);
      std::vector<mpz_class> whole{mpz_class(0)};
      std::vector<double> rounded{0.0};
      renumber[0] = 0;
      for (int& level : level_of) {
        const size_t l = static_cast<size_t>(level);
        if (renumber[l] < 0) {
          renumber[l] = static_cast<int>(whole.size());
          whole.push_back(std::move(whole_[l]));
          rounded.push_back(rounded_[l]);
        }
        level = renumber[l];
      }
      whole_ = std::move(whole);
      rounded_ = std::move(rounded);
    }

   private:
    mpz_class denominator_;
    std::vector<mpz_class> whole_;
    std::vector<double> rounded_;
    std::vector<mpz_class> cost_;
  };

  // The supporters of one project at one (level, utility) pair.
  struct LevelPair {
    uint64_t key;  // level << 32 | utility
    long voters;
    int same_level;  // while counting: the previous pair of the same level, or -1
  };

  static uint64_t Key(int level, int utility) {
    return (static_cast<uint64_t>(level) << 32) | static_cast<uint32_t>(utility);
  }

  // The supporters of `p` counted by (level, utility), in key order. Counted through a table
  // by level (most projects have one utility for all their supporters), then sorted.
  std::vector<LevelPair> PairsOf(size_t p, const std::vector<int>& level_of) const {
    std::vector<LevelPair> pairs;
    for (const auto& [g, u] : utility_of_[p]) {
      const size_t level = static_cast<size_t>(level_of[g]);
      if (level >= first_.size()) first_.resize(level + 1, -1);
      const uint64_t key = Key(level_of[g], u);
      int at = first_[level];
      while (at >= 0 && pairs[static_cast<size_t>(at)].key != key) {
        at = pairs[static_cast<size_t>(at)].same_level;
      }
      if (at >= 0) {
        pairs[static_cast<size_t>(at)].voters += instance_.ballots[g].count;
      } else {
        pairs.push_back({key, instance_.ballots[g].count, first_[level]});
        first_[level] = static_cast<int>(pairs.size() - 1);
      }
    }
    for (const LevelPair& pair : pairs) first_[static_cast<size_t>(pair.key >> 32)] = -1;
    std::sort(pairs.begin(), pairs.end(),
              [](const LevelPair& a, const LevelPair& b) { return a.key < b.key; });
    return pairs;
  }

  int Intern(const mpq_class& u) {
    for (size_t i = 0; i < utilities_.size(); ++i) {
      if (utilities_[i] == u) return static_cast<int>(i);
    }
    utilities_.push_back(u);
    return static_cast<int>(utilities_.size() - 1);
  }

  // The smallest ρ at which the supporters counted in `pairs` pay the cost, each paying
  // min(money, ρ·u); nothing if all they have is less than the cost. Returned as
  // σ = ρ·D / S for the common denominators D of the money and S of the utilities, which is
  // what a voter of whole utility U owes in whole money: σ·U.
  std::optional<Fraction> Price(size_t p, const std::vector<LevelPair>& pairs,
                                const Money& money) const {
    struct Pair {
      const mpz_class* money;
      const mpz_class* utility;
      long voters;
      double ratio;  // money ÷ utility, rounded: orders pairs that are far apart
    };
    std::vector<Pair> by_ratio;
    by_ratio.reserve(pairs.size());
    mpz_class rest = 0;
    for (const LevelPair& pair : pairs) {
      const size_t level = static_cast<size_t>(pair.key >> 32);
      const size_t u = pair.key & 0xffffffffu;
      rest += whole_utility_[u] * pair.voters;
      by_ratio.push_back({&money.Whole(level), &whole_utility_[u], pair.voters,
                          money.RoundedMoney(level) / rounded_utility_[u]});
    }
    // Poorest first by money ÷ utility. The rounded ratios decide only when they are more than
    // a millionth apart (far beyond their rounding error); closer ones are compared exactly,
    // without dividing (utilities are positive). A heap: usually only the first few are taken.
    const auto richer = [](const Pair& a, const Pair& b) {
      if (a.ratio > b.ratio * (1 + 1e-6) + 1e-300) return true;
      if (b.ratio > a.ratio * (1 + 1e-6) + 1e-300) return false;
      if (a.utility == b.utility) return *b.money < *a.money;
      return *b.money * *a.utility < *a.money * *b.utility;
    };
    std::make_heap(by_ratio.begin(), by_ratio.end(), richer);
    // The poorest pay all they have while that is below σ·U; the first pair that can pay σ·U
    // fixes σ = (cost - paid) / rest, and the rest can pay it too. If none can, all they have
    // is less than the cost.
    mpz_class paid = 0;
    const mpz_class& cost = money.Cost(p);
    for (auto end = by_ratio.end(); end != by_ratio.begin(); --end) {
      std::pop_heap(by_ratio.begin(), end, richer);
      const Pair& pair = *(end - 1);
      const mpz_class owed = cost - paid;
      if (owed * *pair.utility <= *pair.money * rest) {
        Fraction sigma{owed, rest};
        mpz_class common;
        mpz_gcd(common.get_mpz_t(), sigma.num.get_mpz_t(), sigma.den.get_mpz_t());
        sigma.num /= common;
        sigma.den /= common;
        sigma.rounded = Quotient(sigma.num, sigma.den, money.Denominator());
        return sigma;
      }
      paid += *pair.money * pair.voters;
      rest -= *pair.utility * pair.voters;
    }
    return std::nullopt;
  }

  const Instance& instance_;
  std::vector<bool> candidate_;                             // supported, and of positive cost
  std::vector<mpq_class> utilities_;                        // the distinct utilities
  std::vector<mpz_class> whole_utility_;                    // each times their common denominator
  std::vector<double> rounded_utility_;                     // each, rounded
  std::vector<std::vector<std::pair<int, int>>> supports_;  // group → (project, utility)
  std::vector<std::vector<std::pair<size_t, int>>> utility_of_;  // project → (group, utility)
  mutable std::vector<int> first_;  // PairsOf's table: level → its last pair, or -1 (all -1)
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
