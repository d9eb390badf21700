// The completions' fast path: runs in certified floating point choose what the exact run
// chooses, their reach holds, and the completions that skip by it keep the start the
// definition's one-run-per-step keeps.
#include <gtest/gtest.h>

#include <random>

#include "budgeting/bracketed_run.h"
#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "budgeting/rules_internal.h"
#include "slow_rules.h"

namespace andel::budgeting {
namespace {

TEST(Completions, BracketedRunsChooseAsTheDefinitionAndTheirReachHolds) {
  std::mt19937 random(11);
  int bracketed = 0, reached = 0;
  for (int round = 0; round < 400; ++round) {
    const Instance instance = RandomInstance(random, false, round % 2 == 1);
    const long n = instance.VoterCount();
    if (n == 0) continue;
    const Utility utility = round % 4 < 2 ? Utility::kCost : Utility::kCard;
    Result<internal::Utilities> u = internal::ComputeUtilities(instance, utility);
    ASSERT_TRUE(u.has_value());
    // Somewhere between the fair share and three times it.
    const mpq_class share = instance.budget / n;
    const mpq_class start = share + share * static_cast<long>(random() % 200) / 100;
    const std::optional<internal::BracketedRun> run =
        internal::RunBracketed(instance, *u, start, {start.get_d() / 4, 0});
    const std::vector<int> exact = SlowMes(instance, utility, start);
    if (!run) continue;  // too close to call in floating point: the exact run decides
    ++bracketed;
    ASSERT_EQ(run->order, exact) << "round " << round;
    EXPECT_LE(run->reach, start.get_d() / 4);
    if (run->reach <= 0) continue;
    ++reached;
    for (const double f : {0.25, 0.5, 0.75, 0.999}) {
      const mpq_class later = start + mpq_class(run->reach * f);
      EXPECT_EQ(SlowMes(instance, utility, later), exact)
          << "round " << round << ", " << f << " of the reach " << run->reach;
    }
  }
  // The random instances exercise both: most runs are decided in floating point, and most of
  // those prove some reach.
  EXPECT_GT(bracketed, 200);
  EXPECT_GT(reached, bracketed / 2);
}

// The reference runs MES once per step, exactly (the exact run is checked against the
// definition in rules_property_test.cpp), with neither brackets nor skipping.
TEST(Completions, SkippingKeepsTheStartOfOneRunPerStep) {
  std::mt19937 random(12);
  int steps = 0;
  for (int round = 0; round < 300; ++round) {
    // Costs up to a few hundred: add1 takes up to some hundreds of steps, and floating point
    // decides most runs.
    Instance instance = RandomInstance(random, round % 3 == 0, true);
    for (Project& project : instance.projects) project.cost = project.cost / 2000 + 1;
    instance.budget = instance.budget / 2000 + 1;
    const long n = instance.VoterCount();
    for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
      if (utility == Utility::kPoints && instance.vote_type != VoteType::kCumulative) continue;
      Instance scaled = instance;
      const auto run_from = [&](const mpq_class& start) {
        ++steps;
        scaled.budget = start * n;
        return EqualShares(scaled, utility, Completion::kNone)->selection_order;
      };
      for (const Completion completion : {Completion::kAdd1, Completion::kBudgetPlus1}) {
        Result<Outcome> fast = EqualShares(instance, utility, completion);
        ASSERT_TRUE(fast.has_value());
        const mpq_class start = SlowCompletion(instance, utility, completion, run_from);
        EXPECT_EQ(fast->start_share, start)
            << "round " << round << " " << Name(utility) << " " << Name(completion) << "\n"
            << WritePabulib(instance);
        EXPECT_EQ(fast->selection_order, run_from(start));
      }
    }
  }
  EXPECT_GT(steps, 10000);  // the completions take many steps: skipping is exercised
}

}  // namespace
}  // namespace andel::budgeting
