#include "core/text.h"

#include <gtest/gtest.h>

#include "core/date.h"

namespace andel {
namespace {

TEST(Utf8, AcceptsWellFormedAndRejectsMalformed) {
  struct Case {
    std::string text;
    bool valid;
  };
  const Case kCases[] = {{"", true},
                         {"plain ascii", true},
                         {"Ærø Å æøå", true},
                         {"coöperatie", true},
                         {"\xF0\x9F\x8C\xB1", true},
                         {"\xC3", false},
                         {"\xC0\xAF", false},          // overlong
                         {"\xED\xA0\x80", false},      // surrogate
                         {"\xF4\x90\x80\x80", false},  // past U+10FFFF
                         {"ok\xFFno", false}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(IsValidUtf8(c.text), c.valid);
  }
  EXPECT_EQ(FindInvalidUtf8("ok\xFFno"), 2u);
}

TEST(Utf8, DecodesOneCharacter) {
  char32_t c = 0;
  EXPECT_EQ(DecodeUtf8("a", c), 1u);
  EXPECT_EQ(c, U'a');
  EXPECT_EQ(DecodeUtf8("\xC3\xB8x", c), 2u);
  EXPECT_EQ(c, U'\u00F8');
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x8C\xB1", c), 4u);
  EXPECT_EQ(c, U'\U0001F331');
  EXPECT_EQ(DecodeUtf8("", c), 0u);
  EXPECT_EQ(DecodeUtf8("\xC0\x80", c), 0u);          // overlong
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", c), 0u);      // surrogate
  EXPECT_EQ(DecodeUtf8("\xF4\x90\x80\x80", c), 0u);  // beyond U+10FFFF
  EXPECT_EQ(DecodeUtf8("\xE2\x82", c), 0u);          // cut short
}

TEST(Utf8, InvisibleCharactersAreNotControls) {
  for (char32_t c : {U'\u200B', U'\u200D', U'\u200E', U'\u2028', U'\u2060', U'\uFEFF'}) {
    EXPECT_TRUE(IsInvisible(c));
    EXPECT_FALSE(IsControlOrBidi(c));
  }
  EXPECT_FALSE(IsInvisible(U'a'));
  EXPECT_FALSE(IsInvisible(U'\u202E'));  // an override: a control, see IsControlOrBidi
  EXPECT_TRUE(IsControlOrBidi(U'\u202E'));
}

TEST(Utf8, TruncatesOnlyBetweenCharacters) {
  struct Case {
    std::string text;
    size_t max_bytes;
    std::string want;
  };
  const Case kCases[] = {{"", 3, ""},
                         {"abc", 3, "abc"},
                         {"abcd", 3, "abc"},
                         {"a\xC3\xA6", 2, "a"},  // æ is two bytes
                         {"a\xC3\xA6", 3, "a\xC3\xA6"},
                         {"\xE2\x82\xAC\xE2\x82\xAC", 5, "\xE2\x82\xAC"},  // €€
                         {"\xF0\x9F\x8C\xB1"
                          "x",
                          3, ""},  // a four-byte letter
                         {"\xF0\x9F\x8C\xB1"
                          "x",
                          4, "\xF0\x9F\x8C\xB1"},
                         {"x", 0, ""}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text + " at " + std::to_string(c.max_bytes));
    EXPECT_EQ(TruncateUtf8(c.text, c.max_bytes), c.want);
  }
  // Every cut of a text of one-, two-, three- and four-byte letters stays valid and maximal.
  const std::string mixed =
      "a\xC3\xA6\xE2\x82\xAC\xF0\x9F\x8C\xB1"
      "b\xC3\xB8";
  for (size_t max = 0; max <= mixed.size() + 1; ++max) {
    const std::string_view cut = TruncateUtf8(mixed, max);
    EXPECT_TRUE(IsValidUtf8(cut)) << max;
    EXPECT_LE(cut.size(), max);
    EXPECT_GE(cut.size() + 3, std::min(max, mixed.size())) << max;
  }
}

TEST(FoldCase, FoldsDanishAndDutchLetters) {
  EXPECT_EQ(FoldCase("ÆRØ Åse"), "ærø åse");
  EXPECT_EQ(FoldCase("COÖPERATIE"), "coöperatie");
  EXPECT_EQ(FoldCase("Łódź"), "łódź");
  EXPECT_EQ(FoldCase("ŹŸ"), "źŸ");
}

TEST(Email, PlausibleAddresses) {
  EXPECT_TRUE(IsPlausibleEmail("mette@example.dk"));
  EXPECT_FALSE(IsPlausibleEmail("mette@example"));
  EXPECT_FALSE(IsPlausibleEmail("@example.dk"));
  EXPECT_FALSE(IsPlausibleEmail("a b@example.dk"));
  EXPECT_FALSE(IsPlausibleEmail("a@@example.dk"));
}

TEST(Slug, Rules) {
  EXPECT_TRUE(IsValidSlug("aarhus-partnerskab"));
  EXPECT_FALSE(IsValidSlug("a"));
  EXPECT_FALSE(IsValidSlug("-x"));
  EXPECT_FALSE(IsValidSlug("Caps"));
  EXPECT_FALSE(IsValidSlug("æble"));
}

TEST(Date, ParsesRealDaysOnly) {
  EXPECT_TRUE(ParseIsoDate("2024-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2023-1-01").has_value());
  EXPECT_EQ(FormatIsoDate(*ParseIsoDate("2026-11-22")), "2026-11-22");
}

TEST(Date, FromUnixSecondsMatchesBruteForceDayCount) {
  // Property: walking day by day from 1970-01-01 agrees with the closed formula.
  Date walked{1970, 1, 1};
  for (int64_t day = 0; day < 40000; ++day) {
    ASSERT_EQ(DateFromUnixSeconds(day * 86400 + 3600), walked) << "day " << day;
    if (++walked.day > DaysInMonth(walked.year, walked.month)) {
      walked.day = 1;
      if (++walked.month > 12) {
        walked.month = 1;
        ++walked.year;
      }
    }
  }
}

}  // namespace
}  // namespace andel
