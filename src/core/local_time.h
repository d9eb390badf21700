// Times of day as Andel's users read them: Central European Time (CET, UTC+1, and CEST, UTC+2,
// from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC), which
// is the time in both Denmark and the Netherlands.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace andel {

// Days from 1970-01-01 to `date` (negative before it).
int64_t DaysSinceEpoch(const Date& date);

// The offset from UTC, in seconds, of Central European Time at a Unix time.
int64_t CentralEuropeanOffset(int64_t unix_seconds);

// "YYYY-MM-DDTHH:MM" (as an HTML datetime-local field sends it, seconds optional) in Central
// European Time, to Unix seconds. A time that occurs twice in October is read as the first.
// kInvalidArgument naming `field` otherwise.
Result<int64_t> ParseLocalDateTime(std::string_view text, std::string_view field);

// "YYYY-MM-DDTHH:MM" in Central European Time (the value of a datetime-local field).
std::string FormatLocalDateTime(int64_t unix_seconds);

}  // namespace andel
