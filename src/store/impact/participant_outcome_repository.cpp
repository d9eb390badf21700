// SQL for participant outcomes.
#include "store/impact/participant_outcome_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/day_number.h"

namespace andel::store {

Result<int64_t> ParticipantOutcomeRepository::Record(int64_t community_id,
                                                     const impact::ParticipantOutcome& outcome,
                                                     int64_t actor_person_id, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string kind(impact::Name(outcome.kind));
    const long long day = DayNumber(outcome.date);
    const int consent = outcome.consent ? 1 : 0;
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO participant_outcomes (community_id, kind, day, consent, recorded_by, "
           "recorded_at) VALUES (:c, :k, :d, :consent, :by, :at) RETURNING id",
        soci::use(community_id), soci::use(kind), soci::use(day), soci::use(consent),
        soci::use(actor_person_id, actor), soci::use(now), soci::into(id);
    AppendAudit(sql, {community_id, actor_person_id, "outcome.recorded", kind, ""}, now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::array<int64_t, impact::kOutcomeKinds>> ParticipantOutcomeRepository::Counts(
    int64_t community_id, Date from, Date to) {
  std::array<int64_t, impact::kOutcomeKinds> counts{};
  Status status = db_.Run([&](soci::session& sql) -> Status {
    const long long first = DayNumber(from), last = DayNumber(to);
    std::string kind;
    long long count = 0;
    soci::statement st = (sql.prepare << "SELECT kind, COUNT(*) FROM participant_outcomes WHERE "
                                         "community_id = :c AND day >= :f AND day <= :l AND "
                                         "consent = 1 GROUP BY kind",
                          soci::use(community_id), soci::use(first), soci::use(last),
                          soci::into(kind), soci::into(count));
    st.execute(false);
    while (st.fetch()) {
      if (Result<impact::OutcomeKind> parsed = impact::ParseOutcomeKind(kind)) {
        counts[static_cast<size_t>(*parsed)] += count;
      }
    }
    return {};
  });
  if (!status) return status.error();
  return counts;
}

}  // namespace andel::store
