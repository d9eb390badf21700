// Participant outcomes in the database: recorded with consent, read back only as counts.
#pragma once

#include <array>
#include <cstdint>

#include "core/date.h"
#include "core/result.h"
#include "impact/participant_outcome.h"

namespace andel::store {

class Database;

class ParticipantOutcomeRepository {
 public:
  explicit ParticipantOutcomeRepository(Database& db) : db_(db) {}

  // The outcome must be valid (impact::ValidateOutcome: with consent).
  Result<int64_t> Record(int64_t community_id, const impact::ParticipantOutcome& outcome,
                         int64_t actor_person_id, int64_t now);
  // How many of each kind the community recorded dated within [from, to].
  Result<std::array<int64_t, impact::kOutcomeKinds>> Counts(int64_t community_id, Date from,
                                                            Date to);

 private:
  Database& db_;
};

}  // namespace andel::store
