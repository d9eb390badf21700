// SQL for impact.
#include "store/impact_repository.h"

#include <soci/soci.h>

#include <set>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

using namespace andel::impact;

// Targets as one column: "2025-12-31=60;2026-12-31=80".
std::string TargetsText(const std::vector<Target>& targets) {
  std::string text;
  for (const Target& t : targets) {
    if (!text.empty()) text += ";";
    text += FormatIsoDate(t.due) + "=" + QuantityText(t.value);
  }
  return text;
}

std::vector<Target> TargetsFrom(const std::string& text) {
  std::vector<Target> targets;
  for (std::string_view part : Split(text, ';')) {
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    Result<Date> due = ParseIsoDate(part.substr(0, eq));
    Result<Quantity> value = ParseQuantity(part.substr(eq + 1));
    if (due && value) targets.push_back({*value, *due});
  }
  return targets;
}

Date DateOr(const std::string& text) {
  Result<Date> date = ParseIsoDate(text);
  return date ? *date : Date{};
}

struct IndicatorRow {
  Indicator indicator;
  std::string direction, aggregation, baseline_date, targets;
  long long baseline = 0;
};

constexpr const char* kIndicatorColumns =
    "SELECT id, catalogue_key, name, unit, direction, aggregation, iris_metric, baseline, "
    "baseline_date, targets FROM impact_indicators ";

void Into(soci::statement& st, IndicatorRow& row) {
  st.exchange(soci::into(row.indicator.id));
  st.exchange(soci::into(row.indicator.catalogue_key));
  st.exchange(soci::into(row.indicator.name));
  st.exchange(soci::into(row.indicator.unit));
  st.exchange(soci::into(row.direction));
  st.exchange(soci::into(row.aggregation));
  st.exchange(soci::into(row.indicator.iris_metric));
  st.exchange(soci::into(row.baseline));
  st.exchange(soci::into(row.baseline_date));
  st.exchange(soci::into(row.targets));
}

Indicator FromRow(const IndicatorRow& row) {
  Indicator indicator = row.indicator;
  Result<Direction> direction = ParseDirection(row.direction);
  indicator.direction = direction ? *direction : Direction::kHigherIsBetter;
  Result<Aggregation> aggregation = ParseAggregation(row.aggregation);
  indicator.aggregation = aggregation ? *aggregation : Aggregation::kSum;
  indicator.baseline = {row.baseline};
  indicator.baseline_date = DateOr(row.baseline_date);
  indicator.targets = TargetsFrom(row.targets);
  return indicator;
}

// Runs the indicator query `rest` (with `id` bound as :id when given) and collects the rows.
std::vector<Indicator> QueryIndicators(soci::session& sql, const std::string& rest,
                                       int64_t community_id, const int64_t* id) {
  IndicatorRow row;
  soci::statement st(sql);
  Into(st, row);
  st.exchange(soci::use(community_id));
  if (id) st.exchange(soci::use(*id));
  st.alloc();
  st.prepare(kIndicatorColumns + rest);
  st.define_and_bind();
  st.execute(false);
  std::vector<Indicator> indicators;
  while (st.fetch()) indicators.push_back(FromRow(row));
  return indicators;
}

bool IsCommunityIndicator(soci::session& sql, int64_t community_id, int64_t indicator_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM impact_indicators WHERE id = :i AND community_id = :c",
      soci::use(indicator_id), soci::use(community_id), soci::into(count);
  return count > 0;
}

}  // namespace

Result<int64_t> ImpactRepository::CreateIndicator(int64_t community_id, const Indicator& indicator,
                                                  int64_t actor_person_id, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string direction(Name(indicator.direction)),
        aggregation(Name(indicator.aggregation)),
        baseline_date = FormatIsoDate(indicator.baseline_date),
        targets = TargetsText(indicator.targets), name(Trim(indicator.name));
    const long long baseline = indicator.baseline.thousandths;
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO impact_indicators (community_id, catalogue_key, name, unit, direction, "
           "aggregation, iris_metric, baseline, baseline_date, targets, created_by, created_at) "
           "VALUES (:c, :k, :n, :u, :d, :a, :i, :b, :bd, :t, :by, :at) RETURNING id",
        soci::use(community_id), soci::use(indicator.catalogue_key), soci::use(name),
        soci::use(indicator.unit), soci::use(direction), soci::use(aggregation),
        soci::use(indicator.iris_metric), soci::use(baseline), soci::use(baseline_date),
        soci::use(targets), soci::use(actor_person_id, actor), soci::use(now), soci::into(id);
    AppendAudit(sql,
                {community_id, actor_person_id, "indicator.created",
                 "indicator " + std::to_string(id), name},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Indicator>> ImpactRepository::Indicators(int64_t community_id) {
  std::vector<Indicator> indicators;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    indicators = QueryIndicators(sql, "WHERE community_id = :c ORDER BY id", community_id, nullptr);
    return {};
  });
  if (!status) return status.error();
  return indicators;
}

Result<Indicator> ImpactRepository::FindIndicator(int64_t community_id, int64_t indicator_id) {
  std::vector<Indicator> found;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    found =
        QueryIndicators(sql, "WHERE community_id = :c AND id = :id", community_id, &indicator_id);
    return {};
  });
  if (!status) return status.error();
  if (found.empty()) return Error::NotFound("there is no such indicator", "indicator");
  return found.front();
}

