// SQL for impact: indicators and the partnerships formed (measurements: impact_measurements.cpp).
#include "store/impact/impact_repository.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <map>
#include <set>

#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/day_number.h"
#include "store/impact/indicator_rows.h"

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

// Each partnership counts once: a pair once however often it is accepted, and a circle once
// however often a set holding the same members is published (the first publication counts).
Result<std::vector<FormedPartnership>> ImpactRepository::PartnershipsFormed(int64_t community_id) {
  std::vector<FormedPartnership> formed;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    long long at = 0;
    std::string low_name, high_name;
    soci::statement matches =
        (sql.prepare << "SELECT r.responded_at, pa.name, pb.name FROM match_responses r "
                        "JOIN memberships a ON a.id = r.low_membership_id "
                        "JOIN memberships b ON b.id = r.high_membership_id "
                        "JOIN persons pa ON pa.id = a.person_id JOIN persons pb ON pb.id = "
                        "b.person_id WHERE r.community_id = :c AND r.status = 'accepted' AND "
                        "a.category_id <> b.category_id ORDER BY r.responded_at",
         soci::use(community_id), soci::into(at), soci::into(low_name), soci::into(high_name));
    matches.execute();
    while (matches.fetch()) {
      formed.push_back({DateFromUnixSeconds(at), false, {low_name, high_name}});
    }
    // Every member of every published circle, circle by circle in the order of publication.
    long long set_id = 0;
    long long circle_no = 0;
    long long membership = 0;
    long long category = 0;
    std::string name;
    soci::statement members =
        (sql.prepare << "SELECT s.id, s.published_at, cm.circle_no, cm.membership_id, "
                        "m.category_id, p.name FROM circle_sets s JOIN circle_members cm ON "
                        "cm.set_id = s.id JOIN memberships m ON m.id = cm.membership_id JOIN "
                        "persons p ON p.id = m.person_id WHERE s.community_id = :c AND "
                        "s.published_at > 0 ORDER BY s.published_at, s.id, cm.circle_no, "
                        "cm.membership_id",
         soci::use(community_id), soci::into(set_id), soci::into(at), soci::into(circle_no),
         soci::into(membership), soci::into(category), soci::into(name));
    members.execute();
    struct Circle {
      long long published_at = 0;
      std::vector<long long> members;
      std::set<long long> categories;
      std::vector<std::string> names;
    };
    std::vector<Circle> circles;
    std::pair<long long, long long> current = {-1, -1};
    while (members.fetch()) {
      if (std::pair{set_id, circle_no} != current) {
        current = {set_id, circle_no};
        circles.push_back({at, {}, {}, {}});
      }
      circles.back().members.push_back(membership);
      circles.back().categories.insert(category);
      circles.back().names.push_back(name);
    }
    std::set<std::vector<long long>> counted;
    for (Circle& circle : circles) {
      if (circle.categories.size() < 2 || !counted.insert(circle.members).second) continue;
      formed.push_back({DateFromUnixSeconds(circle.published_at), true, std::move(circle.names)});
    }
    return {};
  });
  if (!status) return status.error();
  return formed;
}

}  // namespace andel::store
