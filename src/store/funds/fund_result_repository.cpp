// SQL for a fund's stored result: reading it, the claim (a conditional update with a lease) that
// has it computed once across servers, storing it, and finding the decided funds without one.
#include <soci/soci.h>

#include "store/database.h"
#include "store/funds/fund_repository.h"

namespace andel::store {

using funds::Name;
using funds::Phase;

Result<std::optional<FundResultRow>> FundRepository::FindResult(int64_t fund_id) {
  std::optional<FundResultRow> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    FundResultRow row;
    int64_t computed_version = 0, computed_at = 0, claim_until = 0;
    std::string claimed_by;
    soci::indicator computed_ind = soci::i_ok, at_ind = soci::i_ok, by_ind = soci::i_ok,
                    until_ind = soci::i_ok;
    sql << "SELECT inputs_version, computed_version, engine, fingerprint, outcome, computed_at, "
           "computations, claimed_by, claim_until FROM fund_results WHERE fund_id = :f",
        soci::use(fund_id), soci::into(row.inputs_version),
        soci::into(computed_version, computed_ind), soci::into(row.engine),
        soci::into(row.fingerprint), soci::into(row.outcome), soci::into(computed_at, at_ind),
        soci::into(row.computations), soci::into(claimed_by, by_ind),
        soci::into(claim_until, until_ind);
    if (!sql.got_data()) return {};
    if (computed_ind == soci::i_ok) row.computed_version = computed_version;
    if (at_ind == soci::i_ok) row.computed_at = computed_at;
    if (by_ind == soci::i_ok) row.claimed_by = claimed_by;
    if (until_ind == soci::i_ok) row.claim_until = claim_until;
    out = std::move(row);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<std::optional<int64_t>> FundRepository::ClaimResult(int64_t fund_id,
                                                           const std::string& owner, int engine,
                                                           int64_t now, int64_t lease_seconds) {
  std::optional<int64_t> out;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::string phase;
    sql << "SELECT phase FROM funds WHERE id = :f", soci::use(fund_id), soci::into(phase);
    if (!sql.got_data()) return Error::NotFound("there is no such fund", "fund");
    if (phase != Name(Phase::kResult)) return {};
    sql << "INSERT INTO fund_results (fund_id) VALUES (:f) ON CONFLICT (fund_id) DO NOTHING",
        soci::use(fund_id);
    const int64_t until = now + lease_seconds;
    int64_t version = 0;
    // One statement decides, so two servers cannot both win: the loser's update matches no row.
    sql << "UPDATE fund_results SET claimed_by = :o, claim_until = :u WHERE fund_id = :f AND "
           "(claim_until IS NULL OR claim_until <= :n) AND (computed_version IS NULL OR "
           "computed_version <> inputs_version OR engine <> :e OR outcome = '') "
           "RETURNING inputs_version",
        soci::use(owner), soci::use(until), soci::use(fund_id), soci::use(now), soci::use(engine),
        soci::into(version);
    if (sql.got_data()) out = version;
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status FundRepository::StoreResult(int64_t fund_id, const std::string& owner,
                                   const FundResultValue& value, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "UPDATE fund_results SET computed_version = :v, engine = :e, fingerprint = :fp, "
           "outcome = :o, computed_at = :n, computations = computations + 1 WHERE fund_id = :f "
           "AND (computed_version IS NULL OR computed_version <= :v2)",
        soci::use(value.inputs_version), soci::use(value.engine), soci::use(value.fingerprint),
        soci::use(value.outcome), soci::use(now), soci::use(fund_id),
        soci::use(value.inputs_version);
    sql << "UPDATE fund_results SET claimed_by = NULL, claim_until = NULL WHERE fund_id = :f AND "
           "claimed_by = :o",
        soci::use(fund_id), soci::use(owner);
    return {};
  });
}

Result<std::vector<int64_t>> FundRepository::DecidedWithoutCurrentResult(int engine) {
  std::vector<int64_t> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    int64_t id = 0;
    const std::string result(Name(Phase::kResult));
    soci::statement st =
        (sql.prepare << "SELECT f.id FROM funds f LEFT JOIN fund_results r ON r.fund_id = f.id "
                        "WHERE f.phase = :p AND (r.fund_id IS NULL OR r.computed_version IS NULL "
                        "OR r.computed_version <> r.inputs_version OR r.engine <> :e OR "
                        "r.outcome = '') ORDER BY f.id",
         soci::use(result), soci::use(engine), soci::into(id));
    st.execute();
    while (st.fetch()) out.push_back(id);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status FundRepository::ReleaseResult(int64_t fund_id, const std::string& owner) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "UPDATE fund_results SET claimed_by = NULL, claim_until = NULL WHERE fund_id = :f AND "
           "claimed_by = :o",
        soci::use(fund_id), soci::use(owner);
    return {};
  });
}

}  // namespace andel::store
