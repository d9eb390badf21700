// Sending one message to an SMTP relay (RFC 5321): the relay Andel's operator names, usually a
// mail server on the same machine or network that forwards with TLS. Plain SMTP, no login.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::mail {

struct SmtpSettings {
  std::string host;
  uint16_t port = 25;
  std::string from;  // the envelope and header sender
  std::string helo_name = "andel";
  int timeout_seconds = 30;  // for connecting and for each reply
};

// "host:port" or "host" (port 25). kInvalidArgument naming `field` otherwise.
Result<SmtpSettings> ParseSmtpRelay(std::string_view text, std::string_view field = "smtp");

// Delivers `message_text` (a whole RFC 5322 message) to `recipient` through the relay.
// kUnavailable if the relay cannot be reached or refuses; `where` names the step and the reply.
Status SendMail(const SmtpSettings& settings, const std::string& recipient,
                const std::string& message_text);

}  // namespace andel::mail
