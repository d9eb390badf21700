// Central European Time: the offset against the switch dates computed the slow way (walking to
// the last Sunday), and parsing as the inverse of formatting over many random times.
#include "core/local_time.h"

#include <gtest/gtest.h>

#include <random>

namespace andel {
namespace {

// The last Sunday of a month, found by walking back from the month's last day.
int64_t LastSunday(int year, int month) {
  for (int day = DaysInMonth(year, month);; --day) {
    const int64_t days = DaysSinceEpoch({year, month, day});
    if (((days % 7) + 7 + 4) % 7 == 0) return days;
  }
}

TEST(LocalTime, DaysSinceEpochMatchesTheCalendar) {
  EXPECT_EQ(DaysSinceEpoch({1970, 1, 1}), 0);
  EXPECT_EQ(DaysSinceEpoch({2000, 3, 1}), 11017);
  EXPECT_EQ(DaysSinceEpoch({1969, 12, 31}), -1);
  std::mt19937 random(5);
  for (int i = 0; i < 2000; ++i) {
    const int64_t day = static_cast<int64_t>(random() % 60000);
    EXPECT_EQ(DaysSinceEpoch(DateFromUnixSeconds(day * 86400)), day);
  }
}

TEST(LocalTime, OffsetSwitchesOnTheLastSundays) {
  for (int year = 1996; year <= 2060; ++year) {
    const int64_t spring = LastSunday(year, 3) * 86400 + 3600;
    const int64_t autumn = LastSunday(year, 10) * 86400 + 3600;
    EXPECT_EQ(CentralEuropeanOffset(spring - 1), 3600) << year;
    EXPECT_EQ(CentralEuropeanOffset(spring), 7200) << year;
    EXPECT_EQ(CentralEuropeanOffset(autumn - 1), 7200) << year;
    EXPECT_EQ(CentralEuropeanOffset(autumn), 3600) << year;
  }
}

TEST(LocalTime, ParsingInvertsFormatting) {
  EXPECT_EQ(*ParseLocalDateTime("2026-11-22T17:05", "t"), 1795363500);  // 16:05 UTC
  EXPECT_EQ(*ParseLocalDateTime("2026-07-01T12:00", "t"), 1782900000);  // 10:00 UTC
  EXPECT_EQ(FormatLocalDateTime(1795363500), "2026-11-22T17:05");
  std::mt19937 random(9);
  for (int i = 0; i < 5000; ++i) {
    const int64_t minute = 1500000000 / 60 + static_cast<int64_t>(random() % 20000000);
    const int64_t t = minute * 60;
    const std::string text = FormatLocalDateTime(t);
    Result<int64_t> back = ParseLocalDateTime(text, "t");
    ASSERT_TRUE(back.has_value()) << text;
    // The hour repeated in October reads as its first occurrence.
    if (*back != t) {
      EXPECT_EQ(*back + 3600, t) << text;
    }
  }
  for (const char* bad : {"", "2026-11-22", "2026-13-01T10:00", "2026-11-22T24:00",
                          "2026-11-22T10:60", "2026-11-22X10:00", "2026-11-22T10:00:99"}) {
    EXPECT_EQ(ParseLocalDateTime(bad, "closes_at").error().where, "closes_at") << bad;
  }
}

}  // namespace
}  // namespace andel
