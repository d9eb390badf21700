// Search keys for members.
#include "store/search_key.h"

#include <soci/soci.h>

#include <vector>

#include "core/text.h"

namespace andel::store {

std::string MemberSearchKey(const std::string& person_name, const std::string& email,
                            const std::string& organisation) {
  return FoldCase(person_name + "\n" + email + "\n" + organisation);
}

void RefreshSearchKeys(soci::session& sql, int64_t person_id) {
  struct Row {
    int64_t id;
    std::string key;
  };
  std::vector<Row> rows;
  int64_t id = 0;
  std::string name, email, organisation;
  soci::statement select =
      (sql.prepare << "SELECT m.id, p.name, p.email, COALESCE(o.name, '') FROM memberships m "
                      "JOIN persons p ON p.id = m.person_id "
                      "LEFT JOIN organisations o ON o.id = m.organisation_id "
                      "WHERE m.person_id = :p",
       soci::use(person_id), soci::into(id), soci::into(name), soci::into(email),
       soci::into(organisation));
  select.execute();
  while (select.fetch()) rows.push_back({id, MemberSearchKey(name, email, organisation)});
  for (const Row& row : rows) {
    sql << "UPDATE memberships SET search_key = :k WHERE id = :id", soci::use(row.key),
        soci::use(row.id);
  }
  sql << "UPDATE communities SET version = version + 1 WHERE id IN "
         "(SELECT community_id FROM memberships WHERE person_id = :p)",
      soci::use(person_id);
}

void BumpVersion(soci::session& sql, int64_t community_id) {
  sql << "UPDATE communities SET version = version + 1 WHERE id = :c", soci::use(community_id);
}

std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : FoldCase(text)) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace andel::store
