// SQL for decisions' voter rolls: fixed once, when a decision opens, from the memberships and the
// statutes of that moment.
#include <soci/soci.h>
#include <sodium.h>

#include "core/date.h"
#include "store/database.h"
#include "store/decisions/decision_repository.h"
#include "store/decisions/decision_rows.h"

namespace andel::store {
namespace decision_rows {
namespace {

// Eight characters a person reads back without mistakes (no 0/O, 1/I).
std::string RandomRollCode() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  std::string code;
  for (const unsigned char byte : bytes) code += kAlphabet[byte % 32];
  return code;
}

}  // namespace

void FixRollIfDue(soci::session& sql, int64_t decision_id, int64_t now) {
  int64_t community_id = 0, opens_at = 0, fixed_at = 0, closed_at = 0, min_shares = 0;
  int weighted = 0, min_days = 0;
  sql << "SELECT d.community_id, d.opens_at, d.roll_fixed_at, d.closed_at, d.weighted, "
         "s.voting_min_days, s.voting_min_shares FROM decisions d "
         "JOIN statutes s ON s.community_id = d.community_id WHERE d.id = :d",
      soci::use(decision_id), soci::into(community_id), soci::into(opens_at), soci::into(fixed_at),
      soci::into(closed_at), soci::into(weighted), soci::into(min_days), soci::into(min_shares);
  if (!sql.got_data() || fixed_at != 0 || opens_at > now) return;
  // Claimed by a conditional update: of two servers fixing the same roll, one writes it.
  soci::statement claim = (sql.prepare << "UPDATE decisions SET roll_fixed_at = :t "
                                          "WHERE id = :d AND roll_fixed_at = 0",
                           soci::use(now), soci::use(decision_id));
  claim.execute(true);
  if (claim.get_affected_rows() != 1) return;
  // Members by the opening: active, joined before it (by at least the statutes' days), holding
  // the statutes' shares. A membership without a known date of joining counts as joined.
  const std::string cutoff =
      FormatIsoDate(DateFromUnixSeconds(opens_at - static_cast<int64_t>(min_days) * 86400));
  std::vector<std::pair<int64_t, int64_t>> entitled;  // person, shares
  int64_t person_id = 0, shares = 0;
  soci::statement select =
      (sql.prepare << "SELECT person_id, SUM(shares) FROM memberships WHERE community_id = :c "
                      "AND status = 'active' AND created_at <= :o "
                      "AND (joined_on = '' OR joined_on <= :cut) GROUP BY person_id "
                      "HAVING SUM(shares) >= :min ORDER BY person_id",
       soci::use(community_id), soci::use(opens_at), soci::use(cutoff), soci::use(min_shares),
       soci::into(person_id), soci::into(shares));
  select.execute();
  while (select.fetch()) entitled.emplace_back(person_id, shares);
  int64_t weight = 0;
  std::string code;
  soci::statement insert =
      (sql.prepare << "INSERT INTO decision_roll (decision_id, person_id, weight, code) "
                      "VALUES (:d, :p, :w, :c)",
       soci::use(decision_id), soci::use(person_id), soci::use(weight), soci::use(code));
  for (const auto& [person, held] : entitled) {
    person_id = person;
    weight = weighted ? held : 1;
    code = RandomRollCode();
    insert.execute(true);
  }
}

int64_t RollWeight(soci::session& sql, int64_t decision_id) {
  int64_t weight = 0;
  sql << "SELECT COALESCE(SUM(weight), 0) FROM decision_roll WHERE decision_id = :d",
      soci::use(decision_id), soci::into(weight);
  return weight;
}

}  // namespace decision_rows

Status DecisionRepository::FixDueRolls(int64_t now) {
  Result<std::vector<int64_t>> due = std::vector<int64_t>{};
  Status listed = db_.Run([&](soci::session& sql) -> Status {
    int64_t id = 0;
    soci::statement select =
        (sql.prepare << "SELECT id FROM decisions WHERE roll_fixed_at = 0 AND opens_at <= :t "
                        "ORDER BY opens_at",
         soci::use(now), soci::into(id));
    select.execute();
    while (select.fetch()) due->push_back(id);
    return {};
  });
  if (!listed) return listed;
  for (const int64_t decision_id : *due) {
    Status fixed = db_.RunInTransaction([&](soci::session& sql) -> Status {
      decision_rows::FixRollIfDue(sql, decision_id, now);
      return {};
    });
    if (!fixed) return fixed;
  }
  return {};
}

Result<VoterRoll> DecisionRepository::ReadRoll(int64_t decision_id) {
  VoterRoll roll;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    decision_rows::FixRollIfDue(sql, decision_id, Now());
    std::string code;
    int64_t weight = 0;
    int voted = 0;
    soci::statement select =
        (sql.prepare << "SELECT r.code, r.weight, CASE WHEN v.person_id IS NULL THEN 0 ELSE 1 "
                        "END FROM decision_roll r LEFT JOIN decision_voters v ON "
                        "v.decision_id = r.decision_id AND v.person_id = r.person_id "
                        "WHERE r.decision_id = :d ORDER BY r.code",
         soci::use(decision_id), soci::into(code), soci::into(weight), soci::into(voted));
    select.execute();
    while (select.fetch()) {
      roll.codes.push_back(code);
      roll.weight += weight;
      if (voted) roll.voted_codes.push_back(code);
    }
    return {};
  });
  if (!status) return status.error();
  return roll;
}

Result<std::optional<RollEntry>> DecisionRepository::FindOnRoll(int64_t decision_id,
                                                                int64_t person_id) {
  std::optional<RollEntry> entry;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    decision_rows::FixRollIfDue(sql, decision_id, Now());
    RollEntry found;
    sql << "SELECT weight, code FROM decision_roll WHERE decision_id = :d AND person_id = :p",
        soci::use(decision_id), soci::use(person_id), soci::into(found.weight),
        soci::into(found.code);
    if (sql.got_data()) entry = found;
    return {};
  });
  if (!status) return status.error();
  return entry;
}

}  // namespace andel::store
