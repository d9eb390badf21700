// SQL for communities: creating one (with its default categories and statutes), finding, listing,
// changing and deleting them. Categories and statutes: categories_and_statutes.cpp.
#include "store/communities/community_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/communities/community_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {
namespace {

using communities::Category;
using communities::Community;
using communities::Membership;
using communities::Statutes;
using community_rows::InsertCategory;
using community_rows::InsertMembership;
using community_rows::MembershipDetails;
using community_rows::MembershipSearchKey;
using community_rows::Parsed;
using community_rows::StatutesDetails;

bool IsServerAdmin(soci::session& sql, int64_t person_id) {
  int is_admin = 0;
  sql << "SELECT is_admin FROM persons WHERE id = :p", soci::use(person_id), soci::into(is_admin);
  return sql.got_data() && is_admin != 0;
}

Error ProgrammesOnlyByAdmins() {
  return Error::PermissionDenied("only a server administrator may create a municipal programme",
                                 "kind");
}

// Who may create a community of `kind`: a municipal programme only a server administrator; any
// other community anyone with a confirmed address, unless the server's `community_creation`
// setting says administrators only.
Status MayCreate(soci::session& sql, int64_t person_id, communities::CommunityKind kind) {
  if (IsServerAdmin(sql, person_id)) return {};
  if (kind == communities::CommunityKind::kMunicipalProgramme) return ProgrammesOnlyByAdmins();
  const std::string key = kCommunityCreation;
  std::string policy;
  sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(policy);
  if (sql.got_data() && policy == "admins") {
    return Error::PermissionDenied("on this server only administrators create communities");
  }
  return {};
}

Community ReadCommunity(int64_t id, const std::string& slug, const std::string& name,
                        const std::string& kind, const std::string& about, int is_public,
                        const std::string& signup, int64_t version) {
  Community community;
  community.version = version;
  community.id = id;
  community.slug = slug;
  community.name = name;
  community.kind =
      Parsed(communities::ParseCommunityKind(kind), communities::CommunityKind::kCooperative);
  community.about = about;
  community.is_public = is_public != 0;
  community.signup =
      Parsed(communities::ParseSignupPolicy(signup), communities::SignupPolicy::kInvitation);
  return community;
}

}  // namespace

Result<int64_t> CommunityRepository::CreateCommunity(const Community& community,
                                                     int64_t founder_person_id,
                                                     const std::string& founder_category,
                                                     int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (founder_person_id != 0) {
      if (Status allowed = MayCreate(sql, founder_person_id, community.kind); !allowed) {
        return allowed;
      }
    }
    const std::string kind(communities::Name(community.kind));
    const std::string signup(communities::Name(community.signup));
    const int is_public = community.is_public ? 1 : 0;
    sql << "INSERT INTO communities (slug, name, kind, about, is_public, signup, created_at) "
           "VALUES (:s, :n, :k, :a, :p, :g, :t) RETURNING id",
        soci::use(community.slug), soci::use(community.name), soci::use(kind),
        soci::use(community.about), soci::use(is_public), soci::use(signup), soci::use(now),
        soci::into(id);
    int64_t founder_category_id = 0;
    for (Category category : communities::DefaultCategories()) {
      category.community_id = id;
      int64_t category_id = 0;
      InsertCategory(sql, category, category_id);
      if (category.code == founder_category || founder_category_id == 0) {
        founder_category_id = category_id;
      }
    }
    const Statutes statutes;
    const std::string weight(communities::Name(statutes.vote_weight));
    sql << "INSERT INTO statutes (community_id, quorum_percent, simple_num, simple_den, "
           "qualified_num, qualified_den, vote_weight) VALUES (:c, :q, :sn, :sd, :qn, :qd, :w)",
        soci::use(id), soci::use(statutes.quorum_percent), soci::use(statutes.simple_majority.num),
        soci::use(statutes.simple_majority.den), soci::use(statutes.qualified_majority.num),
        soci::use(statutes.qualified_majority.den), soci::use(weight);
    if (founder_person_id != 0) {
      Membership founder;
      founder.community_id = id;
      founder.person_id = founder_person_id;
      founder.category_id = founder_category_id;
      founder.role = communities::Role::kAdmin;
      founder.joined_on = DateFromUnixSeconds(now);
      const int64_t member = InsertMembership(sql, founder, MembershipSearchKey(sql, founder), now);
      Audit(sql, id, "member.added", "member " + std::to_string(member),
            MembershipDetails(founder));
    }
    Audit(sql, id, "community.created", community.slug,
          "kind=" + kind + " public=" + std::to_string(is_public) + " signup=" + signup);
    Audit(sql, id, "statutes.changed", community.slug, StatutesDetails(statutes));
    return {};
  });
  if (!status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("this short name is taken", "slug");
    }
    return status.error();
  }
  return id;
}

namespace {

// Every community page and API call looks its community up by slug: prepared once per connection.
struct SlugQuery : PreparedStatements::Entry {
  explicit SlugQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT id, slug, name, kind, about, is_public, signup, version "
                                  "FROM communities WHERE slug = :s",
                   soci::use(slug), soci::into(id), soci::into(found_slug), soci::into(name),
                   soci::into(kind), soci::into(about), soci::into(is_public), soci::into(signup),
                   soci::into(version))) {}

  std::string slug;
  int64_t id = 0, version = 0;
  std::string found_slug, name, kind, about, signup;
  int is_public = 0;
  soci::statement statement;
};

}  // namespace

