// The spreadsheet ballot format.
#include "voting/csv_ballots.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/csv.h"
#include "core/text.h"

namespace andel::voting {
namespace {

Error At(size_t line, size_t column, const char* message) {
  return Error::InvalidArgument(
      message, "line " + std::to_string(line) + ", column " + std::to_string(column));
}

}  // namespace

Result<CsvBallots> ReadCsvBallots(std::string_view text) {
  if (!IsValidUtf8(text)) return Error::InvalidArgument("the file is not valid UTF-8", "line 1");
  Result<std::vector<CsvRecord>> records = ParseCsvRecords(text);
  if (!records) return records.error();
  if (records->empty()) return Error::InvalidArgument("the file is empty", "line 1");
  CsvBallots ballots;
  const CsvRecord& header = records->front();
  const bool counted = !header.fields.empty() && ToLowerAscii(Trim(header.fields[0])) == "count";
  ballots.first_column = counted ? 1 : 0;
  for (size_t c = counted ? 1 : 0; c < header.fields.size(); ++c) {
    ballots.names.emplace_back(CsvText(Trim(header.fields[c])));
  }
  if (ballots.names.empty()) {
    return Error::InvalidArgument("the header names no candidates",
                                  "line " + std::to_string(header.line));
  }
  for (size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    const size_t expected = ballots.names.size() + (counted ? 1 : 0);
    if (record.fields.size() > expected) {
      return At(record.line, expected + 1, "the row has more fields than the header");
    }
    CsvBallots::Row row;
    row.line = record.line;
    row.cells.resize(ballots.names.size());
    for (size_t f = 0; f < record.fields.size(); ++f) {
      const std::string_view cell = Trim(record.fields[f]);
      if (cell.empty()) continue;
      int64_t value = 0;
      auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
      if (ec != std::errc() || ptr != cell.data() + cell.size()) {
        return At(record.line, f + 1, "a cell must be a whole number or empty");
      }
      if (counted && f == 0) {
        if (value < 1) return At(record.line, 1, "a ballot count must be at least 1");
        row.count = value;
      } else {
        row.cells[f - (counted ? 1 : 0)] = value;
      }
    }
    ballots.rows.push_back(std::move(row));
  }
  return ballots;
}

Result<Profile> RankedProfile(const CsvBallots& ballots) {
  std::vector<int> ids;
  for (size_t c = 0; c < ballots.names.size(); ++c) ids.push_back(static_cast<int>(c + 1));
  Profile profile(ids, ballots.names);
  for (const CsvBallots::Row& row : ballots.rows) {
    std::map<int64_t, std::vector<int>> by_rank;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (!row.cells[c]) continue;
      if (*row.cells[c] < 1) {
        return At(row.line, ballots.first_column + c + 1, "a rank must be at least 1");
      }
      by_rank[*row.cells[c]].push_back(static_cast<int>(c));
    }
    std::vector<std::vector<int>> order;
    for (auto& [rank, candidates] : by_rank) order.push_back(std::move(candidates));
    if (Status added = profile.Add(order, row.count); !added) {
      return Error::InvalidArgument(added.error().message, "line " + std::to_string(row.line));
    }
  }
  return profile;
}

Result<std::vector<ApprovalBallot>> ApprovalBallots(const CsvBallots& ballots) {
  std::vector<ApprovalBallot> out;
  for (const CsvBallots::Row& row : ballots.rows) {
    ApprovalBallot ballot;
    ballot.count = row.count;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (!row.cells[c] || *row.cells[c] == 0) continue;
      if (*row.cells[c] != 1) {
        return At(row.line, ballots.first_column + c + 1, "an approval is 1 or 0");
      }
      ballot.approved.push_back(static_cast<int>(c));
    }
    out.push_back(std::move(ballot));
  }
  return out;
}

std::vector<ScoreBallot> ScoreBallots(const CsvBallots& ballots) {
  std::vector<ScoreBallot> out;
  for (const CsvBallots::Row& row : ballots.rows) {
    ScoreBallot ballot;
    ballot.count = row.count;
    for (const std::optional<int64_t>& cell : row.cells) ballot.scores.push_back(cell.value_or(0));
    out.push_back(std::move(ballot));
  }
  return out;
}

std::string WriteCsvBallots(const Profile& profile) {
  std::string out = "count";
  for (const std::string& name : profile.names()) out += "," + CsvField(name);
  out += "\r\n";
  for (size_t b = 0; b < profile.ballot_count(); ++b) {
    out += std::to_string(profile.weight(b));
    for (int c = 0; c < profile.candidate_count(); ++c) {
      out += ",";
      if (profile.ranks(b)[c] != 0) out += std::to_string(profile.ranks(b)[c]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace andel::voting
