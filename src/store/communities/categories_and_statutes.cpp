// SQL for a community's member categories and its statutes.
#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/communities/community_repository.h"
#include "store/communities/community_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {

using communities::Category;
using communities::Statutes;
using community_rows::InsertCategory;
using community_rows::Parsed;
using community_rows::StatutesDetails;

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

}  // namespace andel::store
