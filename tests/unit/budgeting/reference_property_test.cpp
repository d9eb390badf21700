// The plain references against the definition, the level reference of the every-file test
// against the plain one, and every rule × utility × completion against the references, on many
// small random instances with the awkward parts an Instance can hold: projects named several
// times on a ballot, empty ballots, costs of 0, budgets of 0, tiny and huge. The seed is fixed
// and printed.
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

constexpr unsigned kSeed = 1313;

// A random instance with repeats, empty ballots, free projects and odd budgets.
Instance AwkwardInstance(std::mt19937& random, bool cumulative) {
  Instance instance = RandomInstance(random, cumulative, random() % 4 == 0);
  instance.meta["vote_type"] = cumulative ? "cumulative" : "approval";
  for (Ballot& ballot : instance.ballots) {
    if (ballot.projects.empty() || random() % 3 != 0) continue;
    const size_t i = random() % ballot.projects.size();
    const int times = 1 + static_cast<int>(random() % 3);
    for (int t = 0; t < times; ++t) {
      ballot.projects.push_back(ballot.projects[i]);
      if (cumulative) ballot.points.push_back(mpq_class(static_cast<long>(random() % 3)));
    }
  }
  if (random() % 3 == 0) instance.ballots.push_back({});
  if (random() % 4 == 0 && !instance.projects.empty()) {
    instance.projects[random() % instance.projects.size()].cost = 0;
  }
  switch (random() % 8) {
    case 0:
      instance.budget = 0;
      break;
    case 1:
      // Far below the costs: with points utility (no floating-point runs, so no reach) budget+1%
      // would take thousands of exact runs per instance.
      if (!cumulative) instance.budget /= 1000;
      break;
    default:
      break;
  }
  return instance;
}

// add1 takes one run per unit of money a voter gains: keep it to instances with small costs.
bool SmallCosts(const Instance& instance) {
  for (const Project& project : instance.projects) {
    if (project.cost > 400) return false;
  }
  return true;
}

TEST(ReferenceRules, TheReferenceMesIsTheDefinitionAndItsRegionHolds) {
  std::cout << "seed " << kSeed << "\n";
  std::mt19937 random(kSeed);
  int inside = 0;
  for (int round = 0; round < 300; ++round) {
    const bool cumulative = round % 3 == 0;
    const Instance instance = AwkwardInstance(random, cumulative);
    const long n = instance.VoterCount();
    const mpq_class share = n ? mpq_class(instance.budget / n) : mpq_class(0);
    for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
      if (utility == Utility::kPoints && !cumulative) continue;
      // SlowMes reads a repeated project at its first position, so it gets the merged ballots.
      Result<Instance> merged = ReadPabulib(WritePabulib(instance));
      ASSERT_TRUE(merged.has_value())
          << merged.error().message << " " << merged.error().where << "\n"
          << WritePabulib(instance);
      const mpq_class start = share + share * static_cast<long>(random() % 100) / 50;
      const reference::Run run = reference::ReferenceMes(instance, utility, start);
      ASSERT_EQ(run.order, SlowMes(*merged, utility, start))
          << "seed " << kSeed << " round " << round << "\n"
          << WritePabulib(instance);
      // Starts inside the region choose the same.
      const mpq_class end = run.until ? *run.until : start * 4 + 10;
      if (end <= start) continue;
      ++inside;
      for (const long f : {1, 250, 500, 999}) {
        const mpq_class later = start + (end - start) * f / 1000;
        EXPECT_EQ(SlowMes(*merged, utility, later), run.order)
            << "seed " << kSeed << " round " << round << " at " << f << "/1000 of the region";
      }
    }
  }
  EXPECT_GT(inside, 100);
}

// The level reference (whole numbers over a common denominator, stale prices as lower bounds,
// rounded values ordering what is far apart) chooses what the plain one does, run by run, at
// starts from a tenth of the budget's share to five times it.
TEST(ReferenceRules, TheLevelReferenceIsThePlainOne) {
  std::cout << "seed " << kSeed + 2 << "\n";
  std::mt19937 random(kSeed + 2);
  for (int round = 0; round < 400; ++round) {
    const bool cumulative = round % 3 == 0;
    const Instance instance = GroupIdenticalBallots(AwkwardInstance(random, cumulative));
    const long n = instance.VoterCount();
    const mpq_class share = n ? mpq_class(instance.budget / n) : mpq_class(0);
    for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
      if (utility == Utility::kPoints && !cumulative) continue;
      const reference::LevelMes level(instance, utility);
      for (int k = 0; k < 4; ++k) {
        const mpq_class start = share * static_cast<long>(1 + random() % 50) / 10 + k;
        const reference::LevelRun run = level.Run(start);
        const reference::Run want = reference::ReferenceMes(instance, utility, start);
        ASSERT_EQ(run.order, want.order) << "seed " << kSeed + 2 << " round " << round << " "
                                         << Name(utility) << " start " << start << "\n"
                                         << WritePabulib(instance);
      }
    }
  }
}

TEST(ReferenceRules, EveryRuleIsTheReferenceOnAwkwardInstances) {
  std::cout << "seed " << kSeed + 1 << "\n";
  std::mt19937 random(kSeed + 1);
  for (int round = 0; round < 250; ++round) {
    const bool cumulative = round % 3 == 0;
    const Instance instance = AwkwardInstance(random, cumulative);
    const std::string what = "seed " + std::to_string(kSeed + 1) + " round " +
                             std::to_string(round) + "\n" + WritePabulib(instance);
    for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
      if (utility == Utility::kPoints && !cumulative) continue;
      Result<Outcome> greedy = Greedy(instance, utility);
      ASSERT_TRUE(greedy.has_value()) << what;
      std::vector<int> order;
      mpq_class total = 0;
      reference::ReferenceGreedyWalk(instance, utility, order, total);
      EXPECT_EQ(greedy->selection_order, order) << what;
      for (const Completion completion : {Completion::kNone, Completion::kAdd1, Completion::kGreedy,
                                          Completion::kAdd1Greedy, Completion::kBudgetPlus1}) {
        const bool add1 = completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy;
        if (add1 && !SmallCosts(instance)) continue;
        Result<Outcome> mes = EqualShares(instance, utility, completion);
        ASSERT_TRUE(mes.has_value()) << what;
        const reference::Completed want =
            reference::ReferenceEqualShares(instance, utility, completion);
        EXPECT_EQ(mes->selection_order, want.order)
            << what << Name(utility) << " " << Name(completion);
        EXPECT_LE(mes->total_cost, instance.budget) << what;
        if (completion != Completion::kGreedy && completion != Completion::kNone) {
          EXPECT_EQ(mes->start_share, want.start)
              << what << Name(utility) << " " << Name(completion);
        }
      }
    }
  }
}

}  // namespace
}  // namespace andel::budgeting
