// Impact in the JSON API: indicators with their current value and progress, and measurements
// as JSON or CSV (Accept: text/csv), recorded one at a time or imported as CSV.
#include <array>
#include <boost/json.hpp>
#include <map>

#include "core/text.h"
#include "web/api_support.h"
#include "web/impact/actions.h"
#include "web/impact/cards.h"
#include "web/impact/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

// An indicator with its current value and progress; a goal's progress (`parts_progress`) comes
// from its parts.
json::object IndicatorJson(const Context& ctx, const impact::Indicator& indicator,
                           const std::vector<impact::Measurement>& measurements,
                           std::optional<double> parts_progress = std::nullopt) {
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
                   {"parent", nullptr},
                   {"weight", nullptr},
                   {"current", nullptr},
                   {"progress", nullptr},
                   {"progress_from_parts", parts_progress.has_value()}};
  if (indicator.parent) out["parent"] = *indicator.parent;
  if (indicator.weight) out["weight"] = impact::QuantityText(*indicator.weight);
  const Date today = DateFromUnixSeconds(ctx.Now());
  const std::optional<impact::Quantity> current =
      impact::CurrentValue(indicator, impact::Effective(measurements), today);
  if (current) {
    out["current"] = impact::QuantityText(*current);
    if (const std::optional<impact::Target> target = impact::TargetOn(indicator, today)) {
      out["progress"] = impact::Progress(indicator, *current, target->value);
    }
  }
  if (parts_progress) out["progress"] = *parts_progress;
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

json::object ValueCaseJson(const impact::ValueCase& v) {
  json::array indicators, evidence;
  for (const int64_t id : v.indicator_ids) indicators.push_back(id);
  for (const std::string& link : v.evidence_urls) evidence.push_back(json::string(link));
  return {{"id", v.id},
          {"community", v.community_slug},
          {"title", v.title},
          {"story", v.story},
          {"indicators", std::move(indicators)},
          {"evidence", std::move(evidence)},
          {"published", v.published},
          {"created_at", v.created_at}};
}

bool Wants(const Context& ctx, std::string_view header, std::string_view type) {
  return ctx.request.Header(header).find(type) != std::string_view::npos;
}

}  // namespace

