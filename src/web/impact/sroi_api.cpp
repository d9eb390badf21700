// SROI analyses in the JSON API: list, create (the outcomes as a list of objects) and read, each
// with its computed report.
#include <boost/json.hpp>
#include <string_view>

#include "impact/sroi.h"
#include "web/api_support.h"
#include "web/impact/handlers.h"
#include "web/impact/sroi.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object ReportJson(const store::SroiAnalysis& a) {
  const impact::SroiReport report = impact::ComputeSroi(a.input);
  json::array outcomes, by_year, sensitivity;
  for (size_t i = 0; i < a.input.outcomes.size(); ++i) {
    const impact::SroiOutcome& o = a.input.outcomes[i];
    json::array values;
    for (const int64_t v : report.values[i]) values.push_back(json::string(HundredthsText(v)));
    outcomes.push_back({{"name", o.name},
                        {"quantity", impact::QuantityText(o.quantity)},
                        {"proxy", HundredthsText(o.proxy_minor)},
                        {"deadweight", HundredthsText(o.deadweight_bp)},
                        {"displacement", HundredthsText(o.displacement_bp)},
                        {"attribution", HundredthsText(o.attribution_bp)},
                        {"drop_off", HundredthsText(o.drop_off_bp)},
                        {"duration", o.duration_years},
                        {"values_by_year", std::move(values)}});
  }
  for (const int64_t v : report.present_value_by_year)
    by_year.push_back(json::string(HundredthsText(v)));
  for (const impact::Sensitivity& s : report.sensitivity) {
    sensitivity.push_back({{"outcome", s.outcome},
                           {"assumption", s.assumption},
                           {"low", s.low},
                           {"high", s.high},
                           {"ratio_low", s.ratio_low},
                           {"ratio_high", s.ratio_high}});
  }
  json::object out{{"id", a.id},
                   {"title", a.title},
                   {"currency", a.currency},
                   {"investment", HundredthsText(a.input.investment_minor)},
                   {"discount_rate", HundredthsText(a.input.discount_bp)},
                   {"outcomes", std::move(outcomes)},
                   {"present_value_by_year", std::move(by_year)},
                   {"present_value", HundredthsText(report.present_value_minor)},
                   {"net_present_value", HundredthsText(report.net_present_value_minor)},
                   {"ratio", report.ratio},
                   {"payback_months", nullptr},
                   {"sensitivity", std::move(sensitivity)}};
  if (report.payback_months) out["payback_months"] = *report.payback_months;
  return out;
}

// The members AnalysisForm reads (and CreateSroiAnalysis after it).
constexpr std::string_view kAnalysisFields[] = {"title", "currency", "investment", "discount_rate",
                                                "outcomes"};

// The JSON body as the form's fields: the outcomes, a list of objects, as the form's numbered rows.
Result<Form> AnalysisForm(const json::object& body) {
  json::object plain = body;
  plain.erase("outcomes");
  Result<Form> form = FieldsOf(plain);
  if (!form) return form.error();
  const json::value* outcomes = body.if_contains("outcomes");
  if (!outcomes) return form;
  if (!outcomes->is_array()) return Error::InvalidArgument("this must be a list", "outcomes");
  int i = 0;
  for (const json::value& item : outcomes->as_array()) {
    if (!item.is_object()) return Error::InvalidArgument("this must be a list", "outcomes");
    Result<Form> fields = FieldsOf(item.as_object());
    if (!fields) return fields.error();
    const std::string n = std::to_string(i++);
    form->Add("outcome_" + n, fields->Get("name"));
    for (const char* field : {"quantity", "proxy", "deadweight", "displacement", "attribution",
                              "drop_off", "duration"}) {
      form->Add(std::string(field) + "_" + n, fields->Get(field));
    }
  }
  return form;
}

}  // namespace

Result<Response> ApiListSroi(Context& ctx) {
  Result<std::vector<store::SroiAnalysis>> analyses = ctx.services.sroi.List(ctx.community->id);
  if (!analyses) return analyses.error();
  json::array items;
  for (const store::SroiAnalysis& a : *analyses) items.push_back(ReportJson(a));
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiCreateSroi(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kAnalysisFields);
  if (!body) return body.error();
  Result<Form> form = AnalysisForm(*body);
  if (!form) return form.error();
  Result<int64_t> id = CreateSroiAnalysis(ctx, *form);
  if (!id) return id.error();
  Result<store::SroiAnalysis> created = ctx.services.sroi.Find(ctx.community->id, *id);
  if (!created) return created.error();
  return JsonOf(ReportJson(*created), 201);
}

Result<Response> ApiGetSroi(Context& ctx) {
  Result<store::SroiAnalysis> a = ctx.services.sroi.Find(ctx.community->id, ctx.ParamId("id"));
  if (!a) return a.error();
  return JsonOf(ReportJson(*a));
}

}  // namespace andel::web
