// Feeds any bytes to the measurement reader (ReadMeasurementCsv) with two known indicators.
// Checks: at most 100 errors, accepted rows name a known indicator and pass
// ValidateMeasurement, and rows written (WriteMeasurementCsv) read again to the same values.
#include "impact/measurement_csv.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"

using andel::fuzz::Check;
namespace impact = andel::impact;

namespace {

bool Known(std::string_view name) { return name == "participants" || name == "7"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const impact::MeasurementFile file =
      impact::ReadMeasurementCsv(andel::fuzz::Text(data, size), Known);
  Check(file.errors.size() <= 100, "at most 100 errors");
  if (!file.errors.empty()) return 0;
  std::vector<impact::Measurement> measurements;
  for (const impact::MeasurementRow& row : file.rows) {
    Check(Known(row.indicator), "a row names a known indicator");
    Check(impact::ValidateMeasurement(row.measurement).has_value(), "a row is a valid measurement");
    measurements.push_back(row.measurement);
    measurements.back().indicator_id = row.indicator == "7" ? 7 : 1;
  }
  const impact::MeasurementFile again = impact::ReadMeasurementCsv(
      impact::WriteMeasurementCsv(measurements,
                                  [](int64_t id) { return id == 7 ? "7" : "participants"; }),
      Known);
  Check(again.errors.empty(), "what the writer writes, the reader reads");
  Check(again.rows.size() == file.rows.size(), "the same rows after writing");
  for (size_t i = 0; i < file.rows.size(); ++i) {
    Check(again.rows[i].measurement.value.thousandths == file.rows[i].measurement.value.thousandths,
          "the same values after writing");
  }
  return 0;
}
