// Feeds any bytes to what reads the code typed at the second step of a sign-in: NormaliseCode,
// then MatchTotp against a fixed secret (and the bytes as a secret themselves), and QrCodeSvg
// for the enrolment QR code of an account named by the bytes.
// Checks: only six ASCII digits ever match, a match is within a step of the time, and the QR
// code is an SVG document or nothing.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "web/accounts/totp.h"
#include "web/security.h"

using andel::fuzz::Check;
namespace web = andel::web;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = sodium_init() >= 0;
  Check(ready, "libsodium starts");
  const std::string text(andel::fuzz::Text(data, size));
  constexpr int64_t kNow = 1790000000;
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  const std::string code = web::NormaliseCode(text);
  if (const std::optional<int64_t> step = web::MatchTotp(secret, code, kNow)) {
    Check(code.size() == 6, "only six characters match");
    for (const char c : code) Check(c >= '0' && c <= '9', "only digits match");
    Check(*step >= kNow / 30 - 1 && *step <= kNow / 30 + 1, "a match is within a step");
  }
  web::MatchTotp(text, "123456", kNow);
  web::TotpCode(text, kNow);
  const std::string svg = web::QrCodeSvg(web::TotpUri("Andel (fuzz.example)", text, secret));
  Check(svg.empty() || (svg.starts_with("<svg ") && svg.ends_with("</svg>")),
        "a QR code is an SVG document or nothing");
  return 0;
}
