// Time-based one-time passwords (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for
// two-step sign-in, on Debian's liboath, and the enrolment QR code on libqrencode. Pure
// functions: what an account has set up, and which code was used last, live in the store
// (store/second_factor_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace andel::web {

inline constexpr int64_t kTotpStepSeconds = 30;

// A new random secret of 160 bits (RFC 4226's recommended length), in base32 without padding:
// 32 characters an authenticator app accepts typed or scanned.
std::string NewTotpSecret();

// The 30-second step a code entered at `now` belongs to, if `code` (exactly six digits) is the
// code of `secret` for the step of `now` or one step either side (a clock up to 30 s off, or a
// code typed as it changed); nullopt otherwise, and for a malformed secret.
std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t now);

// The code of `secret` at `now` (for tests and for the operator's command line).
std::string TotpCode(std::string_view secret, int64_t now);

// The otpauth:// address an authenticator app reads from the QR code: the issuer names the
// server, the label the account.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

// `text` as a QR code: an SVG document (black modules on white, a four-module quiet zone), or an
// empty string if libqrencode cannot encode it.
std::string QrCodeSvg(std::string_view text);

// The secret in groups of four, for typing it by hand: "ABCD EFGH …".
std::string GroupForTyping(std::string_view secret);

}  // namespace andel::web
