// Impact in the JSON API: indicators with their current value and progress, and measurements
// as JSON or CSV (Accept: text/csv), recorded one at a time or imported as CSV.
#include <boost/json.hpp>

#include "core/text.h"
#include "web/api_support.h"
#include "web/handlers.h"
#include "web/impact.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object IndicatorJson(const Context& ctx, const impact::Indicator& indicator,
                           const std::vector<impact::Measurement>& measurements) {
  json::array targets;
  for (const impact::Target& t : indicator.targets) {
    targets.push_back({{"value", impact::QuantityText(t.value)}, {"due", FormatIsoDate(t.due)}});
  }
  json::object out{{"id", indicator.id},
                   {"catalogue_key", indicator.catalogue_key},
                   {"name", IndicatorName(ctx, indicator)},
                   {"unit", IndicatorUnit(ctx, indicator)},
                   {"direction", impact::Name(indicator.direction)},
                   {"aggregation", impact::Name(indicator.aggregation)},
                   {"iris_metric", indicator.iris_metric},
                   {"baseline", impact::QuantityText(indicator.baseline)},
                   {"baseline_date", FormatIsoDate(indicator.baseline_date)},
                   {"targets", std::move(targets)},
                   {"current", nullptr},
                   {"progress", nullptr}};
  std::vector<impact::Measurement> own;
  for (const impact::Measurement& m : measurements) {
    if (m.indicator_id == indicator.id) own.push_back(m);
  }
  const Date today = DateFromUnixSeconds(ctx.Now());
  const std::optional<impact::Quantity> current =
      impact::CurrentValue(indicator, impact::Effective(own), today);
  if (current) {
    out["current"] = impact::QuantityText(*current);
    if (const std::optional<impact::Target> target = impact::TargetOn(indicator, today)) {
      out["progress"] = impact::Progress(indicator, *current, target->value);
    }
  }
  return out;
}

json::object MeasurementJson(const impact::Measurement& m) {
  json::object out{{"id", m.id},
                   {"indicator", m.indicator_id},
                   {"period_start", FormatIsoDate(m.period_start)},
                   {"period_end", FormatIsoDate(m.period_end)},
                   {"value", impact::QuantityText(m.value)},
                   {"source", m.source},
                   {"evidence_url", m.evidence_url},
                   {"recorded_by", m.recorded_by},
                   {"supersedes", nullptr}};
  if (m.supersedes) out["supersedes"] = *m.supersedes;
  return out;
}

bool Wants(const Context& ctx, std::string_view header, std::string_view type) {
  return ctx.request.Header(header).find(type) != std::string_view::npos;
}

}  // namespace

Result<Response> ApiListIndicators(Context& ctx) {
  Result<ImpactRecords> records = LoadImpact(ctx);
  if (!records) return records.error();
  json::array items;
  for (const impact::Indicator& indicator : records->indicators) {
    items.push_back(IndicatorJson(ctx, indicator, records->values));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiCreateIndicator(Context& ctx) {
  Result<json::object> body = BodyObject(ctx);
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<impact::Indicator> indicator = IndicatorFromFields(ctx, *form);
  if (!indicator) return indicator.error();
  Result<int64_t> id =
      ctx.services.impact.CreateIndicator(ctx.community->id, *indicator, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  Result<impact::Indicator> created = ctx.services.impact.FindIndicator(ctx.community->id, *id);
  if (!created) return created.error();
  return JsonOf(IndicatorJson(ctx, *created, {}), 201);
}

Result<Response> ApiListMeasurements(Context& ctx) {
  if (Wants(ctx, "accept", "text/csv")) return MeasurementsCsvResponse(ctx);
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.Measurements(ctx.community->id);
  if (!measurements) return measurements.error();
  json::array items;
  for (const impact::Measurement& m : *measurements) items.push_back(MeasurementJson(m));
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiRecordMeasurements(Context& ctx) {
  if (Wants(ctx, "content-type", "text/csv")) {
    Result<std::vector<impact::Indicator>> indicators =
        ctx.services.impact.Indicators(ctx.community->id);
    if (!indicators) return indicators.error();
    const impact::MeasurementFile file = ReadCommunityMeasurements(ctx.request.body, *indicators);
    // A file with any bad line imports nothing; the first is named.
    if (!file.errors.empty()) return file.errors.front();
    std::vector<impact::Measurement> rows;
    rows.reserve(file.rows.size());
    for (const impact::MeasurementRow& row : file.rows) rows.push_back(row.measurement);
    Result<size_t> imported =
        ctx.services.impact.Import(ctx.community->id, rows, ctx.person->id, ctx.Now());
    if (!imported) return imported.error();
    return JsonOf(json::object{{"imported", *imported}}, 201);
  }
  Result<json::object> body = BodyObject(ctx);
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<impact::Measurement> m = MeasurementFromFields(*form);
  if (!m) return m.error();
  Result<int64_t> id = ctx.services.impact.Record(ctx.community->id, *m, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  impact::Measurement created = *m;
  created.id = *id;
  created.recorded_by = ctx.person->name;
  return JsonOf(MeasurementJson(created), 201);
}

}  // namespace andel::web
