// Finding or creating a person within a caller's transaction (a member import creates the
// persons it names). Internal to the store.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <string>

namespace andel::store {

// The id of the person with `email`, creating them (without a password) as `name` if absent.
int64_t FindOrCreatePersonIn(soci::session& sql, const std::string& email, const std::string& name,
                             int64_t now);

}  // namespace andel::store
