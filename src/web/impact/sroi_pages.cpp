// SROI analyses as pages (the API: sroi_api.cpp): the list with the board's form, and an analysis's
// report (present value by year, NPV, the ratio, the payback period, and the sensitivity of the
// ratio to each assumption, with a chart of the present value by year).
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "core/text.h"
#include "impact/charts.h"
#include "web/impact/actions.h"
#include "web/impact/cards.h"
#include "web/impact/handlers.h"
#include "web/impact/sroi.h"
#include "web/responses.h"

namespace andel::web {
namespace {

constexpr int kOutcomeRows = 5;

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

}  // namespace

Result<Response> ShowSroiList(Context& ctx) { return ListPage(ctx, 200, std::nullopt); }

Result<Response> SubmitSroi(Context& ctx) {
  Result<int64_t> id = CreateSroiAnalysis(ctx, ctx.form);
  if (!id) return ListPage(ctx, HttpStatus(id.error().code), id.error());
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
    // The plural form of a decimal: "1.0 month", "1.5 months".
    const int64_t count = *report.payback_months == 1.0 ? 1 : 2;
    page.set("payback", ReplaceAll(ctx.N("{months} month", "{months} months", count), "{months}",
                                   FormatDecimal(ctx.language, months)));
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
  impact::ChartSpec chart = LocalChart(ctx);
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

}  // namespace andel::web
