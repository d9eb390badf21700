// The partnership benchmarks on generated instances: a 2,000-competence vocabulary drawn
// Zipf-like (s = 1), about 8 offers and 5 needs per member, 7 categories, an organisation for one
// member in ten. Prints a table with wall-clock seconds.
//   - top-10 recommendations for every member of 100,000 (2 threads; goal ≤ 10 s);
//   - circles of 8 for 960 and 10,000 members (goals ≤ 1 s and ≤ 30 s), with the objective of
//     the baseline: the exchange / local-maximum search as the R package anticlust does it (swaps
//     within a category, best swap per member, passes until none improves, one start);
//   - an exact consortium for 16 competences among 60 candidates (goal ≤ 1 s).
//   andel_bench_matching [MEMBERS_FOR_RECOMMENDATIONS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>

#include "matching/circles.h"
#include "matching/consortium.h"
#include "matching/recommend.h"

namespace {

using namespace andel::matching;

std::vector<MemberInput> Generate(size_t n, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<double> weights(2000);
  for (size_t k = 0; k < weights.size(); ++k) weights[k] = 1.0 / static_cast<double>(k + 1);
  std::discrete_distribution<int> competence(weights.begin(), weights.end());
  std::poisson_distribution<int> offers(8), needs(5);
  std::vector<MemberInput> members(n);
  for (size_t i = 0; i < n; ++i) {
    MemberInput& m = members[i];
    m.id = "m" + std::to_string(i);
    m.category = "category" + std::to_string(random() % 7);
    if (random() % 10 == 0) m.organisation = "org" + std::to_string(random() % (n / 20 + 1));
    for (int k = std::max(1, offers(random)); k > 0; --k) {
      m.offers.push_back("c" + std::to_string(competence(random)));
    }
    for (int k = std::max(1, needs(random)); k > 0; --k) {
      m.needs.push_back("c" + std::to_string(competence(random)));
    }
  }
  return members;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The baseline: anticlust's exchange method with categories, from one random stratified start.
double Baseline(const Profiles& profiles, int size, uint64_t seed) {
  const int k = static_cast<int>((profiles.size() + static_cast<size_t>(size) - 1) /
                                 static_cast<size_t>(size));
  Partition circles = RandomStratifiedPartition(profiles, k, seed);
  std::vector<int> circle_of(profiles.size());
  for (size_t c = 0; c < circles.size(); ++c) {
    for (int m : circles[c]) circle_of[static_cast<size_t>(m)] = static_cast<int>(c);
  }
  const auto total_to = [&](size_t i, size_t c, size_t except) {
    double total = 0;
    for (int m : circles[c]) {
      if (static_cast<size_t>(m) != i && static_cast<size_t>(m) != except) {
        total += PairWeight(profiles, i, static_cast<size_t>(m));
      }
    }
    return total;
  };
  for (bool improved = true; improved;) {
    improved = false;
    for (size_t i = 0; i < profiles.size(); ++i) {
      const size_t a = static_cast<size_t>(circle_of[i]);
      double best = 1e-9;
      size_t pick = SIZE_MAX;
      for (size_t j = 0; j < profiles.size(); ++j) {
        const size_t b = static_cast<size_t>(circle_of[j]);
        if (b == a || profiles.member(j).category != profiles.member(i).category) continue;
        const double gain =
            total_to(i, b, j) - total_to(i, a, i) + total_to(j, a, i) - total_to(j, b, j);
        if (gain > best) {
          best = gain;
          pick = j;
        }
      }
      if (pick == SIZE_MAX) continue;
      const size_t b = static_cast<size_t>(circle_of[pick]);
      std::replace(circles[a].begin(), circles[a].end(), static_cast<int>(i),
                   static_cast<int>(pick));
      std::replace(circles[b].begin(), circles[b].end(), static_cast<int>(pick),
                   static_cast<int>(i));
      circle_of[i] = static_cast<int>(b);
      circle_of[pick] = static_cast<int>(a);
      improved = true;
    }
  }
  return Objective(profiles, circles);
}

}  // namespace

int main(int argc, char** argv) {
  const size_t recommend_members = argc > 1 ? std::stoul(argv[1]) : 100000;
  std::printf("| what | seconds | result | goal |\n|---|---:|---|---:|\n");
  {
    auto profiles = *Profiles::Build(Generate(recommend_members, 1));
    const auto start = std::chrono::steady_clock::now();
    RecommendOptions options;
    options.top = 10;
    options.threads = 2;
    const auto all = RecommendAll(profiles, options);
    size_t matches = 0;
    for (const auto& list : all) matches += list.size();
    std::printf("| top-10 recommendations, %zu members, 2 threads | %.2f | %zu matches | 10 |\n",
                recommend_members, Seconds(start), matches);
  }
  for (const auto& [n, goal, baseline] : {std::tuple<size_t, int, bool>{960, 1, true},
                                          std::tuple<size_t, int, bool>{10000, 30, false}}) {
    auto profiles = *Profiles::Build(Generate(n, 2));
    CircleOptions options;
    options.size = 8;
    options.seed = 7;
    options.restarts = n <= 1000 ? 8 : 1;
    const auto start = std::chrono::steady_clock::now();
    auto result = *FormCircles(profiles, options);
    const double seconds = Seconds(start);
    std::string note = "objective " + std::to_string(result.objective) + ", random " +
                       std::to_string(result.random_objective);
    if (baseline) {
      const auto base_start = std::chrono::steady_clock::now();
      const double base = Baseline(profiles, 8, 7);
      note += ", anticlust-style exchange " + std::to_string(base) + " in " +
              std::to_string(Seconds(base_start)) + " s";
    }
    std::printf("| circles of 8, %zu members (%d restarts) | %.2f | %s | %d |\n", n,
                options.restarts, seconds, note.c_str(), goal);
  }
  {
    // 60 candidates who together offer 16 needed competences, 7 categories.
    std::mt19937_64 random(3);
    std::vector<MemberInput> members;
    for (int i = 0; i < 60; ++i) {
      MemberInput m;
      m.id = "m" + std::to_string(i);
      m.category = "category" + std::to_string(i % 7);
      for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k) {
        m.offers.push_back("t" + std::to_string(random() % 16));
      }
      m.needs.push_back("t" + std::to_string(random() % 16));
      members.push_back(m);
    }
    auto profiles = *Profiles::Build(members);
    std::vector<std::string> needs;
    for (int t = 0; t < 16; ++t) needs.push_back("t" + std::to_string(t));
    const auto start = std::chrono::steady_clock::now();
    auto result = *FormConsortium(profiles, needs, 4);
    std::printf(
        "| exact consortium, 16 competences, 60 candidates | %.3f | %zu members, optimal %s | 1 "
        "|\n",
        Seconds(start), result.members.size(), result.optimal ? "yes" : "no");
  }
  return 0;
}
