// Ballots in a spreadsheet: a header row with the candidates' names (and optionally a first
// column "count"), then one row per ballot (or per group of identical ballots). A cell holds a
// rank (1 is first, equal numbers tie, empty is unranked), an approval (1 or 0/empty) or a
// score, depending on the method.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "voting/cardinal.h"
#include "voting/profile.h"

namespace andel::voting {

struct CsvBallots {
  std::vector<std::string> names;
  size_t first_column = 0;  // 1 when the file has a count column, so errors name file columns
  struct Row {
    size_t line = 0;
    int64_t count = 1;
    std::vector<std::optional<int64_t>> cells;  // one per candidate; empty cells are nullopt
  };
  std::vector<Row> rows;
};

// kInvalidArgument with "line L, column C" for a cell that is not a whole number, a count below
// 1, a row of the wrong length, or a file without candidates.
Result<CsvBallots> ReadCsvBallots(std::string_view text);

// Ranks (1 first; equal numbers tie). kInvalidArgument for a rank below 1.
Result<Profile> RankedProfile(const CsvBallots& ballots);
// Approvals (1 or 0). kInvalidArgument for any other value.
Result<std::vector<ApprovalBallot>> ApprovalBallots(const CsvBallots& ballots);
// Scores (empty is 0).
std::vector<ScoreBallot> ScoreBallots(const CsvBallots& ballots);

// Writes ranked ballots in this format (with the count column).
std::string WriteCsvBallots(const Profile& profile);

}  // namespace andel::voting
