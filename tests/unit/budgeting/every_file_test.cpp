// Every rule × utility × completion on every Pabulib file in ../shared/data/pabulib/, as read
// and mutated (a project named twice on ballots, empty ballots, a project of cost 0, a project
// nobody votes for), equal to the textbook reference of level_reference.h: exact, no brackets,
// every step of add1 and budget+1% run. One test per file and variant, so that ctest runs them
// in parallel.
//
// On one file the reference takes too long for every test run: Budapest 2024, whose add1 takes
// 22,001 (cost) and 27,763 (card) steps of 1 forint, each a whole exact run of MES over 20,000
// ballot groups. Its outcomes are stored in stored_outcomes/ (written by andel_pabulib_reference
// with the same reference; `scripts/store-reference-outcomes` writes them again), and the rules
// are compared with them on every run. A small file is stored too and compared both ways, so
// the stored form is checked against the live reference on every run.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "expect_outcomes.h"

namespace andel::budgeting {
namespace {

using reference::Outcomes;

std::string PabulibDir() { return std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib"; }

std::string StoredPath(const std::string& name) {
  return std::string(ANDEL_SOURCE_DIR) + "/tests/unit/budgeting/stored_outcomes/" +
         name.substr(0, name.size() - 3) + ".txt";
}

// Files whose outcomes come from stored_outcomes/ only (see the top of the file).
const std::set<std::string> kStoredOnly = {"Hungary_Budapest_2024.pb"};

std::vector<std::string> Files() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(PabulibDir())) {
    if (entry.path().extension() == ".pb") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr long kMaxRuns = 100000;  // more would not end in the tests' time

// The reference's outcomes for `file` in `variant`: live, stored, or both (then equal).
Outcomes Want(const Instance& instance, const std::string& file, std::string_view variant) {
  Outcomes stored;
  if (std::filesystem::exists(StoredPath(file))) {
    stored = reference::ReadOutcomes(ReadFile(StoredPath(file)), variant);
    EXPECT_FALSE(stored.empty()) << StoredPath(file) << " has no " << variant << " outcomes";
  }
  if (kStoredOnly.count(file)) return stored;
  const auto begin = std::chrono::steady_clock::now();
  Outcomes live;
  long runs = 0;
  EXPECT_TRUE(reference::ComputeOutcomes(instance, kMaxRuns, live, runs))
      << file << ": a completion takes more than " << kMaxRuns << " runs";
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  std::cout << file << " " << variant << ": reference " << seconds << " s, " << runs << " runs\n";
  if (!stored.empty()) {
    EXPECT_EQ(reference::WriteOutcomes(variant, stored), reference::WriteOutcomes(variant, live))
        << "the stored outcomes of " << file << " are not the reference's";
  }
  return live;
}

void ExpectAsTheReference(const Instance& read, const std::string& file, std::string_view variant) {
  const Instance instance = GroupIdenticalBallots(read);
  reference::ExpectRulesAsOutcomes(instance, Want(instance, file, variant),
                                   file + " " + std::string(variant));
}

class EveryFile : public testing::TestWithParam<std::string> {};

TEST_P(EveryFile, AsRead) {
  Result<Instance> read = ReadPabulib(reference::ReadPabulibData(GetParam()));
  ASSERT_TRUE(read.has_value()) << read.error().message << " " << read.error().where;
  ExpectAsTheReference(*read, GetParam(), "as-read");
}

TEST_P(EveryFile, Mutated) {
  Result<Instance> read = ReadPabulib(reference::ReadPabulibData(GetParam()));
  ASSERT_TRUE(read.has_value());
  Result<Instance> mutated = ReadPabulib(WritePabulib(reference::Mutate(*read)));
  ASSERT_TRUE(mutated.has_value()) << mutated.error().message << " " << mutated.error().where;
  ExpectAsTheReference(*mutated, GetParam(), "mutated");
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(0, info.param.size() - 3)) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Pabulib, EveryFile, testing::ValuesIn(Files()), TestName);

TEST(EveryFileList, HasEveryFileAndEveryStoredOne) {
  const std::vector<std::string> files = Files();
  EXPECT_GE(files.size(), 39u);
  for (const std::string& name : kStoredOnly) {
    EXPECT_EQ(std::count(files.begin(), files.end(), name), 1) << name;
    EXPECT_TRUE(std::filesystem::exists(StoredPath(name))) << StoredPath(name);
  }
}

}  // namespace
}  // namespace andel::budgeting
