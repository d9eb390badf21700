// SQL for partner circles.
#include "store/partnerships/circle_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {

Result<int64_t> CircleRepository::SaveDraft(int64_t community_id, const CircleSet& set,
                                            int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM circle_sets WHERE community_id = :c AND status = 'draft'",
        soci::use(community_id);
    sql << "INSERT INTO circle_sets (community_id, status, size, seed, random_objective, "
           "created_at) VALUES (:c, 'draft', :s, :seed, :r, :t) RETURNING id",
        soci::use(community_id), soci::use(set.size), soci::use(set.seed),
        soci::use(set.random_objective), soci::use(now), soci::into(id);
    for (size_t c = 0; c < set.circles.size(); ++c) {
      const int circle_no = static_cast<int>(c) + 1;
      for (int64_t membership : set.circles[c]) {
        sql << "INSERT INTO circle_members (set_id, circle_no, membership_id) VALUES (:s, :c, :m)",
            soci::use(id), soci::use(circle_no), soci::use(membership);
      }
    }
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::optional<CircleSet>> CircleRepository::Find(int64_t community_id,
                                                        const std::string& status_name) {
  std::optional<CircleSet> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    CircleSet set;
    sql << "SELECT id, status, size, seed, random_objective, created_at, published_at FROM "
           "circle_sets WHERE community_id = :c AND status = :s ORDER BY id DESC LIMIT 1",
        soci::use(community_id), soci::use(status_name), soci::into(set.id), soci::into(set.status),
        soci::into(set.size), soci::into(set.seed), soci::into(set.random_objective),
        soci::into(set.created_at), soci::into(set.published_at);
    if (!sql.got_data()) return {};
    int circle_no = 0;
    int64_t membership = 0;
    soci::statement members =
        (sql.prepare << "SELECT circle_no, membership_id FROM circle_members WHERE set_id = :s "
                        "ORDER BY circle_no, membership_id",
         soci::use(set.id), soci::into(circle_no), soci::into(membership));
    members.execute();
    while (members.fetch()) {
      if (set.circles.size() < static_cast<size_t>(circle_no)) {
        set.circles.resize(static_cast<size_t>(circle_no));
      }
      set.circles[static_cast<size_t>(circle_no) - 1].push_back(membership);
    }
    out = std::move(set);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status CircleRepository::Move(int64_t community_id, int64_t membership_id, int circle_no) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int64_t set_id = 0;
    sql << "SELECT id FROM circle_sets WHERE community_id = :c AND status = 'draft'",
        soci::use(community_id), soci::into(set_id);
    if (!sql.got_data()) return Error::NotFound("there is no draft of circles", "circles");
    soci::statement update =
        (sql.prepare << "UPDATE circle_members SET circle_no = :n WHERE set_id = :s AND "
                        "membership_id = :m",
         soci::use(circle_no), soci::use(set_id), soci::use(membership_id));
    update.execute(true);
    if (update.get_affected_rows() == 0) {
      return Error::NotFound("this member is not in the draft", "membership");
    }
    return {};
  });
}

Status CircleRepository::Publish(int64_t community_id, int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int64_t set_id = 0;
    sql << "SELECT id FROM circle_sets WHERE community_id = :c AND status = 'draft'",
        soci::use(community_id), soci::into(set_id);
    if (!sql.got_data()) return Error::NotFound("there is no draft of circles", "circles");
    sql << "UPDATE circle_sets SET status = 'archived' WHERE community_id = :c AND "
           "status = 'published'",
        soci::use(community_id);
    sql << "UPDATE circle_sets SET status = 'published', published_at = :t WHERE id = :s",
        soci::use(now), soci::use(set_id);
    AppendAudit(sql,
                {community_id, actor_person_id, "circles.published",
                 "circles " + std::to_string(set_id), ""},
                now);
    return {};
  });
}

}  // namespace andel::store
