// TOTP on liboath and QR codes on libqrencode.
#include "web/accounts/totp.h"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace andel::web {
namespace {

constexpr unsigned kDigits = 6;
constexpr size_t kWindow = 1;  // steps either side of the current one
constexpr size_t kSecretBytes = 20;

void InitOath() {
  static std::once_flag once;
  std::call_once(once, [] { oath_init(); });
}

struct FreeDeleter {
  void operator()(char* p) const { std::free(p); }
};

// The secret's bytes, or nullopt if it is not base32.
std::optional<std::string> DecodeSecret(std::string_view secret) {
  if (secret.empty()) return std::nullopt;
  InitOath();
  char* raw = nullptr;
  size_t length = 0;
  if (oath_base32_decode(secret.data(), secret.size(), &raw, &length) != OATH_OK) {
    return std::nullopt;
  }
  std::unique_ptr<char, FreeDeleter> owned(raw);
  if (length == 0) return std::nullopt;
  return std::string(raw, length);
}

bool IsSixDigits(std::string_view code) {
  if (code.size() != kDigits) return false;
  for (const char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// RFC 3986 unreserved characters stay; everything else is percent-encoded.
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() {
  InitOath();
  std::array<char, kSecretBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  char* raw = nullptr;
  size_t length = 0;
  oath_base32_encode(bytes.data(), bytes.size(), &raw, &length);
  std::unique_ptr<char, FreeDeleter> owned(raw);
  sodium_memzero(bytes.data(), bytes.size());
  // 160 bits are exactly 32 base32 characters: no padding to strip.
  return std::string(raw, length);
}

std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t now) {
  if (!IsSixDigits(code)) return std::nullopt;
  const std::optional<std::string> key = DecodeSecret(secret);
  if (!key) return std::nullopt;
  const std::string otp(code);
  int position = 0;
  uint64_t counter = 0;
  const int result =
      oath_totp_validate3(key->data(), key->size(), static_cast<time_t>(now), kTotpStepSeconds, 0,
                          kWindow, &position, &counter, otp.c_str());
  if (result < 0) return std::nullopt;
  return static_cast<int64_t>(counter);
}

std::string TotpCode(std::string_view secret, int64_t now) {
  const std::optional<std::string> key = DecodeSecret(secret);
  if (!key) return {};
  std::array<char, kDigits + 1> code{};
  if (oath_totp_generate(key->data(), key->size(), static_cast<time_t>(now), kTotpStepSeconds, 0,
                         kDigits, code.data()) != OATH_OK) {
    return {};
  }
  return std::string(code.data(), kDigits);
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  // Key Uri Format: otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=… (the issuer twice, for
  // apps that read only one of them).
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) +
         "?secret=" + std::string(secret) + "&issuer=" + PercentEncode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

std::string QrCodeSvg(std::string_view text) {
  const std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
  if (!code) return {};
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int size = width + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each byte is the module's colour (1: dark).
      if (code->data[y * width + x] & 1) {
        path += 'M' + std::to_string(x + kQuiet) + ' ' + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  const std::string extent = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + extent + " " + extent +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + extent + "\" height=\"" + extent +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

std::string GroupForTyping(std::string_view secret) {
  std::string out;
  for (size_t i = 0; i < secret.size(); ++i) {
    if (i > 0 && i % 4 == 0) out += ' ';
    out += secret[i];
  }
  return out;
}

}  // namespace andel::web
