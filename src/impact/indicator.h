// Indicators and their measurements: what a community counts (participants, people into jobs,
// CO₂ avoided), its baseline and targets, the append-only measurements with corrections, the
// value over a period by the indicator's aggregation, and the progress towards a target.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "impact/quantity.h"

namespace andel::impact {

enum class Direction { kHigherIsBetter, kLowerIsBetter };
// How measurements combine over a period: added up (participants per month → per year), their
// mean (satisfaction), or the latest (members on the books).
enum class Aggregation { kSum, kMean, kLast };

Result<Direction> ParseDirection(std::string_view text);
Result<Aggregation> ParseAggregation(std::string_view text);
std::string_view Name(Direction direction);      // "higher", "lower"
std::string_view Name(Aggregation aggregation);  // "sum", "mean", "last"

struct Target {
  Quantity value;
  Date due;
};

struct Indicator {
  int64_t id = 0;
  // A starter-catalogue key ("people_into_jobs", translated on the page) or empty for a name
  // of the community's own.
  std::string catalogue_key;
  std::string name;
  std::string unit;  // "people", "hours", "t CO₂e", "DKK"
  Direction direction = Direction::kHigherIsBetter;
  Aggregation aggregation = Aggregation::kSum;
  std::string iris_metric;  // an IRIS+ metric id such as "PI4060", or empty
  Quantity baseline;
  Date baseline_date;
  std::vector<Target> targets;  // by due date
  // Its place in the results tree: the goal it is part of (another indicator of the community)
  // and, optionally, the share of that goal it stands for (0 < weight ≤ 1).
  std::optional<int64_t> parent;
  std::optional<Quantity> weight;
};

// kInvalidArgument naming the field: a name of 1–120 characters, a unit of at most 40, an IRIS+
// id of letters and digits, targets due after the baseline and not two on one day, a weight
// above 0 and at most 1 and only under a parent.
Status ValidateIndicator(const Indicator& indicator);

// A value recorded for a period (a month, a quarter, a year: first and last day). Measurements
// are never changed or deleted: a correction is a new measurement naming the one it
// supersedes, and both stay visible.
struct Measurement {
  int64_t id = 0;
  int64_t indicator_id = 0;
  Date period_start;
  Date period_end;
  Quantity value;
  std::string source;        // where the figure comes from ("attendance lists")
  std::string evidence_url;  // a link to the evidence, or empty
  std::string recorded_by;   // who recorded it
  std::optional<int64_t> supersedes;
};

// kInvalidArgument naming the field: a period that ends on or after it starts, a source of at
// most 200 characters, an evidence link that is empty or http(s).
Status ValidateMeasurement(const Measurement& measurement);

// The measurements that count: those no later measurement supersedes. Order kept.
std::vector<Measurement> Effective(const std::vector<Measurement>& measurements);

// The value of effective measurements by the aggregation: their sum, their mean, or the one
// whose period ends last (ties: the later recorded, i.e. the larger id). Nothing if there are
// none.
std::optional<Quantity> Aggregate(Aggregation aggregation,
                                  const std::vector<Measurement>& effective);

enum class Granularity { kMonth, kQuarter, kYear };

// One point of a series: the period (its first day) and the aggregated value.
struct Point {
  Date period;
  Quantity value;
};

// The effective measurements aggregated per calendar month, quarter or year (by the day their
// period ends), in time order; periods without measurements are left out.
std::vector<Point> Series(const Indicator& indicator, const std::vector<Measurement>& effective,
                          Granularity granularity);

// A month of the indicator as its charts draw it: the month's aggregated value and what the chart
// plots, which for an indicator that adds up (kSum) is the running total from the baseline, so
// that the line climbs towards the target, and otherwise the month's value.
struct ChartedMonth {
  Date period;
  Quantity value;
  Quantity plotted;
};

// The months from the baseline's month on, in time order (months without measurements left out).
std::vector<ChartedMonth> ChartedMonths(const Indicator& indicator,
                                        const std::vector<Measurement>& effective);

// The indicator's current value as of `today`: the aggregation of every effective measurement
// whose period ended since the baseline date and by `today`. Nothing if there are none.
std::optional<Quantity> CurrentValue(const Indicator& indicator,
                                     const std::vector<Measurement>& effective, Date today);

// The target that counts on `today`: the first not yet due, or else the last. Nothing without
// targets.
std::optional<Target> TargetOn(const Indicator& indicator, Date today);

// Progress from the baseline towards `target`: clamp((value − baseline) ÷ (target − baseline),
// 0, 1). Works the same for either direction (a lower target has a negative denominator). A
// target equal to the baseline counts as reached (1) once the value is at or past it in the
// better direction, else 0.
double Progress(const Indicator& indicator, Quantity value, Quantity target);

}  // namespace andel::impact
