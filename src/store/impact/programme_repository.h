// Municipal programmes and the communities that report to them: a community's board joins a
// programme on the same server, and the programme's roll-up then shows its indicators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

// A community as a programme's roll-up or a board's choice of programmes lists it.
struct ProgrammeEntry {
  int64_t community_id = 0;
  std::string slug;
  std::string name;
  int64_t joined_at = 0;  // 0 where it is not a membership
};

class ProgrammeRepository {
 public:
  explicit ProgrammeRepository(Database& db) : db_(db) {}

  // The community reports to the programme from now on; joining twice changes nothing.
  // kNotFound naming "programme" unless it is a verified municipal programme other than the
  // community.
  Status Join(int64_t programme_id, int64_t community_id, int64_t actor_person_id, int64_t now);
  // The community stops reporting; kNotFound if it did not.
  Status Leave(int64_t programme_id, int64_t community_id, int64_t actor_person_id, int64_t now);
  // The communities reporting to the programme, by name.
  Result<std::vector<ProgrammeEntry>> Members(int64_t programme_id);
  // The programmes the community reports to, by name.
  Result<std::vector<ProgrammeEntry>> ProgrammesOf(int64_t community_id);
  // Every verified municipal programme on the server, which a board may choose, by name.
  Result<std::vector<ProgrammeEntry>> Programmes();
  // The municipal programmes no server administrator has verified yet, oldest first.
  Result<std::vector<ProgrammeEntry>> Unverified();
  // Records that a server administrator vouches for the programme; kNotFound if it is none.
  Status Verify(int64_t programme_id, int64_t admin_person_id, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
