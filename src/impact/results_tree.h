// The results tree, as Decidim's accountability module keeps it: a result (a programme, an
// initiative, a funded project) has children; a leaf's progress is recorded, a parent's is the
// weighted sum of its children's, or their mean when none is weighted. A child with no progress
// yet counts as 0.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/result.h"
#include "impact/indicator.h"

namespace andel::impact {

struct ResultNode {
  int64_t id = 0;
  std::optional<int64_t> parent;
  std::optional<double> weight;            // the share of the parent it stands for, 0–1
  std::optional<double> progress_percent;  // a leaf's recorded progress, 0–100
};

// Every node's progress in percent (0–100), children before parents. kInvalidArgument naming
// "parent" for an unknown parent or a cycle, "weight" for a weight outside 0–1, "progress" outside
// 0–100.
Result<std::map<int64_t, double>> TreeProgressPercent(const std::vector<ResultNode>& nodes);

// A community's indicators as a results tree: each indicator a node under its parent with its
// weight, a leaf's progress taken from `progress` (0–1, as Progress gives it) where known.
std::vector<ResultNode> IndicatorNodes(const std::vector<Indicator>& indicators,
                                       const std::map<int64_t, double>& progress);

}  // namespace andel::impact
