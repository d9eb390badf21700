#include "core/local_time.h"

#include <cstdio>

namespace andel {
namespace {

// The Unix time of 01:00 UTC on the last Sunday of `month` in `year`.
int64_t LastSundayAtOneUtc(int year, int month) {
  const Date last{year, month, DaysInMonth(year, month)};
  const int64_t days = DaysSinceEpoch(last);
  const int64_t weekday = ((days % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  return (days - weekday) * 86400 + 3600;
}

bool Digits(std::string_view text, size_t at, size_t count, int& out) {
  out = 0;
  if (at + count > text.size()) return false;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

int64_t DaysSinceEpoch(const Date& date) {
  // Howard Hinnant's days_from_civil.
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(date.month + (date.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(date.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t CentralEuropeanOffset(int64_t unix_seconds) {
  const int year = DateFromUnixSeconds(unix_seconds).year;
  const bool summer =
      unix_seconds >= LastSundayAtOneUtc(year, 3) && unix_seconds < LastSundayAtOneUtc(year, 10);
  return summer ? 7200 : 3600;
}

Result<int64_t> ParseLocalDateTime(std::string_view text, std::string_view field) {
  const Error bad =
      Error::InvalidArgument("write a date and time as YYYY-MM-DDTHH:MM", std::string(field));
  if (text.size() != 16 && text.size() != 19) return bad;
  Result<Date> date = ParseIsoDate(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || (text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, hour) ||
      text[13] != ':' || !Digits(text, 14, 2, minute) || hour > 23 || minute > 59) {
    return bad;
  }
  if (text.size() == 19 && (text[16] != ':' || !Digits(text, 17, 2, second) || second > 59)) {
    return bad;
  }
  const int64_t wall = DaysSinceEpoch(*date) * 86400 + hour * 3600 + minute * 60 + second;
  // Try summer time first, so that the repeated October hour reads as the first one.
  if (CentralEuropeanOffset(wall - 7200) == 7200) return wall - 7200;
  return wall - 3600;
}

std::string FormatLocalDateTime(int64_t unix_seconds) {
  const int64_t wall = unix_seconds + CentralEuropeanOffset(unix_seconds);
  const Date date = DateFromUnixSeconds(wall);
  const int64_t second_of_day = ((wall % 86400) + 86400) % 86400;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d", FormatIsoDate(date).c_str(),
                static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60));
  return buffer;
}

}  // namespace andel
