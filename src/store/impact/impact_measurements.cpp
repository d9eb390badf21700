// SQL for impact measurements: recording, importing and reading them, and each indicator's values
// as the reports count them.
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>
#include <set>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/day_number.h"
#include "store/impact/impact_repository.h"
#include "store/impact/indicator_rows.h"

namespace andel::store {
namespace {

using namespace andel::impact;

}  // namespace

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
