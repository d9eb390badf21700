// What the impact repository's indicator and measurement halves share. Internal to the store.
#pragma once

#include <soci/soci.h>

#include <cstdint>

namespace andel::store {

// Whether the indicator belongs to the community (within the caller's transaction).
inline bool IsCommunityIndicator(soci::session& sql, int64_t community_id, int64_t indicator_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM impact_indicators WHERE id = :i AND community_id = :c",
      soci::use(indicator_id), soci::use(community_id), soci::into(count);
  return count > 0;
}

}  // namespace andel::store
