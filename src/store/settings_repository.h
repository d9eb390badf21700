// The server's settings: a key-value table for what the operator chooses at run time (who may
// create communities, whether officers need two-step sign-in) and the server's own secrets.
#pragma once

#include <string>

#include "core/result.h"

namespace andel::store {

class Database;

class SettingsRepository {
 public:
  explicit SettingsRepository(Database& db) : db_(db) {}

  // The setting's value, storing `fallback` first if the key has none (races resolve to one).
  Result<std::string> GetOrCreateSetting(const std::string& key, const std::string& fallback);
  Status SetSetting(const std::string& key, const std::string& value);

 private:
  Database& db_;
};

}  // namespace andel::store
