// The demo communities: a Danish cross-sector partnership of about 150 members in all seven
// categories, a co-creation house, a Dutch food cooperative and a municipal cooperative
// incubator, with a member, a board member and an admin to sign in as. Deterministic.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {
class Database;
}

namespace andel::app {

struct DemoAccount {
  std::string email;
  std::string password;
  std::string role;  // what the account can do, for the start-up message
};

// The accounts LoadDemo creates.
std::vector<DemoAccount> DemoAccounts();

// Loads the demo into an empty database. kFailedPrecondition if it already has communities.
Status LoadDemo(store::Database& db, int64_t now);

}  // namespace andel::app
