// The rules on many small random instances: the budget is never exceeded, grouping identical
// ballots changes no outcome, greedy equals a plain walk of its definition, and MES equals a
// straightforward exact implementation written here (every price recomputed every round).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "slow_rules.h"

namespace andel::budgeting {
namespace {

TEST(BudgetRules, PropertiesOnRandomInstances) {
  std::mt19937 random(8);
  for (int round = 0; round < 600; ++round) {
    const bool cumulative = round % 3 == 0;
    const bool large = round % 2 == 1;
    const Instance instance = RandomInstance(random, cumulative, large);
    for (const Utility utility : {Utility::kCost, Utility::kCard, Utility::kPoints}) {
      if (utility == Utility::kPoints && !cumulative) continue;
      Result<Outcome> mes = EqualShares(instance, utility, Completion::kNone);
      ASSERT_TRUE(mes.has_value());
      EXPECT_LE(mes->total_cost, instance.budget);
      EXPECT_EQ(mes->selection_order, SlowMes(instance, utility))
          << "round " << round << "\n"
          << WritePabulib(instance) << "utility " << Name(utility);
      Result<Outcome> grouped =
          EqualShares(GroupIdenticalBallots(instance), utility, Completion::kNone);
      EXPECT_EQ(grouped->selection_order, mes->selection_order);
      for (const Completion completion : {Completion::kAdd1, Completion::kGreedy,
                                          Completion::kAdd1Greedy, Completion::kBudgetPlus1}) {
        // add1 adds one unit of money per voter a run: with large costs, too many runs for here.
        if (large && (completion == Completion::kAdd1 || completion == Completion::kAdd1Greedy))
          continue;
        Result<Outcome> completed = EqualShares(instance, utility, completion);
        ASSERT_TRUE(completed.has_value());
        EXPECT_LE(completed->total_cost, instance.budget) << "round " << round;
      }
      Result<Outcome> greedy = Greedy(instance, utility);
      EXPECT_LE(greedy->total_cost, instance.budget);
      // Greedy's definition: the order it reports is increasing in position, and everything it
      // skipped did not fit when its turn came.
      mpq_class total = 0;
      for (int p : greedy->selection_order) total += instance.projects[static_cast<size_t>(p)].cost;
      EXPECT_EQ(total, greedy->total_cost);
      for (const auto& [p, e] : greedy->explanations) {
        if (!e.funded && e.reason == "did_not_fit") {
          EXPECT_GT(greedy->total_cost + instance.projects[static_cast<size_t>(p)].cost,
                    instance.budget);
        }
      }
    }
  }
}

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every real file reads, with the counts its META gives; on the smaller ones MES is the
// definition's, with the utilities the file's ballots allow.
TEST(BudgetRules, EveryRealFileReadsAndSmallOnesFollowTheDefinition) {
  int files = 0, compared = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib")) {
    if (entry.path().extension() != ".pb") continue;
    ++files;
    const std::string name = entry.path().filename().string();
    Result<Instance> read = ReadPabulib(ReadData(name));
    ASSERT_TRUE(read.has_value()) << name << ": " << read.error().message << " "
                                  << read.error().where;
    EXPECT_EQ(std::to_string(read->projects.size()), read->meta["num_projects"]) << name;
    EXPECT_EQ(std::to_string(read->VoterCount()), read->meta["num_votes"]) << name;
    const Instance grouped = GroupIdenticalBallots(*read);
    Result<Outcome> mes = EqualShares(grouped, Utility::kCost, Completion::kNone);
    ASSERT_TRUE(mes.has_value()) << name;
    EXPECT_LE(mes->total_cost, read->budget) << name;
    if (read->VoterCount() > 220) continue;  // the definition's price is quadratic in voters
    std::vector<Utility> utilities{Utility::kCost, Utility::kCard};
    if (read->vote_type == VoteType::kCumulative) utilities.push_back(Utility::kPoints);
    for (const Utility utility : utilities) {
      EXPECT_EQ(EqualShares(grouped, utility, Completion::kNone)->selection_order,
                SlowMes(*read, utility))
          << name << " " << Name(utility);
      ++compared;
    }
  }
  EXPECT_GE(files, 39);
  EXPECT_GE(compared, 15);
}

TEST(Pabulib, BadFilesNameTheLine) {
  EXPECT_EQ(ReadPabulib("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n"
                        "project_id;cost\na;10\nVOTES\nvoter_id;vote\n1;b\n")
                .error()
                .where,
            "line 10");
  EXPECT_EQ(ReadPabulib("META\nkey;value\nbudget;x\nvote_type;approval\nPROJECTS\n"
                        "project_id;cost\na;10\nVOTES\nvoter_id;vote\n")
                .error()
                .message,
            "META needs a budget");
  EXPECT_EQ(ReadPabulib("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\n"
                        "project_id;cost\na;1O\nVOTES\nvoter_id;vote\n")
                .error()
                .where,
            "line 7");
  // Found by fuzz_pabulib: points votes without a points column were read without points, and
  // their file written back could not be read.
  for (const char* type : {"cumulative", "scoring"}) {
    const Result<Instance> no_points =
        ReadPabulib(std::string("META\nkey;value\nbudget;10\nvote_type;") + type +
                    "\nPROJECTS\nproject_id;cost\na;1\nb;4\nVOTES\nvoter_id;vote\n1;a,b\n");
    ASSERT_FALSE(no_points.has_value()) << type;
    EXPECT_EQ(no_points.error().message, "cumulative and scoring votes need a points column");
    EXPECT_EQ(no_points.error().where, "line 11");  // the first vote
  }
  // Found by fuzz_pabulib: a second META after the votes changed their vote type.
  const Result<Instance> twice = ReadPabulib(
      "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;1\nb;4\nVOTES\nvoter_id;vote\n"
      "1;a,b\nMETA\nkey;value\nvote_type;cumulative\n");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().message, "the sections come once each: META, PROJECTS, VOTES");
  EXPECT_EQ(twice.error().where, "line 11");
  EXPECT_FALSE(ReadPabulib("PROJECTS\nproject_id;cost\na;1\nMETA\nkey;value\nbudget;10\n"
                           "VOTES\nvoter_id;vote\n1;a\n")
                   .has_value());
  // Found by fuzz_pabulib: a decimal of more than 30 places was written as n/d, unreadable.
  const Result<Instance> places = ReadPabulib(
      "META\nkey;value\nbudget;1000,5000000000000000000000000000000000000008\nvote_type;approval\n"
      "PROJECTS\n"
      "project_id;cost\na;0.000000000000000000000000000000000000001\nVOTES\nvoter_id;vote\n1;a\n");
  ASSERT_TRUE(places.has_value());
  const Result<Instance> places_again = ReadPabulib(WritePabulib(*places));
  ASSERT_TRUE(places_again.has_value()) << places_again.error().message;
  EXPECT_EQ(places_again->budget, places->budget);
  EXPECT_EQ(places_again->projects[0].cost, places->projects[0].cost);
  // Found by fuzz_pabulib: a CR inside a quoted field was written bare and broke its line.
  const Result<Instance> cr = ReadPabulib(
      "META\nkey;value\n\"a\rkey\";x\nbudget;10\nvote_type;approval\nPROJECTS\n"
      "project_id;cost;name\na;1;\"two\rlines\"\nVOTES\nvoter_id;vote\n1;a\n");
  ASSERT_TRUE(cr.has_value()) << cr.error().message;
  const Result<Instance> cr_again = ReadPabulib(WritePabulib(*cr));
  ASSERT_TRUE(cr_again.has_value()) << cr_again.error().message;
  EXPECT_EQ(cr_again->meta.at("a\rkey"), "x");
  EXPECT_EQ(cr_again->projects[0].name, "two\rlines");
  // A byte-order mark, CRLF and a decimal comma are fine; writing and reading back keeps it.
  Result<Instance> read = ReadPabulib(
      "\xEF\xBB\xBFMETA\r\nkey;value\r\nbudget;100,5\r\n"
      "vote_type;approval\r\nPROJECTS\r\nproject_id;cost;name\r\n"
      "a;10;\"A; quoted\"\r\nVOTES\r\nvoter_id;vote\r\n1;a\r\n");
  ASSERT_TRUE(read.has_value()) << read.error().where;
  EXPECT_EQ(ExactText(read->budget), "201/2");
  Result<Instance> again = ReadPabulib(WritePabulib(*read));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->projects[0].name, "A; quoted");
  EXPECT_EQ(again->budget, read->budget);
  // Quotes inside a name, as Pabulib's files have them, are read as Python's csv module does.
  Result<Instance> quoted = ReadPabulib(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n"
      "a;10;Pitch \"Orlik\"\nb;20;\"Odkupmy\" i my\nVOTES\nvoter_id;vote\n1;a,b\n");
  ASSERT_TRUE(quoted.has_value()) << quoted.error().where;
  EXPECT_EQ(quoted->projects[0].name, "Pitch \"Orlik\"");
  EXPECT_EQ(quoted->projects[1].name, "Odkupmy i my");
}

}  // namespace
}  // namespace andel::budgeting