Result<Community> CommunityRepository::FindBySlug(const std::string& slug) {
  std::optional<Community> community;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    SlugQuery& query = prepared.Get<SlugQuery>("community_by_slug", sql);
    query.slug = slug;
    if (query.statement.execute(true)) {
      community = ReadCommunity(query.id, query.found_slug, query.name, query.kind, query.about,
                                query.is_public, query.signup, query.version);
      FinishStatement(query.statement);
    }
    return {};
  });
  if (!status) return status.error();
  if (!community) return Error::NotFound("no such community", "slug");
  return *community;
}

Status CommunityRepository::UpdateCommunity(const Community& community) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::string kind_before;
    sql << "SELECT kind FROM communities WHERE id = :id", soci::use(community.id),
        soci::into(kind_before);
    if (community.kind == communities::CommunityKind::kMunicipalProgramme &&
        kind_before != communities::Name(community.kind) && !IsServerAdmin(sql, actor_)) {
      return ProgrammesOnlyByAdmins();
    }
    const std::string kind(communities::Name(community.kind));
    const std::string signup(communities::Name(community.signup));
    const int is_public = community.is_public ? 1 : 0;
    sql << "UPDATE communities SET name = :n, kind = :k, about = :a, is_public = :p, "
           "signup = :g WHERE id = :id",
        soci::use(community.name), soci::use(kind), soci::use(community.about),
        soci::use(is_public), soci::use(signup), soci::use(community.id);
    BumpVersion(sql, community.id);
    Audit(sql, community.id, "community.updated", community.slug,
          "name=" + community.name + " kind=" + kind + " public=" + std::to_string(is_public) +
              " signup=" + signup);
    return {};
  });
}

Status CommunityRepository::DeleteCommunity(int64_t community_id) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM invitations WHERE community_id = :c", soci::use(community_id);
    sql << "DELETE FROM memberships WHERE community_id = :c", soci::use(community_id);
    sql << "DELETE FROM statutes WHERE community_id = :c", soci::use(community_id);
    sql << "DELETE FROM categories WHERE community_id = :c", soci::use(community_id);
    sql << "DELETE FROM communities WHERE id = :c", soci::use(community_id);
    Audit(sql, community_id, "community.deleted", "", "");
    return {};
  });
}

Result<std::vector<CommunitySummary>> CommunityRepository::ListVisible(int64_t viewer_person_id,
                                                                       int offset, int limit) {
  std::vector<CommunitySummary> summaries;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    int64_t id = 0, member_count = 0, version = 0;
    std::string slug, name, kind, about, signup, role;
    int is_public = 0;
    soci::statement select =
        (sql.prepare
             << "SELECT c.id, c.slug, c.name, c.kind, c.about, c.is_public, c.signup, "
                "c.version, (SELECT COUNT(*) FROM memberships a WHERE a.community_id = c.id "
                "AND a.status = 'active'), COALESCE(mine.role, '') "
                "FROM communities c LEFT JOIN memberships mine ON mine.community_id = c.id "
                "AND mine.person_id = :v AND mine.organisation_id IS NULL "
                "AND mine.status <> 'left' "
                "WHERE c.is_public = 1 OR mine.id IS NOT NULL "
                "ORDER BY c.name, c.id LIMIT :lim OFFSET :off",
         soci::use(viewer_person_id), soci::use(limit), soci::use(offset), soci::into(id),
         soci::into(slug), soci::into(name), soci::into(kind), soci::into(about),
         soci::into(is_public), soci::into(signup), soci::into(version), soci::into(member_count),
         soci::into(role));
    select.execute();
    while (select.fetch()) {
      CommunitySummary summary;
      summary.community = ReadCommunity(id, slug, name, kind, about, is_public, signup, version);
      summary.member_count = member_count;
      if (!role.empty())
        summary.role = Parsed(communities::ParseRole(role), communities::Role::kMember);
      summaries.push_back(std::move(summary));
    }
    return {};
  });
  if (!status) return status.error();
  return summaries;
}

Result<int64_t> CommunityRepository::CountVisible(int64_t viewer_person_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM communities c WHERE c.is_public = 1 OR EXISTS (SELECT 1 FROM "
           "memberships m WHERE m.community_id = c.id AND m.person_id = :v "
           "AND m.organisation_id IS NULL AND m.status <> 'left')",
        soci::use(viewer_person_id), soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Result<bool> CommunityRepository::MemberListIsPublic(int64_t community_id) {
  int is_public = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT member_list_public FROM communities WHERE id = :c", soci::use(community_id),
        soci::into(is_public);
    return {};
  });
  if (!status) return status.error();
  return is_public != 0;
}

Status CommunityRepository::SetMemberListPublic(int64_t community_id, bool is_public) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int value = is_public ? 1 : 0;
    sql << "UPDATE communities SET member_list_public = :v WHERE id = :c", soci::use(value),
        soci::use(community_id);
    BumpVersion(sql, community_id);
    Audit(sql, community_id, "community.updated", "",
          "member_list_public=" + std::to_string(value));
    return {};
  });
}

}  // namespace andel::store
