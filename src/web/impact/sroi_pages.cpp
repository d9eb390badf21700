// SROI analyses as pages and in the API: the list with the board's form, and an analysis's
// report (present value by year, NPV, the ratio, the payback period, and the sensitivity of the
// ratio to each assumption, with a chart of the present value by year).
#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <string_view>

#include "core/text.h"
#include "impact/charts.h"
#include "web/api_support.h"
#include "web/impact/actions.h"
#include "web/impact/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

constexpr int kOutcomeRows = 5;

// A decimal with at most two places as hundredths: money in minor units, a share in basis points.
Result<int64_t> Hundredths(const std::string& text, const std::string& field) {
  Result<impact::Quantity> q = impact::ParseQuantity(text, field);
  if (!q || q->thousandths % 10 != 0) {
    return Error::InvalidArgument("not a number with at most two decimals", field);
  }
  return q->thousandths / 10;
}

std::string HundredthsText(int64_t hundredths) { return impact::QuantityText({hundredths * 10}); }

std::string MoneyText(const Context& ctx, int64_t minor, const std::string& currency) {
  char plain[32];
  std::snprintf(plain, sizeof plain, "%s%lld.%02lld", minor < 0 ? "-" : "",
                static_cast<long long>(std::llabs(minor) / 100),
                static_cast<long long>(std::llabs(minor) % 100));
  return FormatDecimal(ctx.language, plain) + " " + currency;
}

std::string RatioText(const Context& ctx, double ratio) {
  char plain[32];
  std::snprintf(plain, sizeof plain, "%.2f", ratio);
  return "1 : " + FormatDecimal(ctx.language, plain);
}

// An analysis from form fields: title, currency, investment, discount_rate, and per outcome row
// i outcome_i, quantity_i, proxy_i, deadweight_i, displacement_i, attribution_i, drop_off_i,
// duration_i (rows without a name are skipped).
Result<store::SroiAnalysis> AnalysisFromFields(const Context& ctx, const Form& form) {
  store::SroiAnalysis analysis;
  analysis.community_id = ctx.community->id;
  analysis.title = Trim(form.Get("title"));
  if (analysis.title.empty() || !IsValidUtf8(analysis.title) ||
      CodePointCount(analysis.title) > 160) {
    return Error::InvalidArgument("an analysis needs a title of at most 160 characters", "title");
  }
  analysis.currency = Trim(form.Get("currency"));
  for (char& c : analysis.currency) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (analysis.currency.size() != 3 ||
      analysis.currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    return Error::InvalidArgument("a currency is three letters, such as DKK", "currency");
  }
  Result<int64_t> investment = Hundredths(form.Get("investment"), "investment");
  if (!investment) return investment.error();
  analysis.input.investment_minor = *investment;
  if (!Trim(form.Get("discount_rate")).empty()) {
    Result<int64_t> rate = Hundredths(form.Get("discount_rate"), "discount_rate");
    if (!rate) return rate.error();
    analysis.input.discount_bp = static_cast<int>(*rate);
  }
  for (int i = 0;; ++i) {
    const std::string n = std::to_string(i);
    if (!form.Has("outcome_" + n)) break;
    if (Trim(form.Get("outcome_" + n)).empty()) continue;
    impact::SroiOutcome o;
    o.name = Trim(form.Get("outcome_" + n));
    Result<impact::Quantity> quantity =
        impact::ParseQuantity(form.Get("quantity_" + n), "quantity_" + n);
    if (!quantity) return quantity.error();
    o.quantity = *quantity;
    Result<int64_t> proxy = Hundredths(form.Get("proxy_" + n), "proxy_" + n);
    if (!proxy) return proxy.error();
    o.proxy_minor = *proxy;
    for (const auto& [name, share] :
         {std::pair{"deadweight_", &o.deadweight_bp},
          std::pair{"displacement_", &o.displacement_bp},
          std::pair{"attribution_", &o.attribution_bp}, std::pair{"drop_off_", &o.drop_off_bp}}) {
      const std::string field = name + n;
      if (Trim(form.Get(field)).empty()) continue;
      Result<int64_t> bp = Hundredths(form.Get(field), field);
      if (!bp) return bp.error();
      *share = static_cast<int>(std::clamp<int64_t>(*bp, -1, 10001));
    }
    Result<impact::Quantity> duration =
        impact::ParseQuantity(form.Get("duration_" + n), "duration_" + n);
    if (!duration || duration->thousandths % 1000 != 0) {
      return Error::InvalidArgument("a duration is 1 to 50 years", "duration_" + n);
    }
    o.duration_years = static_cast<int>(std::clamp<int64_t>(duration->thousandths / 1000, 0, 51));
    analysis.input.outcomes.push_back(std::move(o));
  }
  if (Status valid = impact::ValidateSroi(analysis.input); !valid) return valid.error();
  return analysis;
}

