// What the community repositories share (see community_rows.h).
#include "store/communities/community_rows.h"

#include "store/database.h"
#include "store/search_key.h"

namespace andel::store::community_rows {

using communities::Category;
using communities::Statutes;

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

std::string MembershipSearchKey(soci::session& sql, const Membership& m) {
  std::string name, email, organisation;
  sql << "SELECT name, email FROM persons WHERE id = :p", soci::use(m.person_id), soci::into(name),
      soci::into(email);
  if (m.organisation_id) {
    sql << "SELECT name FROM organisations WHERE id = :o", soci::use(*m.organisation_id),
        soci::into(organisation);
  }
  return MemberSearchKey(name, email, organisation);
}

int64_t FindOrCreateOrganisationIn(soci::session& sql, const std::string& name, int64_t now) {
  int64_t id = 0;
  sql << "SELECT id FROM organisations WHERE name = :n", soci::use(name), soci::into(id);
  if (sql.got_data()) return id;
  sql << "INSERT INTO organisations (name, created_at) VALUES (:n, :t) RETURNING id",
      soci::use(name), soci::use(now), soci::into(id);
  return id;
}

void InsertCategory(soci::session& sql, const Category& category, int64_t& id) {
  sql << "INSERT INTO categories (community_id, code, name_en, name_da, name_nl, position) "
         "VALUES (:c, :code, :en, :da, :nl, :pos) RETURNING id",
      soci::use(category.community_id), soci::use(category.code), soci::use(category.name_en),
      soci::use(category.name_da), soci::use(category.name_nl), soci::use(category.position),
      soci::into(id);
  BumpVersion(sql, category.community_id);
}

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

}  // namespace andel::store::community_rows
