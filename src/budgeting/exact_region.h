// The region of an exact run of the Method of Equal Shares: how far every voter's start money
// can rise with the same projects chosen in the same order, proven in exact arithmetic. The
// add1 and budget+1% completions skip the starts within it. Runs in floating point prove a
// reach of their own (bracketed_run.h); this serves the runs they cannot decide, and every run
// with points utility, where no floating-point run exists.
#pragma once

#include <optional>
#include <vector>

#include "budgeting/rules_internal.h"

namespace andel::budgeting::internal {

// Set up once per completion: which projects each ballot group supports, and each project's
// total utility.
class ExactRegion {
 public:
  ExactRegion(const Instance& instance, const Utilities& u);

  // For the run of MES from `start` that chose `order` at the prices `rho` (parallel): the
  // least start above which a run may choose otherwise. Every start s with start ≤ s < until
  // chooses the same; nothing if every s ≥ start does; `start` itself if the run proves no more,
  // or no more than up to `floor` (the next step's start: a region ending there skips nothing,
  // and the proof stops as soon as that is certain).
  std::optional<mpq_class> Until(const mpq_class& start, const std::vector<int>& order,
                                 const std::vector<mpq_class>& rho, const mpq_class& floor) const;

 private:
  const Instance& instance_;
  const Utilities& u_;
  std::vector<bool> candidate_;                // supported, and of positive cost
  std::vector<std::vector<int>> projects_of_;  // ballot group → candidates it supports
  std::vector<long> voters_;                   // project → its supporters' voters
  std::vector<mpq_class> total_utility_;       // project → Σ voters·utility
};

}  // namespace andel::budgeting::internal
