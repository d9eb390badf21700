// Measurements as CSV, for import and export: a header naming the columns (indicator,
// period_start, period_end, value, and optionally source and evidence_url, in any order), then
// one measurement per line. Every line is checked; a file with any bad line is refused whole.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "impact/indicator.h"

namespace andel::impact {

struct MeasurementRow {
  size_t line = 0;
  std::string indicator;    // as written: an indicator's id, catalogue key or name
  Measurement measurement;  // without ids
};

struct MeasurementFile {
  std::vector<MeasurementRow> rows;
  std::vector<Error> errors;  // kInvalidArgument, `where` "line N" (or "header"); at most 100
};

// Reads and checks every line: the indicator is one `known` accepts, dates are ISO days, the
// value a decimal, and the measurement valid (ValidateMeasurement). Streams: a file of a million
// lines is read once, record by record.
MeasurementFile ReadMeasurementCsv(std::string_view text,
                                   const std::function<bool(std::string_view)>& known);

// The header and one line per measurement, the indicator written by `name_of`.
std::string WriteMeasurementCsv(const std::vector<Measurement>& measurements,
                                const std::function<std::string(int64_t)>& name_of);

}  // namespace andel::impact
