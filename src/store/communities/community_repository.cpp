// SQL for communities, categories, statutes, memberships, invitations and member import
// (requests to join: communities/join_requests.cpp).
#include "store/communities/community_repository.h"

#include <soci/soci.h>

#include <ctime>
#include <map>

#include "store/audit_log.h"
#include "store/communities/member_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {
namespace {

using communities::Category;
using communities::Community;
using communities::MemberRow;
using communities::Membership;
using communities::Statutes;
using member_rows::DateFrom;
using member_rows::DateText;
using member_rows::kMemberSelect;
using member_rows::MemberColumns;
using member_rows::Parsed;

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

void InsertCategory(soci::session& sql, const Category& category, int64_t& id) {
  sql << "INSERT INTO categories (community_id, code, name_en, name_da, name_nl, position) "
         "VALUES (:c, :code, :en, :da, :nl, :pos) RETURNING id",
      soci::use(category.community_id), soci::use(category.code), soci::use(category.name_en),
      soci::use(category.name_da), soci::use(category.name_nl), soci::use(category.position),
      soci::into(id);
  BumpVersion(sql, category.community_id);
}

int64_t FindOrCreatePersonIn(soci::session& sql, const std::string& email, const std::string& name,
                             int64_t now) {
  int64_t id = 0;
  sql << "SELECT id FROM persons WHERE email = :e", soci::use(email), soci::into(id);
  if (sql.got_data()) return id;
  sql << "INSERT INTO persons (email, name, created_at) VALUES (:e, :n, :t) RETURNING id",
      soci::use(email), soci::use(name), soci::use(now), soci::into(id);
  return id;
}

int64_t FindOrCreateOrganisationIn(soci::session& sql, const std::string& name, int64_t now) {
  int64_t id = 0;
  sql << "SELECT id FROM organisations WHERE name = :n", soci::use(name), soci::into(id);
  if (sql.got_data()) return id;
  sql << "INSERT INTO organisations (name, created_at) VALUES (:n, :t) RETURNING id",
      soci::use(name), soci::use(now), soci::into(id);
  return id;
}

int64_t InsertMembership(soci::session& sql, const Membership& m, const std::string& search_key,
                         int64_t now) {
  int64_t id = 0;
  const std::string role(communities::Name(m.role));
  const std::string status(communities::Name(m.status));
  const std::string joined = DateText(m.joined_on);
  const std::string left = DateText(m.left_on);
  soci::indicator organisation_null = m.organisation_id ? soci::i_ok : soci::i_null;
  const int64_t organisation_id = m.organisation_id.value_or(0);
  sql << "INSERT INTO memberships (community_id, person_id, organisation_id, category_id, role, "
         "shares, joined_on, left_on, status, search_key, created_at) VALUES "
         "(:c, :p, :o, :cat, :r, :s, :j, :l, :st, :k, :t) RETURNING id",
      soci::use(m.community_id), soci::use(m.person_id),
      soci::use(organisation_id, organisation_null), soci::use(m.category_id), soci::use(role),
      soci::use(m.shares), soci::use(joined), soci::use(left), soci::use(status),
      soci::use(search_key), soci::use(now), soci::into(id);
  BumpVersion(sql, m.community_id);
  return id;
}

std::string KeyFor(soci::session& sql, const Membership& m) {
  std::string name, email, organisation;
  sql << "SELECT name, email FROM persons WHERE id = :p", soci::use(m.person_id), soci::into(name),
      soci::into(email);
  if (m.organisation_id) {
    sql << "SELECT name FROM organisations WHERE id = :o", soci::use(*m.organisation_id),
        soci::into(organisation);
  }
  return MemberSearchKey(name, email, organisation);
}

}  // namespace

void CommunityRepository::Audit(soci::session& sql, int64_t community_id, const char* action,
                                std::string subject, std::string details) const {
  AuditEntry entry;
  entry.community_id = community_id;
  entry.actor_person_id = actor_;
  entry.action = action;
  entry.subject = std::move(subject);
  entry.details = std::move(details);
  AppendAudit(sql, entry, now_ != 0 ? now_ : static_cast<int64_t>(std::time(nullptr)));
}

