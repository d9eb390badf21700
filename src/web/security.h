// Secrets: Argon2id password hashes, random tokens and their stored hashes, CSRF tokens, and
// constant-time comparison. All on libsodium.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::web {

// Initialises libsodium; call once at start-up. kInternal if it cannot.
Status InitSecurity();

// An Argon2id hash string (libsodium's interactive limits), or kUnavailable if memory is short.
Result<std::string> HashPassword(std::string_view password);
// True if `password` matches `hash`; false for an empty or malformed hash.
bool VerifyPassword(std::string_view password, const std::string& hash);
// 10-1024 bytes of valid UTF-8; kInvalidArgument naming `field` otherwise.
Status ValidatePassword(std::string_view password, std::string_view field = "password");

// 256 random bits, URL-safe base64 without padding (43 characters).
std::string RandomToken();
// A code people can copy by hand: `groups` groups of four characters of Crockford's base32
// (no I, L, O or U), joined by '-': 20 random bits per group. "7K2M-XQ4D-…"
std::string RandomCode(int groups);
// A code as typed: upper-cased, spaces and dashes removed.
std::string NormaliseCode(std::string_view code);
// The hex BLAKE2b-256 of a token: what the database stores instead of the token.
std::string HashToken(std::string_view token);
// The CSRF token bound to a session or visitor cookie under the server's secret key.
std::string CsrfToken(std::string_view secret_key, std::string_view cookie_value);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace andel::web
