// A community's impact as pages: the dashboard of its indicators (progress to the target, a
// chart of the last two years with its figures beside it), each indicator's page with every
// measurement and correction, and the board's forms to define indicators, record measurements
// and import or export CSV.
#include <array>
#include <map>

#include "core/text.h"
#include "impact/catalogue.h"
#include "impact/charts.h"
#include "web/community_views.h"
#include "web/handlers.h"
#include "web/impact.h"
#include "web/responses.h"

namespace andel::web {
namespace {

constexpr size_t kChartMonths = 24;

std::string MonthLabel(const Date& period) {
  return FormatIsoDate(period).substr(0, 7);  // "2025-03"
}

// One indicator's card: its figures and progress, and its chart with the figures beside it,
// from the values of its measurements.
ViewData IndicatorCard(const Context& ctx, const impact::Indicator& indicator,
                       const std::vector<impact::Measurement>& values, Date today) {
  ViewData card = MakeObject();
  const std::string name = IndicatorName(ctx, indicator);
  card.set("id", std::to_string(indicator.id));
  card.set("slug", ctx.community->slug);
  card.set("name", name);
  const std::string unit = IndicatorUnit(ctx, indicator);
  card.set("unit", unit);
  const std::vector<impact::Measurement> effective = impact::Effective(values);
  const std::optional<impact::Quantity> current = impact::CurrentValue(indicator, effective, today);
  const std::optional<impact::Target> target = impact::TargetOn(indicator, today);
  const auto label = [&](impact::Quantity q) { return QuantityLabel(ctx, q, unit); };
  card.set("baseline", label(indicator.baseline) + " (" +
                           FormatDate(ctx.language, indicator.baseline_date) + ")");
  if (current) card.set("current", label(*current));
  if (target) {
    card.set("target", label(target->value) + " " + ctx.T("by") + " " +
                           FormatDate(ctx.language, target->due));
  }
  if (current && target) {
    const double progress = impact::Progress(indicator, *current, target->value);
    const std::string percent = ProgressLabel(ctx, progress);
    card.set("progress", percent);
    card.set("ring_html", impact::ProgressRingSvg(
                              "ring-" + std::to_string(indicator.id), name,
                              percent + " " + ctx.T("of the way from the baseline to the target"),
                              progress, percent, 96));
  }
  // The last two years by month, with the data beside the chart. An indicator that adds up is
  // drawn as its running total since the baseline, which climbs towards the target.
  const bool adds_up = indicator.aggregation == impact::Aggregation::kSum;
  std::vector<impact::Point> series;
  for (const impact::Point& point :
       impact::Series(indicator, effective, impact::Granularity::kMonth)) {
    if (point.period >= Date{indicator.baseline_date.year, indicator.baseline_date.month, 1}) {
      series.push_back(point);
    }
  }
  std::vector<impact::Quantity> totals;
  impact::Quantity total = indicator.baseline;
  for (const impact::Point& point : series) {
    total = total + point.value;
    totals.push_back(total);
  }
  const size_t first = series.size() > kChartMonths ? series.size() - kChartMonths : 0;
  impact::ChartSpec chart;
  chart.id = "chart-" + std::to_string(indicator.id);
  chart.title = name;
  chart.description =
      adds_up
          ? ctx.T(
                "The running total by month since the baseline, with the target as a dashed line.")
          : ctx.T("By month, with the baseline and the target as dashed lines.");
  std::vector<ViewData> rows;
  rows.reserve(series.size() - first);
  for (size_t i = first; i < series.size(); ++i) {
    const impact::Quantity shown = adds_up ? totals[i] : series[i].value;
    chart.points.push_back({MonthLabel(series[i].period), shown.ToDouble(), label(shown)});
    ViewData row = MakeObject();
    row.set("period", MonthLabel(series[i].period));
    row.set("value", label(series[i].value));
    if (adds_up) row.set("total", label(totals[i]));
    rows.push_back(std::move(row));
  }
  if (adds_up) card.set("adds_up", true);
  chart.baseline = impact::ChartReference{indicator.baseline.ToDouble(),
                                          ctx.T("Baseline") + " " + label(indicator.baseline)};
  if (target) {
    chart.target = impact::ChartReference{target->value.ToDouble(),
                                          ctx.T("Target") + " " + label(target->value)};
  }
  if (!series.empty()) {
    card.set("chart_html", impact::LineChartSvg(chart));
    card.set("rows", ViewData(rows));
  }
  return card;
}

Result<Response> ImpactPage(Context& ctx, int status, const std::optional<Error>& error,
                            const std::vector<Error>& problems = {}) {
  Result<ImpactRecords> records = LoadImpact(ctx);
  if (!records) return records.error();
  ViewData page = BasePage(ctx, ctx.T("Impact") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  const Date today = DateFromUnixSeconds(ctx.Now());
  std::map<int64_t, std::vector<impact::Measurement>> values_of;
  std::map<int64_t, size_t> counts;
  for (const impact::Measurement& m : records->values) ++counts[m.indicator_id];
  for (const auto& [indicator, count] : counts) values_of[indicator].reserve(count);
  for (impact::Measurement& m : records->values) values_of[m.indicator_id].push_back(std::move(m));
  // Each card is rendered on its own and the page takes the HTML: a hundred cards of charts and
  // tables are not copied through the template data.
  std::string cards;
  ViewData options = MakeList();
  for (const impact::Indicator& indicator : records->indicators) {
    cards += ctx.services.views.Render(
        "impact_card", ctx.language, IndicatorCard(ctx, indicator, values_of[indicator.id], today));
    ViewData option = MakeObject();
    option.set("id", std::to_string(indicator.id));
    option.set("name", IndicatorName(ctx, indicator));
    const std::string& chosen =
        ctx.form.Has("indicator") ? ctx.form.Get("indicator") : ctx.query.Get("indicator");
    option.set("selected", chosen == std::to_string(indicator.id));
    options.push_back(option);
  }
  page.set("cards_html", cards);
  page.set("this_year", std::to_string(today.year));
  // Participant outcomes, counted for this year and the last (never named).
  Result<std::array<int64_t, impact::kOutcomeKinds>> this_year =
      ctx.services.outcomes.Counts(ctx.community->id, {today.year, 1, 1}, {today.year, 12, 31});
  if (!this_year) return this_year.error();
  Result<std::array<int64_t, impact::kOutcomeKinds>> last_year = ctx.services.outcomes.Counts(
      ctx.community->id, {today.year - 1, 1, 1}, {today.year - 1, 12, 31});
  if (!last_year) return last_year.error();
  ViewData outcome_rows = MakeList();
  bool any_outcome = false;
  for (size_t k = 0; k < impact::kOutcomeKinds; ++k) {
    ViewData row = MakeObject();
    const auto kind = static_cast<impact::OutcomeKind>(k);
    row.set("key", std::string(impact::Name(kind)));
    row.set("kind", OutcomeKindLabel(ctx, kind));
    row.set("this_year", FormatInteger(ctx.language, (*this_year)[k]));
    row.set("last_year", FormatInteger(ctx.language, (*last_year)[k]));
    any_outcome = any_outcome || (*this_year)[k] > 0 || (*last_year)[k] > 0;
    outcome_rows.push_back(row);
  }
  page.set("outcomes", outcome_rows);
  page.set("has_outcomes", any_outcome);
  page.set("last_year", std::to_string(today.year - 1));
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  ViewData latest_cases = MakeList();
  for (size_t i = 0; i < cases->size() && i < 3; ++i) {
    const impact::ValueCase& value_case = (*cases)[i];
    latest_cases.push_back(ValueCaseItem(
        value_case,
        "/c/" + ctx.community->slug + "/impact/cases/" + std::to_string(value_case.id)));
  }
  page.set("cases", latest_cases);
  page.set("has_cases", !cases->empty());
  page.set("has_indicators", !records->indicators.empty());
  if (ctx.IsBoard()) {
    page.set("can_record", true);
    page.set("indicator_options", options);
    ViewData catalogue = MakeList();
    for (const impact::CatalogueEntry& entry : impact::StarterCatalogue()) {
      ViewData item = MakeObject();
      item.set("key", std::string(entry.key));
      item.set("name", ctx.T(std::string(entry.name)));
      catalogue.push_back(item);
    }
    page.set("catalogue", catalogue);
    for (const char* field :
         {"name", "unit", "iris_metric", "baseline", "baseline_date", "target", "target_due",
          "period_start", "period_end", "value", "source", "evidence_url", "supersedes"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
  }
  if (error) AddFieldError(ctx, page, *error);
  if (!problems.empty()) {
    ViewData list = MakeList();
    for (const Error& problem : problems) {
      ViewData item = MakeObject();
      item.set("where", LocalizedPlace(ctx, problem.where));
      item.set("message", ctx.T(problem.message));
      list.push_back(item);
    }
    page.set("problems", list);
    page.set("has_problems", true);
  }
  return HtmlPage(ctx, "impact", page, status);
}

}  // namespace

Result<Response> ShowImpact(Context& ctx) { return ImpactPage(ctx, 200, std::nullopt); }

Result<Response> ShowIndicator(Context& ctx) {
  Result<impact::Indicator> indicator =
      ctx.services.impact.FindIndicator(ctx.community->id, ctx.ParamId("id"));
  if (!indicator) return indicator.error();
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.MeasurementsOf(ctx.community->id, indicator->id);
  if (!measurements) return measurements.error();
  const std::string name = IndicatorName(ctx, *indicator);
  ViewData page = BasePage(ctx, name + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("id", std::to_string(indicator->id));
  page.set("card_html", ctx.services.views.Render("impact_card", ctx.language,
                                                  IndicatorCard(ctx, *indicator, *measurements,
                                                                DateFromUnixSeconds(ctx.Now()))));
  // Every measurement, newest first, corrections included: nothing is hidden.
  std::map<int64_t, int64_t> corrected;
  for (const impact::Measurement& m : *measurements) {
    if (m.supersedes) corrected[*m.supersedes] = m.id;
  }
  const std::string unit = IndicatorUnit(ctx, *indicator);
  ViewData history = MakeList();
  for (auto it = measurements->rbegin(); it != measurements->rend(); ++it) {
    const impact::Measurement& m = *it;
    ViewData item = MakeObject();
    item.set("id", std::to_string(m.id));
    item.set("period", FormatIsoDate(m.period_start) + " – " + FormatIsoDate(m.period_end));
    item.set("value", QuantityLabel(ctx, m.value, unit));
    item.set("source", m.source);
    if (!m.evidence_url.empty()) item.set("evidence_url", m.evidence_url);
    item.set("recorded_by", m.recorded_by);
    if (m.supersedes) item.set("corrects", std::to_string(*m.supersedes));
    if (const auto found = corrected.find(m.id); found != corrected.end()) {
      item.set("superseded_by", std::to_string(found->second));
    }
    history.push_back(item);
  }
  page.set("history", history);
  page.set("has_history", !measurements->empty());
  page.set("can_record", ctx.IsBoard());
  return HtmlPage(ctx, "impact_indicator", page);
}

Result<Response> SubmitOutcome(Context& ctx) {
  Result<impact::ParticipantOutcome> outcome = OutcomeFromFields(ctx.form);
  if (!outcome) return ImpactPage(ctx, 400, outcome.error());
  Result<int64_t> id =
      ctx.services.outcomes.Record(ctx.community->id, *outcome, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#outcomes-heading");
}

Result<Response> SubmitIndicator(Context& ctx) {
  Result<impact::Indicator> indicator = IndicatorFromFields(ctx, ctx.form);
  if (!indicator) return ImpactPage(ctx, 400, indicator.error());
  Result<int64_t> id =
      ctx.services.impact.CreateIndicator(ctx.community->id, *indicator, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#indicator-" + std::to_string(*id));
}

Result<Response> SubmitMeasurement(Context& ctx) {
  Result<impact::Measurement> m = MeasurementFromFields(ctx.form);
  if (!m) return ImpactPage(ctx, 400, m.error());
  Result<int64_t> id = ctx.services.impact.Record(ctx.community->id, *m, ctx.person->id, ctx.Now());
  if (!id && id.error().code != ErrorCode::kUnavailable) return ImpactPage(ctx, 400, id.error());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#indicator-" +
                  std::to_string(m->indicator_id));
}

Result<Response> SubmitMeasurementImport(Context& ctx) {
  std::string_view text;
  for (const UploadedFile& file : ctx.files) {
    if (file.field == "file") text = file.content;
  }
  if (text.empty()) {
    return ImpactPage(ctx, 400, Error::InvalidArgument("choose a CSV file to import", "file"));
  }
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  const impact::MeasurementFile file = ReadCommunityMeasurements(text, *indicators);
  if (!file.errors.empty()) {
    return ImpactPage(ctx, 400,
                      Error::InvalidArgument("The file has errors; nothing was imported.", "file"),
                      file.errors);
  }
  std::vector<impact::Measurement> rows;
  rows.reserve(file.rows.size());
  for (const impact::MeasurementRow& row : file.rows) rows.push_back(row.measurement);
  Result<size_t> imported =
      ctx.services.impact.Import(ctx.community->id, rows, ctx.person->id, ctx.Now());
  if (!imported) return imported.error();
  return Redirect("/c/" + ctx.community->slug + "/impact");
}

Result<Response> ExportMeasurementsCsv(Context& ctx) { return MeasurementsCsvResponse(ctx); }

}  // namespace andel::web