namespace {

std::string MembershipDetails(const Membership& m) {
  return "person=" + std::to_string(m.person_id) +
         (m.organisation_id ? " organisation=" + std::to_string(*m.organisation_id) : "") +
         " category=" + std::to_string(m.category_id) +
         " role=" + std::string(communities::Name(m.role)) + " shares=" + std::to_string(m.shares) +
         " status=" + std::string(communities::Name(m.status));
}

std::string StatutesDetails(const Statutes& statutes) {
  return "quorum=" + std::to_string(statutes.quorum_percent) +
         "% simple=" + communities::FormatFraction(statutes.simple_majority) +
         " qualified=" + communities::FormatFraction(statutes.qualified_majority) +
         " weight=" + std::string(communities::Name(statutes.vote_weight)) +
         " min_days=" + std::to_string(statutes.voting_min_days) +
         " min_shares=" + std::to_string(statutes.voting_min_shares);
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
      const int64_t member = InsertMembership(sql, founder, KeyFor(sql, founder), now);
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

namespace {

struct CategoriesQuery : PreparedStatements::Entry {
  explicit CategoriesQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT id, community_id, code, name_en, name_da, name_nl, "
                                  "position FROM categories WHERE community_id = :c "
                                  "ORDER BY position, id",
                   soci::use(community_id), soci::into(category.id),
                   soci::into(category.community_id), soci::into(category.code),
                   soci::into(category.name_en), soci::into(category.name_da),
                   soci::into(category.name_nl), soci::into(category.position))) {}

  int64_t community_id = 0;
  Category category;
  soci::statement statement;
};

}  // namespace

Result<std::vector<Category>> CommunityRepository::ListCategories(int64_t community_id) {
  std::vector<Category> categories;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    CategoriesQuery& query = prepared.Get<CategoriesQuery>("categories", sql);
    query.community_id = community_id;
    query.statement.execute();
    while (query.statement.fetch()) categories.push_back(query.category);
    return {};
  });
  if (!status) return status.error();
  return categories;
}

Result<Category> CommunityRepository::FindCategory(int64_t community_id, int64_t category_id) {
  Result<std::vector<Category>> categories = ListCategories(community_id);
  if (!categories) return categories.error();
  for (const Category& category : *categories) {
    if (category.id == category_id) return category;
  }
  return Error::NotFound("no such category", "category");
}

Result<int64_t> CommunityRepository::CreateCategory(const Category& category) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    InsertCategory(sql, category, id);
    Audit(sql, category.community_id, "category.created", category.code,
          "en=" + category.name_en + " da=" + category.name_da + " nl=" + category.name_nl);
    return {};
  });
  if (!status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("a category with this code already exists", "code");
    }
    return status.error();
  }
  return id;
}

Status CommunityRepository::UpdateCategory(const Category& category) {
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    soci::statement update =
        (sql.prepare << "UPDATE categories SET code = :code, name_en = :en, name_da = :da, "
                        "name_nl = :nl, position = :pos WHERE id = :id AND community_id = :c",
         soci::use(category.code), soci::use(category.name_en), soci::use(category.name_da),
         soci::use(category.name_nl), soci::use(category.position), soci::use(category.id),
         soci::use(category.community_id));
    update.execute(true);
    if (update.get_affected_rows() != 1) return Error::NotFound("no such category", "category");
    BumpVersion(sql, category.community_id);
    Audit(sql, category.community_id, "category.updated", category.code,
          "en=" + category.name_en + " da=" + category.name_da + " nl=" + category.name_nl +
              " position=" + std::to_string(category.position));
    return {};
  });
  if (!status && status.error().code == ErrorCode::kAlreadyExists) {
    return Error::AlreadyExists("a category with this code already exists", "code");
  }
  return status;
}

Status CommunityRepository::DeleteCategory(int64_t community_id, int64_t category_id) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int64_t users = 0;
    sql << "SELECT (SELECT COUNT(*) FROM memberships WHERE category_id = :a) + "
           "(SELECT COUNT(*) FROM invitations WHERE category_id = :b)",
        soci::use(category_id), soci::use(category_id), soci::into(users);
    if (users > 0) {
      return Error::FailedPrecondition("members still belong to this category; move them first",
                                       "category");
    }
    soci::statement remove =
        (sql.prepare << "DELETE FROM categories WHERE id = :id AND community_id = :c",
         soci::use(category_id), soci::use(community_id));
    remove.execute(true);
    if (remove.get_affected_rows() != 1) return Error::NotFound("no such category", "category");
    BumpVersion(sql, community_id);
    Audit(sql, community_id, "category.deleted", "category " + std::to_string(category_id), "");
    return {};
  });
}

