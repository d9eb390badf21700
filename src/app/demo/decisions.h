// The demo's proposals and decisions: every kind of decision, some closed with their results,
// some open (with the demo member yet to vote), one closing within a day, one still in
// discussion with comments and amendments. Deterministic apart from receipts.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

// Adds the proposals to the demo communities LoadDemo created; `now` is the present.
Status LoadDemoDecisions(store::Database& db, int64_t now);

}  // namespace andel::app
