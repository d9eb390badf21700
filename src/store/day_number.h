// Days stored as integers YYYYMMDD (20261130): compact, ordered, and read quickly by the
// thousand (impact measurements, participant outcomes).
#pragma once

#include "core/date.h"

namespace andel::store {

inline long long DayNumber(const Date& date) {
  return static_cast<long long>(date.year) * 10000 + date.month * 100 + date.day;
}

inline Date DayOf(long long number) {
  return {static_cast<int>(number / 10000), static_cast<int>(number / 100 % 100),
          static_cast<int>(number % 100)};
}

}  // namespace andel::store
