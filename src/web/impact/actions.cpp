#include "web/impact/actions.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/text.h"
#include "impact/catalogue.h"
#include "web/render/markdown.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Date> DateField(const Form& form, const char* name) {
  Result<Date> date = ParseIsoDate(Trim(form.Get(name)));
  if (!date) return Error::InvalidArgument("a date is written as YYYY-MM-DD", name);
  return date;
}

Result<int64_t> IdField(const Form& form, const char* name) {
  return PositiveId(form.Get(name), name);
}

}  // namespace

Result<int64_t> PositiveId(std::string_view text, std::string_view field) {
  text = Trim(text);
  int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return Error::InvalidArgument("choose one from the list", std::string(field));
  }
  return id;
}

Result<impact::Indicator> IndicatorFromFields(const Context& ctx, const Form& form) {
  impact::Indicator indicator;
  const std::string key(Trim(form.Get("catalogue")));
  if (!key.empty()) {
    const impact::CatalogueEntry* entry = impact::FindCatalogueEntry(key);
    if (!entry) return Error::InvalidArgument("choose one from the list", "catalogue");
    indicator.catalogue_key = key;
    indicator.name = entry->name;
    indicator.unit = entry->unit;
    indicator.direction = entry->direction;
    indicator.aggregation = entry->aggregation;
  }
  if (form.Has("name") && !Trim(form.Get("name")).empty()) {
    indicator.name = Trim(form.Get("name"));
    indicator.catalogue_key.clear();  // a name of its own
  }
  if (form.Has("unit") && !Trim(form.Get("unit")).empty()) indicator.unit = Trim(form.Get("unit"));
  if (form.Has("direction")) {
    Result<impact::Direction> direction = impact::ParseDirection(form.Get("direction"));
    if (!direction) return direction.error();
    indicator.direction = *direction;
  }
  if (form.Has("aggregation")) {
    Result<impact::Aggregation> aggregation = impact::ParseAggregation(form.Get("aggregation"));
    if (!aggregation) return aggregation.error();
    indicator.aggregation = *aggregation;
  }
  indicator.iris_metric = Trim(form.Get("iris_metric"));
  if (!Trim(form.Get("baseline")).empty()) {
    Result<impact::Quantity> baseline =
        impact::ParseQuantity(ctx.Number(form, "baseline"), "baseline");
    if (!baseline) return baseline.error();
    indicator.baseline = *baseline;
  }
  if (Trim(form.Get("baseline_date")).empty()) {
    indicator.baseline_date = DateFromUnixSeconds(ctx.Now());
  } else {
    Result<Date> date = DateField(form, "baseline_date");
    if (!date) return date.error();
    indicator.baseline_date = *date;
  }
  if (!Trim(form.Get("target")).empty() || !Trim(form.Get("target_due")).empty()) {
    Result<impact::Quantity> target = impact::ParseQuantity(ctx.Number(form, "target"), "target");
    if (!target) return target.error();
    Result<Date> due = DateField(form, "target_due");
    if (!due) return due.error();
    indicator.targets.push_back({*target, *due});
  }
  if (!Trim(form.Get("parent")).empty()) {
    Result<int64_t> parent = IdField(form, "parent");
    if (!parent) return parent.error();
    indicator.parent = *parent;
  }
  if (!Trim(form.Get("weight")).empty()) {
    Result<impact::Quantity> weight = impact::ParseQuantity(ctx.Number(form, "weight"), "weight");
    if (!weight) return weight.error();
    indicator.weight = *weight;
  }
  if (Status valid = impact::ValidateIndicator(indicator); !valid) return valid.error();
  return indicator;
}

Result<impact::Measurement> MeasurementFromFields(const Context& ctx, const Form& form) {
  impact::Measurement m;
  Result<int64_t> indicator = IdField(form, "indicator");
  if (!indicator) return indicator.error();
  m.indicator_id = *indicator;
  Result<Date> start = DateField(form, "period_start");
  if (!start) return start.error();
  Result<Date> end = DateField(form, "period_end");
  if (!end) return end.error();
  m.period_start = *start;
  m.period_end = *end;
  Result<impact::Quantity> value = impact::ParseQuantity(ctx.Number(form, "value"), "value");
  if (!value) return value.error();
  m.value = *value;
  m.source = Trim(form.Get("source"));
  m.evidence_url = Trim(form.Get("evidence_url"));
  if (!Trim(form.Get("supersedes")).empty()) {
    Result<int64_t> supersedes = IdField(form, "supersedes");
    if (!supersedes) return supersedes.error();
    m.supersedes = *supersedes;
  }
  if (Status valid = impact::ValidateMeasurement(m); !valid) return valid.error();
  return m;
}

