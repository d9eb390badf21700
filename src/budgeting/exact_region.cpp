// The region of an exact run of MES, proven in exact arithmetic.
//
// The argument (the reference of tests/unit/budgeting/reference_rules.h makes it too). Think of
// each ballot group's money as a function of the start s: m(s) = m + dm·(s − s₀), with dm = 1
// at the start. As long as every comparison the run made at s₀ comes out the same, a round's
// winner w is paid for by the same supporters paying all they have (C, those with m < ρ·u) and
// the same paying the due, and its price ρ(s) = (cost − Σ_C n·m(s)) ÷ Σ_rest n·u is linear in s,
// and so is every group's money afterwards. Each comparison is a linear function of s that must
// keep its sign; the region ends where one would change sign:
//  - a group in C keeps ρ·u ≥ m, one outside it m ≥ ρ·u (a tie pays the same either way);
//  - every other project q stays dearer than w: at w's price its supporters raise
//    R(s) = Σ n·min(m(s), ρ(s)·u_q) < cost_q, or R(s) ≤ cost_q where w's id comes first (a tie
//    in ρ is decided by id). R is at most each of three linear functions: the sum of the pieces
//    that are the minimum at s₀, ρ(s)·Σ n·u_q, and the money q's supporters have, Σ n·m(s); the
//    region holds as far as any one of them stays below the cost. (With ≤, a bound made of money
//    alone is taken strictly: if q's supporters had exactly its cost, q's price would be the
//    highest money ÷ utility among them, below ρ. Where a bound has a due piece and equals the
//    cost, q's price cannot be below ρ: all its supporters would pay less than their due, and
//    R would be below that bound.)
//  - after the last round every project left stays unaffordable: Σ n·m(s) < cost.
// A round in which the winner's supporters have exactly its cost ends the region at s₀.
//
// Two passes over the rounds: the first takes the winners' and the last round's conditions; the
// second the projects that must stay dearer, where the sum of pieces (a walk over q's
// supporters) is worked out only if the two cheap bounds do not already reach beyond the region
// found so far.
#include "budgeting/exact_region.h"

namespace andel::budgeting::internal {
namespace {

using Limit = std::optional<mpq_class>;  // a start; nothing: no limit

// The least s ≥ start at which a + b·(s − start), to stay ≥ 0 (`strict`: > 0), may no longer:
// `start` if it already fails there, nothing if it never does. (The region ends before it.)
Limit LimitOf(const mpq_class& start, const mpq_class& a, const mpq_class& b, bool strict) {
  if (a < 0 || (strict && a == 0)) return start;
  if (b >= 0) return std::nullopt;
  return mpq_class(start - a / b);
}

// Lowers `until` to `limit`.
void Lower(Limit& until, const Limit& limit) {
  if (limit && (!until || *limit < *until)) until = *limit;
}

// The later of two limits (either condition is enough).
Limit Later(const Limit& a, const Limit& b) {
  if (!a || !b) return std::nullopt;
  return *a < *b ? b : a;
}

// True if `limit` lies at or beyond `until`: it cannot lower it.
bool Beyond(const Limit& limit, const Limit& until) {
  return !limit || (until && *limit >= *until);
}

}  // namespace

ExactRegion::ExactRegion(const Instance& instance, const Utilities& u)
    : instance_(instance),
      u_(u),
      candidate_(instance.projects.size(), false),
      projects_of_(instance.ballots.size()),
      voters_(instance.projects.size(), 0),
      total_utility_(instance.projects.size()) {
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    candidate_[p] = !u.supporters[p].empty() && instance.projects[p].cost > 0;
    if (!candidate_[p]) continue;
    for (size_t s = 0; s < u.supporters[p].size(); ++s) {
      const size_t g = static_cast<size_t>(u.supporters[p][s]);
      projects_of_[g].push_back(static_cast<int>(p));
      voters_[p] += instance.ballots[g].count;
      total_utility_[p] += u.Of(p, s) * instance.ballots[g].count;
    }
  }
}

