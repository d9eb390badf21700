// Numbers as people write them: ReadNumber reads back what FormatDecimal writes in every
// language, and the ways Danes, Dutch and English write amounts by hand.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "web/i18n.h"

namespace andel::web {
namespace {

TEST(ReadNumber, ReadsWhatPeopleWriteInEachLanguage) {
  EXPECT_EQ(ReadNumber("da", "50.000,50"), "50000.50");
  EXPECT_EQ(ReadNumber("nl", "50.000,50"), "50000.50");
  EXPECT_EQ(ReadNumber("en", "50,000.50"), "50000.50");
  EXPECT_EQ(ReadNumber("da", "50.000"), "50000");
  EXPECT_EQ(ReadNumber("da", "1.234.567"), "1234567");
  EXPECT_EQ(ReadNumber("da", "12500,5"), "12500.5");
  EXPECT_EQ(ReadNumber("da", "12500.50"), "12500.50") << "a point before two digits is decimal";
  EXPECT_EQ(ReadNumber("en", "12,5"), "12.5") << "a comma before one digit is decimal";
  EXPECT_EQ(ReadNumber("en", "1,000"), "1000");
  EXPECT_EQ(ReadNumber("da", "1,000"), "1.000");
  EXPECT_EQ(ReadNumber("da", " 12 500,50 "), "12500.50");
  EXPECT_EQ(ReadNumber("da", "12\u00a0500"), "12500");
  EXPECT_EQ(ReadNumber("da", "-3,5"), "-3.5");
  // Not numbers as anyone writes them: left for the reader to refuse, trimmed.
  EXPECT_EQ(ReadNumber("da", " lots "), "lots");
  EXPECT_EQ(ReadNumber("da", "1.00.000"), "1.00.000");
  EXPECT_EQ(ReadNumber("da", "1,5,5"), "1,5,5");
  EXPECT_EQ(ReadNumber("en", "1.5.5"), "1.5.5");
  EXPECT_EQ(ReadNumber("da", "12,"), "12,");
  EXPECT_EQ(ReadNumber("da", ""), "");
}

// What FormatDecimal writes for a random plain decimal, ReadNumber reads back exactly.
TEST(ReadNumber, ReadsBackWhatFormatDecimalWrites) {
  std::mt19937_64 random(4);
  for (int round = 0; round < 5000; ++round) {
    std::string plain = random() % 5 == 0 ? "-" : "";
    plain += std::to_string(random() % 1000000000000ULL);
    if (random() % 2) plain += "." + std::to_string(random() % 100);
    for (const char* language : {"da", "nl", "en"}) {
      EXPECT_EQ(ReadNumber(language, FormatDecimal(language, plain)), plain)
          << language << ": " << FormatDecimal(language, plain);
    }
  }
}

}  // namespace
}  // namespace andel::web
