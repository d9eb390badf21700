// Partnerships: recommendations against a naive loop, circles against their constraints and the
// brute-force optimum on tiny instances, consortia against an exhaustive search — each over
// many small random instances.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include "matching/circles.h"
#include "matching/consortium.h"
#include "matching/recommend.h"

namespace andel::matching {
namespace {

std::vector<MemberInput> RandomMembers(std::mt19937& random, int n, int competences, int categories,
                                       bool organisations) {
  std::vector<MemberInput> members;
  for (int i = 0; i < n; ++i) {
    MemberInput m;
    m.id = "m" + std::to_string(random() % 1000) + "-" + std::to_string(i);
    m.category = "cat" + std::to_string(random() % categories);
    if (organisations && random() % 4 == 0) m.organisation = "org" + std::to_string(random() % 3);
    for (int k = static_cast<int>(random() % 4); k > 0; --k) {
      m.offers.push_back("c" + std::to_string(random() % competences));
    }
    for (int k = static_cast<int>(random() % 3); k > 0; --k) {
      m.needs.push_back("C" + std::to_string(random() % competences));  // case folds to "c…"
    }
    members.push_back(std::move(m));
  }
  for (int i = 0; i < n; ++i) {
    if (random() % 5 == 0) members[static_cast<size_t>(i)].ties.push_back(members[random() % n].id);
  }
  return members;
}

TEST(Profiles, CompetencesAreFoldedAndTiesSymmetric) {
  std::vector<MemberInput> inputs(3);
  inputs[0] = {"a", "citizen", "", {" Grøn Omstilling "}, {}, {"b"}};
  inputs[1] = {"b", "business", "Smedjen", {}, {"grøn omstilling"}, {}};
  inputs[2] = {"c", "research", "smedjen ", {}, {}, {}};
  Result<Profiles> profiles = Profiles::Build(inputs);
  ASSERT_TRUE(profiles.has_value());
  EXPECT_EQ(profiles->competences().size(), 1u);
  EXPECT_TRUE(profiles->Tied(1, 0));  // a lists b
  EXPECT_TRUE(profiles->Tied(1, 2));  // the same organisation
  EXPECT_FALSE(profiles->Tied(0, 2));
  EXPECT_EQ(MatchScore(profiles->member(0), profiles->member(1)), (Score{1, 1}));
  inputs[2].ties = {"nobody"};
  EXPECT_EQ(Profiles::Build(inputs).error().where, "member 3");
  inputs[2] = inputs[0];
  EXPECT_EQ(Profiles::Build(inputs).error().where, "member 3");
}

TEST(Recommend, AgreesWithANaiveLoop) {
  std::mt19937 random(1);
  for (int round = 0; round < 300; ++round) {
    const int n = 2 + static_cast<int>(random() % 25);
    Result<Profiles> profiles = Profiles::Build(RandomMembers(random, n, 6, 3, true));
    ASSERT_TRUE(profiles.has_value());
    RecommendOptions options;
    options.top = 1 + static_cast<int>(random() % 4);
    if (n > 3) options.declined = {{0, 1}, {2, 0}};
    // Both ways of counting, on alternate rounds.
    options.counting =
        round % 2 ? RecommendOptions::Counting::kDense : RecommendOptions::Counting::kSparse;
    const auto all = RecommendAll(*profiles, options);
    for (size_t i = 0; i < profiles->size(); ++i) {
      std::vector<Match> naive;
      for (size_t j = 0; j < profiles->size(); ++j) {
        const Member& a = profiles->member(i);
        const Member& b = profiles->member(j);
        if (i == j || a.category == b.category || profiles->Tied(i, j)) continue;
        const auto& d = options.declined;
        if (std::count(d.begin(), d.end(),
                       std::pair<int, int>(static_cast<int>(i), static_cast<int>(j))) ||
            std::count(d.begin(), d.end(),
                       std::pair<int, int>(static_cast<int>(j), static_cast<int>(i)))) {
          continue;
        }
        Match match;
        match.member = static_cast<int>(j);
        match.score = MatchScore(a, b);
        if (match.score.num == 0) continue;
        naive.push_back(match);
      }
      std::sort(naive.begin(), naive.end(),
                [&](const Match& x, const Match& y) { return BetterMatch(*profiles, x, y); });
      if (static_cast<int>(naive.size()) > options.top)
        naive.resize(static_cast<size_t>(options.top));
      ASSERT_EQ(all[i].size(), naive.size()) << "round " << round;
      for (size_t k = 0; k < naive.size(); ++k) {
        EXPECT_EQ(all[i][k].member, naive[k].member) << "round " << round;
        EXPECT_EQ(all[i][k].score, naive[k].score);
        EXPECT_EQ(static_cast<int>(all[i][k].gets.size()),
                  CountCommon(profiles->member(i).needs,
                              profiles->member(static_cast<size_t>(naive[k].member)).offers));
      }
    }
  }
}

// Every valid partition of a tiny instance, by assigning members to circles of fixed sizes.
double BruteForceBest(const Profiles& profiles, int k) {
  const size_t n = profiles.size();
  std::vector<int> assignment(n, -1);
  double best = -1e300;
  std::function<void(size_t)> place = [&](size_t m) {
    if (m == n) {
      Partition circles(static_cast<size_t>(k));
      for (size_t i = 0; i < n; ++i)
        circles[static_cast<size_t>(assignment[i])].push_back(static_cast<int>(i));
      if (!SatisfiesConstraints(profiles, circles)) return;
      // Members of one organisation apart where possible: compare with the penalty included.
      double total = 0;
      for (const auto& circle : circles) {
        for (size_t x = 0; x < circle.size(); ++x) {
          for (size_t y = x + 1; y < circle.size(); ++y) {
            total += PairWeight(profiles, static_cast<size_t>(circle[x]),
                                static_cast<size_t>(circle[y]));
          }
        }
      }
      best = std::max(best, total);
      return;
    }
    for (int c = 0; c < k; ++c) {
      assignment[m] = c;
      place(m + 1);
    }
  };
  place(0);
  return best;
}

// Property: what a member is shown is the ranked list with each organisation's best
// representative only, no organisation already tied to the member, and nothing else left out
// before the list is full (checked against a second, set-based computation).
TEST(Recommend, OneRepresentativePerOrganisation) {
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    const int n = 2 + static_cast<int>(random() % 25);
    std::vector<MemberInput> inputs = RandomMembers(random, n, 4, 3, false);
    for (MemberInput& input : inputs) {
      if (random() % 2) input.organisation = "org" + std::to_string(random() % 4);
    }
    Result<Profiles> profiles = Profiles::Build(inputs);
    ASSERT_TRUE(profiles.has_value());
    RecommendOptions options;
    options.top = n;
    const size_t top = 1 + random() % 5;
    for (size_t i = 0; i < profiles->size(); ++i) {
      const std::vector<Match> ranked = Recommend(*profiles, i, options);
      const std::vector<Match> shown = OnePerOrganisation(*profiles, i, ranked, top);
      // The reference: drop tied organisations, then keep the first of each organisation.
      std::set<int> tied;
      for (int t : profiles->ties(i)) {
        if (profiles->member(static_cast<size_t>(t)).organisation >= 0) {
          tied.insert(profiles->member(static_cast<size_t>(t)).organisation);
        }
      }
      std::vector<int> expected;
      std::set<int> seen;
      for (const Match& match : ranked) {
        const int organisation = profiles->member(static_cast<size_t>(match.member)).organisation;
        if (organisation >= 0 && (tied.count(organisation) || seen.count(organisation))) continue;
        if (organisation >= 0) seen.insert(organisation);
        expected.push_back(match.member);
      }
      if (expected.size() > top) expected.resize(top);
      std::vector<int> got;
      for (const Match& match : shown) got.push_back(match.member);
      EXPECT_EQ(got, expected) << "round " << round << ", member " << i;
    }
  }
}

TEST(Circles, ValidAndOptimalOnTinyInstances) {
  std::mt19937 random(2);
  int optimal = 0;
  const int rounds = 150;
  for (int round = 0; round < rounds; ++round) {
    const int n = 4 + static_cast<int>(random() % 5);
    Result<Profiles> profiles = Profiles::Build(RandomMembers(random, n, 5, 3, true));
    ASSERT_TRUE(profiles.has_value());
    CircleOptions options;
    options.size = 2 + static_cast<int>(random() % 2);
    options.seed = static_cast<uint64_t>(round);
    options.restarts = 20;
    Result<CirclesResult> result = FormCircles(*profiles, options);
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(SatisfiesConstraints(*profiles, result->circles)) << "round " << round;
    const int k = static_cast<int>(result->circles.size());
    EXPECT_EQ(k, (n + options.size - 1) / options.size);
    double with_penalty = 0;
    for (const auto& circle : result->circles) {
      for (size_t x = 0; x < circle.size(); ++x) {
        for (size_t y = x + 1; y < circle.size(); ++y) {
          with_penalty +=
              PairWeight(*profiles, static_cast<size_t>(circle[x]), static_cast<size_t>(circle[y]));
        }
      }
    }
    const double best = BruteForceBest(*profiles, k);
    EXPECT_LE(with_penalty, best + 1e-9);
    if (with_penalty > best - 1e-9) ++optimal;
  }
  // The exchange search with restarts reaches the optimum on every tiny instance.
  EXPECT_GE(optimal, rounds) << optimal << " of " << rounds;
}

TEST(Circles, SeedMakesThemReproducible) {
  std::mt19937 random(3);
  Result<Profiles> profiles = Profiles::Build(RandomMembers(random, 60, 12, 7, true));
  CircleOptions options;
  options.seed = 42;
  Result<CirclesResult> a = FormCircles(*profiles, options);
  Result<CirclesResult> b = FormCircles(*profiles, options);
  EXPECT_EQ(a->circles, b->circles);
  EXPECT_GE(a->objective, a->random_objective);
  EXPECT_EQ(FormCircles(*profiles, {1, 1, 1}).error().where, "size");
}

// The exhaustive optimum: the smallest team covering the needs with enough categories, then
// the largest score, then the smaller ids.
std::vector<std::string> BruteForceTeam(const Profiles& profiles, const std::vector<int>& needed,
                                        int min_categories) {
  const size_t n = profiles.size();
  std::vector<std::string> best_ids;
  size_t best_size = SIZE_MAX;
  double best_score = -1;
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    std::vector<int> team;
    for (size_t m = 0; m < n; ++m) {
      if (mask >> m & 1) team.push_back(static_cast<int>(m));
    }
    if (team.size() > best_size) continue;
    bool covers = true;
    for (int c : needed) {
      bool any = false;
      for (int m : team) {
        const auto& offers = profiles.member(static_cast<size_t>(m)).offers;
        any = any || std::binary_search(offers.begin(), offers.end(), c);
      }
      covers = covers && any;
    }
    std::vector<int> categories;
    for (int m : team) categories.push_back(profiles.member(static_cast<size_t>(m)).category);
    std::sort(categories.begin(), categories.end());
    categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
    if (!covers || static_cast<int>(categories.size()) < min_categories) continue;
    double score = 0;
    for (size_t x = 0; x < team.size(); ++x) {
      for (size_t y = x + 1; y < team.size(); ++y) {
        score += MatchScore(profiles.member(static_cast<size_t>(team[x])),
                            profiles.member(static_cast<size_t>(team[y])))
                     .value();
      }
    }
    std::vector<std::string> ids;
    for (int m : team) ids.push_back(profiles.member(static_cast<size_t>(m)).id);
    std::sort(ids.begin(), ids.end());
    if (team.size() < best_size || score > best_score + 1e-9 ||
        (score > best_score - 1e-9 && ids < best_ids)) {
      best_size = team.size();
      best_score = score;
      best_ids = ids;
    }
  }
  return best_ids;
}

