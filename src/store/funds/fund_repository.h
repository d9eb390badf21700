// Funds in the database: the fund, its projects with their reviews, one ballot per voter, and
// the fund's stored result with the claim that has it computed once across servers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "funds/fund.h"

namespace andel::store {

class Database;

// A fund's stored result (sql/migrations/0017_fund_results.sql).
struct FundResultRow {
  int64_t inputs_version = 0;               // goes up with every change of the fund's inputs
  std::optional<int64_t> computed_version;  // the inputs_version `outcome` was computed from
  int engine = 0;                           // the version of the rules that computed it
  std::string fingerprint;                  // a hash of the inputs it was computed from
  std::string outcome;                      // JSON (see web/fund_results.h); empty until computed
  int64_t computed_at = 0;
  int64_t computations = 0;  // how many times a result was stored for this fund
  std::string claimed_by;    // the server computing it now; empty if none
  int64_t claim_until = 0;   // when that claim lapses

  // True if `outcome` is of the current inputs, by rules of version `engine_version`.
  bool IsCurrent(int engine_version) const {
    return computed_version && *computed_version == inputs_version && engine == engine_version &&
           !outcome.empty();
  }
};

// What a computation stores.
struct FundResultValue {
  int64_t inputs_version = 0;  // from ClaimResult
  int engine = 0;
  std::string fingerprint;
  std::string outcome;
};

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

  // Every method above that changes a fund's inputs (phase, projects, reviews, ballots) raises
  // its result's inputs_version in the same transaction, which makes a stored result stale.

  // The fund's stored result; nullopt if it was never claimed.
  Result<std::optional<FundResultRow>> FindResult(int64_t fund_id);
  // Claims the computation of the result of a fund in the result phase for `owner` until
  // now + lease_seconds, by a conditional update: only if the stored result is not current for
  // `engine` and no other claim's lease runs. The inputs_version to compute, or nullopt when
  // there is nothing to do (current, claimed by another, or the fund is not decided).
  // kNotFound if there is no such fund.
  Result<std::optional<int64_t>> ClaimResult(int64_t fund_id, const std::string& owner, int engine,
                                             int64_t now, int64_t lease_seconds);
  // Stores a computed result and ends `owner`'s claim. A result of older inputs than the one
  // stored is not stored (a claim whose lease ran out while another server computed anew).
  Status StoreResult(int64_t fund_id, const std::string& owner, const FundResultValue& value,
                     int64_t now);
  // Funds in the result phase whose stored result is missing or not current for `engine`
  // (made before results were stored, loaded by the demo, or computed by older rules).
  Result<std::vector<int64_t>> DecidedWithoutCurrentResult(int engine);
  // Ends `owner`'s claim without storing anything (the computation could not run).
  Status ReleaseResult(int64_t fund_id, const std::string& owner);

 private:
  Database& db_;
};

}  // namespace andel::store
