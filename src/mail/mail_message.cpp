// Mail message formatting.
#include "mail/mail_message.h"

#include <ctime>

#include "core/date.h"

namespace andel::mail {

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned value = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(kAlphabet[(value >> 18) & 63]);
    out.push_back(kAlphabet[(value >> 12) & 63]);
    out.push_back(kAlphabet[(value >> 6) & 63]);
    out.push_back(kAlphabet[value & 63]);
  }
  if (i < bytes.size()) {
    unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(value >> 18) & 63]);
    out.push_back(kAlphabet[(value >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(value >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

std::string EncodeHeaderText(std::string_view text) {
  bool plain = true;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    plain = plain && byte >= 0x20 && byte < 0x7F;
  }
  if (plain) return std::string(text);
  // Encoded words hold at most 75 characters: 45 bytes of text each, cut between code points.
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.size(), start + 45);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

std::string DotStuff(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  bool line_start = true;
  for (char c : text) {
    if (line_start && c == '.') out.push_back('.');
    out.push_back(c);
    line_start = c == '\n';
  }
  return out;
}

std::string FormatMessage(const MailMessage& message, int64_t date_unix_seconds) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  const Date date = DateFromUnixSeconds(date_unix_seconds);
  int64_t day_index = date_unix_seconds / 86400;
  if (date_unix_seconds % 86400 < 0) --day_index;
  const int64_t seconds_of_day = date_unix_seconds - day_index * 86400;
  char date_text[64];
  std::snprintf(date_text, sizeof date_text, "%s, %d %s %04d %02d:%02d:%02d +0000",
                kDays[((day_index % 7) + 7) % 7], date.day, kMonths[date.month - 1], date.year,
                static_cast<int>(seconds_of_day / 3600), static_cast<int>(seconds_of_day / 60 % 60),
                static_cast<int>(seconds_of_day % 60));
  std::string text;
  text += "From: " + message.from + "\r\n";
  text += "To: " + message.to + "\r\n";
  text += "Subject: " + EncodeHeaderText(message.subject) + "\r\n";
  text += std::string("Date: ") + date_text + "\r\n";
  text += "Message-ID: <" + message.message_id + ">\r\n";
  text += "MIME-Version: 1.0\r\n";
  text += "Content-Type: text/plain; charset=UTF-8\r\n";
  text += "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string encoded = Base64(message.body);
  for (size_t i = 0; i < encoded.size(); i += 76) text += encoded.substr(i, 76) + "\r\n";
  return text;
}

}  // namespace andel::mail
