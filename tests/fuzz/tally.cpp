// Counts what the PrefLib and CSV ballot readers accept (the input is read as both) with every
// method: the ranked ones on the profile, approval and score on the CSV cells, STV for one and
// two seats. The instance is bounded (16 candidates, 200 distinct ballots) so that one input
// runs in milliseconds. Checks the invariants of tally_checks.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "tally_checks.h"
#include "voting/cardinal.h"
#include "voting/csv_ballots.h"
#include "voting/preflib.h"

using andel::fuzz::Check;
namespace voting = andel::voting;

namespace {

constexpr voting::Method kRanked[] = {voting::Method::kPlurality,
                                      voting::Method::kBorda,
                                      voting::Method::kIrv,
                                      voting::Method::kSchulze,
                                      voting::Method::kSchulzeWinningVotes,
                                      voting::Method::kRankedPairs,
                                      voting::Method::kCopeland,
                                      voting::Method::kCondorcet,
                                      voting::Method::kStv};

bool Small(const voting::Profile& profile) {
  return profile.candidate_count() <= 16 && profile.ballot_count() <= 200;
}

void CountRanked(const voting::Profile& profile) {
  if (!Small(profile)) return;
  for (voting::Method method : kRanked) {
    for (int seats = 1; seats <= (method == voting::Method::kStv ? 2 : 1); ++seats) {
      voting::TallyOptions options;
      options.seats = seats;
      andel::Result<voting::TallyResult> result = voting::Count(profile, method, options);
      if (!result) continue;  // e.g. STV with more seats than candidates
      Check(result->method == method, "the result names its method");
      andel::fuzz::CheckTally(*result, profile.candidate_count(), profile.voter_count(), seats);
    }
  }
}

void CountCardinal(const voting::CsvBallots& ballots) {
  const int n = static_cast<int>(ballots.names.size());
  if (n > 16 || ballots.rows.size() > 200) return;
  int64_t voters = 0;
  for (const voting::CsvBallots::Row& row : ballots.rows) {
    if (__builtin_add_overflow(voters, row.count, &voters)) return;
  }
  if (andel::Result<std::vector<voting::ApprovalBallot>> approvals =
          voting::ApprovalBallots(ballots)) {
    andel::Result<voting::TallyResult> result = voting::CountApproval(n, *approvals);
    if (result) andel::fuzz::CheckTally(*result, n, voters, 1);
  }
  andel::Result<voting::TallyResult> result =
      voting::CountScore(n, voting::ScoreBallots(ballots), 10);
  if (result) andel::fuzz::CheckTally(*result, n, voters, 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = andel::fuzz::Text(data, size);
  if (andel::Result<voting::Profile> profile = voting::ReadPrefLib(text)) CountRanked(*profile);
  if (andel::Result<voting::CsvBallots> ballots = voting::ReadCsvBallots(text)) {
    if (andel::Result<voting::Profile> profile = voting::RankedProfile(*ballots)) {
      CountRanked(*profile);
    }
    CountCardinal(*ballots);
  }
  return 0;
}
