// Social return on investment, as Social Value International's guide computes it: each
// outcome's value in its first year is quantity × financial proxy, less deadweight,
// displacement and attribution; it then drops off year by year over its duration; the values
// are discounted to present value. NPV = PV − investment, SROI = PV ÷ investment. A
// sensitivity table shows each assumption moved down and up, and the payback period is the
// investment over the first year's value per month.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "impact/quantity.h"

namespace andel::impact {

// Shares as basis points: 2500 is 25 %.
struct SroiOutcome {
  std::string name;
  Quantity quantity;        // people, tonnes, …
  int64_t proxy_minor = 0;  // value of one unit, in minor units of the currency
  int deadweight_bp = 0;    // would have happened anyway
  int displacement_bp = 0;  // displaced other outcomes
  int attribution_bp = 0;   // due to others
  int drop_off_bp = 0;      // lost each year after the first
  int duration_years = 1;   // 1–50
};

struct SroiInput {
  std::vector<SroiOutcome> outcomes;
  int64_t investment_minor = 0;  // the inputs: money and the value of time and goods given
  int discount_bp = 350;         // the discount rate, 3.5 % by default (the HM Treasury rate)
};

// One assumption moved down and up, and the ratio each way.
struct Sensitivity {
  std::string outcome;     // the outcome's name, or empty for the discount rate
  std::string assumption;  // "quantity", "proxy", "deadweight", "displacement", "attribution",
                           // "drop_off", "duration", "discount"
  std::string low, high;   // the assumption's values, as shown ("80 %", "4 years", "2.5 %")
  double ratio_low = 0, ratio_high = 0;
};

struct SroiReport {
  // Per outcome, per year from 1: the value that year (minor units, not discounted).
  std::vector<std::vector<int64_t>> values;
  std::vector<int64_t> present_value_by_year;  // all outcomes, discounted
  int64_t present_value_minor = 0;
  int64_t net_present_value_minor = 0;
  double ratio = 0;                      // present value per unit invested
  std::optional<double> payback_months;  // none if the first year creates no value
  std::vector<Sensitivity> sensitivity;
};

// kInvalidArgument naming the field ("outcomes[2].deadweight", "investment"): a positive
// investment, shares within 0–100 %, durations of 1–50 years, quantities and proxies ≥ 0, a
// discount rate within 0–100 %, names of 1–120 characters, at most 100 outcomes.
Status ValidateSroi(const SroiInput& input);

// The report; the input must be valid. Amounts are rounded to minor units once, at the end.
SroiReport ComputeSroi(const SroiInput& input);

}  // namespace andel::impact
