// Demo impact: two years of monthly measurements for the co-creation house (echoing seed 001:
// about 104 new participants, 41 people into jobs and 21 into education a year) and for the
// municipal incubator programme, with one correction on record; the house's goal of more people
// into work or education, measured by its parts; the food cooperative's figures. Deterministic.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

Status LoadDemoImpact(store::Database& db, int64_t now);

// After the funds, decisions and initiatives: the house's fund projects, the food cooperative's
// decision on a local supplier and initiatives of the house and the incubator linked to the
// indicators they are expected to move, and the cooperative reporting to the incubator
// programme.
Status LoadDemoImpactLinks(store::Database& db, int64_t now);

}  // namespace andel::app
