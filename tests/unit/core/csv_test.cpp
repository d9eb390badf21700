// The CSV reader and the one CSV writer: fields a spreadsheet would run as formulas are guarded,
// and what is written reads back as it was (issue 14, point 15).
#include "core/csv.h"

#include <gtest/gtest.h>

#include <random>

namespace andel {
namespace {

TEST(CsvField, GuardsEveryFormulaStart) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://evil.example\",\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-1+cmd"), "'-1+cmd");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvField("'quoted"), "''quoted");
  EXPECT_EQ(CsvField("plain text"), "plain text");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(CsvField("a;b"), "a;b");
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvText, RemovesOnlyTheGuard) {
  EXPECT_EQ(CsvText("'=1"), "=1");
  EXPECT_EQ(CsvText("''quoted"), "'quoted");
  EXPECT_EQ(CsvText("'plain"), "'plain");  // a quote the writer did not add stays
  EXPECT_EQ(CsvText("="), "=");
  EXPECT_EQ(CsvText("'"), "'");
}

// Property: any text written as a field of a record reads back as that text.
TEST(CsvField, RoundTripsRandomText) {
  std::mt19937 random(20261207);
  const std::string alphabet = "=+-@'\t\r\n,;\" aZ0æ";
  for (int run = 0; run < 3000; ++run) {
    std::vector<std::string> values(1 + random() % 4);
    std::string line;
    for (size_t i = 0; i < values.size(); ++i) {
      const size_t length = random() % 6;
      for (size_t c = 0; c < length; ++c) {
        const size_t at = random() % alphabet.size();
        // "æ" is two bytes: keep them together.
        if (static_cast<unsigned char>(alphabet[at]) >= 0x80) {
          values[i] += "æ";
        } else {
          values[i] += alphabet[at];
        }
      }
      if (i) line += ',';
      line += CsvField(values[i]);
    }
    line += "\r\n";
    Result<std::vector<CsvRecord>> records = ParseCsvRecords("head\r\n" + line);
    ASSERT_TRUE(records.has_value()) << line;
    // A record of one empty field is a blank line, which the reader skips.
    if (values.size() == 1 && values[0].empty()) continue;
    ASSERT_EQ(records->size(), 2u) << line;
    const std::vector<std::string>& fields = records->at(1).fields;
    ASSERT_EQ(fields.size(), values.size()) << line;
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(std::string(CsvText(fields[i])), values[i]) << line;
      // What a spreadsheet sees never starts a formula.
      if (!fields[i].empty()) {
        EXPECT_EQ(std::string("=+-@\t\r").find(fields[i][0]), std::string::npos) << line;
      }
    }
  }
}

}  // namespace
}  // namespace andel
