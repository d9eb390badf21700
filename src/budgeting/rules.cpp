#include "budgeting/rules.h"

#include <algorithm>

namespace andel::budgeting {

Result<Utility> ParseUtility(std::string_view text) {
  if (text == "cost") return Utility::kCost;
  if (text == "card") return Utility::kCard;
  if (text == "points") return Utility::kPoints;
  return Error::InvalidArgument("the utility is cost, card or points", "utility");
}

Result<Completion> ParseCompletion(std::string_view text) {
  if (text == "none") return Completion::kNone;
  if (text == "add1") return Completion::kAdd1;
  if (text == "greedy") return Completion::kGreedy;
  if (text == "add1+greedy") return Completion::kAdd1Greedy;
  if (text == "budget+1%") return Completion::kBudgetPlus1;
  return Error::InvalidArgument("the completion is none, add1, greedy, add1+greedy or budget+1%",
                                "completion");
}

std::string_view Name(Utility utility) {
  return utility == Utility::kCost ? "cost" : utility == Utility::kCard ? "card" : "points";
}

std::string_view Name(Completion completion) {
  switch (completion) {
    case Completion::kNone:
      return "none";
    case Completion::kAdd1:
      return "add1";
    case Completion::kGreedy:
      return "greedy";
    case Completion::kAdd1Greedy:
      return "add1+greedy";
    case Completion::kBudgetPlus1:
      return "budget+1%";
  }
  return "none";
}

std::vector<std::string> SelectedIds(const Instance& instance, const Outcome& outcome) {
  std::vector<std::string> ids;
  for (int p : outcome.selection_order) ids.push_back(instance.projects[static_cast<size_t>(p)].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace andel::budgeting
