// Log escaping: a small UTF-8 decoder decides which sequences are kept as they are.
#include "core/log_text.h"

#include <cstdint>

namespace andel {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `text` and its code point, or 0
// if it is not one (overlong forms, surrogates and values beyond U+10FFFF included).
size_t DecodeUtf8(std::string_view text, char32_t& code_point) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = 0;
  char32_t min = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1f;
    min = 0x80;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0f;
    min = 0x800;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i) & 0x3f);
  }
  if (code_point < min || code_point > 0x10ffff) return 0;
  if (code_point >= 0xd800 && code_point <= 0xdfff) return 0;
  return length;
}

// Characters that are invisible or change the direction of the text around them.
bool IsHiddenOrControl(char32_t c) {
  return (c >= 0x80 && c <= 0x9f) || c == 0x061c || (c >= 0x200b && c <= 0x200f) ||
         (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c == 0xfeff;
}

void AppendHex(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out.push_back(kDigits[byte >> 4]);
  out.push_back(kDigits[byte & 0x0f]);
}

std::string Escape(std::string_view text, bool keep_spaces) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if ((byte == ' ' && !keep_spaces) || byte < 0x20 || byte == 0x7f || byte == '\\' ||
          byte == '"') {
        AppendHex(out, byte);
      } else {
        out.push_back(static_cast<char>(byte));
      }
      ++i;
      continue;
    }
    char32_t code_point = 0;
    const size_t length = DecodeUtf8(text.substr(i), code_point);
    if (length == 0) {
      AppendHex(out, byte);
      ++i;
      continue;
    }
    for (size_t k = 0; k < length; ++k) {
      const auto part = static_cast<unsigned char>(text[i + k]);
      if (IsHiddenOrControl(code_point)) {
        AppendHex(out, part);
      } else {
        out.push_back(static_cast<char>(part));
      }
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string LogField(std::string_view text) {
  if (text.empty()) return "-";
  return Escape(text, false);
}

std::string LogText(std::string_view text) { return Escape(text, true); }

}  // namespace andel
