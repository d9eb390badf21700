// The incubator's initiatives in the database.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "incubator/initiative.h"

namespace andel::store {

class Database;

class InitiativeRepository {
 public:
  explicit InitiativeRepository(Database& db) : db_(db) {}

  // The initiative must be valid (incubator::ValidateInitiative); its id is ignored. It starts
  // at its stage, proposed by `actor_person_id`.
  Result<int64_t> Create(const incubator::Initiative& initiative, int64_t actor_person_id,
                         int64_t now);
  // The community's initiatives, newest first.
  Result<std::vector<incubator::Initiative>> List(int64_t community_id);
  // kNotFound unless the initiative is the community's.
  Result<incubator::Initiative> Find(int64_t community_id, int64_t initiative_id);
  // Moves the initiative to `stage` (on or back), with an entry in the audit log; kNotFound
  // unless it is the community's.
  Status SetStage(int64_t community_id, int64_t initiative_id, incubator::Stage stage,
                  int64_t actor_person_id, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
