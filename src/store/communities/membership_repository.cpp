// SQL for memberships: finding, listing and searching members, adding and changing them
// (import and export: member_import.cpp; requests to join: join_requests.cpp).
#include "store/communities/membership_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/communities/community_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {

using communities::Membership;
using community_rows::DateText;
using community_rows::FindOrCreateOrganisationIn;
using community_rows::InsertMembership;
using community_rows::kMemberSelect;
using community_rows::MemberColumns;
using community_rows::MembershipDetails;
using community_rows::MembershipSearchKey;

namespace {

// A person's membership of a community: asked on every request to a community's pages.
struct MembershipQuery : PreparedStatements::Entry {
  explicit MembershipQuery(soci::session& sql)
      : statement((sql.prepare << std::string(kMemberSelect) +
                                      "WHERE m.community_id = :c AND m.person_id = :p "
                                      "ORDER BY m.organisation_id IS NOT NULL, m.id LIMIT 1",
                   soci::use(community_id), soci::use(person_id))) {
    columns.Bind(statement);
    statement.define_and_bind();
  }

  int64_t community_id = 0, person_id = 0;
  MemberColumns columns;
  soci::statement statement;
};

}  // namespace

Result<std::optional<Membership>> MembershipRepository::FindMembershipOf(int64_t community_id,
                                                                         int64_t person_id) {
  std::optional<Membership> membership;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    MembershipQuery& query = prepared.Get<MembershipQuery>("membership_of", sql);
    query.community_id = community_id;
    query.person_id = person_id;
    if (query.statement.execute(true)) {
      membership = query.columns.View().membership;
      FinishStatement(query.statement);
    }
    return {};
  });
  if (!status) return status.error();
  return membership;
}

namespace {

// The member list and its count, prepared once per connection; kIncludeLeft chooses whether
// members who left are listed (the board's view).
template <bool kIncludeLeft>
struct MemberListQuery : PreparedStatements::Entry {
  static std::string Where() {
    return std::string("WHERE m.community_id = :c AND (:cat = 0 OR m.category_id = :cat2) ") +
           (kIncludeLeft ? "" : "AND m.status NOT IN ('left', 'applied') ") +
           "AND m.search_key LIKE :q ESCAPE '\\' ";
  }

  explicit MemberListQuery(soci::session& sql)
      : count((sql.prepare << "SELECT COUNT(*) FROM memberships m " + Where(),
               soci::use(community_id), soci::use(category_id), soci::use(category_id),
               soci::use(pattern), soci::into(total))),
        page((sql.prepare << std::string(kMemberSelect) + Where() +
                                 "ORDER BY CASE WHEN o.name IS NULL THEN p.name ELSE o.name END, "
                                 "m.id LIMIT :lim OFFSET :off",
              soci::use(community_id), soci::use(category_id), soci::use(category_id),
              soci::use(pattern), soci::use(limit), soci::use(offset))) {
    columns.Bind(page);
    page.define_and_bind();
  }

  int64_t community_id = 0;
  int64_t category_id = 0;
  std::string pattern;
  int limit = 0;
  int offset = 0;
  int64_t total = 0;
  MemberColumns columns;
  soci::statement count;
  soci::statement page;
};

template <bool kIncludeLeft>
void RunMemberList(soci::session& sql, PreparedStatements& prepared, const char* key,
                   int64_t community_id, const MemberQuery& query, MemberPage& result) {
  MemberListQuery<kIncludeLeft>& list = prepared.Get<MemberListQuery<kIncludeLeft>>(key, sql);
  list.community_id = community_id;
  list.category_id = query.category_id;
  list.pattern = ContainsPattern(query.search);
  list.limit = query.limit;
  list.offset = query.offset;
  list.count.execute(true);
  result.total = list.total;
  FinishStatement(list.count);
  list.page.execute();
  while (list.page.fetch()) result.members.push_back(list.columns.View());
}

}  // namespace

Result<MemberPage> MembershipRepository::ListMembers(int64_t community_id,
                                                     const MemberQuery& query) {
  MemberPage page;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    if (query.include_left) {
      RunMemberList<true>(sql, prepared, "members_all", community_id, query, page);
    } else {
      RunMemberList<false>(sql, prepared, "members_current", community_id, query, page);
    }
    return {};
  });
  if (!status) return status.error();
  return page;
}

Result<MemberView> MembershipRepository::FindMember(int64_t community_id, int64_t membership_id) {
  std::optional<MemberView> view;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    MemberColumns columns;
    soci::statement select =
        (sql.prepare << std::string(kMemberSelect) + "WHERE m.community_id = :c AND m.id = :id",
         soci::use(community_id), soci::use(membership_id));
    columns.Bind(select);
    select.define_and_bind();
    select.execute();
    if (select.fetch()) view = columns.View();
    return {};
  });
  if (!status) return status.error();
  if (!view) return Error::NotFound("no such member", "member");
  return *view;
}

Result<int64_t> MembershipRepository::AddMember(const Membership& membership, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    int64_t existing = 0;
    const int64_t organisation_id = membership.organisation_id.value_or(0);
    sql << "SELECT COUNT(*) FROM memberships WHERE community_id = :c AND person_id = :p "
           "AND COALESCE(organisation_id, 0) = :o",
        soci::use(membership.community_id), soci::use(membership.person_id),
        soci::use(organisation_id), soci::into(existing);
    if (existing > 0) return Error::AlreadyExists("already a member of this community", "email");
    id = InsertMembership(sql, membership, MembershipSearchKey(sql, membership), now);
    Audit(sql, membership.community_id, "member.added", "member " + std::to_string(id),
          MembershipDetails(membership));
    return {};
  });
  if (!status) return status.error();
  return id;
}

Status MembershipRepository::UpdateMember(const Membership& m) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string role(communities::Name(m.role));
    const std::string status(communities::Name(m.status));
    const std::string joined = DateText(m.joined_on);
    const std::string left = DateText(m.left_on);
    soci::statement update =
        (sql.prepare << "UPDATE memberships SET category_id = :cat, role = :r, shares = :s, "
                        "status = :st, joined_on = :j, left_on = :l "
                        "WHERE id = :id AND community_id = :c",
         soci::use(m.category_id), soci::use(role), soci::use(m.shares), soci::use(status),
         soci::use(joined), soci::use(left), soci::use(m.id), soci::use(m.community_id));
    update.execute(true);
    if (update.get_affected_rows() != 1) return Error::NotFound("no such member", "member");
    BumpVersion(sql, m.community_id);
    Audit(sql, m.community_id, "member.changed", "member " + std::to_string(m.id),
          MembershipDetails(m));
    return {};
  });
}

Result<int64_t> MembershipRepository::CountAdmins(int64_t community_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM memberships WHERE community_id = :c AND role = 'admin' "
           "AND status = 'active'",
        soci::use(community_id), soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Result<int64_t> MembershipRepository::FindOrCreateOrganisation(const std::string& name,
                                                               int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = FindOrCreateOrganisationIn(sql, name, now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Status MembershipRepository::SetDetailsHidden(int64_t community_id, int64_t membership_id,
                                              bool hidden) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int value = hidden ? 1 : 0;
    soci::statement update =
        (sql.prepare << "UPDATE memberships SET details_hidden = :v WHERE id = :m "
                        "AND community_id = :c",
         soci::use(value), soci::use(membership_id), soci::use(community_id));
    update.execute(true);
    if (update.get_affected_rows() != 1) return Error::NotFound("no such member", "member");
    BumpVersion(sql, community_id);
    return {};
  });
}

}  // namespace andel::store