TEST(Consortium, ExactOnSmallRandomInstances) {
  std::mt19937 random(4);
  for (int round = 0; round < 300; ++round) {
    const int n = 3 + static_cast<int>(random() % 10);
    Result<Profiles> profiles = Profiles::Build(RandomMembers(random, n, 6, 4, false));
    ASSERT_TRUE(profiles.has_value());
    std::vector<std::string> needs;
    for (int k = 1 + static_cast<int>(random() % 4); k > 0; --k) {
      needs.push_back("c" + std::to_string(random() % 6));
    }
    const int min_categories = static_cast<int>(random() % 3);
    Result<ConsortiumResult> result = FormConsortium(*profiles, needs, min_categories);
    ASSERT_TRUE(result.has_value());
    std::vector<int> needed;
    bool unknown = false;
    for (const std::string& need : needs) {
      const int index = profiles->CompetenceIndex(CompetenceKey(need));
      if (index < 0) unknown = true;
      if (index >= 0 && !std::count(needed.begin(), needed.end(), index)) needed.push_back(index);
    }
    const std::vector<std::string> expected =
        unknown ? std::vector<std::string>{} : BruteForceTeam(*profiles, needed, min_categories);
    std::vector<std::string> got;
    for (int m : result->members) got.push_back(profiles->member(static_cast<size_t>(m)).id);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(result->feasible, !expected.empty()) << "round " << round;
    EXPECT_EQ(got, expected) << "round " << round;
    if (result->feasible) {
      EXPECT_TRUE(result->optimal);
      EXPECT_EQ(result->covers.size(), needed.size());
    }
  }
}

