// libsodium wrappers.
#include "web/security.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace andel::web {

Status InitSecurity() {
  if (sodium_init() < 0) return Error::Internal("libsodium could not be initialised");
  return {};
}

Result<std::string> HashPassword(std::string_view password) {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::Unavailable("the server is busy; please try again");
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status ValidatePassword(std::string_view password, std::string_view field) {
  if (!IsValidUtf8(password)) {
    return Error::InvalidArgument("the text is not valid UTF-8", std::string(field));
  }
  if (CodePointCount(password) < 10) {
    return Error::InvalidArgument("a password needs at least 10 characters", std::string(field));
  }
  if (password.size() > 1024) {
    return Error::InvalidArgument("a password can have at most 1024 bytes", std::string(field));
  }
  return {};
}

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return encoded;
}

std::string RandomCode(int groups) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  // One call for all the bytes; 32 divides 256, so the low five bits of a byte are uniform.
  unsigned char bytes[64];
  const size_t count = std::min<size_t>(sizeof bytes, static_cast<size_t>(groups) * 4);
  randombytes_buf(bytes, count);
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    if (i && i % 4 == 0) out += '-';
    out += kAlphabet[bytes[i] & 31];
  }
  return out;
}

std::string NormaliseCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string HashToken(std::string_view token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string CsrfToken(std::string_view secret_key, std::string_view cookie_value) {
  unsigned char digest[24];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(cookie_value.data()),
                     cookie_value.size(), reinterpret_cast<const unsigned char*>(secret_key.data()),
                     std::min<size_t>(secret_key.size(), crypto_generichash_KEYBYTES_MAX));
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace andel::web