Result<Statutes> CommunityRepository::GetStatutes(int64_t community_id) {
  Statutes statutes;
  bool found = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::string weight;
    sql << "SELECT quorum_percent, simple_num, simple_den, qualified_num, qualified_den, "
           "vote_weight, voting_min_days, voting_min_shares FROM statutes WHERE community_id = :c",
        soci::use(community_id), soci::into(statutes.quorum_percent),
        soci::into(statutes.simple_majority.num), soci::into(statutes.simple_majority.den),
        soci::into(statutes.qualified_majority.num), soci::into(statutes.qualified_majority.den),
        soci::into(weight), soci::into(statutes.voting_min_days),
        soci::into(statutes.voting_min_shares);
    found = sql.got_data();
    statutes.vote_weight =
        Parsed(communities::ParseVoteWeight(weight), communities::VoteWeight::kOneMemberOneVote);
    return {};
  });
  if (!status) return status.error();
  if (!found) return Error::NotFound("no such community");
  return statutes;
}

Status CommunityRepository::SaveStatutes(int64_t community_id, const Statutes& statutes) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string weight(communities::Name(statutes.vote_weight));
    sql << "UPDATE statutes SET quorum_percent = :q, simple_num = :sn, simple_den = :sd, "
           "qualified_num = :qn, qualified_den = :qd, vote_weight = :w, voting_min_days = :md, "
           "voting_min_shares = :ms WHERE community_id = :c",
        soci::use(statutes.quorum_percent), soci::use(statutes.simple_majority.num),
        soci::use(statutes.simple_majority.den), soci::use(statutes.qualified_majority.num),
        soci::use(statutes.qualified_majority.den), soci::use(weight),
        soci::use(statutes.voting_min_days), soci::use(statutes.voting_min_shares),
        soci::use(community_id);
    BumpVersion(sql, community_id);
    Audit(sql, community_id, "statutes.changed", "", StatutesDetails(statutes));
    return {};
  });
}

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

