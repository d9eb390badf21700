#include "impact/measurement_csv.h"

#include <array>
#include <optional>

#include "core/csv.h"
#include "core/text.h"

namespace andel::impact {
namespace {

enum Column { kIndicator, kStart, kEnd, kValue, kSource, kEvidence, kColumns };
constexpr std::array<std::string_view, kColumns> kNames = {
    "indicator", "period_start", "period_end", "value", "source", "evidence_url"};
constexpr size_t kMaxErrors = 100;

// Fills `row` from a record; kInvalidArgument saying what is wrong otherwise.
Status ReadRow(const CsvRecord& record, const std::array<std::optional<size_t>, kColumns>& at,
               const std::function<bool(std::string_view)>& known, MeasurementRow& row) {
  const auto field = [&](Column c) -> std::string_view {
    if (!at[c] || *at[c] >= record.fields.size()) return {};
    return Trim(record.fields[*at[c]]);
  };
  row.indicator = std::string(CsvText(field(kIndicator)));
  if (!known(row.indicator)) return Error::InvalidArgument("unknown indicator");
  Result<Date> start = ParseIsoDate(field(kStart));
  Result<Date> end = ParseIsoDate(field(kEnd));
  if (!start || !end) return Error::InvalidArgument("a date is written as YYYY-MM-DD");
  Result<Quantity> value = ParseQuantity(field(kValue));
  if (!value) return value.error();
  row.measurement.period_start = *start;
  row.measurement.period_end = *end;
  row.measurement.value = *value;
  row.measurement.source = std::string(CsvText(field(kSource)));
  row.measurement.evidence_url = std::string(CsvText(field(kEvidence)));
  return ValidateMeasurement(row.measurement);
}

}  // namespace

MeasurementFile ReadMeasurementCsv(std::string_view text,
                                   const std::function<bool(std::string_view)>& known) {
  MeasurementFile file;
  std::array<std::optional<size_t>, kColumns> at;
  bool header = true;
  const auto fail = [&](size_t line, std::string message) {
    if (file.errors.size() < kMaxErrors) {
      file.errors.push_back(
          Error::InvalidArgument(std::move(message), "line " + std::to_string(line)));
    }
  };
  const Status read = ForEachCsvRecord(text, ',', [&](const CsvRecord& record) -> Status {
    if (header) {
      header = false;
      for (size_t i = 0; i < record.fields.size(); ++i) {
        const std::string name = ToLowerAscii(Trim(record.fields[i]));
        for (size_t c = 0; c < kColumns; ++c) {
          if (name == kNames[c]) at[c] = i;
        }
      }
      for (size_t c = 0; c <= kValue; ++c) {
        if (!at[c]) {
          return Error::InvalidArgument(
              "the header names the columns indicator, period_start, period_end and value",
              "header");
        }
      }
      return {};
    }
    MeasurementRow row;
    row.line = record.line;
    if (Status read_row = ReadRow(record, at, known, row); !read_row) {
      fail(record.line, read_row.error().message);
      return {};
    }
    file.rows.push_back(std::move(row));
    return {};
  });
  if (!read) {
    // What stopped the reading comes first; the list keeps its limit.
    if (file.errors.size() == kMaxErrors) file.errors.pop_back();
    file.errors.insert(file.errors.begin(), read.error());
  }
  if (header && file.errors.empty()) {
    file.errors.push_back(Error::InvalidArgument(
        "the header names the columns indicator, period_start, period_end and value", "header"));
  }
  return file;
}

std::string WriteMeasurementCsv(const std::vector<Measurement>& measurements,
                                const std::function<std::string(int64_t)>& name_of) {
  std::string csv =
      "id,indicator,period_start,period_end,value,source,evidence_url,"
      "recorded_by,supersedes\r\n";
  for (const Measurement& m : measurements) {
    csv += std::to_string(m.id) + "," + CsvField(name_of(m.indicator_id)) + "," +
           FormatIsoDate(m.period_start) + "," + FormatIsoDate(m.period_end) + "," +
           QuantityText(m.value) + "," + CsvField(m.source) + "," + CsvField(m.evidence_url) + "," +
           CsvField(m.recorded_by) + "," +
           (m.supersedes ? std::to_string(*m.supersedes) : std::string()) + "\r\n";
  }
  return csv;
}

}  // namespace andel::impact
