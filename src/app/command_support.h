// What the commands of the command line share: how a failure is reported and its exit code,
// opening a database with its migrations applied, the clock, and the demo accounts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace andel::app {

// Prints "andel: <message> (<where>)" and the database's cause when it failed; returns the exit
// code: 2 for bad input, 1 otherwise.
int Fail(const Error& error);

// The database at `url` with `connections` connections, every migration applied.
Result<std::unique_ptr<store::Database>> OpenMigrated(const std::string& url,
                                                      size_t connections = 8);

// Seconds since the epoch.
int64_t Now();

// The demo's accounts and passwords, on standard output.
void PrintDemoAccounts();

}  // namespace andel::app
