// SQL for value cases.
#include "store/impact/value_case_repository.h"

#include <soci/soci.h>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {
namespace {

using impact::ValueCase;

constexpr const char* kSelect =
    "SELECT v.id, v.community_id, v.title, v.story, v.evidence, v.published, v.created_at, "
    "c.name, c.slug FROM value_cases v JOIN communities c ON c.id = v.community_id ";

// Runs the query `rest` after kSelect with `bind` binding its parameters, and reads each case
// with its indicators.
template <typename Bind>
std::vector<ValueCase> Query(soci::session& sql, const std::string& rest, Bind bind) {
  ValueCase row;
  std::string evidence;
  int published = 0;
  soci::statement st(sql);
  bind(st);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.community_id));
  st.exchange(soci::into(row.title));
  st.exchange(soci::into(row.story));
  st.exchange(soci::into(evidence));
  st.exchange(soci::into(published));
  st.exchange(soci::into(row.created_at));
  st.exchange(soci::into(row.community_name));
  st.exchange(soci::into(row.community_slug));
  st.alloc();
  st.prepare(kSelect + rest);
  st.define_and_bind();
  st.execute(false);
  std::vector<ValueCase> cases;
  while (st.fetch()) {
    ValueCase value_case = row;
    value_case.published = published != 0;
    for (std::string_view link : Split(evidence, '\n')) {
      if (!link.empty()) value_case.evidence_urls.emplace_back(link);
    }
    cases.push_back(std::move(value_case));
  }
  for (ValueCase& value_case : cases) {
    std::vector<long long> ids(50);
    sql << "SELECT indicator_id FROM value_case_indicators WHERE value_case_id = :v ORDER BY "
           "indicator_id",
        soci::use(value_case.id), soci::into(ids);
    value_case.indicator_ids.assign(ids.begin(), ids.end());
  }
  return cases;
}

}  // namespace

Result<int64_t> ValueCaseRepository::Create(const ValueCase& value_case, int64_t actor_person_id,
                                            int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    for (const int64_t indicator : value_case.indicator_ids) {
      int count = 0;
      sql << "SELECT COUNT(*) FROM impact_indicators WHERE id = :i AND community_id = :c",
          soci::use(indicator), soci::use(value_case.community_id), soci::into(count);
      if (count == 0) {
        return Error::InvalidArgument("choose indicators of this community", "indicators");
      }
    }
    std::string evidence;
    for (const std::string& link : value_case.evidence_urls) evidence += link + "\n";
    const std::string title(Trim(value_case.title)), story(Trim(value_case.story)),
        key = impact::ValueCaseSearchKey(value_case);
    const int published = value_case.published ? 1 : 0;
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO value_cases (community_id, title, story, evidence, published, "
           "search_key, created_by, created_at) VALUES (:c, :t, :s, :e, :p, :k, :by, :at) "
           "RETURNING id",
        soci::use(value_case.community_id), soci::use(title), soci::use(story), soci::use(evidence),
        soci::use(published), soci::use(key), soci::use(actor_person_id, actor), soci::use(now),
        soci::into(id);
    for (const int64_t indicator : value_case.indicator_ids) {
      sql << "INSERT INTO value_case_indicators (value_case_id, indicator_id) VALUES (:v, :i)",
          soci::use(id), soci::use(indicator);
    }
    AppendAudit(sql,
                {value_case.community_id, actor_person_id, "value_case.created",
                 "value case " + std::to_string(id), title},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<ValueCase>> ValueCaseRepository::List(int64_t community_id) {
  std::vector<ValueCase> cases;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    cases = Query(sql, "WHERE v.community_id = :c ORDER BY v.id DESC",
                  [&](soci::statement& st) { st.exchange(soci::use(community_id)); });
    return {};
  });
  if (!status) return status.error();
  return cases;
}

Result<ValueCase> ValueCaseRepository::Find(int64_t value_case_id) {
  std::vector<ValueCase> cases;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    cases = Query(sql, "WHERE v.id = :v",
                  [&](soci::statement& st) { st.exchange(soci::use(value_case_id)); });
    return {};
  });
  if (!status) return status.error();
  if (cases.empty()) return Error::NotFound("there is no such value case", "value_case");
  return cases.front();
}

Result<std::vector<ValueCase>> ValueCaseRepository::SearchPublished(const std::string& query,
                                                                    int limit) {
  std::vector<ValueCase> cases;
  const std::string pattern = ContainsPattern(IsValidUtf8(query) ? std::string(Trim(query)) : "");
  Status status = db_.Run([&](soci::session& sql) -> Status {
    cases = Query(sql,
                  "WHERE v.published = 1 AND v.search_key LIKE :q ESCAPE '\\' ORDER BY v.id "
                  "DESC LIMIT :n",
                  [&](soci::statement& st) {
                    st.exchange(soci::use(pattern));
                    st.exchange(soci::use(limit));
                  });
    return {};
  });
  if (!status) return status.error();
  return cases;
}

Status ValueCaseRepository::SetPublished(int64_t community_id, int64_t value_case_id,
                                         bool published, int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int count = 0;
    sql << "SELECT COUNT(*) FROM value_cases WHERE id = :v AND community_id = :c",
        soci::use(value_case_id), soci::use(community_id), soci::into(count);
    if (count == 0) return Error::NotFound("there is no such value case", "value_case");
    const int flag = published ? 1 : 0;
    sql << "UPDATE value_cases SET published = :p WHERE id = :v", soci::use(flag),
        soci::use(value_case_id);
    AppendAudit(
        sql,
        {community_id, actor_person_id, published ? "value_case.published" : "value_case.withdrawn",
         "value case " + std::to_string(value_case_id), ""},
        now);
    return {};
  });
}

}  // namespace andel::store
