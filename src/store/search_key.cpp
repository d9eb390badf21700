// Search keys for members.
#include "store/search_key.h"

#include <soci/soci.h>

#include <vector>

#include "core/text.h"
#include "impact/value_case.h"
#include "search/search_fold.h"

namespace andel::store {

std::string MemberSearchKey(const std::string& person_name, const std::string& email,
                            const std::string& organisation) {
  return search::SearchKey(person_name + "\n" + email + "\n" + organisation);
}

std::string ProposalSearchKey(const std::string& title, const std::string& body) {
  return search::SearchKey(title + "\n" + body);
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

void RefreshStaleSearchKeys(soci::session& sql) {
  std::string version;
  sql << "SELECT value FROM settings WHERE key = 'search_key_version'", soci::into(version);
  const bool present = sql.got_data();
  if (present && version == kSearchKeyVersion) return;
  struct Row {
    int64_t id;
    std::string key;
  };
  std::vector<Row> members, cases, proposals;
  int64_t id = 0;
  std::string name, email, organisation;
  soci::statement select_members =
      (sql.prepare << "SELECT m.id, p.name, p.email, COALESCE(o.name, '') FROM memberships m "
                      "JOIN persons p ON p.id = m.person_id "
                      "LEFT JOIN organisations o ON o.id = m.organisation_id",
       soci::into(id), soci::into(name), soci::into(email), soci::into(organisation));
  select_members.execute();
  while (select_members.fetch())
    members.push_back({id, MemberSearchKey(name, email, organisation)});
  impact::ValueCase value_case;
  soci::statement select_cases =
      (sql.prepare << "SELECT id, title, story FROM value_cases", soci::into(id),
       soci::into(value_case.title), soci::into(value_case.story));
  select_cases.execute();
  while (select_cases.fetch()) cases.push_back({id, impact::ValueCaseSearchKey(value_case)});
  std::string title, body;
  soci::statement select_proposals = (sql.prepare << "SELECT id, title, body FROM proposals",
                                      soci::into(id), soci::into(title), soci::into(body));
  select_proposals.execute();
  while (select_proposals.fetch()) proposals.push_back({id, ProposalSearchKey(title, body)});
  for (const Row& row : proposals) {
    sql << "UPDATE proposals SET search_key = :k WHERE id = :id", soci::use(row.key),
        soci::use(row.id);
  }
  for (const Row& row : members) {
    sql << "UPDATE memberships SET search_key = :k WHERE id = :id", soci::use(row.key),
        soci::use(row.id);
  }
  for (const Row& row : cases) {
    sql << "UPDATE value_cases SET search_key = :k WHERE id = :id", soci::use(row.key),
        soci::use(row.id);
  }
  const std::string current(kSearchKeyVersion);
  if (present) {
    sql << "UPDATE settings SET value = :v WHERE key = 'search_key_version'", soci::use(current);
  } else {
    sql << "INSERT INTO settings (key, value) VALUES ('search_key_version', :v)",
        soci::use(current);
  }
  sql << "UPDATE communities SET version = version + 1";
}

void BumpVersion(soci::session& sql, int64_t community_id) {
  sql << "UPDATE communities SET version = version + 1 WHERE id = :c", soci::use(community_id);
}

std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : search::SearchQuery(text)) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace andel::store
