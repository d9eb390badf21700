// SQL for municipal programmes and the communities reporting to them.
#include "store/impact/programme_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

// Runs `query` (one bound id, or none if `id` is null) returning community id, slug, name and
// joined_at.
std::vector<ProgrammeEntry> QueryEntries(soci::session& sql, const std::string& query,
                                         const int64_t* id) {
  std::vector<ProgrammeEntry> entries;
  ProgrammeEntry entry;
  long long joined_at = 0;
  soci::statement st(sql);
  st.exchange(soci::into(entry.community_id));
  st.exchange(soci::into(entry.slug));
  st.exchange(soci::into(entry.name));
  st.exchange(soci::into(joined_at));
  if (id) st.exchange(soci::use(*id));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) {
    entry.joined_at = joined_at;
    entries.push_back(entry);
  }
  return entries;
}

}  // namespace

Status ProgrammeRepository::Join(int64_t programme_id, int64_t community_id,
                                 int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int count = 0;
    sql << "SELECT COUNT(*) FROM communities WHERE id = :p AND kind = 'municipal_programme' "
           "AND programme_verified_at > 0",
        soci::use(programme_id), soci::into(count);
    if (count == 0 || programme_id == community_id) {
      return Error::NotFound("there is no such municipal programme", "programme");
    }
    sql << "SELECT COUNT(*) FROM programme_communities WHERE programme_id = :p "
           "AND community_id = :c",
        soci::use(programme_id), soci::use(community_id), soci::into(count);
    if (count > 0) return {};
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO programme_communities (programme_id, community_id, joined_by, joined_at) "
           "VALUES (:p, :c, :by, :at)",
        soci::use(programme_id), soci::use(community_id), soci::use(actor_person_id, actor),
        soci::use(now);
    AppendAudit(sql,
                {community_id, actor_person_id, "programme.joined",
                 "community " + std::to_string(programme_id), ""},
                now);
    return {};
  });
}

Status ProgrammeRepository::Leave(int64_t programme_id, int64_t community_id,
                                  int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int count = 0;
    sql << "SELECT COUNT(*) FROM programme_communities WHERE programme_id = :p "
           "AND community_id = :c",
        soci::use(programme_id), soci::use(community_id), soci::into(count);
    if (count == 0) return Error::NotFound("the community does not report to it", "programme");
    sql << "DELETE FROM programme_communities WHERE programme_id = :p AND community_id = :c",
        soci::use(programme_id), soci::use(community_id);
    AppendAudit(sql,
                {community_id, actor_person_id, "programme.left",
                 "community " + std::to_string(programme_id), ""},
                now);
    return {};
  });
}

namespace {

// The memberships with `id` in column `by`, each showing the community in column `show`.
Result<std::vector<ProgrammeEntry>> MembershipEntries(Database& db, const std::string& show,
                                                      const std::string& by, int64_t id) {
  std::vector<ProgrammeEntry> entries;
  Status status = db.Run([&](soci::session& sql) -> Status {
    entries = QueryEntries(sql,
                           "SELECT c.id, c.slug, c.name, m.joined_at FROM programme_communities m "
                           "JOIN communities c ON c.id = m." +
                               show + " WHERE m." + by + " = :id ORDER BY c.name, c.id",
                           &id);
    return {};
  });
  if (!status) return status.error();
  return entries;
}

}  // namespace

Result<std::vector<ProgrammeEntry>> ProgrammeRepository::Members(int64_t programme_id) {
  return MembershipEntries(db_, "community_id", "programme_id", programme_id);
}

Result<std::vector<ProgrammeEntry>> ProgrammeRepository::ProgrammesOf(int64_t community_id) {
  return MembershipEntries(db_, "programme_id", "community_id", community_id);
}

Result<std::vector<ProgrammeEntry>> ProgrammeRepository::Programmes() {
  std::vector<ProgrammeEntry> entries;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    entries = QueryEntries(sql,
                           "SELECT id, slug, name, 0 FROM communities "
                           "WHERE kind = 'municipal_programme' AND programme_verified_at > 0 "
                           "ORDER BY name, id",
                           nullptr);
    return {};
  });
  if (!status) return status.error();
  return entries;
}

Result<std::vector<ProgrammeEntry>> ProgrammeRepository::Unverified() {
  std::vector<ProgrammeEntry> entries;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    entries = QueryEntries(sql,
                           "SELECT id, slug, name, created_at FROM communities "
                           "WHERE kind = 'municipal_programme' AND programme_verified_at = 0 "
                           "ORDER BY id",
                           nullptr);
    return {};
  });
  if (!status) return status.error();
  return entries;
}

Status ProgrammeRepository::Verify(int64_t programme_id, int64_t admin_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    soci::statement update = (sql.prepare << "UPDATE communities SET programme_verified_at = :t "
                                             "WHERE id = :p AND kind = 'municipal_programme'",
                              soci::use(now), soci::use(programme_id));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      return Error::NotFound("there is no such municipal programme", "programme");
    }
    AppendAudit(sql, {programme_id, admin_person_id, "programme.verified", "", ""}, now);
    return {};
  });
}

}  // namespace andel::store
