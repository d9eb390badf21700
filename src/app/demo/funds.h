// Demo funds: the municipality's kick-start fund for the co-creation house's initiatives, with
// its vote closed and its result out, and the partnership's common fund, open for votes (the
// demo member has not voted). Deterministic.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

Status LoadDemoFunds(store::Database& db, int64_t now);

}  // namespace andel::app
