// Feeds any bytes to OpenFlash as the cookie a browser sends back, and seals the bytes as a
// flash's value to open them again.
// Checks: bytes that were not sealed under the server's secret never open; a sealed flash opens to
// exactly what was sealed, only on its page, for its person and before it expires.
#include "web/flash.h"

#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

using andel::fuzz::Check;
namespace web = andel::web;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = sodium_init() >= 0;
  Check(ready, "libsodium starts");
  const std::string text(andel::fuzz::Text(data, size));
  constexpr int64_t kNow = 1790000000;
  const std::string secret = "the server's secret";
  Check(!web::OpenFlash(secret, text, "/p", 7, kNow), "unsealed bytes never open");
  const std::string sealed = web::SealFlash(
      secret, {.path = "/p", .person = 7, .until = kNow + 60, .values = {{"v", text}}});
  const std::optional<web::FlashValues> opened = web::OpenFlash(secret, sealed, "/p", 7, kNow);
  Check(opened && opened->size() == 1 && opened->at("v") == text, "a flash opens to what it held");
  Check(!web::OpenFlash(secret, sealed, "/q", 7, kNow), "only on its page");
  Check(!web::OpenFlash(secret, sealed, "/p", 8, kNow), "only for its person");
  Check(!web::OpenFlash(secret, sealed, "/p", 7, kNow + 61), "only until it expires");
  Check(!web::OpenFlash("another secret", sealed, "/p", 7, kNow), "only under its secret");
  return 0;
}
