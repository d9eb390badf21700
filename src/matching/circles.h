// Partner circles: the active members split into K = ⌈N / size⌉ circles whose sizes differ by at
// most one, each mixed (every category's count in a circle is ⌊n_c/K⌋ or ⌈n_c/K⌉), members of one
// organisation apart where that can be, and the objective
//
//   Σ over circles Σ over pairs {i, j} in it of (s(i, j) − [i and j already tied])
//
// as large as a local search can make it. This is anticlustering with a category constraint:
// start from a random stratified partition, then the exchange / local-maximum search (as in the
// R package anticlust): for each member in turn, make the best improving exchange — a swap with
// a member of another circle, or a move to a smaller circle, whichever the size and category
// constraints allow — and repeat passes until none improves; several restarts from different
// seeded partitions, the best kept. Only valid partitions are ever visited.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "matching/profile.h"

namespace andel::matching {

struct CircleOptions {
  int size = 8;
  uint64_t seed = 1;
  int restarts = 8;
};

using Partition = std::vector<std::vector<int>>;  // circles of member indices

struct CirclesResult {
  Partition circles;            // each circle's members ascending; circles by first member
  double objective = 0;         // of `circles`
  double random_objective = 0;  // of the first random stratified partition
  int64_t swaps = 0;            // improving swaps made over all restarts
};

// The weight of a pair in a circle: s(i, j) − [tied]; members of one organisation weigh far
// less still, so that the search keeps them apart wherever it can.
double PairWeight(const Profiles& profiles, size_t i, size_t j);

// The objective of a partition (without the organisation penalty).
double Objective(const Profiles& profiles, const Partition& circles);

// A random partition that satisfies the size and category constraints.
Partition RandomStratifiedPartition(const Profiles& profiles, int circle_count, uint64_t seed);

// True if sizes differ by at most one and every category is spread ⌊n_c/K⌋..⌈n_c/K⌉.
bool SatisfiesConstraints(const Profiles& profiles, const Partition& circles);

// kInvalidArgument for a size below 2 or no members.
Result<CirclesResult> FormCircles(const Profiles& profiles, const CircleOptions& options);

// The best objective any valid partition reaches (organisation penalty included, as the
// search sees it), by trying every assignment: for instances of at most kExactMembers members.
// kInvalidArgument beyond that.
constexpr size_t kExactMembers = 10;
Result<double> OptimalObjective(const Profiles& profiles, int size);

}  // namespace andel::matching
