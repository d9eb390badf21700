// What the impact pages and API share: reading an indicator or a measurement from form fields,
// an indicator's name in the reader's language, values as the reader writes them, and the CSV
// of measurements in and out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "impact/indicator.h"
#include "impact/measurement_csv.h"
#include "impact/participant_outcome.h"
#include "impact/value_case.h"
#include "web/context.h"

namespace andel::web {

// An id chosen from a list: a positive integer, else kInvalidArgument naming `field`.
Result<int64_t> PositiveId(std::string_view text, std::string_view field);

// From the fields catalogue (a starter-catalogue key, which fills in the rest), name, unit,
// direction, aggregation, iris_metric, baseline, baseline_date, target, target_due, parent (the
// id of the goal it is part of) and weight (its share of that goal, 0–1).
// kInvalidArgument naming the field.
Result<impact::Indicator> IndicatorFromFields(const Context& ctx, const Form& form);
// The fields IndicatorFromFields reads: all that the API accepts in a new indicator's body.
inline constexpr std::string_view kIndicatorFields[] = {
    "catalogue", "name",          "unit",   "direction",  "aggregation", "iris_metric",
    "baseline",  "baseline_date", "target", "target_due", "parent",      "weight"};

// From the fields indicator (an id), period_start, period_end, value, source, evidence_url and
// supersedes. kInvalidArgument naming the field.
Result<impact::Measurement> MeasurementFromFields(const Context& ctx, const Form& form);
// The fields MeasurementFromFields reads: all that the API accepts in a measurement's body.
inline constexpr std::string_view kMeasurementFields[] = {
    "indicator", "period_start", "period_end", "value", "source", "evidence_url", "supersedes"};

// A value case of the route's community from the fields title, story, indicator (repeated),
// evidence (links, one per line) and published ("1"). kInvalidArgument naming the field.
Result<impact::ValueCase> ValueCaseFromFields(Context& ctx, const Form& form);

// A participant outcome from the fields kind, date and consent ("1").
Result<impact::ParticipantOutcome> OutcomeFromFields(const Form& form);
// The fields OutcomeFromFields reads: all that the API accepts in an outcome's body.
inline constexpr std::string_view kOutcomeFields[] = {"kind", "date", "consent"};
// A kind of outcome in the reader's language ("Into a job").
std::string OutcomeKindLabel(const Context& ctx, impact::OutcomeKind kind);

// A value case as an item of a list: title, link, community, published, and an excerpt (its
// first paragraph, at most about 280 characters).
ViewData ValueCaseItem(const impact::ValueCase& value_case, const std::string& link);

// A catalogue indicator's name translated; the community's own name otherwise.
std::string IndicatorName(const Context& ctx, const impact::Indicator& indicator);

// A catalogue indicator's unit translated; the community's own unit otherwise.
std::string IndicatorUnit(const Context& ctx, const impact::Indicator& indicator);

// Progress (0–1) as a whole percentage: "64 %".
std::string ProgressLabel(const Context& ctx, double progress);

// "1.234,5 hours" (da) or "1,234.5 hours" (en).
std::string QuantityLabel(const Context& ctx, impact::Quantity value, const std::string& unit);

// Reads a CSV of measurements for the community's indicators: a line names an indicator by its
// id, catalogue key or name (case ignored). The rows carry their indicator's id.
impact::MeasurementFile ReadCommunityMeasurements(std::string_view text,
                                                  const std::vector<impact::Indicator>& indicators);

// Imports a CSV of measurements for the route's community, all or nothing: the bad lines, each
// named (and nothing imported), or how many were imported.
struct MeasurementImport {
  std::vector<Error> errors;
  size_t imported = 0;
};
Result<MeasurementImport> ImportCommunityMeasurements(Context& ctx, std::string_view text);

// The community's measurements as CSV, each indicator by its name.
Result<Response> MeasurementsCsvResponse(Context& ctx);

// A community's indicators and the values of its measurements (without their texts; see
// ImpactRepository::Values), with the partnerships the community formed counted into its
// "partnerships formed" indicators; or the error.
struct ImpactRecords {
  std::vector<impact::Indicator> indicators;
  std::vector<impact::Measurement> values;
  std::vector<store::FormedPartnership> partnerships;  // read only if an indicator counts them
};
Result<ImpactRecords> LoadImpact(Context& ctx, int64_t community_id);

// The partnerships the community formed across categories, read only if one of `indicators`
// counts them (impact::CountsPartnershipsFormed); none otherwise.
Result<std::vector<store::FormedPartnership>> PartnershipsCounted(
    Context& ctx, int64_t community_id, const std::vector<impact::Indicator>& indicators);

}  // namespace andel::web
