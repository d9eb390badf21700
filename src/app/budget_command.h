// `andel budget --rule greedy|mes [--utility cost|card|points] [--completion …] FILE.pb`: shares
// out the budget of a Pabulib file and prints the outcome with an explanation for every project
// as JSON (exact numbers as "n" or "n/d"); `--explain ID` prints one project's in words.
#pragma once

#include <string>

namespace andel::app {

struct BudgetCommand {
  std::string rule = "mes";
  std::string utility = "cost";
  std::string completion = "none";
  std::string file;
  std::string explain;  // a project id
};

// Returns 0; 1 if the file cannot be read; 2 for bad input.
int RunBudget(const BudgetCommand& command);

}  // namespace andel::app
