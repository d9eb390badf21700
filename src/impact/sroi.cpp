#include "impact/sroi.h"

#include <algorithm>
#include <cmath>

#include "core/text.h"

namespace andel::impact {
namespace {

// The computation in long double (valuations, not ledger money), rounded once when reported.
struct Totals {
  std::vector<std::vector<long double>> values;  // outcome → year → value
  std::vector<long double> present_by_year;
  long double present = 0;
  long double first_year = 0;
};

long double Share(int bp) { return static_cast<long double>(bp) / 10000.0L; }

Totals Compute(const SroiInput& input) {
  Totals totals;
  int years = 0;
  for (const SroiOutcome& o : input.outcomes) years = std::max(years, o.duration_years);
  totals.present_by_year.assign(static_cast<size_t>(years), 0);
  const long double rate = Share(input.discount_bp);
  for (const SroiOutcome& o : input.outcomes) {
    const long double impact = static_cast<long double>(o.quantity.thousandths) / 1000.0L *
                               static_cast<long double>(o.proxy_minor) *
                               (1 - Share(o.deadweight_bp)) * (1 - Share(o.displacement_bp)) *
                               (1 - Share(o.attribution_bp));
    totals.first_year += impact;
    std::vector<long double> by_year;
    long double value = impact;
    for (int year = 1; year <= o.duration_years; ++year) {
      if (year > 1) value *= 1 - Share(o.drop_off_bp);
      by_year.push_back(value);
      const long double present = value / std::pow(1 + rate, static_cast<long double>(year));
      totals.present_by_year[static_cast<size_t>(year - 1)] += present;
      totals.present += present;
    }
    totals.values.push_back(std::move(by_year));
  }
  return totals;
}

double RatioOf(const SroiInput& input) {
  return static_cast<double>(Compute(input).present /
                             static_cast<long double>(input.investment_minor));
}

std::string PercentText(int bp) {
  std::string text = std::to_string(bp / 100);
  if (bp % 100 != 0) {
    std::string cents = std::to_string(bp % 100);
    cents.insert(0, 2 - cents.size(), '0');
    if (cents.back() == '0') cents.pop_back();
    text += "." + cents;
  }
  return text + " %";
}

int64_t Round(long double value) { return static_cast<int64_t>(std::llround(value)); }

}  // namespace

Status ValidateSroi(const SroiInput& input) {
  if (input.investment_minor <= 0) {
    return Error::InvalidArgument("the investment must be more than 0", "investment");
  }
  if (input.discount_bp < 0 || input.discount_bp > 10000) {
    return Error::InvalidArgument("a share lies between 0 and 100 %", "discount_rate");
  }
  if (input.outcomes.empty() || input.outcomes.size() > 100) {
    return Error::InvalidArgument("an SROI needs 1 to 100 outcomes", "outcomes");
  }
  for (size_t i = 0; i < input.outcomes.size(); ++i) {
    const SroiOutcome& o = input.outcomes[i];
    const std::string at = "outcomes[" + std::to_string(i) + "].";
    const std::string_view name = Trim(o.name);
    if (name.empty() || !IsValidUtf8(name) || CodePointCount(name) > 120) {
      return Error::InvalidArgument("an outcome needs a name of at most 120 characters",
                                    at + "name");
    }
    if (o.quantity.thousandths < 0) {
      return Error::InvalidArgument("a quantity is not negative", at + "quantity");
    }
    if (o.proxy_minor < 0) {
      return Error::InvalidArgument("a financial proxy is not negative", at + "proxy");
    }
    const std::pair<int, const char*> shares[] = {{o.deadweight_bp, "deadweight"},
                                                  {o.displacement_bp, "displacement"},
                                                  {o.attribution_bp, "attribution"},
                                                  {o.drop_off_bp, "drop_off"}};
    for (const auto& [bp, field] : shares) {
      if (bp < 0 || bp > 10000) {
        return Error::InvalidArgument("a share lies between 0 and 100 %", at + field);
      }
    }
    if (o.duration_years < 1 || o.duration_years > 50) {
      return Error::InvalidArgument("a duration is 1 to 50 years", at + "duration");
    }
  }
  return {};
}

SroiReport ComputeSroi(const SroiInput& input) {
  const Totals totals = Compute(input);
  SroiReport report;
  for (const auto& by_year : totals.values) {
    std::vector<int64_t> rounded;
    for (const long double value : by_year) rounded.push_back(Round(value));
    report.values.push_back(std::move(rounded));
  }
  for (const long double present : totals.present_by_year) {
    report.present_value_by_year.push_back(Round(present));
  }
  report.present_value_minor = Round(totals.present);
  report.net_present_value_minor = Round(totals.present) - input.investment_minor;
  report.ratio =
      static_cast<double>(totals.present / static_cast<long double>(input.investment_minor));
  if (totals.first_year > 0) {
    report.payback_months = static_cast<double>(static_cast<long double>(input.investment_minor) /
                                                (totals.first_year / 12));
  }
  // Shares move 10 percentage points, quantities and proxies 20 %, durations a year, the
  // discount rate 1 point; each within its bounds.
  const auto shift_bp = [](int bp, int by) { return std::clamp(bp + by, 0, 10000); };
  for (size_t i = 0; i < input.outcomes.size(); ++i) {
    const SroiOutcome& o = input.outcomes[i];
    const auto moved = [&](auto change) {
      SroiInput copy = input;
      change(copy.outcomes[i]);
      return RatioOf(copy);
    };
    const auto share_row = [&](const char* name, int SroiOutcome::*field) {
      const int low = shift_bp(o.*field, -1000), high = shift_bp(o.*field, 1000);
      report.sensitivity.push_back({o.name, name, PercentText(low), PercentText(high),
                                    moved([&](SroiOutcome& c) { c.*field = low; }),
                                    moved([&](SroiOutcome& c) { c.*field = high; })});
    };
    const Quantity q_low{o.quantity.thousandths * 8 / 10}, q_high{o.quantity.thousandths * 12 / 10};
    report.sensitivity.push_back({o.name, "quantity", QuantityText(q_low), QuantityText(q_high),
                                  moved([&](SroiOutcome& c) { c.quantity = q_low; }),
                                  moved([&](SroiOutcome& c) { c.quantity = q_high; })});
    const int64_t p_low = o.proxy_minor * 8 / 10, p_high = o.proxy_minor * 12 / 10;
    report.sensitivity.push_back({o.name, "proxy", std::to_string(p_low), std::to_string(p_high),
                                  moved([&](SroiOutcome& c) { c.proxy_minor = p_low; }),
                                  moved([&](SroiOutcome& c) { c.proxy_minor = p_high; })});
    share_row("deadweight", &SroiOutcome::deadweight_bp);
    share_row("displacement", &SroiOutcome::displacement_bp);
    share_row("attribution", &SroiOutcome::attribution_bp);
    share_row("drop_off", &SroiOutcome::drop_off_bp);
    const int d_low = std::max(1, o.duration_years - 1),
              d_high = std::min(50, o.duration_years + 1);
    report.sensitivity.push_back({o.name, "duration", std::to_string(d_low), std::to_string(d_high),
                                  moved([&](SroiOutcome& c) { c.duration_years = d_low; }),
                                  moved([&](SroiOutcome& c) { c.duration_years = d_high; })});
  }
  SroiInput low = input, high = input;
  low.discount_bp = shift_bp(input.discount_bp, -100);
  high.discount_bp = shift_bp(input.discount_bp, 100);
  report.sensitivity.push_back({"", "discount", PercentText(low.discount_bp),
                                PercentText(high.discount_bp), RatioOf(low), RatioOf(high)});
  return report;
}

}  // namespace andel::impact