Result<Response> ListPage(Context& ctx, int status, const std::optional<Error>& error) {
  Result<std::vector<store::SroiAnalysis>> analyses = ctx.services.sroi.List(ctx.community->id);
  if (!analyses) return analyses.error();
  ViewData page = BasePage(ctx, ctx.T("Social return on investment") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  ViewData list = MakeList();
  for (const store::SroiAnalysis& a : *analyses) {
    const impact::SroiReport report = impact::ComputeSroi(a.input);
    ViewData item = MakeObject();
    item.set("id", std::to_string(a.id));
    item.set("title", a.title);
    item.set("ratio", RatioText(ctx, report.ratio));
    list.push_back(item);
  }
  page.set("analyses", list);
  page.set("has_analyses", !analyses->empty());
  if (ctx.IsBoard()) {
    page.set("can_write", true);
    ViewData rows = MakeList();
    for (int i = 0; i < kOutcomeRows; ++i) {
      const std::string n = std::to_string(i);
      ViewData row = MakeObject();
      row.set("n", n);
      row.set("number", std::to_string(i + 1));
      for (const char* field : {"outcome", "quantity", "proxy", "deadweight", "displacement",
                                "attribution", "drop_off", "duration"}) {
        row.set(field, ctx.form.Get(std::string(field) + "_" + n));
      }
      if (!ctx.form.Has("duration_" + n)) row.set("duration", "1");
      rows.push_back(row);
    }
    page.set("rows", rows);
    for (const char* field : {"title", "currency", "investment", "discount_rate"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
    if (!ctx.form.Has("currency")) page.set("form_currency", "DKK");
    if (!ctx.form.Has("discount_rate")) page.set("form_discount_rate", "3.5");
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "impact/sroi_list", page, status);
}

std::string AssumptionLabel(const Context& ctx, const std::string& assumption) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"quantity", "Quantity"},         {"proxy", "Financial proxy"},
      {"deadweight", "Deadweight"},     {"displacement", "Displacement"},
      {"attribution", "Attribution"},   {"drop_off", "Drop-off"},
      {"duration", "Duration (years)"}, {"discount", "Discount rate"}};
  for (const auto& [code, label] : kLabels) {
    if (assumption == code) return ctx.T(label);
  }
  return assumption;
}

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

// The members AnalysisForm reads (and AnalysisFromFields after it).
constexpr std::string_view kAnalysisFields[] = {"title", "currency", "investment", "discount_rate",
                                                "outcomes"};

// The JSON body as the form's fields.
Result<Form> AnalysisForm(const json::object& body) {
  Form form;
  for (const auto& [key, value] : body) {
    if (key == "outcomes") {
      if (!value.is_array()) return Error::InvalidArgument("this must be a list", "outcomes");
      int i = 0;
      for (const json::value& item : value.as_array()) {
        if (!item.is_object()) return Error::InvalidArgument("this must be a list", "outcomes");
        Result<Form> fields = FieldsOf(item.as_object());
        if (!fields) return fields.error();
        const std::string n = std::to_string(i++);
        form.Add("outcome_" + n, fields->Get("name"));
        for (const char* field : {"quantity", "proxy", "deadweight", "displacement", "attribution",
                                  "drop_off", "duration"}) {
          form.Add(std::string(field) + "_" + n, fields->Get(field));
        }
      }
      continue;
    }
    if (value.is_string()) {
      form.Add(std::string(key), std::string(value.as_string()));
    } else if (value.is_number()) {
      form.Add(std::string(key), json::serialize(value));
    } else {
      return Error::InvalidArgument("this must be text or a number", std::string(key));
    }
  }
  return form;
}

}  // namespace

Result<Response> ShowSroiList(Context& ctx) { return ListPage(ctx, 200, std::nullopt); }

