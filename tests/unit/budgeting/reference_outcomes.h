// The outcomes of the textbook reference (level_reference.h) for one Pabulib instance: MES with
// none, add1 and budget+1% for each utility the instance has, and greedy. Computed live by the
// every-file test, or read from tests/unit/budgeting/stored_outcomes/ for the instances on which
// the reference takes too long for every test run (written by andel_pabulib_reference, the same
// computation).
//
// A stored file has one line per outcome:
//   <variant> <rule> <utility> <completion> start=<rational> total=<rational> order=<id> <id> …
// with variant "as-read" or "mutated", rule "mes" or "greedy" (completion "none" for greedy).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"
#include "level_reference.h"
#include "reference_rules.h"

namespace andel::budgeting::reference {

struct Expected {
  std::vector<std::string> order;  // project ids in the order chosen
  mpq_class total;
  mpq_class start;  // MES: each voter's money in the run kept; greedy: 0
};

// The mutations the every-file test also runs: every seventh ballot names its first project
// twice (with its points again on cumulative ballots), three empty ballots, the middle project
// costs 0, and a project nobody votes for costing a third of the budget.
inline Instance Mutate(const Instance& read) {
  Instance instance = read;
  const bool points = !instance.ballots.empty() && !instance.ballots[0].points.empty();
  for (size_t b = 0; b < instance.ballots.size(); b += 7) {
    Ballot& ballot = instance.ballots[b];
    if (ballot.projects.empty()) continue;
    ballot.projects.push_back(ballot.projects.front());
    if (points) ballot.points.push_back(ballot.points.front());
  }
  for (int i = 0; i < 3; ++i) instance.ballots.push_back({});
  if (!instance.projects.empty()) instance.projects[instance.projects.size() / 2].cost = 0;
  const mpz_class third = instance.budget.get_num() / instance.budget.get_den() / 3;
  instance.projects.push_back({"nobody-votes-for-this", mpq_class(third + 1), "", ""});
  return instance;
}

// Keyed by "<rule> <utility> <completion>".
using Outcomes = std::map<std::string, Expected>;

inline std::string OutcomeKey(std::string_view rule, Utility utility, Completion completion) {
  return std::string(rule) + " " + std::string(Name(utility)) + " " + std::string(Name(completion));
}

// The utilities the rules take for `instance`: cost and card, and points for cumulative ballots.
inline std::vector<Utility> UtilitiesOf(const Instance& instance) {
  std::vector<Utility> utilities{Utility::kCost, Utility::kCard};
  if (instance.vote_type == VoteType::kCumulative) utilities.push_back(Utility::kPoints);
  return utilities;
}

// Every outcome for `instance`: greedy by the reference walk, and MES with none, add1 and
// budget+1% as `mes` computes it (a reference's). False as soon as `mes` gives nothing.
inline bool CollectOutcomes(const Instance& instance,
                            const std::function<std::optional<Completed>(Utility, Completion)>& mes,
                            Outcomes& out) {
  const auto ids = [&](const std::vector<int>& order) {
    std::vector<std::string> named;
    for (int p : order) named.push_back(instance.projects[static_cast<size_t>(p)].id);
    return named;
  };
  for (const Utility utility : UtilitiesOf(instance)) {
    std::vector<int> order;
    mpq_class total = 0;
    ReferenceGreedyWalk(instance, utility, order, total);
    out[OutcomeKey("greedy", utility, Completion::kNone)] = {ids(order), total, 0};
    for (const Completion completion :
         {Completion::kNone, Completion::kAdd1, Completion::kBudgetPlus1}) {
      const std::optional<Completed> want = mes(utility, completion);
      if (!want) return false;
      out[OutcomeKey("mes", utility, completion)] = {ids(want->order), want->total, want->start};
    }
  }
  return true;
}

// Every outcome for `instance` (ballots grouped), from the level reference; `runs` adds up the
// runs of MES made. False if a completion would take more than `max_runs` runs.
inline bool ComputeOutcomes(const Instance& instance, long max_runs, Outcomes& out, long& runs) {
  return CollectOutcomes(
      instance,
      [&](Utility utility, Completion completion) -> std::optional<Completed> {
        Completed want = LevelEqualShares(instance, utility, completion, max_runs);
        runs += want.runs;
        if (want.runs >= max_runs) return std::nullopt;
        return want;
      },
      out);
}

inline std::string WriteOutcomes(std::string_view variant, const Outcomes& outcomes) {
  std::string text;
  for (const auto& [key, expected] : outcomes) {
    text += std::string(variant) + " " + key + " start=" + expected.start.get_str() +
            " total=" + expected.total.get_str() + " order=";
    for (size_t i = 0; i < expected.order.size(); ++i) {
      text += (i ? " " : "") + expected.order[i];
    }
    text += "\n";
  }
  return text;
}

// The outcomes of `variant` in a stored file; empty if it has none.
inline Outcomes ReadOutcomes(const std::string& text, std::string_view variant) {
  Outcomes outcomes;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string name, rule, utility, completion, start, total, order;
    fields >> name >> rule >> utility >> completion >> start >> total >> order;
    if (name != variant || !start.starts_with("start=") || !total.starts_with("total=") ||
        !order.starts_with("order=")) {
      continue;
    }
    Expected expected;
    expected.start = mpq_class(start.substr(6));
    expected.total = mpq_class(total.substr(6));
    if (order.size() > 6) expected.order.push_back(order.substr(6));
    for (std::string id; fields >> id;) expected.order.push_back(id);
    outcomes[rule + " " + utility + " " + completion] = std::move(expected);
  }
  return outcomes;
}

}  // namespace andel::budgeting::reference
