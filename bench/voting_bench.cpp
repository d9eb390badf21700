// Counting a million ranked ballots over 20 candidates (random and clustered profiles) with
// each method, and Scottish STV on the largest Irish file. Goals: each method ≤ 0.3 s on one
// core; STV on the Irish file ≤ 20 ms.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include "voting/preflib.h"
#include "voting/tally.h"

namespace {

using andel::voting::Method;
using andel::voting::Profile;

constexpr int kCandidates = 20;
constexpr int kBallots = 1'000'000;

Profile MakeProfile(bool clustered) {
  std::vector<int> ids;
  std::vector<std::string> names;
  for (int c = 0; c < kCandidates; ++c) {
    ids.push_back(c + 1);
    names.push_back("c" + std::to_string(c + 1));
  }
  Profile profile(ids, names);
  std::mt19937 random(clustered ? 2 : 1);
  // Clustered: five factions, each voter a few random swaps away from their faction's order.
  std::vector<std::vector<int>> factions(5, std::vector<int>(kCandidates));
  for (auto& faction : factions) {
    for (int c = 0; c < kCandidates; ++c) faction[c] = c;
    std::shuffle(faction.begin(), faction.end(), random);
  }
  std::vector<int> order(kCandidates);
  std::vector<std::vector<int>> positions(kCandidates, std::vector<int>(1));
  for (int b = 0; b < kBallots; ++b) {
    if (clustered) {
      order = factions[random() % factions.size()];
      for (int swap = 0; swap < 3; ++swap) {
        const size_t i = random() % (kCandidates - 1);
        std::swap(order[i], order[i + 1]);
      }
    } else {
      for (int c = 0; c < kCandidates; ++c) order[c] = c;
      std::shuffle(order.begin(), order.end(), random);
    }
    for (int c = 0; c < kCandidates; ++c) positions[c][0] = order[c];
    (void)profile.Add(positions, 1);
  }
  return profile;
}

const Profile& Random() {
  static const Profile profile = MakeProfile(false);
  return profile;
}
const Profile& Clustered() {
  static const Profile profile = MakeProfile(true);
  return profile;
}

void Run(benchmark::State& state, const Profile& profile, Method method) {
  andel::voting::TallyOptions options;
  for (auto _ : state) {
    auto result = andel::voting::Count(profile, method, options);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations() * kBallots);
}

void BM_Random(benchmark::State& state) {
  Run(state, Random(), static_cast<Method>(state.range(0)));
  state.SetLabel(std::string(andel::voting::MethodName(static_cast<Method>(state.range(0)))));
}
void BM_Clustered(benchmark::State& state) {
  Run(state, Clustered(), static_cast<Method>(state.range(0)));
  state.SetLabel(std::string(andel::voting::MethodName(static_cast<Method>(state.range(0)))));
}

void MethodArgs(benchmark::internal::Benchmark* bench) {
  for (Method method :
       {Method::kSchulze, Method::kRankedPairs, Method::kCopeland, Method::kBorda, Method::kIrv}) {
    bench->Arg(static_cast<int>(method));
  }
  bench->Unit(benchmark::kMillisecond)->Iterations(3);
}
BENCHMARK(BM_Random)->Apply(MethodArgs);
BENCHMARK(BM_Clustered)->Apply(MethodArgs);

void BM_StvIrishLargest(benchmark::State& state) {
  std::ifstream in(std::string(ANDEL_SHARED_DATA_DIR) + "/preflib/00001-00000003.soi");
  std::stringstream text;
  text << in.rdbuf();
  auto profile = andel::voting::ReadPrefLib(text.str());
  if (!profile) {
    state.SkipWithError("cannot read 00001-00000003.soi");
    return;
  }
  for (auto _ : state) {
    auto result = andel::voting::CountStv(*profile, 5, 1);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_StvIrishLargest)->Unit(benchmark::kMillisecond);

}  // namespace
