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
      {"a\nb", "a\\nb"},
      {"a\r\nforged line", "a\\r\\nforged line"},
      {"tab\there", "tab\\there"},
      {"back\\slash", "back\\\\slash"},
      {"\x1B[31mred", "\\x1b[31mred"},
      {"bell\x07", "bell\\x07"},
      {std::string("nul\0x", 5), "nul\\x00x"},
      {"del\x7F", "del\\x7f"},
      {"c1\xC2\x9B", "c1\\u{009b}"},
      {"\xE2\x80\xAEreversed", "\\u{202e}reversed"},
      {"line\xE2\x80\xA8sep", "line\\u{2028}sep"},
      {"bad\xFFutf8", "bad\\xffutf8"},
      {"cut\xC3", "cut\\xc3"},
      {"\xF0\x9F\x8C\xB1", "\xF0\x9F\x8C\xB1"},
  };
  for (const Escape& e : kEscapes) {
    SCOPED_TRACE(ToHex(e.text));
    EXPECT_EQ(LogText(e.text), e.logged);
  }
}

}  // namespace
}  // namespace andel
