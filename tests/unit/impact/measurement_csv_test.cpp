// Measurement CSV: a good file reads; every bad line is named by its number; a missing header
// column is refused; writing and reading back keeps the measurements.
#include "impact/measurement_csv.h"

#include <gtest/gtest.h>

namespace andel::impact {
namespace {

bool Known(std::string_view name) { return name == "participants" || name == "7"; }

TEST(MeasurementCsv, ReadsAGoodFile) {
  const MeasurementFile file = ReadMeasurementCsv(
      "\xEF\xBB\xBFvalue,indicator,period_start,period_end,source\r\n"
      "104,participants,2025-01-01,2025-12-31,\"Attendance, all sites\"\r\n"
      "3.5,7,2025-02-01,2025-02-28,\r\n",
      Known);
  ASSERT_TRUE(file.errors.empty()) << file.errors[0].message;
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_EQ(file.rows[0].indicator, "participants");
  EXPECT_EQ(file.rows[0].measurement.value.thousandths, 104000);
  EXPECT_EQ(file.rows[0].measurement.source, "Attendance, all sites");
  EXPECT_EQ(file.rows[1].line, 3u);
  EXPECT_EQ(file.rows[1].measurement.period_end, (Date{2025, 2, 28}));
}

TEST(MeasurementCsv, NamesEveryBadLine) {
  const MeasurementFile file = ReadMeasurementCsv(
      "indicator,period_start,period_end,value,evidence_url\n"
      "participants,2025-01-01,2025-01-31,10,\n"
      "nobody,2025-01-01,2025-01-31,10,\n"
      "participants,2025-13-01,2025-01-31,10,\n"
      "participants,2025-01-01,2025-01-31,ten,\n"
      "participants,2025-02-01,2025-01-31,1,\n"
      "participants,2025-01-01,2025-01-31,1,ftp://x\n",
      Known);
  ASSERT_EQ(file.errors.size(), 5u);
  EXPECT_EQ(file.errors[0].where, "line 3");
  EXPECT_EQ(file.errors[0].message, "unknown indicator");
  EXPECT_EQ(file.errors[1].where, "line 4");
  EXPECT_EQ(file.errors[1].message, "a date is written as YYYY-MM-DD");
  EXPECT_EQ(file.errors[2].message, "not a number");
  EXPECT_EQ(file.errors[3].message, "a period ends on or after the day it starts");
  EXPECT_EQ(file.errors[4].where, "line 7");
}

TEST(MeasurementCsv, RefusesAFileWithoutTheColumns) {
  EXPECT_EQ(ReadMeasurementCsv("indicator,value\nparticipants,1\n", Known).errors.at(0).where,
            "header");
  EXPECT_EQ(ReadMeasurementCsv("", Known).errors.at(0).where, "header");
  EXPECT_EQ(ReadMeasurementCsv("indicator,period_start,period_end,value\n\"open", Known)
                .errors.at(0)
                .where,
            "line 2");
}

// Found by fuzz_measurement_csv: a file that cannot be read to its end after 100 bad lines
// listed 101 errors.
TEST(MeasurementCsv, KeepsItsLimitOfErrorsWhenTheFileBreaksOff) {
  std::string text = "indicator,period_start,period_end,value\n";
  for (int i = 0; i < 150; ++i) text += "nobody,2025-01-01,2025-01-31,10\n";
  text += "\"open";
  const MeasurementFile file = ReadMeasurementCsv(text, Known);
  ASSERT_EQ(file.errors.size(), 100u);
  EXPECT_EQ(file.errors[0].where, "line 152");  // what stopped the reading comes first
  EXPECT_EQ(file.errors[1].message, "unknown indicator");
}

TEST(MeasurementCsv, WritesWhatItReads) {
  Measurement m;
  m.id = 5;
  m.indicator_id = 7;
  m.period_start = {2025, 3, 1};
  m.period_end = {2025, 3, 31};
  m.value = {-1250};
  m.source = "Survey \"spring\", wave 2";
  m.recorded_by = "Mette";
  m.supersedes = 4;
  const std::string csv = WriteMeasurementCsv({m}, [](int64_t id) { return std::to_string(id); });
  const MeasurementFile file = ReadMeasurementCsv(csv, Known);
  ASSERT_TRUE(file.errors.empty()) << file.errors[0].message << " " << file.errors[0].where;
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].indicator, "7");
  EXPECT_EQ(file.rows[0].measurement.value, m.value);
  EXPECT_EQ(file.rows[0].measurement.source, m.source);
  EXPECT_EQ(file.rows[0].measurement.period_start, m.period_start);
}

}  // namespace
}  // namespace andel::impact
