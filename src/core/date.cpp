// Gregorian calendar arithmetic after Howard Hinnant's days-from-civil algorithms.
#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace andel {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) return 29;
  return kDays[month - 1];
}

Result<Date> ParseIsoDate(std::string_view text) {
  const Error bad = Error::InvalidArgument("a date must be written as YYYY-MM-DD");
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad;
  Date date;
  const auto parse = [&](size_t offset, size_t length, int& out) {
    const char* first = text.data() + offset;
    const char* last = first + length;
    auto [ptr, ec] = std::from_chars(first, last, out);
    return ec == std::errc() && ptr == last;
  };
  if (!parse(0, 4, date.year) || !parse(5, 2, date.month) || !parse(8, 2, date.day)) return bad;
  if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > DaysInMonth(date.year, date.month)) {
    return bad;
  }
  return date;
}

std::string FormatIsoDate(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

Date DateFromUnixSeconds(int64_t unix_seconds) {
  int64_t days = unix_seconds / 86400;
  if (unix_seconds % 86400 < 0) --days;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  Date date;
  date.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

}  // namespace andel
