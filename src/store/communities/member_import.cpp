// SQL for importing and exporting a community's members as CSV rows.
#include <soci/soci.h>

#include <map>

#include "store/accounts/person_rows.h"
#include "store/audit_log.h"
#include "store/communities/community_rows.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {

using communities::MemberRow;
using communities::Membership;
using community_rows::DateText;
using community_rows::FindOrCreateOrganisationIn;
using community_rows::InsertMembership;
using community_rows::MemberColumns;
using community_rows::MembershipSearchKey;

Result<int> MembershipRepository::ImportMembers(int64_t community_id,
                                                const std::vector<MemberRow>& rows, int64_t now) {
  int imported = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::map<std::string, int64_t> category_ids;
    {
      int64_t id = 0;
      std::string code;
      soci::statement select =
          (sql.prepare << "SELECT id, code FROM categories WHERE community_id = :c",
           soci::use(community_id), soci::into(id), soci::into(code));
      select.execute();
      while (select.fetch()) category_ids[code] = id;
    }
    for (const MemberRow& row : rows) {
      auto category = category_ids.find(row.category);
      if (category == category_ids.end()) {
        return Error::InvalidArgument("unknown category", "category");
      }
      Membership m;
      m.community_id = community_id;
      m.person_id = FindOrCreatePersonIn(sql, row.email, row.name, now);
      if (!row.organisation.empty()) {
        m.organisation_id = FindOrCreateOrganisationIn(sql, row.organisation, now);
      }
      m.category_id = category->second;
      m.role = row.role;
      m.shares = row.shares;
      m.joined_on = row.joined_on;
      m.status = row.status;
      communities::UpdateStatusDates(m, DateFromUnixSeconds(now));
      int64_t existing = 0;
      const int64_t organisation_id = m.organisation_id.value_or(0);
      sql << "SELECT COALESCE(MAX(id), 0) FROM memberships WHERE community_id = :c "
             "AND person_id = :p AND COALESCE(organisation_id, 0) = :o",
          soci::use(community_id), soci::use(m.person_id), soci::use(organisation_id),
          soci::into(existing);
      const std::string key = MembershipSearchKey(sql, m);
      if (existing == 0) {
        InsertMembership(sql, m, key, now);
      } else {
        const std::string role(communities::Name(m.role));
        const std::string status(communities::Name(m.status));
        const std::string joined = DateText(m.joined_on);
        const std::string left = DateText(m.left_on);
        sql << "UPDATE memberships SET category_id = :cat, role = :r, shares = :s, "
               "status = :st, joined_on = :j, left_on = :l, search_key = :k WHERE id = :id",
            soci::use(m.category_id), soci::use(role), soci::use(m.shares), soci::use(status),
            soci::use(joined), soci::use(left), soci::use(key), soci::use(existing);
      }
      ++imported;
    }
    BumpVersion(sql, community_id);
    Audit(sql, community_id, "members.imported", "", "rows=" + std::to_string(imported));
    return {};
  });
  if (!status) return status.error();
  return imported;
}

Result<std::vector<MemberRow>> MembershipRepository::ExportMembers(int64_t community_id) {
  std::vector<MemberRow> rows;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    MemberColumns columns;
    std::string code;
    soci::statement select =
        (sql.prepare << "SELECT m.id, m.community_id, m.person_id, "
                        "COALESCE(m.organisation_id, 0), m.category_id, m.role, m.shares, "
                        "m.joined_on, m.left_on, m.status, p.name, p.email, "
                        "COALESCE(o.name, ''), m.details_hidden, c.code FROM memberships m "
                        "JOIN persons p ON p.id = m.person_id "
                        "JOIN categories c ON c.id = m.category_id "
                        "LEFT JOIN organisations o ON o.id = m.organisation_id "
                        "WHERE m.community_id = :c ORDER BY p.name, m.id",
         soci::use(community_id));
    columns.Bind(select);
    select.exchange(soci::into(code));
    select.define_and_bind();
    select.execute();
    while (select.fetch()) {
      const MemberView view = columns.View();
      MemberRow row;
      row.email = view.email;
      row.name = view.person_name;
      row.organisation = view.organisation;
      row.category = code;
      row.role = view.membership.role;
      row.shares = view.membership.shares;
      row.joined_on = view.membership.joined_on;
      row.status = view.membership.status;
      rows.push_back(std::move(row));
    }
    return {};
  });
  if (!status) return status.error();
  return rows;
}

}  // namespace andel::store
