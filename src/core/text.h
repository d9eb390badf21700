// UTF-8 text helpers shared by every layer: validation, trimming, simple normalisation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace andel {

// True if `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Offset of the first byte of the first malformed sequence, or npos if `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view text);

// ASCII letters lowered; other bytes unchanged (emails, codes, slugs).
std::string ToLowerAscii(std::string_view text);

// Lower-cases ASCII and the Latin letters of U+00C0-U+017F (Æ→æ, Ø→ø, Å→å, É→é, Ĳ→ĳ) for
// case-insensitive search; other code points unchanged. `text` must be valid UTF-8.
std::string FoldCase(std::string_view text);

// A plausible email address: valid UTF-8 with one '@', a non-empty local part, a dotted
// domain, no spaces, no '<', '>' or ',', and nothing that ContainsControlOrBidi finds.
bool IsPlausibleEmail(std::string_view text);

// True for a control character (C0 U+0000-U+001F, DEL U+007F, C1 U+0080-U+009F) or a
// bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069): characters
// that make a name or address show as something it is not, or rewrite a terminal or log line.
bool IsControlOrBidi(char32_t code_point);

// True for a character that shows as nothing or breaks a line without being a control: the
// Arabic letter mark, zero-width space, non-joiner and joiner, the left-to-right and
// right-to-left marks (U+061C, U+200B-U+200F), the line and paragraph separators (U+2028,
// U+2029), the word joiner and invisible operators (U+2060-U+2065) and the byte order mark.
// Names may hold them (a joiner in an emoji or a Persian name, a mark in mixed-direction text);
// log lines escape them with the characters above.
bool IsInvisible(char32_t code_point);

// The length of the well-formed UTF-8 sequence at the start of `text` and its code point, or 0
// if there is none (empty text, overlong forms, surrogates and values beyond U+10FFFF included).
size_t DecodeUtf8(std::string_view text, char32_t& code_point);

// True if `text` holds a character for which IsControlOrBidi is true (bytes that are not UTF-8
// are passed over: IsValidUtf8 judges them).
bool ContainsControlOrBidi(std::string_view text);

// A slug: 2-60 characters of a-z, 0-9 and '-', not starting or ending with '-'.
bool IsValidSlug(std::string_view text);

// Number of Unicode code points in valid UTF-8 text.
size_t CodePointCount(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence, so that valid UTF-8 stays valid when cut to fit a column.
std::string_view TruncateUtf8(std::string_view text, size_t max_bytes);

// `text` split on `separator`; empty pieces kept.
std::vector<std::string_view> Split(std::string_view text, char separator);
// `text` with every `from` replaced by `to` (left to right, not again inside what was put in).
std::string ReplaceAll(std::string text, std::string_view from, std::string_view to);

// Lower-case hexadecimal form of bytes.
std::string ToHex(std::string_view bytes);

}  // namespace andel
