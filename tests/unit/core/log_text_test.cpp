// Finding control characters and bidirectional controls, and escaping them in log lines.
#include "core/log_text.h"

#include <gtest/gtest.h>

#include <string>

#include "control_cases.h"
#include "core/text.h"

namespace andel {
namespace {

using test_cases::Case;
using test_cases::kCharacters;

TEST(ControlCharacters, FoundWhereverTheyStand) {
  for (const Case& c : kCharacters) {
    SCOPED_TRACE(ToHex(c.character));
    EXPECT_EQ(ContainsControlOrBidi(c.character), c.unsafe);
    EXPECT_EQ(ContainsControlOrBidi("Mette " + c.character + " Hansen"), c.unsafe);
    EXPECT_EQ(ContainsControlOrBidi("Mette" + c.character), c.unsafe);
  }
  EXPECT_TRUE(IsControlOrBidi(U'\u009F'));
  EXPECT_FALSE(IsControlOrBidi(U'\u00A0'));
  EXPECT_TRUE(IsControlOrBidi(U'\u2067'));
  EXPECT_FALSE(IsControlOrBidi(U'\u206A'));
}

TEST(LogText, EscapesWhatCouldForgeALine) {
  struct Escape {
    std::string text;
    std::string logged;
  };
  const Escape kEscapes[] = {
      {"mette@example.dk", "mette@example.dk"},
      {"søren@eksempel.dk", "søren@eksempel.dk"},
      {"a\nb", "a\\x0ab"},
      {"a\r\nforged line", "a\\x0d\\x0aforged line"},
      {"tab\there", "tab\\x09here"},
      {"back\\slash", "back\\x5cslash"},
      {"\x1B[31mred", "\\x1b[31mred"},
      {"bell\x07", "bell\\x07"},
      {std::string("nul\0x", 5), "nul\\x00x"},
      {"del\x7F", "del\\x7f"},
      {"c1\xC2\x9B", "c1\\xc2\\x9b"},
      {"\xE2\x80\xAEreversed", "\\xe2\\x80\\xaereversed"},
      {"line\xE2\x80\xA8sep", "line\\xe2\\x80\\xa8sep"},
      {"bad\xFFutf8", "bad\\xffutf8"},
      {"cut\xC3", "cut\\xc3"},
      {"\xF0\x9F\x8C\xB1", "\xF0\x9F\x8C\xB1"},
      {"", ""},
  };
  for (const Escape& e : kEscapes) {
    SCOPED_TRACE(ToHex(e.text));
    EXPECT_EQ(LogText(e.text), e.logged);
  }
}

TEST(LogText, EscapesEveryUnsafeCharacterOfTheNameTable) {
  for (const Case& c : kCharacters) {
    SCOPED_TRACE(ToHex(c.character));
    if (c.unsafe) {
      EXPECT_EQ(LogText(c.character).find(c.character), std::string::npos);
    }
  }
}

TEST(LogField, KeepsPrintableTextAndLetters) {
  EXPECT_EQ(LogField("/c/open-coop/funds/3?x=1"), "/c/open-coop/funds/3?x=1");
  EXPECT_EQ(LogField("/c/åben-andel/ørsted"), "/c/åben-andel/ørsted");
  EXPECT_EQ(LogField(""), "-");
}

TEST(LogField, EscapesWhatBreaksALineOrAField) {
  EXPECT_EQ(LogField("/a\nforged"), "/a\\x0aforged");
  EXPECT_EQ(LogField("/a\r\n"), "/a\\x0d\\x0a");
  EXPECT_EQ(LogField("/a status=500"), "/a\\x20status=500");
  EXPECT_EQ(LogField("a\\x0a"), "a\\x5cx0a");  // a literal backslash cannot fake an escape
  EXPECT_EQ(LogField("say \"hi\""), "say\\x20\\x22hi\\x22");
}

TEST(LogField, EscapesTerminalControlsAndBytesThatAreNotUtf8) {
  EXPECT_EQ(LogField("\x1b[31mred\x07"), "\\x1b[31mred\\x07");
  EXPECT_EQ(LogField(std::string_view("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(LogField("\x7f"), "\\x7f");
  EXPECT_EQ(LogField("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(LogField("\xc3"), "\\xc3");                    // a letter cut short
  EXPECT_EQ(LogField("\xc0\xaf"), "\\xc0\\xaf");           // an overlong '/'
  EXPECT_EQ(LogField("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(LogField("\xc2\x9b"), "\\xc2\\x9b");           // C1 control (CSI)
}

TEST(LogField, EscapesInvisibleAndDirectionChangingCharacters) {
  EXPECT_EQ(LogField("a\u202eb"), "a\\xe2\\x80\\xaeb");  // right-to-left override
  EXPECT_EQ(LogField("a\u2066b"), "a\\xe2\\x81\\xa6b");  // left-to-right isolate
  EXPECT_EQ(LogField("a\u200bb"), "a\\xe2\\x80\\x8bb");  // zero-width space
  EXPECT_EQ(LogField("a\u2028b"), "a\\xe2\\x80\\xa8b");  // line separator
  EXPECT_EQ(LogField("\ufeff"), "\\xef\\xbb\\xbf");
}

}  // namespace
}  // namespace andel
