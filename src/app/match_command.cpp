#include "app/match_command.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/commands.h"
#include "core/text.h"
#include "matching/circles.h"
#include "matching/consortium.h"
#include "matching/recommend.h"

namespace andel::app {
namespace {

namespace json = boost::json;

Error BadLine(size_t line, const std::string& message) {
  return Error::InvalidArgument(message, "line " + std::to_string(line));
}

Result<std::vector<std::string>> Strings(const json::object& object, const char* name,
                                         size_t line) {
  std::vector<std::string> out;
  const json::value* value = object.if_contains(name);
  if (!value) return out;
  if (!value->is_array()) return BadLine(line, std::string(name) + " must be a list of texts");
  for (const json::value& item : value->as_array()) {
    if (!item.is_string()) return BadLine(line, std::string(name) + " must be a list of texts");
    out.emplace_back(item.as_string());
  }
  return out;
}

Result<std::string> Text(const json::object& object, const char* name, size_t line, bool required) {
  const json::value* value = object.if_contains(name);
  if (!value) {
    if (required) return BadLine(line, std::string(name) + " is missing");
    return std::string();
  }
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64() && std::string_view(name) == "id") return std::to_string(value->as_int64());
  return BadLine(line, std::string(name) + " must be a text");
}

// A whole number as an integer, anything else as a double.
json::value Number(double value) {
  const double rounded = std::round(value);
  if (std::abs(value - rounded) < 1e-12 && std::abs(rounded) < 1e15) {
    return json::value(static_cast<int64_t>(rounded));
  }
  return json::value(value);
}

json::array Names(const matching::Profiles& profiles, const std::vector<int>& competences) {
  json::array out;
  for (int c : competences)
    out.push_back(json::string(profiles.competences()[static_cast<size_t>(c)]));
  return out;
}

int Recommend(const matching::Profiles& profiles, const MatchCommand& command) {
  matching::RecommendOptions options;
  options.top = command.top;
  const std::vector<std::vector<matching::Match>> all = matching::RecommendAll(profiles, options);
  json::array out;
  for (size_t i = 0; i < all.size(); ++i) {
    json::array matches;
    for (const matching::Match& match : all[i]) {
      matches.push_back(json::object{{"id", profiles.member(static_cast<size_t>(match.member)).id},
                                     {"score", Number(match.score.value())},
                                     {"gives", Names(profiles, match.gives)},
                                     {"gets", Names(profiles, match.gets)}});
    }
    out.push_back(json::object{{"id", profiles.member(i).id}, {"matches", std::move(matches)}});
  }
  std::cout << json::serialize(out) << "\n";
  return 0;
}

int Circles(const matching::Profiles& profiles, const MatchCommand& command) {
  matching::CircleOptions options;
  options.size = command.size;
  options.seed = command.seed;
  options.restarts = command.restarts;
  Result<matching::CirclesResult> result = matching::FormCircles(profiles, options);
  if (!result) {
    std::cerr << "andel match: " << result.error().message << " (" << result.error().where << ")\n";
    return 2;
  }
  json::array circles;
  for (const std::vector<int>& circle : result->circles) {
    json::array ids;
    for (int m : circle) ids.push_back(json::string(profiles.member(static_cast<size_t>(m)).id));
    circles.push_back(std::move(ids));
  }
  json::object out{{"objective", Number(result->objective)},
                   {"random_objective", Number(result->random_objective)},
                   {"swaps", result->swaps},
                   {"circles", std::move(circles)}};
  // Small enough to try every partition: the optimum, to compare with.
  if (profiles.size() <= matching::kExactMembers) {
    Result<double> optimum = matching::OptimalObjective(profiles, command.size);
    if (optimum) out["optimum"] = Number(*optimum);
  }
  std::cout << json::serialize(out) << "\n";
  return 0;
}

int Consortium(const matching::Profiles& profiles, const MatchCommand& command) {
  std::vector<std::string> needs;
  for (std::string_view need : Split(command.needs, ',')) {
    if (!Trim(need).empty()) needs.emplace_back(Trim(need));
  }
  Result<matching::ConsortiumResult> result =
      matching::FormConsortium(profiles, needs, command.min_categories);
  if (!result) {
    std::cerr << "andel match: " << result.error().message << " (" << result.error().where << ")\n";
    return 2;
  }
  if (!result->feasible) {
    json::array missing;
    for (int c : result->missing) {
      missing.push_back(
          c >= 0 ? json::value(json::string(profiles.competences()[static_cast<size_t>(c)]))
                 : json::value(nullptr));
    }
    // Needs that no member has ever named are reported as written.
    json::array named;
    for (const std::string& need : needs) {
      const std::string key = matching::CompetenceKey(need);
      const int index = profiles.CompetenceIndex(key);
      if (index < 0 || std::count(result->missing.begin(), result->missing.end(), index)) {
        named.push_back(json::string(key));
      }
    }
    std::cout << json::serialize(json::object{{"members", json::array()},
                                              {"feasible", false},
                                              {"missing", std::move(named)}})
              << "\n";
    return 1;
  }
  json::array members;
  for (int m : result->members)
    members.push_back(json::string(profiles.member(static_cast<size_t>(m)).id));
  json::object covers;
  for (const auto& [competence, member] : result->covers) {
    covers[profiles.competences()[static_cast<size_t>(competence)]] =
        profiles.member(static_cast<size_t>(member)).id;
  }
  std::cout << json::serialize(json::object{{"members", std::move(members)},
                                            {"covers", std::move(covers)},
                                            {"optimal", result->optimal},
                                            {"bound", Number(result->bound)},
                                            {"score", Number(result->score)},
                                            {"feasible", true}})
            << "\n";
  return 0;
}

}  // namespace