Result<impact::ValueCase> ValueCaseFromFields(Context& ctx, const Form& form) {
  impact::ValueCase value_case;
  value_case.community_id = ctx.community->id;
  value_case.title = Trim(form.Get("title"));
  value_case.story = Trim(form.Get("story"));
  for (const std::string& id : form.GetAll("indicator")) {
    int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
    if (ec != std::errc() || ptr != id.data() + id.size() || value <= 0) {
      return Error::InvalidArgument("choose indicators of this community", "indicators");
    }
    value_case.indicator_ids.push_back(value);
  }
  for (std::string_view line : Split(form.Get("evidence"), '\n')) {
    line = Trim(line);
    if (!line.empty()) value_case.evidence_urls.emplace_back(line);
  }
  value_case.published = form.Get("published") == "1" || form.Get("published") == "true";
  if (Status valid = impact::ValidateValueCase(value_case); !valid) return valid.error();
  return value_case;
}

Result<impact::ParticipantOutcome> OutcomeFromFields(const Form& form) {
  impact::ParticipantOutcome outcome;
  Result<impact::OutcomeKind> kind = impact::ParseOutcomeKind(form.Get("kind"));
  if (!kind) return kind.error();
  outcome.kind = *kind;
  Result<Date> date = DateField(form, "date");
  if (!date) return date.error();
  outcome.date = *date;
  outcome.consent = form.Get("consent") == "1" || form.Get("consent") == "true";
  if (Status valid = impact::ValidateOutcome(outcome); !valid) return valid.error();
  return outcome;
}

std::string OutcomeKindLabel(const Context& ctx, impact::OutcomeKind kind) {
  switch (kind) {
    case impact::OutcomeKind::kNewParticipant:
      return ctx.T("New participant");
    case impact::OutcomeKind::kIntoJob:
      return ctx.T("Into a job");
    case impact::OutcomeKind::kIntoEducation:
      return ctx.T("Into education");
    case impact::OutcomeKind::kStartedEnterprise:
      return ctx.T("Started an enterprise");
    case impact::OutcomeKind::kVolunteering:
      return ctx.T("Volunteering");
  }
  return std::string(impact::Name(kind));
}

