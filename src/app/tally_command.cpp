// The tally command: file -> profile -> count -> JSON.
#include "app/tally_command.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/commands.h"
#include "app/tally_verify.h"
#include "voting/csv_ballots.h"
#include "voting/preflib.h"
#include "voting/tally.h"

namespace andel::app {
namespace {

namespace json = boost::json;

// Hundred-thousandths as an exact decimal number.
json::value Decimal(int64_t scaled) {
  std::string text = std::to_string(scaled / 100000) + ".";
  std::string fraction = std::to_string(scaled % 100000);
  text += std::string(5 - fraction.size(), '0') + fraction;
  return json::parse(text);
}

json::array Ids(const voting::Profile& profile, const std::vector<int>& candidates) {
  json::array ids;
  std::vector<int> sorted;
  for (int c : candidates) sorted.push_back(profile.candidate_ids()[c]);
  std::sort(sorted.begin(), sorted.end());
  for (int id : sorted) ids.push_back(id);
  return ids;
}

json::object ResultJson(const voting::Profile& profile, int64_t ballots,
                        const voting::TallyResult& result, const TallyCommand& command) {
  const auto id = [&](int c) { return profile.candidate_ids()[c]; };
  json::object out;
  out["method"] = voting::MethodName(result.method);
  json::array candidates;
  for (int c = 0; c < profile.candidate_count(); ++c) {
    candidates.push_back({{"id", id(c)}, {"name", profile.names()[c]}});
  }
  out["candidates"] = std::move(candidates);
  out["ballots"] = ballots;
  out["winners"] = Ids(profile, result.winners);
  const int winner = voting::DrawWinner(result.winners, command.seed);
  out["winner"] = winner < 0 ? json::value(nullptr) : json::value(id(winner));
  const bool stv = result.method == voting::Method::kStv;
  if (stv) {
    out["elected"] = Ids(profile, result.elected);
    out["seats"] = command.seats;
    out["quota"] = Decimal(result.quota);
  }
  if (result.scores) {
    json::object scores;
    for (int c = 0; c < profile.candidate_count(); ++c) {
      scores[std::to_string(id(c))] = (*result.scores)[c];
    }
    out["scores"] = std::move(scores);
  }
  if (!result.rounds.empty()) {
    json::array rounds;
    for (const voting::Round& round : result.rounds) {
      json::object votes;
      for (const auto& [c, count] : round.votes) {
        votes[std::to_string(id(c))] = stv ? Decimal(count) : json::value(count);
      }
      json::object entry{{"votes", std::move(votes)},
                         {"elected", Ids(profile, round.elected)},
                         {"eliminated", Ids(profile, round.eliminated)}};
      entry["exhausted"] = stv ? Decimal(round.exhausted) : json::value(round.exhausted);
      if (round.transferred_from) entry["transferred_from"] = id(*round.transferred_from);
      rounds.push_back(std::move(entry));
    }
    out["rounds"] = std::move(rounds);
  }
  if (command.pairwise && result.pairwise) {
    json::array rows;
    for (int a = 0; a < profile.candidate_count(); ++a) {
      json::array row;
      for (int b = 0; b < profile.candidate_count(); ++b) row.push_back(result.pairwise->at(a, b));
      rows.push_back(std::move(row));
    }
    out["pairwise"] = std::move(rows);
  }
  return out;
}

int Fail(const Error& error, int code) {
  std::cerr << "andel tally: " << error.message;
  if (!error.where.empty()) std::cerr << " (" << error.where << ")";
  std::cerr << "\n";
  return code;
}

// Counts approval or score ballots from the CSV format.
Result<voting::TallyResult> CountCardinal(const voting::CsvBallots& ballots, voting::Method method,
                                          int64_t max_score) {
  const int n = static_cast<int>(ballots.names.size());
  if (method == voting::Method::kApproval) {
    Result<std::vector<voting::ApprovalBallot>> approvals = voting::ApprovalBallots(ballots);
    if (!approvals) return approvals.error();
    return voting::CountApproval(n, *approvals);
  }
  return voting::CountScore(n, voting::ScoreBallots(ballots), max_score);
}

}  // namespace

int RunTally(const TallyCommand& command) {
  Result<voting::Method> method = voting::ParseMethod(command.method);
  if (!method) return Fail(method.error(), 2);
  if (command.format != "preflib" && command.format != "csv") {
    return Fail(Error::InvalidArgument("unknown ballot format", "--format"), 2);
  }
  std::ifstream in(command.file, std::ios::binary);
  if (!in) return Fail(Error::NotFound("cannot read the file", command.file), 1);
  std::stringstream text;
  text << in.rdbuf();
  voting::TallyOptions options;
  options.seats = command.seats;
  options.seed = command.seed;
  const auto count_ranked = [&](Result<voting::Profile> profile) {
    if (!profile) return Fail(profile.error(), 2);
    Result<voting::TallyResult> result = voting::Count(*profile, *method, options);
    if (!result) return Fail(result.error(), 2);
    std::cout << json::serialize(ResultJson(*profile, profile->voter_count(), *result, command))
              << "\n";
    return 0;
  };
  if (command.format == "preflib") {
    if (!voting::IsRankedMethod(*method)) {
      return Fail(
          Error::InvalidArgument("approval and score ballots come in the csv format", "--format"),
          2);
    }
    return count_ranked(voting::ReadPrefLib(text.str()));
  }
  Result<voting::CsvBallots> ballots = voting::ReadCsvBallots(text.str());
  if (!ballots) return Fail(ballots.error(), 2);
  if (voting::IsRankedMethod(*method)) return count_ranked(voting::RankedProfile(*ballots));
  Result<voting::TallyResult> result = CountCardinal(*ballots, *method, command.max_score);
  if (!result) return Fail(result.error(), 2);
  std::vector<int> ids;
  int64_t voters = 0;
  for (size_t c = 0; c < ballots->names.size(); ++c) ids.push_back(static_cast<int>(c + 1));
  for (const voting::CsvBallots::Row& row : ballots->rows) voters += row.count;
  const voting::Profile candidates(ids, ballots->names);
  std::cout << json::serialize(ResultJson(candidates, voters, *result, command)) << "\n";
  return 0;
}

void AddTallyCommand(CLI::App& cli, int& exit_code) {
  CLI::App* tally = cli.add_subcommand(
      "tally", "Count an election file (PrefLib) with one method and print the result as JSON");
  auto command = std::make_shared<TallyCommand>();
  auto verify_path = std::make_shared<std::string>();
  tally->add_option("--method", command->method,
                    "plurality, borda, irv, schulze, schulze_wv, ranked_pairs, copeland, "
                    "condorcet, stv, approval (csv) or score (csv)");
  tally->add_option("--seats", command->seats, "seats to fill (stv)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  tally->add_option("--max-score", command->max_score, "highest score (score ballots)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  tally->add_option("--format", command->format, "file format: preflib or csv")
      ->capture_default_str();
  tally->add_option("--seed", command->seed, "seed of the lot that breaks remaining ties")
      ->capture_default_str();
  tally->add_flag("--pairwise", command->pairwise, "include the pairwise support matrix");
  tally->add_option("--verify", *verify_path,
                    "recount an exported decision and check its result and receipts");
  tally->add_option("file", command->file, "the election file");
  tally->callback([command, verify_path, &exit_code] {
    if (!verify_path->empty()) {
      exit_code = VerifyExport(*verify_path);
    } else if (command->method.empty() || command->file.empty()) {
      std::cerr << "andel tally: give --method and a file, or --verify EXPORT.json\n";
      exit_code = 2;
    } else {
      exit_code = RunTally(*command);
    }
  });
}

}  // namespace andel::app
