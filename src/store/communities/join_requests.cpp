// SQL for requests to join a community that approves its members.
#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/communities/community_rows.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {

Result<std::vector<MemberView>> MembershipRepository::ListApplications(int64_t community_id) {
  std::vector<MemberView> requests;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    community_rows::MemberColumns columns;
    soci::statement select = (sql.prepare << std::string(community_rows::kMemberSelect) +
                                                 "WHERE m.community_id = :c AND "
                                                 "m.status = 'applied' ORDER BY m.id",
                              soci::use(community_id));
    columns.Bind(select);
    select.define_and_bind();
    select.execute();
    while (select.fetch()) requests.push_back(columns.View());
    return {};
  });
  if (!status) return status.error();
  return requests;
}

Result<MemberView> MembershipRepository::DecideApplication(int64_t community_id,
                                                           int64_t membership_id, bool approve,
                                                           const Date& today) {
  std::optional<MemberView> request;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    community_rows::MemberColumns columns;
    soci::statement select =
        (sql.prepare << std::string(community_rows::kMemberSelect) +
                            "WHERE m.community_id = :c AND m.id = :id AND m.status = 'applied'",
         soci::use(community_id), soci::use(membership_id));
    columns.Bind(select);
    select.define_and_bind();
    select.execute();
    if (!select.fetch()) return Error::NotFound("no such request to join", "member");
    request = columns.View();
    if (approve) {
      const std::string joined = FormatIsoDate(today);
      sql << "UPDATE memberships SET status = 'active', joined_on = :j WHERE id = :id",
          soci::use(joined), soci::use(membership_id);
    } else {
      sql << "DELETE FROM memberships WHERE id = :id", soci::use(membership_id);
    }
    BumpVersion(sql, community_id);
    Audit(sql, community_id, approve ? "application.approved" : "application.declined",
          request->email, "member " + std::to_string(membership_id));
    return {};
  });
  if (!status) return status.error();
  return *request;
}

Result<std::vector<communities::Person>> MembershipRepository::ListBoard(int64_t community_id) {
  std::vector<communities::Person> board;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    communities::Person person;
    soci::statement select =
        (sql.prepare << "SELECT DISTINCT p.id, p.email, p.name, p.language FROM memberships m "
                        "JOIN persons p ON p.id = m.person_id WHERE m.community_id = :c "
                        "AND m.status = 'active' AND m.role IN ('board', 'admin') ORDER BY p.id",
         soci::use(community_id), soci::into(person.id), soci::into(person.email),
         soci::into(person.name), soci::into(person.language));
    select.execute();
    while (select.fetch()) board.push_back(person);
    return {};
  });
  if (!status) return status.error();
  return board;
}

}  // namespace andel::store
