#include "impact/quantity.h"

#include <charconv>
#include <cstdlib>

#include "core/text.h"

namespace andel::impact {

Result<Quantity> ParseQuantity(std::string_view text, std::string_view field) {
  const Error bad = Error::InvalidArgument("not a number", std::string(field));
  text = Trim(text);
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const size_t point = text.find_first_of(".,");
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() || whole.size() > 15 || fraction.size() > 3 ||
      (point != std::string_view::npos && fraction.empty())) {
    return bad;
  }
  int64_t units = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return bad;
    units = units * 10 + (c - '0');
  }
  int64_t thousandths = 0, scale = 100;
  for (const char c : fraction) {
    if (c < '0' || c > '9') return bad;
    thousandths += (c - '0') * scale;
    scale /= 10;
  }
  const int64_t value = units * 1000 + thousandths;
  return Quantity{negative ? -value : value};
}

std::string QuantityText(Quantity quantity) {
  const int64_t magnitude = std::llabs(quantity.thousandths);
  std::string text = (quantity.thousandths < 0 ? "-" : "") + std::to_string(magnitude / 1000);
  int64_t fraction = magnitude % 1000;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 3 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  return text + "." + digits;
}

Quantity MeanOf(Quantity total, int64_t count) {
  if (count <= 0) return {};
  const int64_t magnitude = std::llabs(total.thousandths);
  const int64_t rounded = (magnitude + count / 2) / count;
  return {total.thousandths < 0 ? -rounded : rounded};
}

}  // namespace andel::impact