ViewData ValueCaseItem(const impact::ValueCase& value_case, const std::string& link) {
  ViewData item = MakeObject();
  item.set("title", value_case.title);
  item.set("link", link);
  item.set("community", value_case.community_name);
  std::string excerpt(
      Trim(MarkdownPlainText(value_case.story.substr(0, value_case.story.find("\n\n")))));
  if (CodePointCount(excerpt) > 280) {
    size_t cut = 280;
    while (cut > 0 && (excerpt[cut] & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    excerpt = excerpt.substr(0, cut) + "…";
  }
  item.set("excerpt", excerpt);
  if (value_case.published) item.set("published", true);
  return item;
}

std::string IndicatorName(const Context& ctx, const impact::Indicator& indicator) {
  if (!indicator.catalogue_key.empty()) return ctx.T(indicator.name);
  return indicator.name;
}

std::string IndicatorUnit(const Context& ctx, const impact::Indicator& indicator) {
  if (!indicator.catalogue_key.empty() && !indicator.unit.empty()) return ctx.T(indicator.unit);
  return indicator.unit;
}

std::string ProgressLabel(const Context& ctx, double progress) {
  return FormatInteger(ctx.language, static_cast<int64_t>(progress * 100 + 0.5)) + " %";
}

std::string QuantityLabel(const Context& ctx, impact::Quantity value, const std::string& unit) {
  const std::string number = FormatDecimal(ctx.language, impact::QuantityText(value));
  return unit.empty() ? number : number + " " + unit;
}

impact::MeasurementFile ReadCommunityMeasurements(
    std::string_view text, const std::vector<impact::Indicator>& indicators) {
  // Every way a line may name an indicator, looked up by hash: a file can have a million lines.
  std::unordered_map<std::string, int64_t> by_name;
  for (const impact::Indicator& indicator : indicators) {
    by_name.emplace(FoldCase(indicator.name), indicator.id);
    if (!indicator.catalogue_key.empty()) by_name.emplace(indicator.catalogue_key, indicator.id);
  }
  for (const impact::Indicator& indicator : indicators) {
    by_name[std::to_string(indicator.id)] = indicator.id;  // an id wins over a name
  }
  std::string folded;
  const auto find = [&](std::string_view name) -> const int64_t* {
    folded = IsValidUtf8(name) ? FoldCase(name) : std::string();
    const auto found = by_name.find(folded);
    return found == by_name.end() ? nullptr : &found->second;
  };
  impact::MeasurementFile file = impact::ReadMeasurementCsv(
      text, [&](std::string_view name) { return find(name) != nullptr; });
  for (impact::MeasurementRow& row : file.rows) {
    row.measurement.indicator_id = *find(row.indicator);
  }
  return file;
}

Result<MeasurementImport> ImportCommunityMeasurements(Context& ctx, std::string_view text) {
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  impact::MeasurementFile file = ReadCommunityMeasurements(text, *indicators);
  MeasurementImport result;
  if (!file.errors.empty()) {
    result.errors = std::move(file.errors);
    return result;
  }
  std::vector<impact::Measurement> rows;
  rows.reserve(file.rows.size());
  for (impact::MeasurementRow& row : file.rows) rows.push_back(std::move(row.measurement));
  Result<size_t> imported =
      ctx.services.impact.Import(ctx.community->id, rows, ctx.person->id, ctx.Now());
  if (!imported) return imported.error();
  result.imported = *imported;
  return result;
}

Result<std::vector<store::FormedPartnership>> PartnershipsCounted(
    Context& ctx, int64_t community_id, const std::vector<impact::Indicator>& indicators) {
  if (std::none_of(indicators.begin(), indicators.end(), impact::CountsPartnershipsFormed)) {
    return std::vector<store::FormedPartnership>{};
  }
  return ctx.services.impact.PartnershipsFormed(community_id);
}

Result<ImpactRecords> LoadImpact(Context& ctx, int64_t community_id) {
  ImpactRecords records;
  Result<std::vector<impact::Indicator>> indicators = ctx.services.impact.Indicators(community_id);
  if (!indicators) return indicators.error();
  Result<std::vector<impact::Measurement>> values = ctx.services.impact.Values(community_id);
  if (!values) return values.error();
  records.indicators = std::move(*indicators);
  records.values = std::move(*values);
  // "Partnerships formed" counts the community's accepted cross-category matches and published
  // circles by itself, as measurements of 1 on their day (not stored; negative ids).
  Result<std::vector<store::FormedPartnership>> formed =
      PartnershipsCounted(ctx, community_id, records.indicators);
  if (!formed) return formed.error();
  records.partnerships = std::move(*formed);
  int64_t derived = 0;
  for (const impact::Indicator& indicator : records.indicators) {
    if (!impact::CountsPartnershipsFormed(indicator)) continue;
    for (const store::FormedPartnership& partnership : records.partnerships) {
      impact::Measurement m;
      m.id = --derived;
      m.indicator_id = indicator.id;
      m.period_start = partnership.day;
      m.period_end = partnership.day;
      m.value = {1000};
      records.values.push_back(std::move(m));
    }
  }
  return records;
}

Result<Response> MeasurementsCsvResponse(Context& ctx) {
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.Measurements(ctx.community->id);
  if (!measurements) return measurements.error();
  std::map<int64_t, std::string> names;
  for (const impact::Indicator& indicator : *indicators) names[indicator.id] = indicator.name;
  return Download(impact::WriteMeasurementCsv(*measurements, [&](int64_t id) { return names[id]; }),
                  "text/csv; charset=utf-8", ctx.community->slug + "-measurements.csv");
}

}  // namespace andel::web
