// Escaping for log lines.
#include "core/log_text.h"

#include "core/text.h"

namespace andel {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendByte(std::string& out, unsigned char byte) {
  out += "\\x";
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0xF]);
}

// The length of the valid UTF-8 sequence at the start of `text`, or 0 if it is not one.
size_t SequenceLength(std::string_view text) {
  const auto byte = static_cast<unsigned char>(text[0]);
  const size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  if (length > text.size() || !IsValidUtf8(text.substr(0, length))) return 0;
  return length;
}

char32_t Decode(std::string_view sequence) {
  const auto byte = static_cast<unsigned char>(sequence[0]);
  if (sequence.size() == 1) return byte;
  char32_t code = byte & (0x7F >> sequence.size());
  for (size_t i = 1; i < sequence.size(); ++i) {
    code = (code << 6) | (static_cast<unsigned char>(sequence[i]) & 0x3F);
  }
  return code;
}

}  // namespace

std::string LogText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const size_t length = SequenceLength(text);
    if (length == 0) {
      AppendByte(out, static_cast<unsigned char>(text[0]));
      text.remove_prefix(1);
      continue;
    }
    const std::string_view sequence = text.substr(0, length);
    text.remove_prefix(length);
    const char32_t code = Decode(sequence);
    if (code == '\n') {
      out += "\\n";
    } else if (code == '\r') {
      out += "\\r";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code == '\\') {
      out += "\\\\";
    } else if (code < 0x80 && IsControlOrBidi(code)) {
      AppendByte(out, static_cast<unsigned char>(code));
    } else if (IsControlOrBidi(code) || code == 0x2028 || code == 0x2029) {
      out += "\\u{";
      for (int shift = 12; shift >= 0; shift -= 4) {
        out.push_back(kHex[(code >> shift) & 0xF]);
      }
      out += "}";
    } else {
      out.append(sequence);
    }
  }
  return out;
}

}  // namespace andel