Result<Response> ApiListIndicators(Context& ctx) {
  Result<std::unique_ptr<CommunityImpact>> loaded =
      LoadCommunityImpact(ctx, DateFromUnixSeconds(ctx.Now()));
  if (!loaded) return loaded.error();
  CommunityImpact& impact = **loaded;
  json::array items;
  for (const impact::Indicator& indicator : impact.indicators) {
    std::optional<double> parts_progress;
    if (impact.web.parts.contains(indicator.id)) {
      parts_progress = impact.web.tree_progress.at(indicator.id);
    }
    items.push_back(IndicatorJson(ctx, indicator, impact.values_of[indicator.id], parts_progress));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiGetIndicator(Context& ctx) {
  Result<impact::Indicator> indicator =
      ctx.services.impact.FindIndicator(ctx.community->id, ctx.ParamId("id"));
  if (!indicator) return indicator.error();
  Result<std::unique_ptr<CommunityImpact>> loaded =
      LoadCommunityImpact(ctx, DateFromUnixSeconds(ctx.Now()));
  if (!loaded) return loaded.error();
  CommunityImpact& impact = **loaded;
  std::optional<double> parts_progress;
  if (impact.web.parts.contains(indicator->id)) {
    parts_progress = impact.web.tree_progress.at(indicator->id);
  }
  json::object out =
      IndicatorJson(ctx, *indicator, impact.values_of[indicator->id], parts_progress);
  // Every measurement, corrections included, as on the indicator's page.
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.MeasurementsOf(ctx.community->id, indicator->id);
  if (!measurements) return measurements.error();
  json::array items;
  for (const impact::Measurement& m : *measurements) items.push_back(MeasurementJson(m));
  out["measurements"] = std::move(items);
  json::array parts;
  if (const auto found = impact.web.parts.find(indicator->id); found != impact.web.parts.end()) {
    for (const int64_t part : found->second) parts.push_back(part);
  }
  out["parts"] = std::move(parts);
  return JsonOf(out);
}

Result<Response> ApiCreateIndicator(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kIndicatorFields);
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
    Result<MeasurementImport> imported = ImportCommunityMeasurements(ctx, ctx.request.Body());
    if (!imported) return imported.error();
    // A file with any bad line imports nothing; the first is named.
    if (!imported->errors.empty()) return imported->errors.front();
    return JsonOf(json::object{{"imported", imported->imported}}, 201);
  }
  Result<json::object> body = BodyObject(ctx, kMeasurementFields);
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<impact::Measurement> m = MeasurementFromFields(ctx, *form);
  if (!m) return m.error();
  Result<int64_t> id = ctx.services.impact.Record(ctx.community->id, *m, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  impact::Measurement created = *m;
  created.id = *id;
  created.recorded_by = ctx.person->name;
  return JsonOf(MeasurementJson(created), 201);
}

Result<Response> ApiListValueCases(Context& ctx) {
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  json::array items;
  for (const impact::ValueCase& v : *cases) items.push_back(ValueCaseJson(v));
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiGetValueCase(Context& ctx) {
  Result<impact::ValueCase> value_case = ctx.services.value_cases.Find(ctx.ParamId("id"));
  if (!value_case || value_case->community_id != ctx.community->id) {
    return Error::NotFound("there is no such value case", "id");
  }
  return JsonOf(ValueCaseJson(*value_case));
}

Result<Response> ApiCreateValueCase(Context& ctx) {
  Result<json::object> body =
      BodyObject(ctx, {"title", "story", "indicators", "evidence", "published"});
  if (!body) return body.error();
  // The lists as repeated fields, the rest as a form.
  Form form;
  for (const auto& [key, value] : *body) {
    if (key == "indicators" || key == "evidence") {
      if (!value.is_array()) return Error::InvalidArgument("this must be a list", std::string(key));
      for (const json::value& item : value.as_array()) {
        if (key == "indicators" && item.is_int64()) {
          form.Add("indicator", std::to_string(item.as_int64()));
        } else if (key == "evidence" && item.is_string()) {
          form.Add("evidence", std::string(item.as_string()));
        } else {
          return Error::InvalidArgument("this must be a list", std::string(key));
        }
      }
    } else if (key == "published" && value.is_bool()) {
      form.Add("published", value.as_bool() ? "1" : "0");
    } else if (value.is_string()) {
      form.Add(std::string(key), std::string(value.as_string()));
    } else {
      return Error::InvalidArgument("this must be text", std::string(key));
    }
  }
  // Evidence links arrive one per entry; the form reads them one per line.
  std::string evidence;
  for (const std::string& link : form.GetAll("evidence")) evidence += link + "\n";
  Form fields;
  for (const auto& [key, value] : form.fields()) {
    if (key != "evidence") fields.Add(key, value);
  }
  fields.Add("evidence", evidence);
  Result<impact::ValueCase> value_case = ValueCaseFromFields(ctx, fields);
  if (!value_case) return value_case.error();
  Result<int64_t> id = ctx.services.value_cases.Create(*value_case, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  Result<impact::ValueCase> created = ctx.services.value_cases.Find(*id);
  if (!created) return created.error();
  return JsonOf(ValueCaseJson(*created), 201);
}

Result<Response> ApiSearchValueCases(Context& ctx) {
  Result<std::vector<impact::ValueCase>> cases =
      ctx.services.value_cases.SearchPublished(ctx.query.Get("q"), 100);
  if (!cases) return cases.error();
  json::array items;
  for (const impact::ValueCase& v : *cases) items.push_back(ValueCaseJson(v));
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiRecordOutcome(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kOutcomeFields);
  if (!body) return body.error();
  Form form;
  for (const auto& [key, value] : *body) {
    if (value.is_string()) {
      form.Add(std::string(key), std::string(value.as_string()));
    } else if (value.is_bool()) {
      form.Add(std::string(key), value.as_bool() ? "1" : "0");
    } else {
      return Error::InvalidArgument("this must be text", std::string(key));
    }
  }
  Result<impact::ParticipantOutcome> outcome = OutcomeFromFields(form);
  if (!outcome) return outcome.error();
  Result<int64_t> id =
      ctx.services.outcomes.Record(ctx.community->id, *outcome, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return JsonOf(json::object{{"id", *id}}, 201);
}

// Counts only: who the participants were is never stored.
Result<Response> ApiCountOutcomes(Context& ctx) {
  const Date today = DateFromUnixSeconds(ctx.Now());
  Date from{today.year, 1, 1}, to{today.year, 12, 31};
  for (const auto& [name, day] : {std::pair{"from", &from}, std::pair{"to", &to}}) {
    if (ctx.query.Get(name).empty()) continue;
    Result<Date> parsed = ParseIsoDate(ctx.query.Get(name));
    if (!parsed) return Error::InvalidArgument("a date is written as YYYY-MM-DD", name);
    *day = *parsed;
  }
  Result<std::array<int64_t, impact::kOutcomeKinds>> counts =
      ctx.services.outcomes.Counts(ctx.community->id, from, to);
  if (!counts) return counts.error();
  json::object by_kind;
  for (size_t k = 0; k < impact::kOutcomeKinds; ++k) {
    by_kind[impact::Name(static_cast<impact::OutcomeKind>(k))] = (*counts)[k];
  }
  return JsonOf(json::object{
      {"from", FormatIsoDate(from)}, {"to", FormatIsoDate(to)}, {"counts", std::move(by_kind)}});
}

}  // namespace andel::web
