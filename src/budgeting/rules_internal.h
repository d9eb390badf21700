// What the rules share inside the budgeting library: each project's supporters and their
// utilities, and the greedy order and walk (a rule of its own and a completion of MES).
#pragma once

#include <string>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"
#include "core/result.h"

namespace andel::budgeting::internal {

struct Utilities {
  // Cost and card utilities: every supporter of project p values it the same, `of_project[p]`;
  // points utility: each supporter its own, `points[p][s]` for the supporter `supporters[p][s]`.
  bool uniform = true;
  std::vector<mpq_class> of_project;
  std::vector<std::vector<int>> supporters;    // project → ballot groups with utility > 0
  std::vector<std::vector<mpq_class>> points;  // project → parallel to supporters (points only)

  const mpq_class& Of(size_t project, size_t supporter) const {
    return uniform ? of_project[project] : points[project][supporter];
  }
};

// kInvalidArgument for points utility on ballots without points.
Result<Utilities> ComputeUtilities(const Instance& instance, Utility utility);

// The greedy order: by id, then stably by total utility ÷ cost, highest first.
std::vector<int> GreedyOrder(const Instance& instance, const Utilities& u, Utility utility);

// Walks `order`, taking every project not yet `selected` that fits in what is left of the budget.
void GreedyWalk(const Instance& instance, const std::vector<int>& order, mpq_class& total,
                std::vector<bool>& selected, Outcome& outcome, const std::string& how);

}  // namespace andel::budgeting::internal