TEST(Consortium, GreedyBeyondTheExactLimitsCoversWithItsBound) {
  std::mt19937 random(5);
  std::vector<MemberInput> members;
  for (int i = 0; i < 80; ++i) {
    MemberInput m;
    m.id = "m" + std::to_string(i);
    m.category = "cat" + std::to_string(i % 5);
    for (int k = 0; k < 3; ++k) m.offers.push_back("c" + std::to_string(random() % 20));
    members.push_back(m);
  }
  Result<Profiles> profiles = Profiles::Build(members);
  std::vector<std::string> needs;
  for (int c = 0; c < 20; ++c) {
    if (profiles->CompetenceIndex("c" + std::to_string(c)) >= 0)
      needs.push_back("c" + std::to_string(c));
  }
  ASSERT_GT(needs.size(), static_cast<size_t>(kExactCompetences));
  Result<ConsortiumResult> result = FormConsortium(*profiles, needs, 5);
  ASSERT_TRUE(result.has_value());
  ASSERT_TRUE(result->feasible);
  EXPECT_FALSE(result->optimal);
  EXPECT_GT(result->bound, 1.0);
  EXPECT_EQ(result->covers.size(), needs.size());
  std::set<int> categories;
  for (int m : result->members)
    categories.insert(profiles->member(static_cast<size_t>(m)).category);
  EXPECT_GE(categories.size(), 5u);
}

}  // namespace
}  // namespace andel::matching
