// SQL for SROI analyses.
#include "store/impact/sroi_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

void ReadOutcomes(soci::session& sql, SroiAnalysis& analysis) {
  impact::SroiOutcome o;
  long long quantity = 0, proxy = 0;
  soci::statement st =
      (sql.prepare << "SELECT name, quantity, proxy, deadweight_bp, displacement_bp, "
                      "attribution_bp, drop_off_bp, duration_years FROM sroi_outcomes WHERE "
                      "analysis_id = :a ORDER BY position",
       soci::use(analysis.id), soci::into(o.name), soci::into(quantity), soci::into(proxy),
       soci::into(o.deadweight_bp), soci::into(o.displacement_bp), soci::into(o.attribution_bp),
       soci::into(o.drop_off_bp), soci::into(o.duration_years));
  st.execute(false);
  while (st.fetch()) {
    impact::SroiOutcome outcome = o;
    outcome.quantity = {quantity};
    outcome.proxy_minor = proxy;
    analysis.input.outcomes.push_back(std::move(outcome));
  }
}

std::vector<SroiAnalysis> Query(soci::session& sql, const std::string& where, int64_t community_id,
                                const int64_t* analysis_id) {
  SroiAnalysis row;
  long long investment = 0;
  soci::statement st(sql);
  st.exchange(soci::use(community_id));
  if (analysis_id) st.exchange(soci::use(*analysis_id));
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.title));
  st.exchange(soci::into(row.currency));
  st.exchange(soci::into(investment));
  st.exchange(soci::into(row.input.discount_bp));
  st.exchange(soci::into(row.created_at));
  st.alloc();
  st.prepare(
      "SELECT id, title, currency, investment, discount_bp, created_at FROM "
      "sroi_analyses " +
      where);
  st.define_and_bind();
  st.execute(false);
  std::vector<SroiAnalysis> analyses;
  while (st.fetch()) {
    SroiAnalysis analysis = row;
    analysis.community_id = community_id;
    analysis.input.investment_minor = investment;
    analyses.push_back(std::move(analysis));
  }
  for (SroiAnalysis& analysis : analyses) ReadOutcomes(sql, analysis);
  return analyses;
}

}  // namespace

Result<int64_t> SroiRepository::Create(const SroiAnalysis& analysis, int64_t actor_person_id,
                                       int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const long long investment = analysis.input.investment_minor;
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO sroi_analyses (community_id, title, currency, investment, discount_bp, "
           "created_by, created_at) VALUES (:c, :t, :cur, :i, :d, :by, :at) RETURNING id",
        soci::use(analysis.community_id), soci::use(analysis.title), soci::use(analysis.currency),
        soci::use(investment), soci::use(analysis.input.discount_bp),
        soci::use(actor_person_id, actor), soci::use(now), soci::into(id);
    int position = 0;
    for (const impact::SroiOutcome& o : analysis.input.outcomes) {
      const long long quantity = o.quantity.thousandths, proxy = o.proxy_minor;
      sql << "INSERT INTO sroi_outcomes (analysis_id, position, name, quantity, proxy, "
             "deadweight_bp, displacement_bp, attribution_bp, drop_off_bp, duration_years) "
             "VALUES (:a, :p, :n, :q, :pr, :dw, :dp, :at, :do, :du)",
          soci::use(id), soci::use(position), soci::use(o.name), soci::use(quantity),
          soci::use(proxy), soci::use(o.deadweight_bp), soci::use(o.displacement_bp),
          soci::use(o.attribution_bp), soci::use(o.drop_off_bp), soci::use(o.duration_years);
      ++position;
    }
    AppendAudit(sql,
                {analysis.community_id, actor_person_id, "sroi.created",
                 "sroi " + std::to_string(id), analysis.title},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<SroiAnalysis>> SroiRepository::List(int64_t community_id) {
  std::vector<SroiAnalysis> analyses;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    analyses = Query(sql, "WHERE community_id = :c ORDER BY id DESC", community_id, nullptr);
    return {};
  });
  if (!status) return status.error();
  return analyses;
}

Result<SroiAnalysis> SroiRepository::Find(int64_t community_id, int64_t analysis_id) {
  std::vector<SroiAnalysis> analyses;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    analyses = Query(sql, "WHERE community_id = :c AND id = :a", community_id, &analysis_id);
    return {};
  });
  if (!status) return status.error();
  if (analyses.empty()) return Error::NotFound("there is no such analysis", "sroi");
  return analyses.front();
}

}  // namespace andel::store
