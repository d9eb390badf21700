// Funds: amounts, ballots and their checks, and the groups of voters the result page charts
// (what they paid adds up to what the funded projects cost).
#include "funds/fund.h"

#include <gtest/gtest.h>

#include <random>

namespace andel::funds {
namespace {

TEST(Funds, AmountsAreExactDecimals) {
  EXPECT_EQ(AmountText(*ParseAmount("12500", "amount")), "12500");
  EXPECT_EQ(AmountText(*ParseAmount("12500,5", "amount")), "12500.5");
  EXPECT_EQ(AmountText(*ParseAmount(" 0.05 ", "amount")), "0.05");
  for (const char* bad : {"", "-5", "0", "1.234", "1,2,3", "12a", "1.", "99999999999999999999"}) {
    Result<mpq_class> parsed = ParseAmount(bad, "amount");
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().where, "amount");
  }
}

TEST(Funds, BallotsAreCheckedAgainstTheFund) {
  Fund fund;
  fund.amount = 1000;
  std::vector<Project> feasible(3);
  for (int i = 0; i < 3; ++i) {
    feasible[static_cast<size_t>(i)].id = i + 1;
    feasible[static_cast<size_t>(i)].cost = 400;
  }
  Ballot ballot;
  ballot.projects = {1, 2};
  EXPECT_TRUE(CheckBallot(fund, feasible, ballot).has_value());
  ballot.projects = {1, 2, 3};
  EXPECT_FALSE(CheckBallot(fund, feasible, ballot).has_value());  // 1200 > 1000
  ballot.projects = {1, 1};
  EXPECT_FALSE(CheckBallot(fund, feasible, ballot).has_value());
  ballot.projects = {4};
  EXPECT_FALSE(CheckBallot(fund, feasible, ballot).has_value());
  fund.ballot = BallotKind::kCumulative;
  fund.points = 10;
  ballot.projects = {1, 2, 3};
  ballot.points = {5, 4, 1};
  EXPECT_TRUE(CheckBallot(fund, feasible, ballot).has_value());  // points, not costs, count
  ballot.points = {5, 5, 1};
  EXPECT_FALSE(CheckBallot(fund, feasible, ballot).has_value());
  ballot.points = {5, 0, 1};
  EXPECT_FALSE(CheckBallot(fund, feasible, ballot).has_value());
  ballot.points = {5, 4, 1};
  Result<Ballot> back = ParseBallotText(BallotText(ballot));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->projects, ballot.projects);
  EXPECT_EQ(back->points, ballot.points);
  EXPECT_FALSE(ParseBallotText("1,x").has_value());
  EXPECT_FALSE(ParseBallotText("1:2,3").has_value());
}

// On random votes, under both rules: the groups cover every voter, and what they paid is what
// the funded projects that somebody voted for cost.
TEST(Funds, GroupsOfVotersPayForWhatIsFunded) {
  std::mt19937 random(5);
  for (int round = 0; round < 300; ++round) {
    Fund fund;
    fund.amount = 100 + static_cast<long>(random() % 900);
    fund.rule = round % 2 ? Rule::kGreedy : Rule::kMes;
    fund.ballot = round % 3 == 0 ? BallotKind::kCumulative : BallotKind::kApproval;
    std::vector<Project> projects(1 + random() % 6);
    for (size_t i = 0; i < projects.size(); ++i) {
      projects[i].id = static_cast<int64_t>(i) + 1;
      projects[i].cost = 1 + static_cast<long>(random() % 400);
    }
    std::vector<Ballot> ballots(random() % 12);
    for (Ballot& b : ballots) {
      for (const Project& p : projects) {
        if (random() % 2) continue;
        b.projects.push_back(p.id);
        if (fund.ballot == BallotKind::kCumulative) b.points.push_back(1 + random() % 3);
      }
    }
    const budgeting::Instance instance = ToInstance(fund, projects, ballots);
    Result<budgeting::Outcome> outcome = Share(fund, instance);
    ASSERT_TRUE(outcome.has_value());
    EXPECT_LE(outcome->total_cost, fund.amount);
    Result<std::vector<VoterGroup>> groups = GroupsOfVoters(fund, instance, *outcome);
    ASSERT_TRUE(groups.has_value());
    long voters = 0;
    mpq_class paid = 0;
    for (const VoterGroup& g : *groups) {
      voters += g.voters;
      paid += g.paid;
    }
    EXPECT_EQ(voters, static_cast<long>(ballots.size()));
    mpq_class supported = 0;
    for (int p : outcome->selection_order) {
      bool any = false;
      for (const budgeting::Ballot& b : instance.ballots) {
        for (size_t i = 0; i < b.projects.size(); ++i) {
          if (b.projects[i] == p && (b.points.empty() || b.points[i] > 0)) any = true;
        }
      }
      if (any) supported += instance.projects[static_cast<size_t>(p)].cost;
    }
    EXPECT_EQ(paid, supported) << "round " << round;
  }
}

}  // namespace
}  // namespace andel::funds
