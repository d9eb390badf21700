// An indicator's value: an exact decimal with up to three places (participants, hours, tonnes of
// CO₂, kroner), held as an integer number of thousandths so that sums over a million
// measurements stay exact.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::impact {

struct Quantity {
  int64_t thousandths = 0;

  auto operator<=>(const Quantity&) const = default;
  Quantity operator+(Quantity other) const { return {thousandths + other.thousandths}; }
  Quantity operator-(Quantity other) const { return {thousandths - other.thousandths}; }
  double ToDouble() const { return static_cast<double>(thousandths) / 1000.0; }
};

// "12", "-3.5", "1,25", "0.125" (a decimal point or comma, at most three places, an optional
// minus; magnitude under 10¹⁵). kInvalidArgument naming `field` otherwise.
Result<Quantity> ParseQuantity(std::string_view text, std::string_view field = "value");

// The shortest form: "12", "-3.5", "0.125" (a decimal point).
std::string QuantityText(Quantity quantity);

// The mean of `count` values summing to `total`, rounded half away from zero to thousandths.
Quantity MeanOf(Quantity total, int64_t count);

}  // namespace andel::impact
