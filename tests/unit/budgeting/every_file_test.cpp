// Every rule × utility × completion on every Pabulib file in ../shared/data/pabulib/, as read
// and mutated (a project named twice on ballots, empty ballots, a project of cost 0, a project
// nobody votes for), equal to the plain exact references of reference_rules.h. One test per
// file and kind, so that ctest runs them in parallel.
// Disabled for now: the textbook reference with its exact regions is far too slow for the
// completions on real files (over 5 minutes on Toulouse 2019 alone); it needs money as levels
// (as the wallets keep it) before it can run here. Run by hand with
// --gtest_also_run_disabled_tests --gtest_filter='*EveryFile*'.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "reference_rules.h"

namespace andel::budgeting {
namespace {

std::string PabulibDir() { return std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib"; }

std::vector<std::string> Files() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(PabulibDir())) {
    if (entry.path().extension() == ".pb") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::string& name) {
  std::ifstream in(PabulibDir() + "/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The mutations, applied to the instance and written back as a file to be read again.
Instance Mutate(const Instance& read) {
  Instance instance = read;
  const bool points = !instance.ballots.empty() && !instance.ballots[0].points.empty();
  for (size_t b = 0; b < instance.ballots.size(); b += 7) {
    Ballot& ballot = instance.ballots[b];
    if (ballot.projects.empty()) continue;
    ballot.projects.push_back(ballot.projects.front());  // named twice
    if (points) ballot.points.push_back(ballot.points.front());
  }
  for (int i = 0; i < 3; ++i) instance.ballots.push_back({});
  if (!instance.projects.empty()) instance.projects[instance.projects.size() / 2].cost = 0;
  const mpz_class third = instance.budget.get_num() / instance.budget.get_den() / 3;
  instance.projects.push_back({"nobody-votes-for-this", mpq_class(third + 1), "", ""});
  return instance;
}

void ExpectAsTheReference(const Instance& read, const std::string& what) {
  const Instance instance = GroupIdenticalBallots(read);
  std::vector<Utility> utilities{Utility::kCost, Utility::kCard};
  if (instance.vote_type == VoteType::kCumulative) utilities.push_back(Utility::kPoints);
  for (const Utility utility : utilities) {
    const auto begin = std::chrono::steady_clock::now();
    long runs = 0;  // runs of the reference MES
    Result<Outcome> greedy = Greedy(instance, utility);
    ASSERT_TRUE(greedy.has_value()) << what;
    std::vector<int> order;
    mpq_class total = 0;
    reference::ReferenceGreedyWalk(instance, utility, order, total);
    EXPECT_EQ(greedy->selection_order, order) << what << " greedy " << Name(utility);
    EXPECT_EQ(greedy->total_cost, total) << what << " greedy " << Name(utility);
    for (const Completion completion : {Completion::kNone, Completion::kAdd1, Completion::kGreedy,
                                        Completion::kAdd1Greedy, Completion::kBudgetPlus1}) {
      const std::string label =
          what + " mes " + std::string(Name(utility)) + " " + std::string(Name(completion));
      Result<Outcome> mes = EqualShares(instance, utility, completion);
      ASSERT_TRUE(mes.has_value()) << label;
      const reference::Completed want =
          reference::ReferenceEqualShares(instance, utility, completion);
      EXPECT_EQ(mes->selection_order, want.order) << label;
      EXPECT_EQ(mes->total_cost, want.total) << label;
      EXPECT_LE(mes->total_cost, instance.budget) << label;
      if (completion != Completion::kGreedy && completion != Completion::kNone) {
        EXPECT_EQ(mes->start_share, want.start) << label;
      }
      runs += want.runs;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    std::cout << what << " " << Name(utility) << ": " << seconds << " s, " << runs
              << " reference runs\n";
  }
}

class EveryFile : public testing::TestWithParam<std::string> {};

TEST_P(EveryFile, AsRead) {
  Result<Instance> read = ReadPabulib(ReadFile(GetParam()));
  ASSERT_TRUE(read.has_value()) << read.error().message << " " << read.error().where;
  ExpectAsTheReference(*read, GetParam());
}

TEST_P(EveryFile, Mutated) {
  Result<Instance> read = ReadPabulib(ReadFile(GetParam()));
  ASSERT_TRUE(read.has_value());
  Result<Instance> mutated = ReadPabulib(WritePabulib(Mutate(*read)));
  ASSERT_TRUE(mutated.has_value()) << mutated.error().message << " " << mutated.error().where;
  ExpectAsTheReference(*mutated, GetParam() + " mutated");
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(0, info.param.size() - 3)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(DISABLED_Pabulib, EveryFile, testing::ValuesIn(Files()), TestName);

TEST(DISABLED_EveryFileList, HasEveryFile) { EXPECT_GE(Files().size(), 39u); }

}  // namespace
}  // namespace andel::budgeting
