// Calendar dates (no time zone) as used for membership dates, and their ISO 8601 form.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" (a real calendar day, years 1900-9999). kInvalidArgument otherwise.
Result<Date> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDate(const Date& date);

// The calendar date (UTC) of a Unix time in seconds.
Date DateFromUnixSeconds(int64_t unix_seconds);

// Days in a month of a year (Gregorian).
int DaysInMonth(int year, int month);

}  // namespace andel
