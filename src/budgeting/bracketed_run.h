// A run of the Method of Equal Shares in floating point alone, for the many runs of the add1
// and budget+1% completions. Every voter's money is a certified bracket of doubles, a choice is
// made only where the brackets prove it, and the run gives up where they do not (the exact run
// decides then). The run also proves its reach: how far every voter's start money can rise with
// the same projects chosen in the same order, so that a completion can skip those starts.
#pragma once

#include <optional>
#include <vector>

#include "budgeting/rules_internal.h"

namespace andel::budgeting::internal {

// What a run is to prove about its reach: its bounds hold for starts up to `horizon` above its
// own, and a reach at or below `floor` is not worth proving (it is reported as 0).
struct ReachGoal {
  double horizon = 0;
  double floor = 0;
};

struct BracketedRun {
  std::vector<int> order;  // the projects chosen, in order: exactly those of the exact run
  double reach = 0;        // for every start in [start, start + reach) the choices are the same
};

// Cost and card utilities only. Nothing if a choice is too close for the brackets to prove.
std::optional<BracketedRun> RunBracketed(const Instance& instance, const Utilities& u,
                                         const mpq_class& start, ReachGoal goal);

}  // namespace andel::budgeting::internal
