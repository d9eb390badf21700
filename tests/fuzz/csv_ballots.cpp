// Feeds any bytes to the CSV ballot reader (ReadCsvBallots) and reads what it accepts as
// rankings, approvals and scores. Checks: rows have one cell per candidate, and ranked ballots
// written back (WriteCsvBallots) read again to the same candidates and voters.
#include "voting/csv_ballots.h"

#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

using andel::fuzz::Check;
namespace voting = andel::voting;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<voting::CsvBallots> ballots = voting::ReadCsvBallots(andel::fuzz::Text(data, size));
  if (!ballots) return 0;
  for (const voting::CsvBallots::Row& row : ballots->rows) {
    Check(row.cells.size() == ballots->names.size(), "one cell per candidate");
    Check(row.count >= 1, "a count is at least 1");
  }
  andel::Result<std::vector<voting::ApprovalBallot>> approvals = voting::ApprovalBallots(*ballots);
  std::vector<voting::ScoreBallot> scores = voting::ScoreBallots(*ballots);
  Check(scores.size() == ballots->rows.size(), "one score ballot per row");
  andel::Result<voting::Profile> profile = voting::RankedProfile(*ballots);
  if (!profile || profile->candidate_count() > 200 || profile->ballot_count() > 1000) return 0;
  andel::Result<voting::CsvBallots> again =
      voting::ReadCsvBallots(voting::WriteCsvBallots(*profile));
  Check(again.has_value(), "what the writer writes, the reader reads");
  andel::Result<voting::Profile> profile_again = voting::RankedProfile(*again);
  Check(profile_again.has_value(), "written rankings read as rankings");
  Check(profile_again->names() == profile->names(), "the same candidates after writing");
  Check(profile_again->voter_count() == profile->voter_count(), "the same voters after writing");
  return 0;
}
