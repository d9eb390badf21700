// The annual impact report of a community for one calendar year, as its printable page and the
// API read it: each indicator's figure for the year against the year before, the progress at
// the year's end (a goal's from its parts), the year by month, and what contributed; and the
// value cases written that year.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/result.h"
#include "impact/indicator.h"
#include "impact/value_case.h"
#include "store/impact/impact_link_repository.h"
#include "web/context.h"
#include "web/impact/indicator_tree.h"

namespace andel::web {

struct ReportIndicator {
  const impact::Indicator* indicator = nullptr;
  std::optional<impact::Quantity> value;   // the year's, by the indicator's aggregation
  std::optional<impact::Quantity> before;  // the year before's
  // The change in percent against the same calendar months of the year before, when that year
  // was measured in each month this year was; `change_same_months_only` when the year before
  // has more months than those (this year is not over).
  std::optional<double> change_percent;
  bool change_same_months_only = false;
  bool from_parts = false;         // a goal: its progress is its parts'
  std::optional<double> progress;  // at the year's end, 0–1
  std::optional<impact::Target> target;
  std::vector<impact::Point> months;
  // What contributed: the linked decisions decided by the year's end, the linked projects their
  // funds chose, the linked initiatives founding or operating; for "partnerships formed" the
  // accepted matches and the circles of the year.
  std::vector<store::ImpactLink> contributors;
  int64_t matches = 0;
  int64_t circles = 0;
};

struct AnnualReport {
  int year = 0;
  std::unique_ptr<CommunityImpact> impact;  // owns the indicators the entries point to
  std::vector<ReportIndicator> indicators;
  std::vector<impact::ValueCase> cases;
};

// kNotFound naming "year" outside 1900–9999.
Result<AnnualReport> BuildAnnualReport(Context& ctx, int64_t year);

}  // namespace andel::web