Result<Response> SubmitSroi(Context& ctx) {
  Result<store::SroiAnalysis> analysis = AnalysisFromFields(ctx, ctx.form);
  if (!analysis) return ListPage(ctx, 400, analysis.error());
  Result<int64_t> id = ctx.services.sroi.Create(*analysis, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact/sroi/" + std::to_string(*id));
}

Result<Response> ShowSroi(Context& ctx) {
  Result<store::SroiAnalysis> a = ctx.services.sroi.Find(ctx.community->id, ctx.ParamId("id"));
  if (!a) return a.error();
  const impact::SroiReport report = impact::ComputeSroi(a->input);
  const auto money = [&](int64_t minor) { return MoneyText(ctx, minor, a->currency); };
  ViewData page = BasePage(ctx, a->title + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("title", a->title);
  page.set("investment", money(a->input.investment_minor));
  page.set("present_value", money(report.present_value_minor));
  page.set("net_present_value", money(report.net_present_value_minor));
  page.set("ratio", RatioText(ctx, report.ratio));
  page.set("discount_rate",
           FormatDecimal(ctx.language, HundredthsText(a->input.discount_bp)) + " %");
  if (report.payback_months) {
    char months[32];
    std::snprintf(months, sizeof months, "%.1f", *report.payback_months);
    page.set("payback", FormatDecimal(ctx.language, months));
  }
  // Values by year: a row per outcome, and the present value of all.
  const size_t years = report.present_value_by_year.size();
  ViewData year_heads = MakeList();
  for (size_t y = 1; y <= years; ++y) {
    ViewData head = MakeObject();
    head.set("year", std::to_string(y));
    year_heads.push_back(head);
  }
  page.set("years", year_heads);
  ViewData rows = MakeList();
  for (size_t i = 0; i < a->input.outcomes.size(); ++i) {
    const impact::SroiOutcome& o = a->input.outcomes[i];
    ViewData row = MakeObject();
    row.set("name", o.name);
    row.set("assumptions", FormatDecimal(ctx.language, impact::QuantityText(o.quantity)) + " × " +
                               money(o.proxy_minor) + "; " + ctx.T("Deadweight") + " " +
                               FormatDecimal(ctx.language, HundredthsText(o.deadweight_bp)) +
                               " %, " + ctx.T("Displacement") + " " +
                               FormatDecimal(ctx.language, HundredthsText(o.displacement_bp)) +
                               " %, " + ctx.T("Attribution") + " " +
                               FormatDecimal(ctx.language, HundredthsText(o.attribution_bp)) +
                               " %, " + ctx.T("Drop-off") + " " +
                               FormatDecimal(ctx.language, HundredthsText(o.drop_off_bp)) + " %");
    ViewData cells = MakeList();
    for (size_t y = 0; y < years; ++y) {
      ViewData cell = MakeObject();
      cell.set("value", y < report.values[i].size() ? money(report.values[i][y]) : "–");
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  page.set("rows", rows);
  ViewData present = MakeList();
  impact::ChartSpec chart;
  chart.id = "sroi-by-year";
  chart.title = ctx.T("Present value by year");
  chart.description =
      ctx.T("The value created each year, discounted to today, in") + " " + a->currency + ".";
  for (size_t y = 0; y < years; ++y) {
    ViewData cell = MakeObject();
    cell.set("value", money(report.present_value_by_year[y]));
    present.push_back(cell);
    chart.points.push_back(
        {std::to_string(y + 1), static_cast<double>(report.present_value_by_year[y]) / 100, ""});
  }
  page.set("present_by_year", present);
  page.set("chart_html", impact::BarChartSvg(chart));
  ViewData sensitivity = MakeList();
  for (const impact::Sensitivity& s : report.sensitivity) {
    ViewData item = MakeObject();
    item.set("outcome", s.outcome.empty() ? ctx.T("all outcomes") : s.outcome);
    item.set("assumption", AssumptionLabel(ctx, s.assumption));
    // The assumption's values as the report writes them ("80 %", "4"), with the reader's
    // decimal mark; a proxy is money.
    const auto shown = [&](const std::string& text) {
      if (s.assumption == "proxy") return money(std::stoll(text));
      std::string local = text;
      if (ctx.language != "en") std::replace(local.begin(), local.end(), '.', ',');
      return local;
    };
    item.set("low", shown(s.low));
    item.set("high", shown(s.high));
    item.set("ratio_low", RatioText(ctx, s.ratio_low));
    item.set("ratio_high", RatioText(ctx, s.ratio_high));
    sensitivity.push_back(item);
  }
  page.set("sensitivity", sensitivity);
  return HtmlPage(ctx, "impact/sroi", page);
}

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
  Result<store::SroiAnalysis> analysis = AnalysisFromFields(ctx, *form);
  if (!analysis) return analysis.error();
  Result<int64_t> id = ctx.services.sroi.Create(*analysis, ctx.person->id, ctx.Now());
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
