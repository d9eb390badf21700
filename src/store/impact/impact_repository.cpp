// SQL for impact.
#include "store/impact/impact_repository.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>
#include <set>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/day_number.h"

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
  long long baseline = 0, parent = 0, weight = 0;
  soci::indicator parent_null = soci::i_null, weight_null = soci::i_null;
};

constexpr const char* kIndicatorColumns =
    "SELECT id, catalogue_key, name, unit, direction, aggregation, iris_metric, baseline, "
    "baseline_date, targets, parent_id, weight FROM impact_indicators ";

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
  st.exchange(soci::into(row.parent, row.parent_null));
  st.exchange(soci::into(row.weight, row.weight_null));
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
  indicator.parent.reset();
  indicator.weight.reset();
  if (row.parent_null == soci::i_ok) indicator.parent = row.parent;
  if (row.weight_null == soci::i_ok) indicator.weight = Quantity{row.weight};
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
    if (indicator.parent && !IsCommunityIndicator(sql, community_id, *indicator.parent)) {
      return Error::InvalidArgument("a goal is another indicator of the community", "parent");
    }
    const long long parent = indicator.parent.value_or(0);
    const long long weight = indicator.weight ? indicator.weight->thousandths : 0;
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    soci::indicator has_parent = indicator.parent ? soci::i_ok : soci::i_null;
    soci::indicator has_weight = indicator.weight ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO impact_indicators (community_id, catalogue_key, name, unit, direction, "
           "aggregation, iris_metric, baseline, baseline_date, targets, parent_id, weight, "
           "created_by, created_at) "
           "VALUES (:c, :k, :n, :u, :d, :a, :i, :b, :bd, :t, :p, :w, :by, :at) RETURNING id",
        soci::use(community_id), soci::use(indicator.catalogue_key), soci::use(name),
        soci::use(indicator.unit), soci::use(direction), soci::use(aggregation),
        soci::use(indicator.iris_metric), soci::use(baseline), soci::use(baseline_date),
        soci::use(targets), soci::use(parent, has_parent), soci::use(weight, has_weight),
        soci::use(actor_person_id, actor), soci::use(now), soci::into(id);
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
    const long long start = DayNumber(m.period_start), end = DayNumber(m.period_end);
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

namespace {

// Reads whole measurements from a query with the columns id, indicator_id, period_start,
// period_end, value, source, evidence_url, recorded_by, supersedes and the community bound as
// its first parameter (and the indicator as its second, when given); the recorders' names are
// filled in.
std::vector<Measurement> ReadMeasurements(soci::session& sql, const std::string& query,
                                          int64_t community_id, const int64_t* indicator_id) {
  // Fetched a thousand rows at a time into arrays.
  constexpr size_t kBatch = 1000;
  std::vector<long long> id(kBatch), indicator(kBatch), start(kBatch), end(kBatch), value(kBatch),
      recorder(kBatch), supersedes(kBatch);
  std::vector<std::string> source(kBatch), evidence(kBatch);
  std::vector<soci::indicator> recorder_set(kBatch), supersedes_set(kBatch);
  soci::statement st(sql);
  st.exchange(soci::use(community_id));
  if (indicator_id) st.exchange(soci::use(*indicator_id));
  st.exchange(soci::into(id));
  st.exchange(soci::into(indicator));
  st.exchange(soci::into(start));
  st.exchange(soci::into(end));
  st.exchange(soci::into(value));
  st.exchange(soci::into(source));
  st.exchange(soci::into(evidence));
  st.exchange(soci::into(recorder, recorder_set));
  st.exchange(soci::into(supersedes, supersedes_set));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
  std::vector<Measurement> measurements;
  std::map<long long, std::string> names;
  std::vector<long long> recorded_by;  // parallel to `measurements`; 0 for nobody
  while (st.fetch()) {
    for (size_t i = 0; i < id.size(); ++i) {
      Measurement m;
      m.id = id[i];
      m.indicator_id = indicator[i];
      m.period_start = DayOf(start[i]);
      m.period_end = DayOf(end[i]);
      m.value = {value[i]};
      m.source = std::move(source[i]);
      m.evidence_url = std::move(evidence[i]);
      recorded_by.push_back(recorder_set[i] == soci::i_ok ? recorder[i] : 0);
      if (recorded_by.back() != 0) names.emplace(recorded_by.back(), std::string());
      if (supersedes_set[i] == soci::i_ok) m.supersedes = supersedes[i];
      measurements.push_back(std::move(m));
    }
    for (auto* column : {&id, &indicator, &start, &end, &value, &recorder, &supersedes}) {
      column->resize(kBatch);
    }
    for (auto* column : {&source, &evidence}) column->resize(kBatch);
    recorder_set.resize(kBatch);
    supersedes_set.resize(kBatch);
  }
  for (auto& [person, name] : names) {
    sql << "SELECT name FROM persons WHERE id = :p", soci::use(person), soci::into(name);
  }
  for (size_t i = 0; i < measurements.size(); ++i) {
    if (recorded_by[i] != 0) measurements[i].recorded_by = names[recorded_by[i]];
  }
  return measurements;
}

constexpr const char* kMeasurementColumns =
    "id, indicator_id, period_start, period_end, value, source, evidence_url, recorded_by, "
    "supersedes";

}  // namespace

Result<std::vector<Measurement>> ImpactRepository::Measurements(int64_t community_id) {
  std::vector<Measurement> measurements;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    measurements = ReadMeasurements(sql,
                                    std::string("SELECT ") + kMeasurementColumns +
                                        " FROM impact_measurements WHERE community_id = :c "
                                        "ORDER BY id",
                                    community_id, nullptr);
    return {};
  });
  if (!status) return status.error();
  return measurements;
}

