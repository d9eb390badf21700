#include "impact/indicator.h"

#include <algorithm>
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
  if (indicator.weight) {
    if (!indicator.parent) {
      return Error::InvalidArgument("a weight is the share of a parent; choose the parent",
                                    "weight");
    }
    if (indicator.weight->thousandths <= 0 || indicator.weight->thousandths > 1000) {
      return Error::InvalidArgument("a weight lies above 0 and at most 1", "weight");
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
  std::vector<int64_t> superseded;
  for (const Measurement& m : measurements) {
    if (m.supersedes) superseded.push_back(*m.supersedes);
  }
  if (superseded.empty()) return measurements;
  std::sort(superseded.begin(), superseded.end());
  std::vector<Measurement> effective;
  effective.reserve(measurements.size());
  for (const Measurement& m : measurements) {
    if (!std::binary_search(superseded.begin(), superseded.end(), m.id)) effective.push_back(m);
  }
  return effective;
}

namespace {

// Measurements folded into one value as they come, without copying them.
struct Accumulator {
  Quantity total;
  int64_t count = 0;
  const Measurement* last = nullptr;

  void Add(const Measurement& m) {
    total = total + m.value;
    ++count;
    if (!last || std::pair(m.period_end, m.id) > std::pair(last->period_end, last->id)) last = &m;
  }
  std::optional<Quantity> Value(Aggregation aggregation) const {
    if (count == 0) return std::nullopt;
    switch (aggregation) {
      case Aggregation::kSum:
        return total;
      case Aggregation::kMean:
        return MeanOf(total, count);
      case Aggregation::kLast:
        return last->value;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<Quantity> Aggregate(Aggregation aggregation,
                                  const std::vector<Measurement>& effective) {
  Accumulator accumulator;
  for (const Measurement& m : effective) accumulator.Add(m);
  return accumulator.Value(aggregation);
}

std::vector<Point> Series(const Indicator& indicator, const std::vector<Measurement>& effective,
                          Granularity granularity) {
  std::vector<std::pair<Date, const Measurement*>> by_period;
  by_period.reserve(effective.size());
  for (const Measurement& m : effective) {
    by_period.emplace_back(PeriodOf(m.period_end, granularity), &m);
  }
  std::stable_sort(by_period.begin(), by_period.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Point> series;
  for (size_t i = 0; i < by_period.size();) {
    Accumulator accumulator;
    size_t j = i;
    for (; j < by_period.size() && by_period[j].first == by_period[i].first; ++j) {
      accumulator.Add(*by_period[j].second);
    }
    series.push_back({by_period[i].first, *accumulator.Value(indicator.aggregation)});
    i = j;
  }
  return series;
}

std::vector<ChartedMonth> ChartedMonths(const Indicator& indicator,
                                        const std::vector<Measurement>& effective) {
  const Date first{indicator.baseline_date.year, indicator.baseline_date.month, 1};
  const bool adds_up = indicator.aggregation == Aggregation::kSum;
  std::vector<ChartedMonth> months;
  Quantity total = indicator.baseline;
  for (const Point& point : Series(indicator, effective, Granularity::kMonth)) {
    if (point.period < first) continue;
    total = total + point.value;
    months.push_back({point.period, point.value, adds_up ? total : point.value});
  }
  return months;
}

std::optional<Quantity> CurrentValue(const Indicator& indicator,
                                     const std::vector<Measurement>& effective, Date today) {
  Accumulator accumulator;
  for (const Measurement& m : effective) {
    if (m.period_end >= indicator.baseline_date && m.period_end <= today) accumulator.Add(m);
  }
  return accumulator.Value(indicator.aggregation);
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
