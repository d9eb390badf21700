// SQL for the incubator's initiatives.
#include "store/incubator/initiative_repository.h"

#include <soci/soci.h>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

using incubator::Initiative;

// Runs the initiatives query ending in `where` (the community bound as :c, and the id as :i
// when given) and collects the rows.
std::vector<Initiative> QueryInitiatives(soci::session& sql, const std::string& where,
                                         int64_t community_id, const int64_t* id) {
  Initiative row;
  std::string stage;
  long long created_by = 0;
  soci::indicator has_creator = soci::i_null, has_name = soci::i_null;
  soci::statement st(sql);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.community_id));
  st.exchange(soci::into(row.title));
  st.exchange(soci::into(row.summary));
  st.exchange(soci::into(stage));
  st.exchange(soci::into(created_by, has_creator));
  st.exchange(soci::into(row.created_by_name, has_name));
  st.exchange(soci::into(row.created_at));
  st.exchange(soci::into(row.stage_changed_at));
  st.exchange(soci::use(community_id));
  if (id) st.exchange(soci::use(*id));
  st.alloc();
  st.prepare(
      "SELECT i.id, i.community_id, i.title, i.summary, i.stage, i.created_by, p.name, "
      "i.created_at, i.stage_changed_at FROM initiatives i "
      "LEFT JOIN persons p ON p.id = i.created_by " +
      where);
  st.define_and_bind();
  st.execute(false);
  std::vector<Initiative> initiatives;
  while (st.fetch()) {
    Initiative initiative = row;
    Result<incubator::Stage> parsed = incubator::ParseStage(stage);
    initiative.stage = parsed ? *parsed : incubator::Stage::kIdea;
    initiative.created_by = has_creator == soci::i_ok ? created_by : 0;
    if (has_name != soci::i_ok) initiative.created_by_name.clear();
    initiatives.push_back(std::move(initiative));
  }
  return initiatives;
}

}  // namespace

Result<int64_t> InitiativeRepository::Create(const Initiative& initiative, int64_t actor_person_id,
                                             int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string title(Trim(initiative.title)), summary(Trim(initiative.summary)),
        stage(incubator::Name(initiative.stage));
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO initiatives (community_id, title, summary, stage, created_by, "
           "created_at, stage_changed_at) VALUES (:c, :t, :s, :st, :by, :at, :at2) RETURNING id",
        soci::use(initiative.community_id), soci::use(title), soci::use(summary), soci::use(stage),
        soci::use(actor_person_id, actor), soci::use(now), soci::use(now), soci::into(id);
    AppendAudit(sql,
                {initiative.community_id, actor_person_id, "initiative.created",
                 "initiative " + std::to_string(id), title},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Initiative>> InitiativeRepository::List(int64_t community_id) {
  std::vector<Initiative> initiatives;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    initiatives = QueryInitiatives(sql, "WHERE i.community_id = :c ORDER BY i.id DESC",
                                   community_id, nullptr);
    return {};
  });
  if (!status) return status.error();
  return initiatives;
}

Result<Initiative> InitiativeRepository::Find(int64_t community_id, int64_t initiative_id) {
  std::vector<Initiative> found;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    found = QueryInitiatives(sql, "WHERE i.community_id = :c AND i.id = :i", community_id,
                             &initiative_id);
    return {};
  });
  if (!status) return status.error();
  if (found.empty()) return Error::NotFound("there is no such initiative", "initiative");
  return found.front();
}

Status InitiativeRepository::SetStage(int64_t community_id, int64_t initiative_id,
                                      incubator::Stage stage, int64_t actor_person_id,
                                      int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::string before;
    soci::indicator found = soci::i_null;
    sql << "SELECT stage FROM initiatives WHERE id = :i AND community_id = :c",
        soci::use(initiative_id), soci::use(community_id), soci::into(before, found);
    if (!sql.got_data()) return Error::NotFound("there is no such initiative", "initiative");
    const std::string after(incubator::Name(stage));
    if (before == after) return {};
    sql << "UPDATE initiatives SET stage = :s, stage_changed_at = :at WHERE id = :i",
        soci::use(after), soci::use(now), soci::use(initiative_id);
    AppendAudit(sql,
                {community_id, actor_person_id, "initiative.stage",
                 "initiative " + std::to_string(initiative_id), before + " → " + after},
                now);
    return {};
  });
}

}  // namespace andel::store
