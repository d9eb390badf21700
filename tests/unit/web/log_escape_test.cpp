// Log escaping: outside input stays one field on one line and cannot act on a terminal.
#include "web/log_escape.h"

#include <gtest/gtest.h>

namespace andel::web {
namespace {

TEST(LogEscape, KeepsPrintableTextAndLetters) {
  EXPECT_EQ(LogEscape("/c/open-coop/funds/3?x=1"), "/c/open-coop/funds/3?x=1");
  EXPECT_EQ(LogEscape("/c/åben-andel/ørsted"), "/c/åben-andel/ørsted");
  EXPECT_EQ(LogEscape(""), "-");
}

TEST(LogEscape, EscapesWhatBreaksALineOrAField) {
  EXPECT_EQ(LogEscape("/a\nforged"), "/a\\x0aforged");
  EXPECT_EQ(LogEscape("/a\r\n"), "/a\\x0d\\x0a");
  EXPECT_EQ(LogEscape("/a status=500"), "/a\\x20status=500");
  EXPECT_EQ(LogEscape("a\\x0a"), "a\\x5cx0a");  // a literal backslash cannot fake an escape
  EXPECT_EQ(LogEscape("say \"hi\""), "say\\x20\\x22hi\\x22");
}

TEST(LogEscape, EscapesTerminalControlsAndBytesThatAreNotUtf8) {
  EXPECT_EQ(LogEscape("\x1b[31mred\x07"), "\\x1b[31mred\\x07");
  EXPECT_EQ(LogEscape(std::string_view("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(LogEscape("\x7f"), "\\x7f");
  EXPECT_EQ(LogEscape("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(LogEscape("\xc3"), "\\xc3");                    // a letter cut short
  EXPECT_EQ(LogEscape("\xc0\xaf"), "\\xc0\\xaf");           // an overlong '/'
  EXPECT_EQ(LogEscape("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(LogEscape("\xc2\x9b"), "\\xc2\\x9b");           // C1 control (CSI)
}

TEST(LogEscape, EscapesInvisibleAndDirectionChangingCharacters) {
  EXPECT_EQ(LogEscape("a\u202eb"), "a\\xe2\\x80\\xaeb");  // right-to-left override
  EXPECT_EQ(LogEscape("a\u2066b"), "a\\xe2\\x81\\xa6b");  // left-to-right isolate
  EXPECT_EQ(LogEscape("a\u200bb"), "a\\xe2\\x80\\x8bb");  // zero-width space
  EXPECT_EQ(LogEscape("a\u2028b"), "a\\xe2\\x80\\xa8b");  // line separator
  EXPECT_EQ(LogEscape("\ufeff"), "\\xef\\xbb\\xbf");
}

TEST(LogText, KeepsSpacesButEscapesTheRest) {
  EXPECT_EQ(LogText("no such table: x\nforged"), "no such table: x\\x0aforged");
  EXPECT_EQ(LogText(""), "");
}

}  // namespace
}  // namespace andel::web
