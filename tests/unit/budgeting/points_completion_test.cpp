// The add1 and budget+1% completions where no floating-point run decides (points utility, and
// amounts outside a double's range): each exact run proves its region (exact_region.h) and the
// completion jumps to the next start where the outcome can change. The start kept and the
// outcome are those of running every step (level_reference.h), and a budget far below the costs,
// which took one exact run per step (hundreds of millions), ends.
#include <gtest/gtest.h>

#include <iostream>
#include <random>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "level_reference.h"
#include "reference_rules.h"
#include "slow_rules.h"

namespace andel::budgeting {
namespace {

const Completion kStepping[] = {Completion::kAdd1, Completion::kAdd1Greedy,
                                Completion::kBudgetPlus1};

// The completion equals the reference that runs every step.
void ExpectEveryStep(const Instance& instance, Utility utility, const std::string& what) {
  for (const Completion completion : kStepping) {
    const reference::Completed want =
        reference::LevelEqualShares(instance, utility, completion, 1000000);
    ASSERT_LT(want.runs, 1000000) << what;
    Result<Outcome> mes = EqualShares(instance, utility, completion);
    ASSERT_TRUE(mes.has_value()) << what;
    const std::string label = what + " " + std::string(Name(completion));
    EXPECT_EQ(mes->start_share, want.start) << label << "\n" << WritePabulib(instance);
    EXPECT_EQ(mes->selection_order, want.order) << label << "\n" << WritePabulib(instance);
    EXPECT_EQ(mes->total_cost, want.total) << label;
  }
}

// Small points instances, where exact ties are common: projects that are copies of another
// (same cost, same supporters, same points: their prices tie at every start), budgets from far
// below the costs to above them.
TEST(PointsCompletion, SkippingEqualsRunningEveryStep) {
  const unsigned seed = 2026;
  std::cout << "seed " << seed << "\n";
  std::mt19937 random(seed);
  long steps = 0;
  for (int round = 0; round < 400; ++round) {
    Instance instance = RandomInstance(random, true, round % 4 == 3);
    if (instance.projects.size() > 1 && random() % 3 == 0) {
      // A copy of project 0 under another id.
      const int copy = static_cast<int>(instance.projects.size());
      instance.projects.push_back(instance.projects[0]);
      instance.projects.back().id = "copy-" + std::to_string(round);
      for (Ballot& ballot : instance.ballots) {
        for (size_t i = 0; i < ballot.projects.size(); ++i) {
          if (ballot.projects[i] != 0) continue;
          ballot.projects.push_back(copy);
          ballot.points.push_back(ballot.points[i]);
          break;
        }
      }
    }
    if (round % 4 == 3) {
      // Large costs: a few thousand steps of add1 at most.
      for (Project& project : instance.projects) project.cost = project.cost / 200 + 1;
      instance.budget = instance.budget / 200 + 1;
    }
    if (round % 5 == 0) instance.budget = instance.budget / 50;  // far below the costs
    const Instance grouped = GroupIdenticalBallots(instance);
    for (const Completion completion : kStepping) {
      steps += reference::LevelEqualShares(grouped, Utility::kPoints, completion, 1000000).runs;
    }
    ExpectEveryStep(grouped, Utility::kPoints, "round " + std::to_string(round));
  }
  EXPECT_GT(steps, 20000);  // the completions take many steps: the jumps are exercised
}

// Budgets far below what the projects need: with points utility every step was one exact run.
//  - Costs of 10⁹, a budget of 10³ and a project nobody votes for that fits: budget+1% goes on
//    until a run costs more than the budget, about 10⁸ steps.
//  - A budget of 10⁹ with a project of that cost that one of three voters supports: add1 goes on
//    until that voter alone has its cost, about 6.7·10⁸ steps.
// Now a run proves that nothing changes until some project's supporters can pay for it, and
// the completion jumps there.
TEST(PointsCompletion, ABudgetFarBelowTheCostsEnds) {
  Instance far;
  far.vote_type = VoteType::kCumulative;
  far.budget = 1000;
  far.projects = {{"a", 1000000000, "", ""},
                  {"b", 999999999, "", ""},
                  {"c", 2000000000, "", ""},
                  {"nobody", 500, "", ""}};
  far.ballots = {{{0, 1, 2}, {5, 3, 2}, 1}, {{1, 2}, {1, 9}, 1}, {{0, 2}, {4, 4}, 1}};
  Instance alone;
  alone.vote_type = VoteType::kCumulative;
  alone.budget = 1000000000;
  alone.projects = {{"d", 1000000000, "", ""}, {"e", mpq_class("1000000000000"), "", ""}};
  alone.ballots = {{{0, 1}, {1, 3}, 1}, {{1}, {2}, 1}, {{1}, {5}, 1}};
  for (const Instance& instance : {far, alone}) {
    for (const Completion completion : kStepping) {
      Result<Outcome> mes = EqualShares(instance, Utility::kPoints, completion);
      ASSERT_TRUE(mes.has_value());
      const reference::Completed want =
          reference::ReferenceEqualShares(instance, Utility::kPoints, completion);
      EXPECT_EQ(mes->start_share, want.start) << Name(completion);
      EXPECT_EQ(mes->selection_order, want.order) << Name(completion);
      EXPECT_LE(mes->total_cost, instance.budget);
    }
  }
  // Where the completions stop: budget+1% just before a, b or c is bought; add1 once d is.
  EXPECT_GT(EqualShares(far, Utility::kPoints, Completion::kBudgetPlus1)->start_share, 100000000);
  const mpq_class start = EqualShares(alone, Utility::kPoints, Completion::kAdd1)->start_share;
  EXPECT_GE(start, 1000000000);
  EXPECT_LT(start, 1000000001);
}

// Amounts far outside a double's range take the exact path with every utility, and add1 steps
// of one unit: 2¹¹⁰⁰-sized costs took about as many runs.
TEST(PointsCompletion, Add1OnAmountsFarOutsideDoublesEnds) {
  const mpz_class big = mpz_class(1) << 1100;
  Instance instance;
  instance.vote_type = VoteType::kCumulative;
  instance.budget = mpq_class(100 * big);
  for (int p = 0; p < 4; ++p) {
    instance.projects.push_back({"p" + std::to_string(p), mpq_class((10 + 15 * p) * big), "", ""});
  }
  for (int v = 0; v < 5; ++v) {
    // Each project a different number of supporters: with cost utility no two prices tie at
    // every start (the reference steps one at a time through such a tie).
    instance.ballots.push_back({{v % 4, (v + 1) % 4}, {1 + v % 3, 2}, 1 + v});
  }
  for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
    for (const Completion completion : kStepping) {
      Result<Outcome> mes = EqualShares(instance, utility, completion);
      ASSERT_TRUE(mes.has_value());
      const reference::Completed want =
          reference::ReferenceEqualShares(instance, utility, completion);
      EXPECT_EQ(mes->start_share, want.start) << Name(utility) << " " << Name(completion);
      EXPECT_EQ(mes->selection_order, want.order) << Name(utility) << " " << Name(completion);
    }
  }
}

}  // namespace
}  // namespace andel::budgeting
