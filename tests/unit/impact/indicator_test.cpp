// Indicators: decimals, the aggregation rules, corrections, series, progress; a property test of
// the aggregation against a plain computation on random measurements.
#include "impact/indicator.h"

#include <gtest/gtest.h>

#include <random>

namespace andel::impact {
namespace {

Date Day(int year, int month, int day) { return {year, month, day}; }

Measurement Month(int64_t id, int year, int month, int64_t thousandths) {
  Measurement m;
  m.id = id;
  m.period_start = Day(year, month, 1);
  m.period_end = Day(year, month, DaysInMonth(year, month));
  m.value = {thousandths};
  return m;
}

TEST(Quantity, ParsesAndWritesDecimals) {
  struct Case {
    std::string_view text;
    std::optional<int64_t> thousandths;
  };
  const Case kCases[] = {{"12", 12000}, {"-3.5", -3500}, {"1,25", 1250}, {"0.125", 125},
                         {" 7 ", 7000}, {"1.2345", {}},  {"", {}},       {"1.", {}},
                         {"abc", {}},   {"1e3", {}},     {"--1", {}},    {"1234567890123456", {}}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Result<Quantity> got = ParseQuantity(c.text);
    ASSERT_EQ(got.has_value(), c.thousandths.has_value());
    if (got) {
      EXPECT_EQ(got->thousandths, *c.thousandths);
    } else {
      EXPECT_EQ(got.error().where, "value");
    }
  }
  EXPECT_EQ(QuantityText({12000}), "12");
  EXPECT_EQ(QuantityText({-3500}), "-3.5");
  EXPECT_EQ(QuantityText({125}), "0.125");
  EXPECT_EQ(MeanOf({10000}, 3).thousandths, 3333);
  EXPECT_EQ(MeanOf({-5}, 2).thousandths, -3);  // half away from zero
}

TEST(Indicator, AggregatesBySumMeanOrLast) {
  const std::vector<Measurement> m = {Month(1, 2025, 1, 10000), Month(2, 2025, 3, 30000),
                                      Month(3, 2025, 2, 20000)};
  EXPECT_EQ(Aggregate(Aggregation::kSum, m)->thousandths, 60000);
  EXPECT_EQ(Aggregate(Aggregation::kMean, m)->thousandths, 20000);
  EXPECT_EQ(Aggregate(Aggregation::kLast, m)->thousandths, 30000);  // March ends last
  EXPECT_FALSE(Aggregate(Aggregation::kSum, {}).has_value());
}

TEST(Indicator, ACorrectionSupersedesAndBothStay) {
  std::vector<Measurement> m = {Month(1, 2025, 1, 10000), Month(2, 2025, 2, 99000)};
  Measurement fix = Month(3, 2025, 2, 20000);
  fix.supersedes = 2;
  m.push_back(fix);
  Measurement again = Month(4, 2025, 2, 21000);
  again.supersedes = 3;
  m.push_back(again);
  const std::vector<Measurement> effective = Effective(m);
  ASSERT_EQ(effective.size(), 2u);
  EXPECT_EQ(effective[1].id, 4);
  EXPECT_EQ(Aggregate(Aggregation::kSum, effective)->thousandths, 31000);
  EXPECT_EQ(m.size(), 4u);  // nothing is removed from the record
}

TEST(Indicator, SeriesByMonthQuarterAndYear) {
  Indicator indicator;
  indicator.aggregation = Aggregation::kSum;
  std::vector<Measurement> m;
  for (int month = 1; month <= 12; ++month) m.push_back(Month(month, 2024, month, month * 1000));
  m.push_back(Month(13, 2025, 1, 5000));
  const std::vector<Point> quarters = Series(indicator, m, Granularity::kQuarter);
  ASSERT_EQ(quarters.size(), 5u);
  EXPECT_EQ(quarters[0].period, Day(2024, 1, 1));
  EXPECT_EQ(quarters[0].value.thousandths, 6000);
  EXPECT_EQ(quarters[3].value.thousandths, 33000);
  const std::vector<Point> years = Series(indicator, m, Granularity::kYear);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].value.thousandths, 78000);
  EXPECT_EQ(Series(indicator, m, Granularity::kMonth).size(), 13u);
}

