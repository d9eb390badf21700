// Feeds any bytes to `andel tally --verify` as an export's text (VerifyExportText): the reader of
// the decision export (ReadDecisionExport), the recount with the method it names, and the
// comparison. Checks: the answer is 0, 1 or 2; an export that does not parse as JSON, or that the
// reader refuses, is refused (2); an export that reads is written and read back the same.
#include "app/tally_verify.h"

#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <sstream>

#include "decisions/export.h"
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
  andel::Result<andel::decisions::DecisionExport> read = andel::decisions::ReadDecisionExport(text);
  if (!read) {
    Check(code == 2, "an export the reader refuses is refused");
    return 0;
  }
  andel::Result<andel::decisions::DecisionExport> again =
      andel::decisions::ReadDecisionExport(andel::decisions::WriteDecisionExport(*read));
  Check(again.has_value() && *again == *read, "an export reads back as it is written");
  return 0;
}
