#include "web/decisions/forms.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <map>

#include "core/local_time.h"
#include "core/text.h"
#include "voting/result_json.h"
#include "web/api_support.h"

namespace andel::web {
namespace {

namespace json = boost::json;
using decisions::Ballot;
using decisions::Decision;
using decisions::Kind;

Result<int64_t> JsonTime(const json::value* value, const char* name) {
  if (value->is_int64()) return value->as_int64();
  if (value->is_string()) return ParseLocalDateTime(value->as_string(), name);
  return Error::InvalidArgument("a time is Unix seconds or YYYY-MM-DDTHH:MM", name);
}

Error BadBallot(const std::string& message) { return Error::InvalidArgument(message, "ballot"); }

}  // namespace

Result<DecisionFields> ReadDecisionForm(const Form& form) {
  DecisionFields fields;
  fields.method = std::string(Trim(form.Get("method")));
  for (std::string_view line : Split(form.Get("options"), '\n')) {
    const std::string_view option = Trim(line);
    if (!option.empty()) fields.options.emplace_back(option);
  }
  Result<int> seats = FormInt(form.Get("seats"), "seats", 1);
  if (!seats) return seats.error();
  Result<int> max_score = FormInt(form.Get("max_score"), "max_score", 5);
  if (!max_score) return max_score.error();
  fields.seats = static_cast<int>(*seats);
  fields.max_score = static_cast<int>(*max_score);
  if (!Trim(form.Get("quorum")).empty()) {
    Result<int> quorum = FormInt(form.Get("quorum"), "quorum", 0);
    if (!quorum) return quorum.error();
    fields.quorum = *quorum;
  }
  fields.threshold = std::string(Trim(form.Get("threshold")));
  fields.secret = form.Get("secret") == "1";
  fields.live_results = form.Get("live_results") == "1";
  if (!Trim(form.Get("opens_at")).empty()) {
    Result<int64_t> opens = ParseLocalDateTime(Trim(form.Get("opens_at")), "opens_at");
    if (!opens) return opens.error();
    fields.opens_at = *opens;
  }
  Result<int64_t> closes = ParseLocalDateTime(Trim(form.Get("closes_at")), "closes_at");
  if (!closes) return closes.error();
  fields.closes_at = *closes;
  return fields;
}

Result<DecisionFields> ReadDecisionJson(const json::object& body) {
  DecisionFields fields;
  const json::value* method = body.if_contains("method");
  if (!method || !method->is_string()) {
    return Error::InvalidArgument("name the method", "method");
  }
  fields.method = std::string(method->as_string());
  if (const json::value* options = body.if_contains("options")) {
    if (!options->is_array())
      return Error::InvalidArgument("options is a list of names", "options");
    for (const json::value& option : options->as_array()) {
      if (!option.is_string())
        return Error::InvalidArgument("options is a list of names", "options");
      fields.options.emplace_back(option.as_string());
    }
  }
  Result<int64_t> seats = IntField(body, "seats", -1000000, 1000000, 1);
  if (!seats) return seats.error();
  Result<int64_t> max_score = IntField(body, "max_score", -1000000, 1000000, 5);
  if (!max_score) return max_score.error();
  fields.seats = static_cast<int>(*seats);
  fields.max_score = static_cast<int>(*max_score);
  if (body.contains("quorum")) {
    Result<int64_t> quorum = IntField(body, "quorum", -1000000, 1000000, 0);
    if (!quorum) return quorum.error();
    fields.quorum = static_cast<int>(*quorum);
  }
  if (const json::value* threshold = body.if_contains("threshold")) {
    if (!threshold->is_string()) {
      return Error::InvalidArgument("the threshold is simple, qualified or a share", "threshold");
    }
    fields.threshold = std::string(threshold->as_string());
  }
  Result<bool> secret = BoolField(body, "secret");
  if (!secret) return secret.error();
  Result<bool> live = BoolField(body, "live_results");
  if (!live) return live.error();
  fields.secret = *secret;
  fields.live_results = *live;
  if (const json::value* opens = body.if_contains("opens_at")) {
    Result<int64_t> time = JsonTime(opens, "opens_at");
    if (!time) return time.error();
    fields.opens_at = *time;
  }
  const json::value* closes = body.if_contains("closes_at");
  if (!closes) return Error::InvalidArgument("give the closing time", "closes_at");
  Result<int64_t> time = JsonTime(closes, "closes_at");
  if (!time) return time.error();
  fields.closes_at = *time;
  return fields;
}

Result<Ballot> ReadBallotForm(const Decision& decision, const Form& form) {
  Ballot ballot;
  switch (decisions::KindOf(decision)) {
    case Kind::kMotion: {
      const std::string& choice = form.Get("choice");
      if (choice == "yes") {
        ballot.choice = voting::Choice::kYes;
      } else if (choice == "no") {
        ballot.choice = voting::Choice::kNo;
      } else if (choice == "abstain") {
        ballot.choice = voting::Choice::kAbstain;
      } else {
        return Error::InvalidArgument("choose yes, no or abstain", "choice");
      }
      break;
    }
    case Kind::kConsent:
      if (form.Get("choice") == "object")
        ballot.objection = form.Get("reason");
      else if (form.Get("choice") != "consent") {
        return Error::InvalidArgument("consent, or object with a reason", "choice");
      }
      break;
    case Kind::kApproval:
      for (const auto& [name, value] : form.fields()) {
        if (name != "approve") continue;
        Result<int> id = FormInt(value, "approve", 0);
        if (!id) return BadBallot("the ballot names an unknown option");
        ballot.approved.push_back(*id);
      }
      std::sort(ballot.approved.begin(), ballot.approved.end());
      break;
    case Kind::kScore:
      for (const decisions::Option& option : decision.options) {
        Result<int> score = FormInt(form.Get("score_" + std::to_string(option.id)), "score", 0);
        if (!score) return score.error();
        if (*score != 0) ballot.scores[option.id] = *score;
      }
      break;
    case Kind::kRanked: {
      std::map<int, int> numbers;
      for (const decisions::Option& option : decision.options) {
        Result<int> rank = FormInt(form.Get("rank_" + std::to_string(option.id)), "rank", 0);
        if (!rank)
          return Error::InvalidArgument("a rank must be a number from 1 to the number of options",
                                        "rank");
        if (*rank != 0) numbers[option.id] = *rank;
      }
      Result<std::vector<std::vector<int>>> ranking =
          decisions::RankingFromNumbers(decision, numbers);
      if (!ranking) return ranking.error();
      ballot.ranking = std::move(*ranking);
      break;
    }
  }
  if (Status valid = decisions::ValidateBallot(decision, ballot); !valid) return valid.error();
  return ballot;
}

Form BallotForm(const Decision& decision, const Ballot& ballot) {
  Form form;
  switch (decisions::KindOf(decision)) {
    case Kind::kMotion:
      form.Add("choice", ballot.choice == voting::Choice::kYes  ? "yes"
                         : ballot.choice == voting::Choice::kNo ? "no"
                                                                : "abstain");
      break;
    case Kind::kConsent:
      form.Add("choice", ballot.objection ? "object" : "consent");
      form.Add("reason", ballot.objection.value_or(""));
      break;
    case Kind::kApproval:
      for (const int id : ballot.approved) form.Add("approve", std::to_string(id));
      break;
    case Kind::kScore:
      for (const decisions::Option& option : decision.options) {
        const auto score = ballot.scores.find(option.id);
        form.Add("score_" + std::to_string(option.id),
                 std::to_string(score == ballot.scores.end() ? 0 : score->second));
      }
      break;
    case Kind::kRanked: {
      // Rank numbers as a voter writes them: tied options share their position's number.
      std::map<int, int> rank;
      for (size_t position = 0; position < ballot.ranking.size(); ++position) {
        for (const int id : ballot.ranking[position]) rank[id] = static_cast<int>(position) + 1;
      }
      for (const decisions::Option& option : decision.options) {
        const auto number = rank.find(option.id);
        form.Add("rank_" + std::to_string(option.id),
                 number == rank.end() ? "" : std::to_string(number->second));
      }
      break;
    }
  }
  return form;
}

Result<Ballot> ReadBallotJson(const Decision& decision, const json::object& body) {
  Ballot ballot;
  const auto ids = [&](const json::value& value, std::vector<int>& out) -> Status {
    if (!value.is_array()) return BadBallot("the ballot is not well formed");
    for (const json::value& id : value.as_array()) {
      if (!id.is_int64() || id.as_int64() < 0 || id.as_int64() > 1000) {
        return BadBallot("the ballot is not well formed");
      }
      out.push_back(static_cast<int>(id.as_int64()));
    }
    return {};
  };
  switch (decisions::KindOf(decision)) {
    case Kind::kMotion: {
      const json::value* choice = body.if_contains("choice");
      if (!choice || !choice->is_string()) {
        return Error::InvalidArgument("choose yes, no or abstain", "choice");
      }
      Result<Ballot> parsed = decisions::ParseBallot(decision, choice->as_string());
      if (!parsed) return Error::InvalidArgument("choose yes, no or abstain", "choice");
      return parsed;
    }
    case Kind::kConsent: {
      if (const json::value* objection = body.if_contains("objection")) {
        if (!objection->is_string()) {
          return Error::InvalidArgument("an objection must give its reason", "reason");
        }
        ballot.objection = std::string(objection->as_string());
      } else if (const json::value* consent = body.if_contains("consent");
                 !consent || !consent->is_bool() || !consent->as_bool()) {
        return Error::InvalidArgument("consent, or object with a reason", "choice");
      }
      break;
    }
    case Kind::kApproval: {
      const json::value* approved = body.if_contains("approved");
      if (!approved) return BadBallot("the ballot is not well formed");
      if (Status read = ids(*approved, ballot.approved); !read) return read.error();
      std::sort(ballot.approved.begin(), ballot.approved.end());
      break;
    }
    case Kind::kScore: {
      const json::value* scores = body.if_contains("scores");
      if (!scores || !scores->is_object()) return BadBallot("the ballot is not well formed");
      for (const auto& [key, value] : scores->as_object()) {
        Result<int> id = FormInt(std::string(key), "scores", 0);
        if (!id || !value.is_int64() || value.as_int64() < -1 || value.as_int64() > 1000) {
          return BadBallot("the ballot is not well formed");
        }
        if (value.as_int64() != 0) ballot.scores[*id] = static_cast<int>(value.as_int64());
      }
      break;
    }
    case Kind::kRanked: {
      const json::value* ranking = body.if_contains("ranking");
      if (!ranking || !ranking->is_array()) return BadBallot("the ballot is not well formed");
      for (const json::value& position : ranking->as_array()) {
        ballot.ranking.emplace_back();
        if (Status read = ids(position, ballot.ranking.back()); !read) return read.error();
      }
      break;
    }
  }
  if (Status valid = decisions::ValidateBallot(decision, ballot); !valid) return valid.error();
  return ballot;
}

json::object OutcomeJson(const decisions::Decision& decision, const decisions::Outcome& outcome) {
  json::object out{{"ballots", outcome.ballots}};
  if (outcome.motion) {
    for (auto& [key, value] : voting::MotionFigures(*outcome.motion)) out[key] = value;
  }
  if (outcome.consent) {
    json::array reasons;
    for (const std::string& reason : outcome.objections) reasons.push_back(json::string(reason));
    out["objections"] = std::move(reasons);
  }
  if (outcome.kind == decisions::Kind::kMotion || outcome.kind == decisions::Kind::kConsent) {
    out["passed"] = outcome.passed;
    return out;
  }
  json::array winners;
  for (const int id : outcome.winners) winners.push_back(id);
  out["winners"] = std::move(winners);
  if (outcome.winner) out["winner"] = *outcome.winner;
  if (decision.method == decisions::Method::kStv) {
    json::array elected;
    for (const int id : outcome.elected) elected.push_back(id);
    out["elected"] = std::move(elected);
  }
  const auto id_of = [&](int index) {
    return static_cast<int64_t>(decision.options[static_cast<size_t>(index)].id);
  };
  for (auto& [key, value] : voting::TallyFigures(*outcome.tally, id_of)) out[key] = value;
  return out;
}

}  // namespace andel::web