std::optional<mpq_class> ExactRegion::Until(const mpq_class& start, const std::vector<int>& order,
                                            const std::vector<mpq_class>& rho,
                                            const mpq_class& floor) const {
  const size_t groups = instance_.ballots.size();
  const size_t projects = instance_.projects.size();
  const auto weight = [&](size_t g) { return instance_.ballots[g].count; };
  Limit until;
  // One pass over the rounds; `dearer`: the second one.
  const auto pass = [&](bool dearer) {
    std::vector<mpq_class> money(groups, start), slope(groups, mpq_class(1));
    std::vector<mpq_class> available(projects), available_slope(projects);
    std::vector<bool> left = candidate_;
    for (size_t p = 0; p < projects; ++p) {
      available[p] = start * voters_[p];
      available_slope[p] = voters_[p];
    }
    std::vector<bool> capped;
    for (size_t r = 0; r < order.size(); ++r) {
      const size_t w = static_cast<size_t>(order[r]);
      const mpq_class& price = rho[r];
      const mpq_class& cost = instance_.projects[w].cost;
      const std::vector<int>& supporters = u_.supporters[w];
      if (available[w] == cost) return false;  // everyone pays all they have: only s₀
      // Who pays all they have, and how fast the price moves with the start.
      capped.assign(supporters.size(), false);
      mpq_class capped_slope = 0, rest = 0;
      for (size_t s = 0; s < supporters.size(); ++s) {
        const size_t g = static_cast<size_t>(supporters[s]);
        capped[s] = money[g] < price * u_.Of(w, s);
        if (capped[s]) {
          capped_slope += slope[g] * weight(g);
        } else {
          rest += u_.Of(w, s) * weight(g);
        }
      }
      // More money than the cost: someone pays less than all they have, so rest > 0.
      const mpq_class price_slope = -capped_slope / rest;
      if (!dearer) {
        for (size_t s = 0; s < supporters.size(); ++s) {
          const size_t g = static_cast<size_t>(supporters[s]);
          const mpq_class due = price * u_.Of(w, s), due_slope = price_slope * u_.Of(w, s);
          Lower(until, capped[s] ? LimitOf(start, due - money[g], due_slope - slope[g], false)
                                 : LimitOf(start, money[g] - due, slope[g] - due_slope, false));
          if (until && *until <= floor) return false;
        }
      }
      left[w] = false;
      for (size_t q = 0; dearer && q < projects; ++q) {
        if (!left[q]) continue;
        const mpq_class& cost_q = instance_.projects[q].cost;
        const bool strict = instance_.projects[q].id < instance_.projects[w].id;
        Limit limit = Later(LimitOf(start, cost_q - price * total_utility_[q],
                                    -price_slope * total_utility_[q], strict),
                            LimitOf(start, cost_q - available[q], -available_slope[q], true));
        if (Beyond(limit, until)) continue;
        mpq_class raised = 0, raised_slope = 0;
        bool due_piece = false;
        for (size_t s = 0; s < u_.supporters[q].size(); ++s) {
          const size_t g = static_cast<size_t>(u_.supporters[q][s]);
          const mpq_class due = price * u_.Of(q, s), due_slope = price_slope * u_.Of(q, s);
          // The piece that is the minimum at s₀ (at a tie, the slower one: both bound it).
          const bool by_money = money[g] < due || (money[g] == due && slope[g] <= due_slope);
          due_piece = due_piece || !by_money;
          raised += (by_money ? money[g] : due) * weight(g);
          raised_slope += (by_money ? slope[g] : due_slope) * weight(g);
        }
        limit = Later(limit, LimitOf(start, cost_q - raised, -raised_slope, strict || !due_piece));
        Lower(until, limit);
        if (until && *until <= floor) return false;
      }
      // Pay: those in C all they have, the rest the due; each project they support follows.
      for (size_t s = 0; s < supporters.size(); ++s) {
        const size_t g = static_cast<size_t>(supporters[s]);
        mpq_class next = 0, next_slope = 0;
        if (!capped[s]) {
          next = money[g] - price * u_.Of(w, s);
          next_slope = slope[g] - price_slope * u_.Of(w, s);
        }
        const mpq_class change = (next - money[g]) * weight(g);
        const mpq_class change_slope = (next_slope - slope[g]) * weight(g);
        for (int q : projects_of_[g]) {
          available[static_cast<size_t>(q)] += change;
          available_slope[static_cast<size_t>(q)] += change_slope;
        }
        money[g] = std::move(next);
        slope[g] = std::move(next_slope);
      }
    }
    if (!dearer) {
      for (size_t q = 0; q < projects; ++q) {
        if (!left[q]) continue;
        Lower(until,
              LimitOf(start, instance_.projects[q].cost - available[q], -available_slope[q], true));
      }
    }
    return !(until && *until <= floor);
  };
  if (!pass(false) || !pass(true)) return start;
  return until;
}

}  // namespace andel::budgeting::internal
