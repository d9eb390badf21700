// Log escaping: the characters core/text.h calls controls, bidirectional controls or invisible
// are escaped; other well-formed UTF-8 is kept as it is.
#include "core/log_text.h"

#include <cstdint>

#include "core/text.h"

namespace andel {
namespace {

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
      if (IsControlOrBidi(code_point) || IsInvisible(code_point)) {
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
