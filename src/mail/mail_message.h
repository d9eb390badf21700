// Mail messages as RFC 5322 text: UTF-8 subjects in RFC 2047 encoded words, a base64 body, so
// that Danish and Dutch text passes any relay unchanged. Pure: the date is a parameter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace andel::mail {

struct MailMessage {
  std::string from;        // an address
  std::string to;          // an address
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 plain text
  std::string message_id;  // unique, without angle brackets: "outbox-12@andel.example"
};

// The whole message: headers, a blank line and the body, lines ending in CRLF.
std::string FormatMessage(const MailMessage& message, int64_t date_unix_seconds);

// Base64 (RFC 4648, with padding).
std::string Base64(std::string_view bytes);

// `text` for a header: as it is if printable ASCII, else one or more =?UTF-8?B?…?= words.
std::string EncodeHeaderText(std::string_view text);

// Lines beginning with '.' get a second one, as SMTP's DATA requires (RFC 5321, 4.5.2).
std::string DotStuff(std::string_view text);

}  // namespace andel::mail
