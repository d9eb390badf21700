// Value cases in the database: a community's own, and the published ones of every community,
// found by search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "impact/value_case.h"

namespace andel::store {

class Database;

class ValueCaseRepository {
 public:
  explicit ValueCaseRepository(Database& db) : db_(db) {}

  // The case must be valid (impact::ValidateValueCase). kInvalidArgument naming "indicators"
  // unless every indicator is the community's.
  Result<int64_t> Create(const impact::ValueCase& value_case, int64_t actor_person_id, int64_t now);
  // The community's cases, newest first.
  Result<std::vector<impact::ValueCase>> List(int64_t community_id);
  // kNotFound if there is no such case.
  Result<impact::ValueCase> Find(int64_t value_case_id);
  // Published cases of every community whose title or story contains `query` (case and Latin
  // accents ignored; all if empty), newest first, at most `limit`.
  Result<std::vector<impact::ValueCase>> SearchPublished(const std::string& query, int limit);
  // Publishes or withdraws a case of the community; kNotFound if it is not the community's.
  Status SetPublished(int64_t community_id, int64_t value_case_id, bool published,
                      int64_t actor_person_id, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
