// Demo initiatives: the co-creation house's activities grown from people's own ideas (seed 001)
// and the incubator's cooperatives in the making (seed 002), at every stage. Deterministic.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

Status LoadDemoInitiatives(store::Database& db, int64_t now);

}  // namespace andel::app
