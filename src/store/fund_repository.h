// Funds in the database: the fund, its projects with their reviews, and one ballot per voter.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "funds/fund.h"

namespace andel::store {

class Database;

class FundRepository {
 public:
  explicit FundRepository(Database& db) : db_(db) {}

  Result<int64_t> Create(const funds::Fund& fund, int64_t now);
  Result<std::vector<funds::Fund>> List(int64_t community_id);
  // kNotFound if there is no such fund.
  Result<funds::Fund> Find(int64_t fund_id);
  // Moves the fund to `phase`; kFailedPrecondition unless it is the next phase.
  Status SetPhase(int64_t fund_id, funds::Phase phase, int64_t actor_person_id, int64_t now);

  Result<int64_t> AddProject(const funds::Project& project, int64_t now);
  Result<std::vector<funds::Project>> Projects(int64_t fund_id);
  // The board's review. kNotFound if the project is not the fund's.
  Status Review(int64_t fund_id, int64_t project_id, funds::ProjectStatus status,
                const std::string& reason, int64_t actor_person_id, int64_t now);

  // Saves (or replaces) the voter's ballot; kFailedPrecondition unless the fund is voting.
  Status SaveBallot(int64_t fund_id, const funds::Ballot& ballot, int64_t now);
  Result<std::optional<funds::Ballot>> FindBallot(int64_t fund_id, const std::string& voter);
  Result<std::vector<funds::Ballot>> Ballots(int64_t fund_id);

  // A fund with its projects (all feasible) and ballots from a Pabulib file, in the result
  // phase, in one transaction.
  Result<int64_t> Import(const funds::Fund& fund, const std::vector<funds::Project>& projects,
                         const std::vector<funds::Ballot>& ballots, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