Result<std::vector<matching::MemberInput>> ReadMemberLines(std::string_view text) {
  std::vector<matching::MemberInput> members;
  size_t line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (Trim(line).empty()) continue;
    json::error_code ec;
    json::value value = json::parse(line, ec);
    if (ec || !value.is_object()) return BadLine(line_number, "the line is not a JSON object");
    const json::object& object = value.as_object();
    matching::MemberInput member;
    Result<std::string> id = Text(object, "id", line_number, true);
    if (!id) return id.error();
    Result<std::string> category = Text(object, "category", line_number, true);
    if (!category) return category.error();
    Result<std::string> organisation = Text(object, "organisation", line_number, false);
    if (!organisation) return organisation.error();
    Result<std::vector<std::string>> offers = Strings(object, "offers", line_number);
    if (!offers) return offers.error();
    Result<std::vector<std::string>> needs = Strings(object, "needs", line_number);
    if (!needs) return needs.error();
    Result<std::vector<std::string>> ties = Strings(object, "ties", line_number);
    if (!ties) return ties.error();
    member.id = *id;
    member.category = *category;
    member.organisation = *organisation;
    member.offers = std::move(*offers);
    member.needs = std::move(*needs);
    member.ties = std::move(*ties);
    members.push_back(std::move(member));
  }
  return members;
}

int RunMatch(const MatchCommand& command) {
  std::ifstream in(command.file, std::ios::binary);
  if (!in) {
    std::cerr << "andel match: cannot read the file (" << command.file << ")\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  Result<std::vector<matching::MemberInput>> inputs = ReadMemberLines(text.str());
  if (!inputs) {
    std::cerr << "andel match: " << inputs.error().message << " (" << inputs.error().where << ")\n";
    return 2;
  }
  Result<matching::Profiles> profiles = matching::Profiles::Build(*inputs);
  if (!profiles) {
    std::cerr << "andel match: " << profiles.error().message << " (" << profiles.error().where
              << ")\n";
    return 2;
  }
  if (command.action == "recommend") return Recommend(*profiles, command);
  if (command.action == "circles") return Circles(*profiles, command);
  return Consortium(*profiles, command);
}

void AddMatchCommand(CLI::App& cli, int& exit_code) {
  CLI::App* match = cli.add_subcommand(
      "match", "Partnerships on a profile file (JSON lines): recommendations, circles, consortia");
  match->require_subcommand(1);
  auto command = std::make_shared<MatchCommand>();
  CLI::App* recommend =
      match->add_subcommand("recommend", "The best cross-category matches of every member");
  recommend->add_option("--top", command->top, "matches per member")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  CLI::App* circles =
      match->add_subcommand("circles", "Mixed partner circles with the most matches inside");
  circles->add_option("--size", command->size, "members per circle")
      ->check(CLI::Range(2, 1000))
      ->capture_default_str();
  circles->add_option("--seed", command->seed, "seed of the random starts")->capture_default_str();
  circles->add_option("--restarts", command->restarts, "random starts")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  CLI::App* consortium =
      match->add_subcommand("consortium", "The smallest team that covers a task's competences");
  consortium->add_option("--needs", command->needs, "competences, comma-separated")->required();
  consortium
      ->add_option("--min-categories", command->min_categories,
                   "members of at least this many categories")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  for (const auto& entry : {std::pair{recommend, "recommend"}, std::pair{circles, "circles"},
                            std::pair{consortium, "consortium"}}) {
    const std::string name = entry.second;
    entry.first->add_option("file", command->file, "the profile file (JSON lines)")->required();
    entry.first->callback([command, name, &exit_code] {
      command->action = name;
      exit_code = RunMatch(*command);
    });
  }
}

}  // namespace andel::app
