// The Common Impact Data Standard export for funders, at /c/{slug}/impact/cids.jsonld and
// /api/v1/communities/{slug}/impact.jsonld.
#include <boost/json.hpp>
#include <map>

#include "core/text.h"
#include "impact/catalogue.h"
#include "web/impact/actions.h"
#include "web/impact/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

}  // namespace

// The Common Impact Data Standard (CIDS 3.0, basic tier) as JSON-LD, for funders: the
// community as a cids:Organization, each indicator as a cids:Indicator, and each measurement
// that counts (corrections replace what they correct) as a cids:IndicatorReport with its value
// as an i72:Measure and its period as a time:DateTimeInterval. "Partnerships formed" also gets a
// report per month of the partnerships Andel counted itself (accepted cross-category matches
// and circles of published sets), as its dashboard shows them.
Result<Response> ExportCids(Context& ctx) {
  constexpr const char* kContext = "http://ontology.eil.utoronto.ca/cids/contexts/cidsContext.json";
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.Measurements(ctx.community->id);
  if (!measurements) return measurements.error();
  const std::vector<impact::Measurement> effective = impact::Effective(*measurements);
  const std::string base = ctx.services.config.public_url + "/c/" + ctx.community->slug;
  const auto indicator_id = [&](int64_t id) {
    return base + "/impact/indicators/" + std::to_string(id);
  };
  const auto instant = [&](const Date& day, const char* time) {
    return json::object{{"@context", kContext},
                        {"@type", "time:Instant"},
                        {"time:inXSDDateTimeStamp", FormatIsoDate(day) + "T" + time + "Z"}};
  };
  json::array graph, indicator_ids;
  std::map<int64_t, json::array> reports_of;
  std::map<int64_t, const impact::Indicator*> by_id;
  for (const impact::Indicator& indicator : *indicators) {
    indicator_ids.push_back(json::string(indicator_id(indicator.id)));
    by_id[indicator.id] = &indicator;
  }
  graph.push_back({{"@context", kContext},
                   {"@type", "cids:Organization"},
                   {"@id", base},
                   {"org:hasLegalName", ctx.community->name},
                   {"hasOutcome", json::array()},
                   {"hasIndicator", std::move(indicator_ids)}});
  json::array reports;
  for (const impact::Measurement& m : effective) {
    const auto found = by_id.find(m.indicator_id);
    if (found == by_id.end()) continue;
    const std::string id = indicator_id(m.indicator_id) + "/measurements/" + std::to_string(m.id);
    reports_of[m.indicator_id].push_back(json::string(id));
    reports.push_back(
        {{"@context", kContext},
         {"@type", "cids:IndicatorReport"},
         {"@id", id},
         {"hasName", IndicatorName(ctx, *found->second) + " " + FormatIsoDate(m.period_start) +
                         "/" + FormatIsoDate(m.period_end)},
         {"hasComment", m.source},
         {"i72:value",
          {{"@context", kContext},
           {"@type", "i72:Measure"},
           {"i72:numerical_value", impact::QuantityText(m.value)},
           {"i72:unit_of_measure", IndicatorUnit(ctx, *found->second)}}},
         {"time:hasTime",
          {{"@context", kContext},
           {"@type", "time:DateTimeInterval"},
           {"time:hasBeginning", instant(m.period_start, "00:00:00")},
           {"time:hasEnd", instant(m.period_end, "23:59:59")}}},
         {"forIndicator", indicator_id(m.indicator_id)}});
  }
  // The partnerships counted by Andel, a report per month for each "partnerships formed".
  Result<std::vector<store::FormedPartnership>> formed =
      PartnershipsCounted(ctx, ctx.community->id, *indicators);
  if (!formed) return formed.error();
  std::map<Date, int64_t> formed_by_month;  // by the month's first day
  for (const store::FormedPartnership& partnership : *formed) {
    ++formed_by_month[Date{partnership.day.year, partnership.day.month, 1}];
  }
  for (const impact::Indicator& indicator : *indicators) {
    if (!impact::CountsPartnershipsFormed(indicator)) continue;
    for (const auto& [first, count] : formed_by_month) {
      const std::string month = FormatIsoDate(first).substr(0, 7);
      const Date last{first.year, first.month, DaysInMonth(first.year, first.month)};
      const std::string id = indicator_id(indicator.id) + "/formed/" + month;
      reports_of[indicator.id].push_back(json::string(id));
      reports.push_back(
          {{"@context", kContext},
           {"@type", "cids:IndicatorReport"},
           {"@id", id},
           {"hasName", IndicatorName(ctx, indicator) + " " + month},
           {"hasComment", ctx.T("Counted by Andel from accepted matches and published circles")},
           {"i72:value",
            {{"@context", kContext},
             {"@type", "i72:Measure"},
             {"i72:numerical_value", std::to_string(count)},
             {"i72:unit_of_measure", IndicatorUnit(ctx, indicator)}}},
           {"time:hasTime",
            {{"@context", kContext},
             {"@type", "time:DateTimeInterval"},
             {"time:hasBeginning", instant(first, "00:00:00")},
             {"time:hasEnd", instant(last, "23:59:59")}}},
           {"forIndicator", indicator_id(indicator.id)}});
    }
  }
  for (const impact::Indicator& indicator : *indicators) {
    std::string description = ctx.T("Unit") + ": " + IndicatorUnit(ctx, indicator) + ". " +
                              ctx.T("Baseline") + ": " + impact::QuantityText(indicator.baseline) +
                              " (" + FormatIsoDate(indicator.baseline_date) + ").";
    for (const impact::Target& target : indicator.targets) {
      description += " " + ctx.T("Target") + ": " + impact::QuantityText(target.value) + " (" +
                     FormatIsoDate(target.due) + ").";
    }
    if (!indicator.iris_metric.empty()) description += " IRIS+ " + indicator.iris_metric + ".";
    graph.push_back({{"@context", kContext},
                     {"@type", "cids:Indicator"},
                     {"@id", indicator_id(indicator.id)},
                     {"hasName", IndicatorName(ctx, indicator)},
                     {"hasDescription", description},
                     {"forOrganization", base},
                     {"hasIndicatorReport", std::move(reports_of[indicator.id])}});
  }
  for (json::value& report : reports) graph.push_back(std::move(report));
  return Download(json::serialize(graph), "application/ld+json; charset=utf-8",
                  ctx.community->slug + "-impact-cids.jsonld");
}

}  // namespace andel::web
