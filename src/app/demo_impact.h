// Demo impact: two years of monthly measurements for the co-creation house (echoing seed 001:
// about 104 new participants, 41 people into jobs and 21 into education a year) and for the
// municipal incubator programme, with one correction on record. Deterministic.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

Status LoadDemoImpact(store::Database& db, int64_t now);

}  // namespace andel::app
