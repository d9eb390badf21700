// SROI on hand-computed examples (present value, ratio, drop-off over several years, payback),
// the sensitivity table, and validation.
#include "impact/sroi.h"

#include <gtest/gtest.h>

namespace andel::impact {
namespace {

// 10 people into work, each valued at 1,000.00 (100,000 minor units); 20 % would have happened
// anyway, 25 % is due to others; half of it drops off each year over 3 years; 10,000.00
// invested; 3.5 % discount.
SroiInput Example() {
  SroiInput input;
  SroiOutcome jobs;
  jobs.name = "People into work";
  jobs.quantity = {10000};
  jobs.proxy_minor = 100000;
  jobs.deadweight_bp = 2000;
  jobs.attribution_bp = 2500;
  jobs.drop_off_bp = 5000;
  jobs.duration_years = 3;
  input.outcomes = {jobs};
  input.investment_minor = 1000000;
  return input;
}

TEST(Sroi, HandComputedExample) {
  const SroiReport report = ComputeSroi(Example());
  // Year 1: 10 × 100,000 × 0.8 × 0.75 = 600,000; then 300,000 and 150,000.
  ASSERT_EQ(report.values.size(), 1u);
  EXPECT_EQ(report.values[0], (std::vector<int64_t>{600000, 300000, 150000}));
  // 600,000 ÷ 1.035 + 300,000 ÷ 1.035² + 150,000 ÷ 1.035³.
  EXPECT_EQ(report.present_value_by_year, (std::vector<int64_t>{579710, 280053, 135291}));
  EXPECT_EQ(report.present_value_minor, 995055);
  EXPECT_EQ(report.net_present_value_minor, -4945);
  EXPECT_NEAR(report.ratio, 0.9950548, 1e-7);
  ASSERT_TRUE(report.payback_months.has_value());
  EXPECT_DOUBLE_EQ(*report.payback_months, 20.0);  // 1,000,000 ÷ (600,000 ÷ 12)
}

TEST(Sroi, OutcomesAddUpAndNoDiscountIsPlainSum) {
  SroiInput input = Example();
  input.discount_bp = 0;
  SroiOutcome hours;
  hours.name = "Volunteer hours";
  hours.quantity = {2500500};  // 2,500.5 hours
  hours.proxy_minor = 20000;
  hours.duration_years = 1;
  input.outcomes.push_back(hours);
  const SroiReport report = ComputeSroi(input);
  EXPECT_EQ(report.present_value_minor, 1050000 + 50010000);
  EXPECT_EQ(report.present_value_by_year[0], 600000 + 50010000);
  EXPECT_EQ(report.present_value_by_year[2], 150000);
}

TEST(Sroi, SensitivityMovesEachAssumptionBothWays) {
  const SroiReport report = ComputeSroi(Example());
  // Seven rows for the outcome and one for the discount rate.
  ASSERT_EQ(report.sensitivity.size(), 8u);
  for (const Sensitivity& row : report.sensitivity) {
    SCOPED_TRACE(row.assumption);
    const bool lowers_value = row.assumption == "deadweight" || row.assumption == "displacement" ||
                              row.assumption == "attribution" || row.assumption == "drop_off" ||
                              row.assumption == "discount";
    if (lowers_value) {
      EXPECT_GE(row.ratio_low, report.ratio);
      EXPECT_LE(row.ratio_high, report.ratio);
    } else {
      EXPECT_LE(row.ratio_low, report.ratio);
      EXPECT_GE(row.ratio_high, report.ratio);
    }
  }
  EXPECT_EQ(report.sensitivity[0].assumption, "quantity");
  EXPECT_EQ(report.sensitivity[0].low, "8");
  EXPECT_NEAR(report.sensitivity[0].ratio_low, report.ratio * 0.8, 1e-9);
  EXPECT_EQ(report.sensitivity[2].low, "10 %");  // deadweight 20 % − 10 points
  EXPECT_EQ(report.sensitivity.back().low, "2.5 %");
}

TEST(Sroi, ValidationNamesTheField) {
  SroiInput input = Example();
  EXPECT_TRUE(ValidateSroi(input));
  input.investment_minor = 0;
  EXPECT_EQ(ValidateSroi(input).error().where, "investment");
  input = Example();
  input.outcomes[0].attribution_bp = 10001;
  EXPECT_EQ(ValidateSroi(input).error().where, "outcomes[0].attribution");
  input = Example();
  input.outcomes[0].duration_years = 0;
  EXPECT_EQ(ValidateSroi(input).error().where, "outcomes[0].duration");
  input = Example();
  input.outcomes.clear();
  EXPECT_EQ(ValidateSroi(input).error().where, "outcomes");
  input = Example();
  input.outcomes[0].name = "";
  EXPECT_EQ(ValidateSroi(input).error().where, "outcomes[0].name");
}

}  // namespace
}  // namespace andel::impact
