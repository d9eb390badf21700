// SQL for the server's settings.
#include "store/settings_repository.h"

#include <soci/soci.h>

#include "store/database.h"

namespace andel::store {

Result<std::string> SettingsRepository::GetOrCreateSetting(const std::string& key,
                                                          const std::string& fallback) {
  std::string value;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING",
        soci::use(key), soci::use(fallback);
    sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(value);
    return {};
  });
  if (!status) return status.error();
  return value;
}

Status SettingsRepository::SetSetting(const std::string& key, const std::string& value) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        soci::use(key), soci::use(value);
    return {};
  });
}

}  // namespace andel::store
