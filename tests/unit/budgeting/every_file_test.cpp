// Every rule × utility × completion on every Pabulib file in ../shared/data/pabulib/, as read
// and mutated (a project named twice on ballots, empty ballots, a project of cost 0, a project
// nobody votes for), equal to the textbook reference of level_reference.h: exact, no brackets,
// every step of add1 and budget+1% run. One test per file and kind, so that ctest runs them in
// parallel.
//
// Not yet every file: the reference's exact runs cost from 0.01 ms (Poznań) to 10 s (Amsterdam
// 252: rationals with large denominators over 8,000 ballot groups) each, and add1 takes up to
// 27,763 steps (Budapest 2024), so the files whose steps × run would take more than a few
// seconds are in kSlow and run only by hand (--gtest_also_run_disabled_tests
// --gtest_filter='*EveryFile*'). What is left to do for them is in docs/budgeting.md.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "level_reference.h"
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

// Too slow for the reference within the tests' time (see the top of the file).
const std::set<std::string> kSlow = {
    "France_Toulouse_2019.pb",
    "Hungary_Budapest_2024.pb",
    "Netherlands_Amsterdam_166.pb",
    "Netherlands_Amsterdam_212.pb",
    "Netherlands_Amsterdam_252.pb",
    "Netherlands_Amsterdam_285.pb",
    "Netherlands_Amsterdam_304.pb",
    "Netherlands_Amsterdam_309.pb",
    "Netherlands_Amsterdam_417.pb",
    "Netherlands_Amsterdam_613.pb",
    "Netherlands_Amsterdam_622.pb",
    "Netherlands_Amsterdam_631.pb",
    "Poland_Czestochowa_2020.pb",
    "Poland_Krakow_2022_Podgorze.pb",
    "Poland_Krakow_2024.pb",
    "Poland_Lodz_2022.pb",
    "Poland_Warszawa_2019_Brodno.pb",
    "Poland_Warszawa_2020_Praga-Poludnie.pb",
    "Poland_Warszawa_2021_Srodmiescie.pb",
    "Poland_Warszawa_2022_Bialoleka.pb",
    "Poland_Warszawa_2026.pb",
    "Poland_Wieliczka_2023_Green_Budget.pb",
    "Poland_Wroclaw_2015_150_-_500.pb",
};

std::vector<std::string> Files(bool slow) {
  std::vector<std::string> names;
  for (const std::string& name : Files()) {
    if (kSlow.count(name) == (slow ? 1u : 0u)) names.push_back(name);
  }
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

constexpr long kMaxRuns = 100000;  // more would not end in the tests' time

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
    // add1 and add1+greedy share their runs of MES, as do none and greedy.
    for (const Completion completion :
         {Completion::kNone, Completion::kAdd1, Completion::kBudgetPlus1}) {
      reference::Completed want =
          reference::LevelEqualShares(instance, utility, completion, kMaxRuns);
      runs += want.runs;
      ASSERT_LT(want.runs, kMaxRuns) << what << " " << Name(utility) << " " << Name(completion);
      std::vector<Completion> kinds{completion};
      if (completion == Completion::kNone) kinds.push_back(Completion::kGreedy);
      if (completion == Completion::kAdd1) kinds.push_back(Completion::kAdd1Greedy);
      for (const Completion kind : kinds) {
        const std::string label =
            what + " mes " + std::string(Name(utility)) + " " + std::string(Name(kind));
        Result<Outcome> mes = EqualShares(instance, utility, kind);
        ASSERT_TRUE(mes.has_value()) << label;
        std::vector<int> order = want.order;
        mpq_class total = want.total;
        if (kind == Completion::kGreedy || kind == Completion::kAdd1Greedy) {
          reference::ReferenceGreedyWalk(instance, Utility::kCost, order, total);
        }
        EXPECT_EQ(mes->selection_order, order) << label;
        EXPECT_EQ(mes->total_cost, total) << label;
        EXPECT_LE(mes->total_cost, instance.budget) << label;
        if (kind != Completion::kGreedy && kind != Completion::kNone) {
          EXPECT_EQ(mes->start_share, want.start) << label;
        }
      }
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

INSTANTIATE_TEST_SUITE_P(Pabulib, EveryFile, testing::ValuesIn(Files(false)), TestName);
INSTANTIATE_TEST_SUITE_P(DISABLED_SlowPabulib, EveryFile, testing::ValuesIn(Files(true)), TestName);

TEST(EveryFileList, HasEveryFile) {
  const std::vector<std::string> files = Files();
  EXPECT_GE(files.size(), 39u);
  for (const std::string& name : kSlow) {
    EXPECT_EQ(std::count(files.begin(), files.end(), name), 1) << name;
  }
}

}  // namespace
}  // namespace andel::budgeting
