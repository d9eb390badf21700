// Feeds any bytes to `andel tally --verify` as an export's text (VerifyExportText): the JSON
// reader of the decision export, the recount with the method it names, and the comparison.
// Checks: the answer is 0, 1 or 2, and an export that does not parse as JSON is refused (2).
#include "app/tally_verify.h"

#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "fuzz_support.h"

using andel::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = andel::fuzz::Text(data, size);
  std::ostringstream out;
  std::ostringstream err;
  const int code = andel::app::VerifyExportText(text, out, err);
  Check(code >= 0 && code <= 2, "the answer is 0, 1 or 2");
  boost::json::error_code ec;
  boost::json::value parsed = boost::json::parse(text, ec);
  if (ec || !parsed.is_object()) Check(code == 2, "an export that is not JSON is refused");
  return 0;
}