Result<int64_t> ImpactRepository::Record(int64_t community_id, const Measurement& m,
                                         int64_t actor_person_id, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (!IsCommunityIndicator(sql, community_id, m.indicator_id)) {
      return Error::NotFound("there is no such indicator", "indicator");
    }
    if (m.supersedes) {
      int count = 0;
      sql << "SELECT COUNT(*) FROM impact_measurements WHERE id = :m AND indicator_id = :i",
          soci::use(*m.supersedes), soci::use(m.indicator_id), soci::into(count);
      if (count == 0) {
        return Error::InvalidArgument("a correction supersedes a measurement of the same indicator",
                                      "supersedes");
      }
    }
    const std::string start = FormatIsoDate(m.period_start), end = FormatIsoDate(m.period_end);
    const long long value = m.value.thousandths;
    const long long supersedes = m.supersedes.value_or(0);
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    soci::indicator corrects = m.supersedes ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO impact_measurements (indicator_id, community_id, period_start, "
           "period_end, value, source, evidence_url, recorded_by, recorded_at, supersedes) "
           "VALUES (:i, :c, :s, :e, :v, :src, :ev, :by, :at, :sup) RETURNING id",
        soci::use(m.indicator_id), soci::use(community_id), soci::use(start), soci::use(end),
        soci::use(value), soci::use(m.source), soci::use(m.evidence_url),
        soci::use(actor_person_id, actor), soci::use(now), soci::use(supersedes, corrects),
        soci::into(id);
    if (m.supersedes) {
      AppendAudit(sql,
                  {community_id, actor_person_id, "measurement.corrected",
                   "measurement " + std::to_string(*m.supersedes), "by " + std::to_string(id)},
                  now);
    }
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Measurement>> ImpactRepository::Measurements(int64_t community_id) {
  std::vector<Measurement> measurements;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    Measurement m;
    std::string start, end, recorder;
    long long value = 0, supersedes = 0;
    soci::indicator recorder_set = soci::i_null, supersedes_set = soci::i_null;
    soci::statement st =
        (sql.prepare << "SELECT m.id, m.indicator_id, m.period_start, m.period_end, m.value, "
                        "m.source, m.evidence_url, p.name, m.supersedes FROM impact_measurements m "
                        "LEFT JOIN persons p ON p.id = m.recorded_by WHERE m.community_id = :c "
                        "ORDER BY m.id",
         soci::use(community_id), soci::into(m.id), soci::into(m.indicator_id), soci::into(start),
         soci::into(end), soci::into(value), soci::into(m.source), soci::into(m.evidence_url),
         soci::into(recorder, recorder_set), soci::into(supersedes, supersedes_set));
    st.execute(false);
    while (st.fetch()) {
      Measurement row = m;
      row.period_start = DateOr(start);
      row.period_end = DateOr(end);
      row.value = {value};
      row.recorded_by = recorder_set == soci::i_ok ? recorder : std::string();
      if (supersedes_set == soci::i_ok) row.supersedes = supersedes;
      measurements.push_back(std::move(row));
    }
    return {};
  });
  if (!status) return status.error();
  return measurements;
}

Result<size_t> ImpactRepository::Import(int64_t community_id, const std::vector<Measurement>& rows,
                                        int64_t actor_person_id, int64_t now) {
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::set<int64_t> checked;
    for (const Measurement& m : rows) {
      if (checked.insert(m.indicator_id).second &&
          !IsCommunityIndicator(sql, community_id, m.indicator_id)) {
        return Error::NotFound("there is no such indicator", "indicator");
      }
    }
    // One prepared statement, bound to arrays and executed a batch at a time.
    constexpr size_t kBatch = 5000;
    std::vector<long long> indicator, value, community, actor, at;
    std::vector<soci::indicator> actor_set;
    std::vector<std::string> start, end, source, evidence;
    for (size_t first = 0; first < rows.size(); first += kBatch) {
      const size_t last = std::min(rows.size(), first + kBatch);
      for (auto* column : {&indicator, &value, &community, &actor, &at}) column->clear();
      for (auto* column : {&start, &end, &source, &evidence}) column->clear();
      actor_set.clear();
      for (size_t i = first; i < last; ++i) {
        const Measurement& m = rows[i];
        community.push_back(community_id);
        actor.push_back(actor_person_id);
        actor_set.push_back(actor_person_id ? soci::i_ok : soci::i_null);
        at.push_back(now);
        indicator.push_back(m.indicator_id);
        value.push_back(m.value.thousandths);
        start.push_back(FormatIsoDate(m.period_start));
        end.push_back(FormatIsoDate(m.period_end));
        source.push_back(m.source);
        evidence.push_back(m.evidence_url);
      }
      sql << "INSERT INTO impact_measurements (indicator_id, community_id, period_start, "
             "period_end, value, source, evidence_url, recorded_by, recorded_at) VALUES (:i, :c, "
             ":s, :e, :v, :src, :ev, :by, :at)",
          soci::use(indicator), soci::use(community), soci::use(start), soci::use(end),
          soci::use(value), soci::use(source), soci::use(evidence), soci::use(actor, actor_set),
          soci::use(at);
    }
    AppendAudit(sql,
                {community_id, actor_person_id, "measurements.imported", "measurements",
                 std::to_string(rows.size()) + " rows"},
                now);
    return {};
  });
  if (!status) return status.error();
  return rows.size();
}

}  // namespace andel::store
