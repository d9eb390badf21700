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

// Scratch for pricing with money as levels (wallets.cpp, bracketed_run.cpp): the voters per
// level among one project's supporters, and which levels were counted, so that clearing costs
// only what was counted.
struct LevelCounts {
  std::vector<long> count;   // level → voters counted
  std::vector<int> touched;  // the levels counted

  // Counts the ballot groups `supporters` by their level, each with its weight (voters); there
  // are `levels` levels.
  void Add(const std::vector<int>& supporters, const std::vector<int>& level_of,
           const std::vector<long>& weight, size_t levels) {
    count.resize(levels, 0);
    for (int g : supporters) {
      const size_t l = static_cast<size_t>(level_of[static_cast<size_t>(g)]);
      if (count[l] == 0) touched.push_back(static_cast<int>(l));
      count[l] += weight[static_cast<size_t>(g)];
    }
  }
  void Clear() {
    for (int l : touched) count[static_cast<size_t>(l)] = 0;
    touched.clear();
  }
};

// kInvalidArgument for points utility on ballots without points.
Result<Utilities> ComputeUtilities(const Instance& instance, Utility utility);

// True if a run of MES in which every voter starts with `start` keeps its amounts in the range
// where floating point's relative error bounds hold: the start and every candidate's cost and
// utility are 0 or within [2⁻²⁵⁶, 2²⁵⁶] (with at most 2⁴⁰ voters, every sum, due and price then
// stays far from overflow and underflow; money that drops below that is compared to dues far
// above it). Where it is false the wallets and the completions use exact arithmetic alone.
bool FitsDoubles(const Instance& instance, const Utilities& u, const mpq_class& start);

// The greedy order: by id, then stably by total utility ÷ cost, highest first.
std::vector<int> GreedyOrder(const Instance& instance, const Utilities& u, Utility utility);

// Walks `order`, taking every project not yet `selected` that fits in what is left of the budget.
void GreedyWalk(const Instance& instance, const std::vector<int>& order, mpq_class& total,
                std::vector<bool>& selected, Outcome& outcome, const std::string& how);

}  // namespace andel::budgeting::internal