Result<std::vector<Measurement>> ImpactRepository::MeasurementsOf(int64_t community_id,
                                                                  int64_t indicator_id) {
  std::vector<Measurement> measurements;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    measurements = ReadMeasurements(sql,
                                    std::string("SELECT ") + kMeasurementColumns +
                                        " FROM impact_measurements WHERE community_id = :c AND "
                                        "indicator_id = :i ORDER BY id",
                                    community_id, &indicator_id);
    return {};
  });
  if (!status) return status.error();
  return measurements;
}

namespace {

constexpr const char* kValuesQuery =
    "SELECT id, indicator_id, period_end, value, supersedes FROM impact_measurements WHERE "
    "community_id = :c ORDER BY id";

// On SQLite the values come straight from its C API: for a dashboard's tens of thousands of
// rows that is several times faster than through SOCI, which converts every field through text.
// False on other databases.
bool ReadValuesNatively(soci::session& sql, int64_t community_id,
                        std::vector<Measurement>& measurements) {
  if (sql.get_backend_name() != "sqlite3") return false;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  sqlite_api::sqlite3_stmt* st = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(backend->conn_, kValuesQuery, -1, &st, nullptr) != SQLITE_OK) {
    throw soci::soci_error(sqlite_api::sqlite3_errmsg(backend->conn_));
  }
  sqlite_api::sqlite3_bind_int64(st, 1, community_id);
  // Room for every row at once: moving tens of thousands of measurements as the vector grows
  // would cost more than reading them.
  long long count = 0;
  sql << "SELECT COUNT(*) FROM impact_measurements WHERE community_id = :c",
      soci::use(community_id), soci::into(count);
  measurements.reserve(static_cast<size_t>(count));
  int step = SQLITE_ROW;
  while ((step = sqlite_api::sqlite3_step(st)) == SQLITE_ROW) {
    Measurement m;
    m.id = sqlite_api::sqlite3_column_int64(st, 0);
    m.indicator_id = sqlite_api::sqlite3_column_int64(st, 1);
    m.period_end = DayOf(sqlite_api::sqlite3_column_int64(st, 2));
    m.period_start = m.period_end;
    m.value = {sqlite_api::sqlite3_column_int64(st, 3)};
    if (sqlite_api::sqlite3_column_type(st, 4) != SQLITE_NULL) {
      m.supersedes = sqlite_api::sqlite3_column_int64(st, 4);
    }
    measurements.push_back(std::move(m));
  }
  sqlite_api::sqlite3_finalize(st);
  if (step != SQLITE_DONE) throw soci::soci_error(sqlite_api::sqlite3_errmsg(backend->conn_));
  return true;
}

}  // namespace

