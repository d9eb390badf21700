// A municipal programme's roll-up: the indicators of the communities reporting to it, grouped
// where they count the same thing (the same starter-catalogue entry, or the same name, in the
// same unit and aggregation), each community's current value and progress, and the programme's
// total: the sum of the communities' values for indicators that add up or take the latest, their
// mean for indicators that take the mean.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "impact/indicator.h"

namespace andel::impact {

// One community's indicators and the effective measurements of each (by indicator id).
struct ReportingCommunity {
  int64_t community_id = 0;
  std::vector<Indicator> indicators;
  std::map<int64_t, std::vector<Measurement>> effective;
};

struct RollupEntry {
  int64_t community_id = 0;
  Indicator indicator;
  std::optional<Quantity> current;
  std::optional<Target> target;
  std::optional<double> progress;  // 0–1, with a current value and a target
};

struct RollupLine {
  std::string key;  // the catalogue key or the folded name, with the unit and aggregation
  std::vector<RollupEntry> entries;  // in the order of the communities given
  std::optional<Quantity> total;     // nothing while no community has a current value
};

// Lines in order of first appearance (community by community, indicator by indicator). An
// indicator that is a goal of others in its community is left out: its parts are its figures.
std::vector<RollupLine> RollUp(const std::vector<ReportingCommunity>& communities, Date today);

}  // namespace andel::impact
