// The rules that share out a budget: greedy (most utility per cost first) and the Method of
// Equal Shares with its completions, each with an explanation for every project. Exact.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgeting/instance.h"
#include "core/result.h"

namespace andel::budgeting {

enum class Utility { kCost, kCard, kPoints };
enum class Completion { kNone, kAdd1, kGreedy, kAdd1Greedy, kBudgetPlus1 };

Result<Utility> ParseUtility(std::string_view text);
Result<Completion> ParseCompletion(std::string_view text);
std::string_view Name(Utility utility);
std::string_view Name(Completion completion);

struct Explanation {
  bool funded = false;
  std::string how;               // "mes", "greedy", "completion"
  int round = 0;                 // MES round (from 1) or greedy position (from 1)
  std::optional<mpq_class> rho;  // MES: the price per unit of utility
  long payers = 0;               // MES: voters who paid
  mpq_class paid_in_full;        // MES: by voters who paid all they had left
  std::string reason;            // unfunded: "no_support", "unaffordable", "did_not_fit"
  std::optional<mpq_class> supporters_money;  // unaffordable: what its supporters had left
  std::optional<mpq_class> cost;
};

struct Outcome {
  std::vector<int> selection_order;  // project indices
  mpq_class total_cost;
  mpq_class start_share;  // MES: each voter's money at the start of the run kept (else 0)
  std::map<int, Explanation> explanations;  // every project
};

// kInvalidArgument for points utility on ballots without points.
Result<Outcome> Greedy(const Instance& instance, Utility utility);
Result<Outcome> EqualShares(const Instance& instance, Utility utility, Completion completion);

// What each ballot group paid towards the selected projects: under MES what its supporters paid
// in the round the project was chosen (min(money, ρ·u)); a project funded by greedy (the rule
// or the completion) shared equally among its supporters. Indexed like instance.ballots; the
// amounts are for the whole group (all `count` voters).
Result<std::vector<mpq_class>> PaymentsByGroup(const Instance& instance, const Outcome& outcome,
                                               Utility utility);

// The selected ids in byte-wise order.
std::vector<std::string> SelectedIds(const Instance& instance, const Outcome& outcome);

}  // namespace andel::budgeting
