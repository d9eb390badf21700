// Match recommendations: for each member, the best partners of another category that it is not
// yet tied to, with the reasons — what each would give the other.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "matching/profile.h"

namespace andel::matching {

struct Match {
  int member = 0;          // the recommended partner's index
  Score score;             // s(i, j) > 0
  std::vector<int> gives;  // competences i offers that j needs
  std::vector<int> gets;   // competences j offers that i needs
};

struct RecommendOptions {
  int top = 10;
  // Pairs a member declined (member indices, either order): never proposed again.
  std::vector<std::pair<int, int>> declined;
  unsigned threads = 2;
  // How overlaps are counted: kSparse adds up posting lists for the members they touch (best
  // for small communities); kDense adds whole 0/1 rows for common competences and scores every
  // member in one pass (best when common competences touch most members). kAuto picks by size.
  enum class Counting { kAuto, kSparse, kDense } counting = Counting::kAuto;
};

// Ordered by score, highest first; equal scores by the smaller id (compared as bytes) first.
bool BetterMatch(const Profiles& profiles, const Match& x, const Match& y);

// The top matches of member i.
std::vector<Match> Recommend(const Profiles& profiles, size_t i, const RecommendOptions& options);

// Member i's matches as shown to them, from `ranked` (Recommend's order): at most one
// representative of an organisation (the best ranked), none of an organisation one of whose
// representatives is already tied to i (an accepted partner, a circle, a consortium), and at most
// `top`.
std::vector<Match> OnePerOrganisation(const Profiles& profiles, size_t i,
                                      const std::vector<Match>& ranked, size_t top);

// The top matches of every member, by index. Uses an inverted index over competences, so a
// member is compared only with those who offer what it needs or need what it offers.
std::vector<std::vector<Match>> RecommendAll(const Profiles& profiles,
                                             const RecommendOptions& options);

}  // namespace andel::matching
