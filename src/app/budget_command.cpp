#include "app/budget_command.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/commands.h"
#include "budgeting/pabulib.h"
#include "budgeting/rules.h"

namespace andel::app {
namespace {

namespace json = boost::json;
using namespace andel::budgeting;

json::object ExplanationJson(const Explanation& e) {
  json::object out{{"funded", e.funded}};
  if (e.funded) {
    out["by"] = e.how;
    out[e.how == "mes" ? "round" : "position"] = e.round;
    if (e.rho) out["rho"] = ExactText(*e.rho);
    if (e.how == "mes") {
      out["payers"] = e.payers;
      out["paid_by_those_who_spent_all_they_had"] = ExactText(e.paid_in_full);
    }
  } else {
    out["reason"] = e.reason;
    if (e.round) out["round"] = e.round;
    if (e.supporters_money) out["supporters_money"] = ExactText(*e.supporters_money);
    if (e.cost) out["cost"] = ExactText(*e.cost);
  }
  return out;
}

std::string Words(const Instance& instance, const Project& project, const Explanation& e) {
  const std::string name = project.id + (project.name.empty() ? "" : " (" + project.name + ")");
  if (e.funded && e.how == "mes") {
    return name + " was funded in round " + std::to_string(e.round) +
           " of the Method of Equal Shares at " + ExactText(*e.rho) + " per unit of utility; " +
           std::to_string(e.payers) + " supporters paid for it, " + ExactText(e.paid_in_full) +
           " of it by supporters who spent all they had left.";
  }
  if (e.funded) {
    return name + " was funded by the greedy " +
           std::string(e.how == "completion" ? "completion" : "rule") + ", at position " +
           std::to_string(e.round) + " in its order.";
  }
  if (e.reason == "unaffordable") {
    return name + " was not funded: in round " + std::to_string(e.round) +
           " its supporters had only " + ExactText(*e.supporters_money) + " " + instance.currency +
           " left, and it costs " + ExactText(*e.cost) + ".";
  }
  if (e.reason == "did_not_fit") {
    return name + " was not funded: at position " + std::to_string(e.round) +
           " it did not fit in what was left of the budget.";
  }
  if (e.reason == "no_support") return name + " was not funded: nobody voted for it.";
  return name + " was not funded.";
}

}  // namespace

int RunBudget(const BudgetCommand& command) {
  std::ifstream in(command.file, std::ios::binary);
  if (!in) {
    std::cerr << "andel budget: cannot read the file (" << command.file << ")\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  Result<Instance> read = ReadPabulib(text.str());
  if (!read) {
    std::cerr << "andel budget: " << read.error().message << " (" << read.error().where << ")\n";
    return 2;
  }
  const Instance instance = GroupIdenticalBallots(*read);
  Result<Utility> utility = ParseUtility(command.utility);
  Result<Completion> completion = ParseCompletion(command.completion);
  if (!utility || !completion || (command.rule != "greedy" && command.rule != "mes")) {
    std::cerr << "andel budget: "
              << (!utility      ? utility.error().message
                  : !completion ? completion.error().message
                                : std::string("the rule is greedy or mes"))
              << "\n";
    return 2;
  }
  Result<Outcome> outcome = command.rule == "greedy" ? Greedy(instance, *utility)
                                                     : EqualShares(instance, *utility, *completion);
  if (!outcome) {
    std::cerr << "andel budget: " << outcome.error().message << " (" << outcome.error().where
              << ")\n";
    return 2;
  }
  if (!command.explain.empty()) {
    const int p = instance.IndexOf(command.explain);
    if (p < 0) {
      std::cerr << "andel budget: no such project (" << command.explain << ")\n";
      return 2;
    }
    std::cout << Words(instance, instance.projects[static_cast<size_t>(p)],
                       outcome->explanations[p])
              << "\n";
    return 0;
  }
  json::array selected, order;
  for (const std::string& id : SelectedIds(instance, *outcome))
    selected.push_back(json::string(id));
  for (int p : outcome->selection_order)
    order.push_back(json::string(instance.projects[static_cast<size_t>(p)].id));
  json::object explanations;
  for (const auto& [p, e] : outcome->explanations) {
    explanations[instance.projects[static_cast<size_t>(p)].id] = ExplanationJson(e);
  }
  std::cout << json::serialize(json::object{
                   {"rule", command.rule},
                   {"utility", command.utility},
                   {"completion", command.rule == "greedy" ? "none" : command.completion},
                   {"budget", ExactText(instance.budget)},
                   {"selected", std::move(selected)},
                   {"selection_order", std::move(order)},
                   {"total_cost", ExactText(outcome->total_cost)},
                   {"explanations", std::move(explanations)}})
            << "\n";
  return 0;
}

void AddBudgetCommand(CLI::App& cli, int& exit_code) {
  CLI::App* budget = cli.add_subcommand(
      "budget", "Share out the budget of a Pabulib file (.pb) with a rule; JSON with explanations");
  auto command = std::make_shared<BudgetCommand>();
  budget->add_option("--rule", command->rule, "greedy or mes")->capture_default_str();
  budget->add_option("--utility", command->utility, "cost, card or points")->capture_default_str();
  budget
      ->add_option("--completion", command->completion,
                   "for mes: none, add1, greedy, add1+greedy or budget+1%")
      ->capture_default_str();
  budget->add_option("--explain", command->explain, "print one project's explanation");
  budget->add_option("file", command->file, "the Pabulib file")->required();
  budget->callback([command, &exit_code] { exit_code = RunBudget(*command); });
}

}  // namespace andel::app
