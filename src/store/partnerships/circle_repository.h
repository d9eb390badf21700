// Partner circles in the database: the board's draft and the published set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

struct CircleSet {
  int64_t id = 0;
  std::string status;  // "draft", "published" or "archived"
  int size = 8;
  int64_t seed = 1;
  double random_objective = 0;
  int64_t created_at = 0;
  int64_t published_at = 0;
  std::vector<std::vector<int64_t>> circles;  // membership ids, by circle number
};

class CircleRepository {
 public:
  explicit CircleRepository(Database& db) : db_(db) {}

  // Replaces the community's draft.
  Result<int64_t> SaveDraft(int64_t community_id, const CircleSet& set, int64_t now);
  // The draft or the published set, if there is one.
  Result<std::optional<CircleSet>> Find(int64_t community_id, const std::string& status);
  // Moves a member of the draft to another circle. kNotFound if the member is not in the draft.
  Status Move(int64_t community_id, int64_t membership_id, int circle_no);
  // Publishes the draft (archiving the published set). kNotFound without a draft.
  Status Publish(int64_t community_id, int64_t actor_person_id, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
