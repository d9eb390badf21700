// Characters to refuse in addresses and names (controls, bidirectional overrides and
// isolates) and characters to keep, for the tests of text.h and log_text.h.
#pragma once

#include <string>

namespace andel::test_cases {

// Each case holds one character among safe text; `unsafe` says whether it must be refused.
struct Case {
  std::string character;
  bool unsafe;
};

inline const Case kCharacters[] = {
    {"a", false},
    {"\xC3\xA6", false},          // æ
    {"\xC3\xB8", false},          // ø
    {"\xE2\x82\xAC", false},      // €
    {"\xF0\x9F\x8C\xB1", false},  // 🌱
    {"\xE2\x80\x8E", false},      // U+200E left-to-right mark: a mark, not an override
    {"\xC2\xA0", false},          // U+00A0 no-break space, just past C1
    {std::string(1, '\0'), true},
    {"\x07", true},          // BEL
    {"\x08", true},          // BS
    {"\x0B", true},          // VT
    {"\x1B", true},          // ESC
    {"\x1F", true},          // US
    {"\x7F", true},          // DEL
    {"\xC2\x80", true},      // U+0080 (C1)
    {"\xC2\x85", true},      // U+0085 next line
    {"\xC2\x9B", true},      // U+009B control sequence introducer
    {"\xC2\x9F", true},      // U+009F (C1)
    {"\xE2\x80\xAA", true},  // U+202A left-to-right embedding
    {"\xE2\x80\xAE", true},  // U+202E right-to-left override
    {"\xE2\x81\xA6", true},  // U+2066 left-to-right isolate
    {"\xE2\x81\xA9", true},  // U+2069 pop directional isolate
};

}  // namespace andel::test_cases
