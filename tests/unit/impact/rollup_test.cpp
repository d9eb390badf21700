// A programme's roll-up: grouping by what is counted, totals by the aggregation, goals left out;
// a property test against a plain computation on random communities (seed 47).
#include "impact/rollup.h"

#include <gtest/gtest.h>

#include <random>

namespace andel::impact {
namespace {

Measurement Month(int64_t id, int64_t indicator, int year, int month, int64_t thousandths) {
  Measurement m;
  m.id = id;
  m.indicator_id = indicator;
  m.period_start = {year, month, 1};
  m.period_end = {year, month, DaysInMonth(year, month)};
  m.value = {thousandths};
  return m;
}

Indicator Catalogued(int64_t id, const std::string& key, Aggregation aggregation) {
  Indicator indicator;
  indicator.id = id;
  indicator.catalogue_key = key;
  indicator.name = key;
  indicator.unit = "people";
  indicator.aggregation = aggregation;
  indicator.baseline_date = {2024, 1, 1};
  return indicator;
}

TEST(Rollup, GroupsWhatIsCountedAlikeAndTotalsByTheAggregation) {
  ReportingCommunity house{1,
                           {Catalogued(10, "people_into_jobs", Aggregation::kSum),
                            Catalogued(11, "satisfaction", Aggregation::kMean)},
                           {}};
  house.indicators[0].targets = {{{40000}, {2025, 12, 31}}};
  house.effective[10] = {Month(1, 10, 2024, 3, 12000), Month(2, 10, 2024, 4, 8000)};
  house.effective[11] = {Month(3, 11, 2024, 3, 4000)};
  ReportingCommunity coop{2,
                          {Catalogued(20, "people_into_jobs", Aggregation::kSum),
                           Catalogued(21, "satisfaction", Aggregation::kMean)},
                          {}};
  coop.effective[20] = {Month(4, 20, 2024, 5, 5000)};
  coop.effective[21] = {Month(5, 21, 2024, 5, 3000)};
  // A name of its own that differs only in case and spaces counts with the same name.
  Indicator own = Catalogued(22, "", Aggregation::kSum);
  own.name = " Volunteer hours";
  own.unit = "hours";
  Indicator own_too = own;
  own_too.id = 12;
  own_too.name = "volunteer hours";
  house.indicators.push_back(own_too);
  coop.indicators.push_back(own);
  const std::vector<RollupLine> lines = RollUp({house, coop}, {2024, 12, 31});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].entries.size(), 2u);
  EXPECT_EQ(lines[0].total->thousandths, 25000);  // 20 + 5
  EXPECT_DOUBLE_EQ(*lines[0].entries[0].progress, 0.5);
  EXPECT_FALSE(lines[0].entries[1].progress.has_value());  // no target
  EXPECT_EQ(lines[1].total->thousandths, 3500);            // the mean of 4 and 3
  EXPECT_EQ(lines[2].entries.size(), 2u);
  EXPECT_FALSE(lines[2].total.has_value());  // no measurements yet
}

TEST(Rollup, LeavesGoalsOutAndKeepsDifferentUnitsApart) {
  Indicator goal = Catalogued(1, "", Aggregation::kSum);
  goal.name = "Work";
  Indicator part = Catalogued(2, "people_into_jobs", Aggregation::kSum);
  part.parent = 1;
  Indicator other_unit = Catalogued(3, "people_into_jobs", Aggregation::kSum);
  other_unit.unit = "households";
  const std::vector<RollupLine> lines =
      RollUp({{1, {goal, part}, {}}, {2, {other_unit}, {}}}, {2024, 12, 31});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].entries[0].indicator.id, 2);
  EXPECT_EQ(lines[1].entries[0].indicator.id, 3);
}

TEST(Rollup, TotalsMatchAPlainComputationOnRandomProgrammes) {
  std::mt19937 random(47);
  const Aggregation kAggregations[] = {Aggregation::kSum, Aggregation::kMean, Aggregation::kLast};
  for (int round = 0; round < 300; ++round) {
    std::vector<ReportingCommunity> communities;
    const int community_count = 1 + static_cast<int>(random() % 5);
    int64_t next_id = 1;
    for (int c = 0; c < community_count; ++c) {
      ReportingCommunity community{c + 1, {}, {}};
      for (int k = 0; k < 3; ++k) {
        if (random() % 3 == 0) continue;
        Indicator indicator = Catalogued(next_id++, "key" + std::to_string(k), kAggregations[k]);
        const int months = static_cast<int>(random() % 4);
        for (int m = 0; m < months; ++m) {
          community.effective[indicator.id].push_back(
              Month(next_id++, indicator.id, 2024, 1 + static_cast<int>(random() % 12),
                    static_cast<int64_t>(random() % 100000) - 20000));
        }
        community.indicators.push_back(indicator);
      }
      communities.push_back(community);
    }
    const Date today{2024, 12, 31};
    const std::vector<RollupLine> lines = RollUp(communities, today);
    for (int k = 0; k < 3; ++k) {
      // Plainly: every community's current value of key k, summed or averaged.
      std::vector<int64_t> values;
      size_t with_indicator = 0;
      for (const ReportingCommunity& community : communities) {
        for (const Indicator& indicator : community.indicators) {
          if (indicator.catalogue_key != "key" + std::to_string(k)) continue;
          ++with_indicator;
          const auto found = community.effective.find(indicator.id);
          if (found == community.effective.end()) continue;
          const std::optional<Quantity> value = Aggregate(kAggregations[k], found->second);
          if (value) values.push_back(value->thousandths);
        }
      }
      const RollupLine* line = nullptr;
      for (const RollupLine& candidate : lines) {
        if (candidate.entries.front().indicator.catalogue_key == "key" + std::to_string(k)) {
          line = &candidate;
        }
      }
      if (with_indicator == 0) {
        EXPECT_EQ(line, nullptr);
        continue;
      }
      ASSERT_NE(line, nullptr);
      EXPECT_EQ(line->entries.size(), with_indicator);
      if (values.empty()) {
        EXPECT_FALSE(line->total.has_value());
        continue;
      }
      int64_t sum = 0;
      for (const int64_t v : values) sum += v;
      const int64_t expected =
          kAggregations[k] == Aggregation::kMean ? MeanOf({sum}, values.size()).thousandths : sum;
      ASSERT_TRUE(line->total.has_value());
      EXPECT_EQ(line->total->thousandths, expected) << "round " << round << " key " << k;
    }
  }
}

}  // namespace
}  // namespace andel::impact
