// Runs every budget rule on what the Pabulib reader accepts: greedy and the Method of Equal
// Shares with every completion, each with every utility (points only where ballots carry
// points). The instance is bounded (12 projects, 60 voters, budget and costs below 10^6 with
// small denominators) so that one input runs in milliseconds. Checks: the budget is never
// exceeded, the total is the sum of the selected costs, no project is selected twice, every
// project has its explanation and it agrees with the selection, and payments are per ballot.
#include <cstddef>
#include <cstdint>
#include <set>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "fuzz_support.h"

using andel::fuzz::Check;
namespace budgeting = andel::budgeting;

namespace {

bool SmallNumber(const mpq_class& value) { return abs(value) < 1000000 && value.get_den() <= 1000; }

bool Small(const budgeting::Instance& instance) {
  if (instance.projects.size() > 12 || instance.VoterCount() > 60) return false;
  if (!SmallNumber(instance.budget)) return false;
  for (const budgeting::Project& project : instance.projects) {
    if (!SmallNumber(project.cost)) return false;
  }
  for (const budgeting::Ballot& ballot : instance.ballots) {
    for (const mpq_class& points : ballot.points) {
      if (!SmallNumber(points)) return false;
    }
  }
  return true;
}

void CheckOutcome(const budgeting::Instance& instance, const budgeting::Outcome& outcome,
                  budgeting::Utility utility) {
  const int projects = static_cast<int>(instance.projects.size());
  std::set<int> selected;
  mpq_class total = 0;
  for (int p : outcome.selection_order) {
    Check(p >= 0 && p < projects, "a selected project exists");
    Check(selected.insert(p).second, "no project is selected twice");
    total += instance.projects[static_cast<size_t>(p)].cost;
  }
  Check(total == outcome.total_cost, "the total is the sum of the selected costs");
  Check(outcome.total_cost <= instance.budget, "the budget is never exceeded");
  Check(outcome.explanations.size() == instance.projects.size(), "every project is explained");
  for (const auto& [p, explanation] : outcome.explanations) {
    Check(explanation.funded == (selected.count(p) == 1), "an explanation agrees with the outcome");
  }
  andel::Result<std::vector<mpq_class>> payments =
      budgeting::PaymentsByGroup(instance, outcome, utility);
  if (payments) Check(payments->size() == instance.ballots.size(), "one payment per ballot group");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<budgeting::Instance> instance =
      budgeting::ReadPabulib(andel::fuzz::Text(data, size));
  if (!instance || !Small(*instance)) return 0;
  for (budgeting::Utility utility :
       {budgeting::Utility::kCost, budgeting::Utility::kCard, budgeting::Utility::kPoints}) {
    if (andel::Result<budgeting::Outcome> outcome = budgeting::Greedy(*instance, utility)) {
      CheckOutcome(*instance, *outcome, utility);
    }
    for (budgeting::Completion completion :
         {budgeting::Completion::kNone, budgeting::Completion::kAdd1,
          budgeting::Completion::kGreedy, budgeting::Completion::kAdd1Greedy,
          budgeting::Completion::kBudgetPlus1}) {
      andel::Result<budgeting::Outcome> outcome =
          budgeting::EqualShares(*instance, utility, completion);
      if (outcome) CheckOutcome(*instance, *outcome, utility);
    }
  }
  return 0;
}