Result<std::optional<Membership>> CommunityRepository::FindMembershipOf(int64_t community_id,
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

Result<MemberPage> CommunityRepository::ListMembers(int64_t community_id,
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

Result<MemberView> CommunityRepository::FindMember(int64_t community_id, int64_t membership_id) {
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

Result<int64_t> CommunityRepository::AddMember(const Membership& membership, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    int64_t existing = 0;
    const int64_t organisation_id = membership.organisation_id.value_or(0);
    sql << "SELECT COUNT(*) FROM memberships WHERE community_id = :c AND person_id = :p "
           "AND COALESCE(organisation_id, 0) = :o",
        soci::use(membership.community_id), soci::use(membership.person_id),
        soci::use(organisation_id), soci::into(existing);
    if (existing > 0) return Error::AlreadyExists("already a member of this community", "email");
    id = InsertMembership(sql, membership, KeyFor(sql, membership), now);
    Audit(sql, membership.community_id, "member.added", "member " + std::to_string(id),
          MembershipDetails(membership));
    return {};
  });
  if (!status) return status.error();
  return id;
}

Status CommunityRepository::UpdateMember(const Membership& m) {
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

Result<int64_t> CommunityRepository::CountAdmins(int64_t community_id) {
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

Result<int> CommunityRepository::ImportMembers(int64_t community_id,
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
      const std::string key = KeyFor(sql, m);
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

Result<std::vector<MemberRow>> CommunityRepository::ExportMembers(int64_t community_id) {
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

Result<int64_t> CommunityRepository::CreateInvitation(const Invitation& invitation,
                                                      const std::string& token_hash,
                                                      int64_t invited_by, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string role(communities::Name(invitation.role));
    sql << "INSERT INTO invitations (community_id, email, category_id, role, token_hash, "
           "invited_by, created_at, expires_at) VALUES (:c, :e, :cat, :r, :h, :b, :t, :x) "
           "RETURNING id",
        soci::use(invitation.community_id), soci::use(invitation.email),
        soci::use(invitation.category_id), soci::use(role), soci::use(token_hash),
        soci::use(invited_by), soci::use(now), soci::use(invitation.expires_at), soci::into(id);
    Audit(sql, invitation.community_id, "invitation.sent", invitation.email,
          "category=" + std::to_string(invitation.category_id) + " role=" + role);
    return {};
  });
  if (!status) return status.error();
  return id;
}

namespace {

// Whether the invitation's sender, as an active member now, holds the role it needs to invite to
// the invitation's role.
bool InviterMayInvite(soci::session& sql, const Invitation& invitation) {
  std::string inviter_role;
  sql << "SELECT role FROM memberships WHERE community_id = :c AND person_id = :p "
         "AND organisation_id IS NULL AND status = 'active' ORDER BY id DESC LIMIT 1",
      soci::use(invitation.community_id), soci::use(invitation.invited_by),
      soci::into(inviter_role);
  if (!sql.got_data()) return false;
  const communities::Role needed = invitation.role == communities::Role::kAdmin
                                       ? communities::Role::kAdmin
                                       : communities::Role::kBoard;
  Result<communities::Role> inviter = communities::ParseRole(inviter_role);
  return inviter && communities::RoleAtLeast(*inviter, needed);
}

}  // namespace

Result<Invitation> CommunityRepository::FindInvitation(const std::string& token_hash) {
  Invitation invitation;
  bool found = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::string role;
    sql << "SELECT i.id, i.community_id, i.email, i.category_id, i.role, i.accepted_at, "
           "i.expires_at, i.invited_by, c.slug, c.name FROM invitations i "
           "JOIN communities c ON c.id = i.community_id WHERE i.token_hash = :h",
        soci::use(token_hash), soci::into(invitation.id), soci::into(invitation.community_id),
        soci::into(invitation.email), soci::into(invitation.category_id), soci::into(role),
        soci::into(invitation.accepted_at), soci::into(invitation.expires_at),
        soci::into(invitation.invited_by), soci::into(invitation.community_slug),
        soci::into(invitation.community_name);
    found = sql.got_data();
    invitation.role = Parsed(communities::ParseRole(role), communities::Role::kMember);
    if (found) invitation.inviter_may_invite = InviterMayInvite(sql, invitation);
    return {};
  });
  if (!status) return status.error();
  if (!found) return Error::NotFound("this invitation is not valid", "invitation");
  return invitation;
}

Status CommunityRepository::AcceptInvitation(const std::string& token_hash, int64_t person_id,
                                             const Date& today, int64_t now) {
  Result<Invitation> invitation = FindInvitation(token_hash);
  if (!invitation) return invitation.error();
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (invitation->expires_at <= now) {
      return Error::FailedPrecondition("this invitation has expired; ask the board for a new one",
                                       "invitation");
    }
    std::string email;
    sql << "SELECT email FROM persons WHERE id = :p", soci::use(person_id), soci::into(email);
    if (email != invitation->email) {
      return Error::PermissionDenied(
          "this invitation was sent to another address: sign in with that address to accept it",
          "invitation");
    }
    // The inviter's role now, not when they sent it: a board member who lost the role can no
    // longer bring anyone in.
    if (!InviterMayInvite(sql, *invitation)) {
      return Error::FailedPrecondition(
          "the person who invited you may no longer invite to this role; ask the board for a "
          "new invitation",
          "invitation");
    }
    soci::statement update = (sql.prepare << "UPDATE invitations SET accepted_at = :t "
                                             "WHERE token_hash = :h AND accepted_at = 0",
                              soci::use(now), soci::use(token_hash));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      return Error::FailedPrecondition("this invitation has already been used", "invitation");
    }
    int64_t existing = 0;
    std::string existing_status;
    sql << "SELECT id, status FROM memberships WHERE community_id = :c "
           "AND person_id = :p AND organisation_id IS NULL ORDER BY id DESC LIMIT 1",
        soci::use(invitation->community_id), soci::use(person_id), soci::into(existing),
        soci::into(existing_status);
    if (!sql.got_data()) existing = 0;
    const std::string role(communities::Name(invitation->role));
    const std::string joined = FormatIsoDate(today);
    if (existing != 0 && existing_status == "active") {
      // A member keeps the role and category they have.
      Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
            "member " + std::to_string(existing) + " already active");
      return {};
    }
    if (existing != 0) {
      sql << "UPDATE memberships SET status = 'active', role = :r, category_id = :cat, "
             "joined_on = :j, left_on = '' WHERE id = :id",
          soci::use(role), soci::use(invitation->category_id), soci::use(joined),
          soci::use(existing);
      BumpVersion(sql, invitation->community_id);
      Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
            "member " + std::to_string(existing));
      return {};
    }
    Membership m;
    m.community_id = invitation->community_id;
    m.person_id = person_id;
    m.category_id = invitation->category_id;
    m.role = invitation->role;
    m.joined_on = today;
    const int64_t id = InsertMembership(sql, m, KeyFor(sql, m), now);
    Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
          "member " + std::to_string(id));
    return {};
  });
}

Result<int64_t> CommunityRepository::FindOrCreateOrganisation(const std::string& name,
                                                              int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = FindOrCreateOrganisationIn(sql, name, now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<int64_t> CommunityRepository::FindOrCreatePerson(const std::string& email,
                                                        const std::string& name, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = FindOrCreatePersonIn(sql, email, name, now);
    return {};
  });
  if (!status) return status.error();
  return id;
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

Status CommunityRepository::SetDetailsHidden(int64_t community_id, int64_t membership_id,
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