Result<std::vector<Measurement>> ImpactRepository::Values(int64_t community_id) {
  std::vector<Measurement> measurements;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    if (ReadValuesNatively(sql, community_id, measurements)) return {};
    // Through SOCI: fetched two thousand rows at a time into arrays.
    constexpr size_t kBatch = 2000;
    std::vector<long long> id(kBatch), indicator(kBatch), end(kBatch), value(kBatch),
        supersedes(kBatch);
    std::vector<soci::indicator> supersedes_set(kBatch);
    soci::statement st = (sql.prepare << kValuesQuery, soci::use(community_id), soci::into(id),
                          soci::into(indicator), soci::into(end), soci::into(value),
                          soci::into(supersedes, supersedes_set));
    st.execute(false);
    while (st.fetch()) {
      for (size_t i = 0; i < id.size(); ++i) {
        Measurement m;
        m.id = id[i];
        m.indicator_id = indicator[i];
        m.period_end = DayOf(end[i]);
        m.period_start = m.period_end;
        m.value = {value[i]};
        if (supersedes_set[i] == soci::i_ok) m.supersedes = supersedes[i];
        measurements.push_back(std::move(m));
      }
      for (auto* column : {&id, &indicator, &end, &value, &supersedes}) column->resize(kBatch);
      supersedes_set.resize(kBatch);
    }
    return {};
  });
  if (!status) return status.error();
  return measurements;
}

Result<std::vector<FormedPartnership>> ImpactRepository::PartnershipsFormed(int64_t community_id) {
  std::vector<FormedPartnership> days;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::vector<long long> at(1000);
    soci::statement matches =
        (sql.prepare << "SELECT r.responded_at FROM match_responses r JOIN memberships a ON a.id = "
                        "r.low_membership_id JOIN memberships b ON b.id = r.high_membership_id "
                        "WHERE r.community_id = :c AND r.status = 'accepted' AND a.category_id <> "
                        "b.category_id",
         soci::use(community_id), soci::into(at));
    matches.execute(false);
    while (matches.fetch()) {
      for (const long long t : at) days.push_back({DateFromUnixSeconds(t), false});
      at.resize(1000);
    }
    at.resize(1000);
    soci::statement circles =
        (sql.prepare << "SELECT s.published_at FROM circle_sets s JOIN circle_members cm ON "
                        "cm.set_id = s.id JOIN memberships m ON m.id = cm.membership_id WHERE "
                        "s.community_id = :c AND s.published_at > 0 GROUP BY s.id, cm.circle_no, "
                        "s.published_at HAVING COUNT(DISTINCT m.category_id) > 1",
         soci::use(community_id), soci::into(at));
    circles.execute(false);
    while (circles.fetch()) {
      for (const long long t : at) days.push_back({DateFromUnixSeconds(t), true});
      at.resize(1000);
    }
    return {};
  });
  if (!status) return status.error();
  return days;
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
    std::vector<long long> indicator, start, end, value, community, actor, at;
    std::vector<soci::indicator> actor_set;
    std::vector<std::string> source, evidence;
    for (size_t first = 0; first < rows.size(); first += kBatch) {
      const size_t last = std::min(rows.size(), first + kBatch);
      for (auto* column : {&indicator, &start, &end, &value, &community, &actor, &at}) {
        column->clear();
      }
      for (auto* column : {&source, &evidence}) column->clear();
      actor_set.clear();
      for (size_t i = first; i < last; ++i) {
        const Measurement& m = rows[i];
        community.push_back(community_id);
        actor.push_back(actor_person_id);
        actor_set.push_back(actor_person_id ? soci::i_ok : soci::i_null);
        at.push_back(now);
        indicator.push_back(m.indicator_id);
        value.push_back(m.value.thousandths);
        start.push_back(DayNumber(m.period_start));
        end.push_back(DayNumber(m.period_end));
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