// Property: what a chart plots for an indicator that adds up is the baseline plus the months so
// far (a brute-force sum of the measurements up to each month's end), so the line ends where the
// total stands; for any other aggregation it is the month's own value. Months before the
// baseline's month are left out.
TEST(Indicator, ChartedMonthsPlotTheRunningTotalOfWhatAddsUp) {
  std::mt19937 random(16);
  for (int round = 0; round < 300; ++round) {
    Indicator indicator;
    indicator.aggregation = random() % 2 ? Aggregation::kSum : Aggregation::kLast;
    indicator.baseline = {static_cast<int64_t>(random() % 5) * 1000};
    indicator.baseline_date = Day(2024, 1 + static_cast<int>(random() % 6), 15);
    std::vector<Measurement> m;
    for (int i = 0, n = static_cast<int>(random() % 12); i < n; ++i) {
      m.push_back(Month(i + 1, 2024, 1 + static_cast<int>(random() % 12),
                        static_cast<int64_t>(random() % 9) * 1000));
    }
    const Date first{indicator.baseline_date.year, indicator.baseline_date.month, 1};
    for (const ChartedMonth& month : ChartedMonths(indicator, m)) {
      EXPECT_GE(month.period, first);
      if (indicator.aggregation != Aggregation::kSum) {
        EXPECT_EQ(month.plotted.thousandths, month.value.thousandths);
        continue;
      }
      int64_t expected = indicator.baseline.thousandths;
      for (const Measurement& each : m) {
        const Date period{each.period_end.year, each.period_end.month, 1};
        if (period >= first && period <= month.period) expected += each.value.thousandths;
      }
      EXPECT_EQ(month.plotted.thousandths, expected) << "round " << round;
    }
  }
}

TEST(Indicator, ProgressTowardsTheTargetEitherWay) {
  Indicator jobs;
  jobs.baseline = {20000};
  jobs.baseline_date = Day(2024, 1, 1);
  jobs.targets = {{{60000}, Day(2025, 12, 31)}, {{40000}, Day(2024, 12, 31)}};
  EXPECT_EQ(TargetOn(jobs, Day(2024, 6, 1))->value.thousandths, 40000);  // the first due
  EXPECT_EQ(TargetOn(jobs, Day(2025, 6, 1))->value.thousandths, 60000);
  EXPECT_EQ(TargetOn(jobs, Day(2027, 1, 1))->value.thousandths, 60000);  // past all: the last
  EXPECT_DOUBLE_EQ(Progress(jobs, {41000}, {60000}), 0.525);
  EXPECT_DOUBLE_EQ(Progress(jobs, {10000}, {60000}), 0.0);  // below the baseline
  EXPECT_DOUBLE_EQ(Progress(jobs, {90000}, {60000}), 1.0);  // past the target
  Indicator co2;
  co2.direction = Direction::kLowerIsBetter;
  co2.baseline = {100000};
  EXPECT_DOUBLE_EQ(Progress(co2, {70000}, {50000}), 0.6);
  EXPECT_DOUBLE_EQ(Progress(co2, {120000}, {50000}), 0.0);
  EXPECT_DOUBLE_EQ(Progress(co2, {90000}, {100000}), 1.0);  // target = baseline, met
  EXPECT_DOUBLE_EQ(Progress(jobs, {10000}, {20000}), 0.0);  // target = baseline, missed
}

TEST(Indicator, CurrentValueCountsSinceTheBaselineUpToToday) {
  Indicator indicator;
  indicator.aggregation = Aggregation::kSum;
  indicator.baseline_date = Day(2024, 1, 1);
  const std::vector<Measurement> m = {Month(1, 2023, 12, 5000), Month(2, 2024, 1, 10000),
                                      Month(3, 2024, 2, 10000), Month(4, 2024, 3, 10000)};
  EXPECT_EQ(CurrentValue(indicator, m, Day(2024, 2, 29))->thousandths, 20000);
  EXPECT_FALSE(CurrentValue(indicator, m, Day(2023, 12, 1)).has_value());
}

