// Every rule is total on what an Instance can hold: a project named several times on one
// ballot (the Czestochowa 2020 file has one), empty ballots, projects of cost 0 or nobody's,
// a budget of 0, amounts far outside a double's range, and instances the rules refuse with an
// error (never a crash). Outcomes are compared with the plain references of reference_rules.h.
#include <gtest/gtest.h>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "expect_outcomes.h"

namespace andel::budgeting {
namespace {

const Utility kUtilities[] = {Utility::kCost, Utility::kCard, Utility::kPoints};
const Completion kCompletions[] = {Completion::kNone, Completion::kAdd1, Completion::kGreedy,
                                   Completion::kAdd1Greedy, Completion::kBudgetPlus1};

// Every rule, utility and completion on `instance` equals the plain references (points utility
// only where the ballots have points).
void ExpectEveryRuleAsTheReference(const Instance& instance, const std::string& what) {
  reference::ExpectRulesAsOutcomes(instance, reference::PlainOutcomes(instance), what);
}

Instance Small(VoteType type) {
  Instance instance;
  instance.vote_type = type;
  instance.budget = 100;
  for (int p = 0; p < 4; ++p) {
    instance.projects.push_back({"p" + std::to_string(p), mpq_class(10 + 15 * p), "", ""});
  }
  return instance;
}

// The crash of issue 13: a ballot naming one project four times made a supporter move twice
// when it was paid for, to a level nobody had counted.
TEST(BudgetTotality, ABallotNamingAProjectTwiceCountsItOnce) {
  for (const VoteType type : {VoteType::kApproval, VoteType::kCumulative}) {
    Instance repeated = Small(type);
    Instance once = Small(type);
    const bool points = type == VoteType::kCumulative;
    for (int v = 0; v < 6; ++v) {
      Ballot ballot;
      ballot.projects = {v % 4, 3, 3, 3, 3};
      if (points) ballot.points = {mpq_class(2), mpq_class(1), mpq_class(1), mpq_class(1), 1};
      repeated.ballots.push_back(ballot);
      Ballot merged;
      merged.projects = v % 4 == 3 ? std::vector<int>{3} : std::vector<int>{v % 4, 3};
      if (points) {
        merged.points = v % 4 == 3 ? std::vector<mpq_class>{mpq_class(6)}
                                   : std::vector<mpq_class>{mpq_class(2), mpq_class(4)};
      }
      once.ballots.push_back(merged);
    }
    ExpectEveryRuleAsTheReference(repeated, points ? "cumulative" : "approval");
    for (const Utility utility : kUtilities) {
      if (utility == Utility::kPoints && !points) continue;
      for (const Completion completion : kCompletions) {
        EXPECT_EQ(EqualShares(repeated, utility, completion)->selection_order,
                  EqualShares(once, utility, completion)->selection_order)
            << Name(utility) << " " << Name(completion);
      }
      EXPECT_EQ(Greedy(repeated, utility)->selection_order, Greedy(once, utility)->selection_order);
    }
  }
}

// The real file: voter 13026 names project 579 four times with a point each.
TEST(BudgetTotality, CzestochowaRunsEveryCompletion) {
  Result<Instance> read = ReadPabulib(reference::ReadPabulibData("Poland_Czestochowa_2020.pb"));
  ASSERT_TRUE(read.has_value());
  const int p579 = read->IndexOf("579");
  ASSERT_GE(p579, 0);
  // The reader reads the repeats once, with their points added up.
  bool found = false;
  for (const Ballot& ballot : read->ballots) {
    if (ballot.projects.size() == 1 && ballot.projects[0] == p579 && ballot.points.size() == 1 &&
        ballot.points[0] == 4) {
      found = true;
    }
    std::vector<int> sorted = ballot.projects;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  }
  EXPECT_TRUE(found);
  // The instance as it was read before, repeats and all, as the web's ToInstance could build it.
  Instance raw = *read;
  for (Ballot& ballot : raw.ballots) {
    if (ballot.projects.size() == 1 && ballot.projects[0] == p579 && ballot.points[0] == 4) {
      ballot.projects = {p579, p579, p579, p579};
      ballot.points = {1, 1, 1, 1};
    }
  }
  for (const Instance* instance : {&*read, &raw}) {
    const Instance grouped = GroupIdenticalBallots(*instance);
    for (const Utility utility : {Utility::kCost, Utility::kCard}) {
      for (const Completion completion :
           {Completion::kAdd1, Completion::kAdd1Greedy, Completion::kBudgetPlus1}) {
        Result<Outcome> outcome = EqualShares(grouped, utility, completion);
        ASSERT_TRUE(outcome.has_value());
        EXPECT_LE(outcome->total_cost, grouped.budget);
      }
    }
  }
}

TEST(BudgetTotality, EdgeInstancesFollowTheReference) {
  // Empty ballots, a project nobody votes for, projects of cost 0, and no ballots at all.
  Instance instance = Small(VoteType::kCumulative);
  instance.projects.push_back({"free", 0, "", ""});
  instance.projects.push_back({"nobody", 5, "", ""});
  instance.ballots.push_back({});
  instance.ballots.push_back({{0, 4, 1}, {1, 2, 3}, 2});
  instance.ballots.push_back({{4}, {1}, 1});
  instance.ballots.push_back({{2, 2}, {0, 0}, 1});  // points that add up to nothing
  instance.ballots.push_back({});
  ExpectEveryRuleAsTheReference(instance, "edges");
  // (The reference steps one run at a time through a tie between two projects' prices, so
  // the budgets stay where its region is wide; points_completion_test.cpp goes far below.)
  for (const mpq_class& budget : {mpq_class(0), mpq_class(7), mpq_class(1000000)}) {
    Instance other = instance;
    other.budget = budget;
    ExpectEveryRuleAsTheReference(other, "budget " + budget.get_str());
  }
  Instance empty = instance;
  empty.ballots.clear();
  ExpectEveryRuleAsTheReference(empty, "no ballots");
  Instance nothing;
  nothing.budget = 10;
  ExpectEveryRuleAsTheReference(nothing, "no projects");
}

// Costs and budgets past a double's range take the exact path; the outcome stays the
// definition's.
TEST(BudgetTotality, AmountsFarOutsideDoublesFollowTheReference) {
  const mpz_class big = mpz_class(1) << 1100;
  for (const mpq_class& scale : {mpq_class(big), mpq_class(mpz_class(1), big)}) {
    Instance instance = Small(VoteType::kApproval);
    instance.budget *= scale;
    for (Project& project : instance.projects) project.cost *= scale;
    for (int v = 0; v < 5; ++v) instance.ballots.push_back({{v % 4, (v + 1) % 4}, {}, 1 + v % 2});
    for (const Utility utility : {Utility::kCost, Utility::kCard}) {
      for (const Completion completion :
           {Completion::kNone, Completion::kBudgetPlus1, Completion::kGreedy}) {
        Result<Outcome> mes = EqualShares(instance, utility, completion);
        ASSERT_TRUE(mes.has_value());
        const reference::Completed want =
            reference::ReferenceEqualShares(instance, utility, completion);
        EXPECT_EQ(mes->selection_order, want.order) << Name(utility) << " " << Name(completion);
      }
    }
    if (scale < 1) ExpectEveryRuleAsTheReference(instance, "tiny amounts");
  }
}

TEST(BudgetTotality, InstancesNoRuleCanReadAreRefused) {
  struct Case {
    std::string what;
    Instance instance;
    std::string message;
  };
  std::vector<Case> cases;
  Instance base = Small(VoteType::kApproval);
  base.ballots.push_back({{0, 1}, {}, 1});
  cases.push_back({"negative budget", base, "the budget cannot be negative"});
  cases.back().instance.budget = -1;
  cases.push_back({"negative cost", base, "the cost is not a number"});
  cases.back().instance.projects[1].cost = -3;
  cases.push_back({"unknown project", base, "the vote names an unknown project"});
  cases.back().instance.ballots[0].projects.push_back(4);
  cases.push_back({"negative index", base, "the vote names an unknown project"});
  cases.back().instance.ballots[0].projects.push_back(-1);
  cases.push_back({"no voters", base, "a ballot counts at least one voter"});
  cases.back().instance.ballots[0].count = 0;
  cases.push_back({"too many voters", base, "too many voters"});
  cases.back().instance.ballots.push_back({{0}, {}, std::numeric_limits<long>::max()});
  cases.push_back({"points", base, "the points do not match the projects voted for"});
  cases.back().instance.ballots[0].points = {1};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    for (const Utility utility : kUtilities) {
      Result<Outcome> greedy = Greedy(c.instance, utility);
      ASSERT_FALSE(greedy.has_value());
      EXPECT_EQ(greedy.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(greedy.error().message, c.message);
      for (const Completion completion : kCompletions) {
        Result<Outcome> mes = EqualShares(c.instance, utility, completion);
        ASSERT_FALSE(mes.has_value());
        EXPECT_EQ(mes.error().message, c.message);
      }
    }
  }
}

// The reader: repeats merged (approval and ordinal once, at the first position; points added),
// decimals with leading zeros, and what it refuses, by line.
TEST(PabulibReader, RepeatsDecimalsAndRefusals) {
  const std::string head = "META\nkey;value\nbudget;100\nvote_type;";
  const std::string projects = "\nPROJECTS\nproject_id;cost\na;0.08\nb;10\nc;0.9\n";
  Result<Instance> ordinal =
      ReadPabulib(head + "ordinal" + projects + "VOTES\nvoter_id;vote\n1;b,a,b,c,a\n2;\n");
  ASSERT_TRUE(ordinal.has_value()) << ordinal.error().message;
  EXPECT_EQ(ordinal->ballots[0].projects, (std::vector<int>{1, 0, 2}));
  EXPECT_TRUE(ordinal->ballots[1].projects.empty());
  EXPECT_EQ(ordinal->projects[0].cost, mpq_class(2, 25));
  EXPECT_EQ(ordinal->projects[2].cost, mpq_class(9, 10));
  Result<Instance> cumulative = ReadPabulib(head + "cumulative" + projects +
                                            "VOTES\nvoter_id;vote;points\n1;c,a,c;1,2,3\n2;;\n");
  ASSERT_TRUE(cumulative.has_value()) << cumulative.error().message;
  EXPECT_EQ(cumulative->ballots[0].projects, (std::vector<int>{2, 0}));
  EXPECT_EQ(cumulative->ballots[0].points, (std::vector<mpq_class>{4, 2}));
  EXPECT_TRUE(cumulative->ballots[1].points.empty());
  struct Case {
    std::string text, message, where;
  };
  const Case kCases[] = {
      {"META\nkey;value\nbudget;-5\nvote_type;approval" + projects + "VOTES\nvoter_id;vote\n",
       "the budget cannot be negative", "line 1"},
      {head + "approval" + projects + "VOTES\nvoter_id;vote\n1;a\n2;\xC5\n",
       "the file is not valid UTF-8", "line 13"},
      {head + "approval\nPROJECTS\nproject_id;cost;name\na;1;Bia\xC5\x82"
              "a\xC5\n",
       "the file is not valid UTF-8", "line 7"}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Result<Instance> read = ReadPabulib(c.text);
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error().message, c.message);
    EXPECT_EQ(read.error().where, c.where);
  }
}

TEST(PabulibReader, LongMetaKeysAreKept) {
  // A key longer than a short string's inline buffer was read from freed memory; keys of many
  // lengths, so that freed blocks are reused in between.
  std::string text = "META\nkey;value\n";
  for (int i = 1; i <= 40; ++i) text += std::string(static_cast<size_t>(i), 'k') + ";v\n";
  text +=
      "budget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\n"
      "VOTES\nvoter_id;vote\n1;a\n";
  for (int round = 0; round < 2; ++round) {
    Result<Instance> read = ReadPabulib(text);
    ASSERT_TRUE(read.has_value()) << read.error().message << " " << read.error().where;
    for (int i = 1; i <= 40; ++i) {
      EXPECT_EQ(read->meta.count(std::string(static_cast<size_t>(i), 'k')), 1u) << i;
    }
    text = WritePabulib(*read);  // and read what was written
  }
}

TEST(PabulibReader, NumbersOfManyDigitsAreExact) {
  // 25 digits: past what a 64-bit integer holds, read exactly (the sanitizer build also checks
  // that no signed overflow happens on the way).
  const std::string text =
      "META\nkey;value\nbudget;1234567890123456789012345\nvote_type;approval\nPROJECTS\n"
      "project_id;cost\na;1000000000000000000000\nVOTES\nvoter_id;vote\n1;a\n";
  Result<Instance> read = ReadPabulib(text);
  ASSERT_TRUE(read.has_value()) << read.error().message << " " << read.error().where;
  EXPECT_EQ(read->budget, mpq_class("1234567890123456789012345"));
  ASSERT_EQ(read->projects.size(), 1u);
  EXPECT_EQ(read->projects[0].cost, mpq_class("1000000000000000000000"));
}

}  // namespace
}  // namespace andel::budgeting
