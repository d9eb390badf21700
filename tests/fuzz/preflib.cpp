// Feeds any bytes to the PrefLib reader (ReadPrefLib). Checks, for a file it accepts: every
// ballot's ranks lie within the candidates, and writing the profile (WritePrefLib) and reading
// it again gives the same candidates and the same voters.
#include "voting/preflib.h"

#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

using andel::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<andel::voting::Profile> profile =
      andel::voting::ReadPrefLib(andel::fuzz::Text(data, size));
  if (!profile) return 0;
  const int n = profile->candidate_count();
  for (size_t b = 0; b < profile->ballot_count(); ++b) {
    for (int c = 0; c < n; ++c)
      Check(profile->ranks(b)[c] <= n, "a rank lies within the candidates");
  }
  if (n > 200 || profile->ballot_count() > 1000) return 0;  // keep one input fast
  andel::Result<andel::voting::Profile> again =
      andel::voting::ReadPrefLib(andel::voting::WritePrefLib(*profile, "fuzz"));
  Check(again.has_value(), "what the writer writes, the reader reads");
  Check(again->candidate_ids() == profile->candidate_ids(), "the same candidates after writing");
  Check(again->voter_count() == profile->voter_count(), "the same voters after writing");
  return 0;
}