TEST(Indicator, ValidationNamesTheField) {
  Indicator good;
  good.name = "People into jobs";
  good.unit = "people";
  good.iris_metric = "PI4060";
  good.baseline_date = Day(2024, 1, 1);
  good.targets = {{{1}, Day(2025, 1, 1)}};
  EXPECT_TRUE(ValidateIndicator(good));
  Indicator bad = good;
  bad.name = "  ";
  EXPECT_EQ(ValidateIndicator(bad).error().where, "name");
  bad = good;
  bad.iris_metric = "PI-40";
  EXPECT_EQ(ValidateIndicator(bad).error().where, "iris_metric");
  bad = good;
  bad.targets.push_back({{2}, Day(2023, 1, 1)});
  EXPECT_EQ(ValidateIndicator(bad).error().where, "targets");
  bad = good;
  bad.targets.push_back({{2}, Day(2025, 1, 1)});
  EXPECT_EQ(ValidateIndicator(bad).error().message, "two targets are due on the same day");
  bad = good;
  bad.weight = Quantity{500};
  EXPECT_EQ(ValidateIndicator(bad).error().where, "weight");  // a weight needs a parent
  bad.parent = 9;
  EXPECT_TRUE(ValidateIndicator(bad));
  bad.weight = Quantity{1001};
  EXPECT_EQ(ValidateIndicator(bad).error().where, "weight");
  bad.weight = Quantity{0};
  EXPECT_EQ(ValidateIndicator(bad).error().where, "weight");
  Measurement m = Month(1, 2024, 5, 1);
  EXPECT_TRUE(ValidateMeasurement(m));
  m.evidence_url = "javascript:alert(1)";
  EXPECT_EQ(ValidateMeasurement(m).error().where, "evidence_url");
  m = Month(1, 2024, 5, 1);
  m.period_end = Day(2024, 4, 1);
  EXPECT_EQ(ValidateMeasurement(m).error().where, "period_end");
  EXPECT_EQ(ParseAggregation("Mean").value(), Aggregation::kMean);
  EXPECT_EQ(ParseDirection("up").error().where, "direction");
}

// Aggregation and corrections against a plain computation, on random measurements (seed 21).
TEST(Indicator, AggregationMatchesAPlainComputation) {
  std::mt19937 random(21);
  for (int round = 0; round < 500; ++round) {
    std::vector<Measurement> m;
    const int n = static_cast<int>(random() % 12);
    for (int i = 0; i < n; ++i) {
      Measurement x = Month(i + 1, 2024, 1 + static_cast<int>(random() % 12),
                            static_cast<int64_t>(random() % 200001) - 100000);
      if (i > 0 && random() % 4 == 0) x.supersedes = 1 + static_cast<int64_t>(random() % i);
      m.push_back(x);
    }
    // Plain: a measurement counts unless some other names it.
    std::vector<const Measurement*> counted;
    for (const Measurement& x : m) {
      bool superseded = false;
      for (const Measurement& y : m) superseded = superseded || (y.supersedes == x.id);
      if (!superseded) counted.push_back(&x);
    }
    const std::vector<Measurement> effective = Effective(m);
    ASSERT_EQ(effective.size(), counted.size());
    if (counted.empty()) continue;
    int64_t sum = 0;
    const Measurement* last = counted.front();
    for (const Measurement* x : counted) {
      sum += x->value.thousandths;
      if (x->period_end > last->period_end ||
          (x->period_end == last->period_end && x->id > last->id)) {
        last = x;
      }
    }
    EXPECT_EQ(Aggregate(Aggregation::kSum, effective)->thousandths, sum);
    EXPECT_EQ(Aggregate(Aggregation::kLast, effective)->thousandths, last->value.thousandths);
    const double mean = static_cast<double>(sum) / static_cast<double>(counted.size());
    EXPECT_NEAR(static_cast<double>(Aggregate(Aggregation::kMean, effective)->thousandths), mean,
                0.5);
  }
}

}  // namespace
}  // namespace andel::impact
