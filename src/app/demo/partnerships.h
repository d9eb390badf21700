// The demo partnership's competences (a taxonomy in Danish, Dutch and English) and what its
// members offer and need, so that matches show something meaningful. Deterministic.
#pragma once

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

Status LoadDemoPartners(store::Database& db);

}  // namespace andel::app
