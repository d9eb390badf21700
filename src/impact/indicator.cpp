#include "impact/indicator.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/enum_names.h"
#include "core/text.h"

namespace andel::impact {
namespace {

constexpr EnumNames<Direction, 2> kDirections{{
    {"higher", Direction::kHigherIsBetter},
    {"lower", Direction::kLowerIsBetter},
}};
constexpr EnumNames<Aggregation, 3> kAggregations{{
    {"sum", Aggregation::kSum},
    {"mean", Aggregation::kMean},
    {"last", Aggregation::kLast},
}};

bool IsLetterOrDigit(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// The first day of the month, quarter or year that `day` falls in.
Date PeriodOf(Date day, Granularity granularity) {
  switch (granularity) {
    case Granularity::kMonth:
      return {day.year, day.month, 1};
    case Granularity::kQuarter:
      return {day.year, (day.month - 1) / 3 * 3 + 1, 1};
    case Granularity::kYear:
      return {day.year, 1, 1};
  }
  return day;
}

}  // namespace

Result<Direction> ParseDirection(std::string_view text) {
  return ParseEnum(kDirections, text, "direction", "unknown direction");
}
Result<Aggregation> ParseAggregation(std::string_view text) {
  return ParseEnum(kAggregations, text, "aggregation", "unknown aggregation");
}
std::string_view Name(Direction direction) { return NameOf(kDirections, direction); }
std::string_view Name(Aggregation aggregation) { return NameOf(kAggregations, aggregation); }

Status ValidateIndicator(const Indicator& indicator) {
  const std::string_view name = Trim(indicator.name);
  if (name.empty() || !IsValidUtf8(name) || CodePointCount(name) > 120) {
    return Error::InvalidArgument("an indicator needs a name of at most 120 characters", "name");
  }
  if (!IsValidUtf8(indicator.unit) || CodePointCount(indicator.unit) > 40) {
    return Error::InvalidArgument("a unit has at most 40 characters", "unit");
  }
  if (indicator.iris_metric.size() > 20 ||
      !std::all_of(indicator.iris_metric.begin(), indicator.iris_metric.end(), IsLetterOrDigit)) {
    return Error::InvalidArgument("an IRIS+ metric id is letters and digits, such as PI4060",
                                  "iris_metric");
  }
  std::set<Date> dues;
  for (const Target& target : indicator.targets) {
    if (target.due <= indicator.baseline_date) {
      return Error::InvalidArgument("a target is due after the baseline", "targets");
    }
    if (!dues.insert(target.due).second) {
      return Error::InvalidArgument("two targets are due on the same day", "targets");
    }
  }
  return {};
}

Status ValidateMeasurement(const Measurement& measurement) {
  if (measurement.period_end < measurement.period_start) {
    return Error::InvalidArgument("a period ends on or after the day it starts", "period_end");
  }
  if (!IsValidUtf8(measurement.source) || CodePointCount(measurement.source) > 200) {
    return Error::InvalidArgument("a source has at most 200 characters", "source");
  }
  const std::string_view link = measurement.evidence_url;
  if (!link.empty() && !(link.starts_with("https://") || link.starts_with("http://"))) {
    return Error::InvalidArgument("evidence is a link starting with https://", "evidence_url");
  }
  if (link.size() > 2000 || !IsValidUtf8(link)) {
    return Error::InvalidArgument("evidence is a link starting with https://", "evidence_url");
  }
  return {};
}

std::vector<Measurement> Effective(const std::vector<Measurement>& measurements) {
  std::set<int64_t> superseded;
  for (const Measurement& m : measurements) {
    if (m.supersedes) superseded.insert(*m.supersedes);
  }
  std::vector<Measurement> effective;
  for (const Measurement& m : measurements) {
    if (!superseded.contains(m.id)) effective.push_back(m);
  }
  return effective;
}

std::optional<Quantity> Aggregate(Aggregation aggregation,
                                  const std::vector<Measurement>& effective) {
  if (effective.empty()) return std::nullopt;
  Quantity total;
  const Measurement* last = &effective.front();
  for (const Measurement& m : effective) {
    total = total + m.value;
    if (std::pair(m.period_end, m.id) > std::pair(last->period_end, last->id)) last = &m;
  }
  switch (aggregation) {
    case Aggregation::kSum:
      return total;
    case Aggregation::kMean:
      return MeanOf(total, static_cast<int64_t>(effective.size()));
    case Aggregation::kLast:
      return last->value;
  }
  return std::nullopt;
}

std::vector<Point> Series(const Indicator& indicator, const std::vector<Measurement>& effective,
                          Granularity granularity) {
  std::map<Date, std::vector<Measurement>> by_period;
  for (const Measurement& m : effective) {
    by_period[PeriodOf(m.period_end, granularity)].push_back(m);
  }
  std::vector<Point> series;
  for (const auto& [period, measurements] : by_period) {
    series.push_back({period, *Aggregate(indicator.aggregation, measurements)});
  }
  return series;
}

std::optional<Quantity> CurrentValue(const Indicator& indicator,
                                     const std::vector<Measurement>& effective, Date today) {
  std::vector<Measurement> counted;
  for (const Measurement& m : effective) {
    if (m.period_end >= indicator.baseline_date && m.period_end <= today) counted.push_back(m);
  }
  return Aggregate(indicator.aggregation, counted);
}

std::optional<Target> TargetOn(const Indicator& indicator, Date today) {
  if (indicator.targets.empty()) return std::nullopt;
  std::vector<Target> targets = indicator.targets;
  std::sort(targets.begin(), targets.end(),
            [](const Target& a, const Target& b) { return a.due < b.due; });
  for (const Target& target : targets) {
    if (target.due >= today) return target;
  }
  return targets.back();
}

double Progress(const Indicator& indicator, Quantity value, Quantity target) {
  const int64_t span = target.thousandths - indicator.baseline.thousandths;
  const int64_t moved = value.thousandths - indicator.baseline.thousandths;
  if (span == 0) {
    const bool better = indicator.direction == Direction::kHigherIsBetter ? moved >= 0 : moved <= 0;
    return better ? 1.0 : 0.0;
  }
  const double progress = static_cast<double>(moved) / static_cast<double>(span);
  return std::clamp(progress, 0.0, 1.0);
}

}  // namespace andel::impact
