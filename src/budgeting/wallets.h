// Voters' money during a run of the Method of Equal Shares: pricing a project (exactly, or
// bracketed in floating point with a proven error bound) and paying for it.
//
// Where the time goes and how it is kept exact: with cost or card utility every supporter of a
// project values it the same, so a supporter's share of a price depends only on the money they
// have left. Voters' money is therefore kept as an index into a table of distinct amounts
// ("levels"); a purchase turns each level among the project's supporters into one new level, so
// the exact subtraction is done once per level, not once per voter. Pricing a project counts its
// supporters per level with integers and does the rational arithmetic once per level. With
// points utility each supporter's share differs, and money is kept per ballot group.
#pragma once

#include <memory>
#include <optional>

#include "budgeting/rules_internal.h"

namespace andel::budgeting::internal {

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

// Wallets for a run in which every voter starts with `start`: levels for uniform utilities,
// money per ballot group for points.
std::unique_ptr<Wallets> MakeWallets(const Instance& instance, const Utilities& u,
                                     const mpq_class& start);

}  // namespace andel::budgeting::internal
