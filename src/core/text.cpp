// UTF-8 decoding follows RFC 3629 and table 3-7 of the Unicode standard: overlong forms,
// surrogates and values beyond U+10FFFF are not UTF-8.
#include "core/text.h"

namespace andel {

size_t FindInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const size_t length = DecodeUtf8(text.substr(i), code_point);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool IsValidUtf8(std::string_view text) { return FindInvalidUtf8(text) == std::string_view::npos; }

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string ToLowerAscii(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

std::string FoldCase(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 'A' && byte <= 'Z') {
      folded.push_back(static_cast<char>(byte - 'A' + 'a'));
      continue;
    }
    if ((byte == 0xC3 || byte == 0xC4 || byte == 0xC5) && i + 1 < text.size()) {
      unsigned code = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      if (code >= 0xC0 && code <= 0xDE && code != 0xD7) {
        code += 0x20;  // Latin-1 capitals sit 0x20 below their small letters
      } else if (code >= 0x100 && code <= 0x17F && code != 0x130 && code != 0x131 &&
                 code != 0x138 && code != 0x149 && code != 0x178 && code != 0x17F) {
        // Latin Extended-A pairs capital/small on even/odd code points, with the run
        // U+0139-U+0148 and U+0179-U+017E shifted by one.
        const bool odd_run = (code >= 0x139 && code <= 0x148) || (code >= 0x179 && code <= 0x17E);
        if (odd_run ? (code % 2 == 1) : (code % 2 == 0)) ++code;
      }
      folded.push_back(static_cast<char>(0xC0 | (code >> 6)));
      folded.push_back(static_cast<char>(0x80 | (code & 0x3F)));
      ++i;
      continue;
    }
    folded.push_back(static_cast<char>(byte));
  }
  return folded;
}

bool IsPlausibleEmail(std::string_view text) {
  if (text.size() < 3 || text.size() > 254) return false;
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : text) {
    if (c == ' ' || c == '<' || c == '>' || c == ',') return false;
  }
  return IsValidUtf8(text) && !ContainsControlOrBidi(text);
}

size_t DecodeUtf8(std::string_view text, char32_t& code_point) {
  if (text.empty()) return 0;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if (lead >= 0xc2 && lead <= 0xdf) {
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

bool IsControlOrBidi(char32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F) ||
         (code_point >= 0x202A && code_point <= 0x202E) ||
         (code_point >= 0x2066 && code_point <= 0x2069);
}

bool IsInvisible(char32_t code_point) {
  return code_point == 0x061C || (code_point >= 0x200B && code_point <= 0x200F) ||
         code_point == 0x2028 || code_point == 0x2029 ||
         (code_point >= 0x2060 && code_point <= 0x2065) || code_point == 0xFEFF;
}

bool ContainsControlOrBidi(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    char32_t code_point = 0;
    const size_t length = DecodeUtf8(text.substr(i), code_point);
    if (length == 0) {
      ++i;  // not UTF-8: the callers refuse it on that ground
      continue;
    }
    if (IsControlOrBidi(code_point)) return true;
    i += length;
  }
  return false;
}

bool IsValidSlug(std::string_view text) {
  if (text.size() < 2 || text.size() > 60) return false;
  if (text.front() == '-' || text.back() == '-') return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string_view TruncateUtf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  // The first byte left out continues a sequence: the sequence starts before the cut, so it
  // goes too (at most three bytes back in valid UTF-8; never past the start).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      pieces.push_back(text.substr(start));
      return pieces;
    }
    pieces.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

std::string ToHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kDigits[byte >> 4]);
    hex.push_back(kDigits[byte & 0xF]);
  }
  return hex;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  if (from.empty()) return text;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

}  // namespace andel
