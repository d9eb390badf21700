#include "web/decision_actions.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "core/local_time.h"
#include "core/text.h"
#include "store/ballot_writer.h"
#include "web/security.h"

namespace andel::web {
namespace {

namespace json = boost::json;
using decisions::Ballot;
using decisions::Decision;
using decisions::Kind;

Result<int> IntField(const std::string& text, std::string_view field, int fallback) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (ec != std::errc() || ptr != trimmed.data() + trimmed.size()) {
    return Error::InvalidArgument("this must be a whole number", std::string(field));
  }
  return value;
}

Result<int> JsonInt(const json::object& body, const char* name, int fallback) {
  const json::value* value = body.if_contains(name);
  if (!value) return fallback;
  if (!value->is_int64() || value->as_int64() < -1000000 || value->as_int64() > 1000000) {
    return Error::InvalidArgument("this must be a whole number", name);
  }
  return static_cast<int>(value->as_int64());
}

Result<bool> JsonBool(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (!value) return false;
  if (!value->is_bool()) return Error::InvalidArgument("this must be true or false", name);
  return value->as_bool();
}

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
  Result<int> seats = IntField(form.Get("seats"), "seats", 1);
  if (!seats) return seats.error();
  Result<int> max_score = IntField(form.Get("max_score"), "max_score", 5);
  if (!max_score) return max_score.error();
  fields.seats = *seats;
  fields.max_score = *max_score;
  if (!Trim(form.Get("quorum")).empty()) {
    Result<int> quorum = IntField(form.Get("quorum"), "quorum", 0);
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
  Result<int> seats = JsonInt(body, "seats", 1);
  if (!seats) return seats.error();
  Result<int> max_score = JsonInt(body, "max_score", 5);
  if (!max_score) return max_score.error();
  fields.seats = *seats;
  fields.max_score = *max_score;
  if (body.contains("quorum")) {
    Result<int> quorum = JsonInt(body, "quorum", 0);
    if (!quorum) return quorum.error();
    fields.quorum = *quorum;
  }
  if (const json::value* threshold = body.if_contains("threshold")) {
    if (!threshold->is_string()) {
      return Error::InvalidArgument("the threshold is simple, qualified or a share", "threshold");
    }
    fields.threshold = std::string(threshold->as_string());
  }
  Result<bool> secret = JsonBool(body, "secret");
  if (!secret) return secret.error();
  Result<bool> live = JsonBool(body, "live_results");
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

Result<Decision> BuildDecision(Context& ctx, int64_t proposal_id, const DecisionFields& fields) {
  Result<communities::Statutes> statutes = ctx.Communities().GetStatutes(ctx.community->id);
  if (!statutes) return statutes.error();
  Decision decision;
  decision.proposal_id = proposal_id;
  decision.community_id = ctx.community->id;
  decision.method = fields.method;
  for (const std::string& name : fields.options) decision.options.push_back({0, name});
  decision.seats = fields.seats;
  decision.max_score = fields.max_score;
  decision.quorum_percent = fields.quorum.value_or(statutes->quorum_percent);
  if (fields.threshold.empty() || fields.threshold == "simple") {
    decision.threshold = statutes->simple_majority;
  } else if (fields.threshold == "qualified") {
    decision.threshold = statutes->qualified_majority;
  } else {
    Result<communities::Fraction> share = communities::ParseFraction(fields.threshold, "threshold");
    if (!share) return share.error();
    decision.threshold = *share;
  }
  decision.weighted = statutes->vote_weight == communities::VoteWeight::kByShares;
  decision.secret = fields.secret;
  decision.live_results = fields.live_results;
  decision.opens_at = fields.opens_at.value_or(ctx.Now());
  decision.closes_at = fields.closes_at;
  if (decision.closes_at <= ctx.Now()) {
    return Error::InvalidArgument("the vote must close in the future", "closes_at");
  }
  decision.created_by = ctx.person ? ctx.person->id : 0;
  uint64_t seed = 0;
  const std::string token = RandomToken();
  for (char c : token) seed = seed * 131 + static_cast<unsigned char>(c);
  decision.seed = (seed & 0x7fffffffffffffffULL) | 1;
  if (Status valid = decisions::ValidateDecision(decision); !valid) return valid.error();
  return decision;
}

Result<store::ProposalSummary> ProposalFromPath(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such proposal", "id");
  SweepDecisions(ctx.services);
  return ctx.Decisions().FindProposal(ctx.community->id, id);
}

Result<Decision> DecisionFromPath(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such decision", "id");
  SweepDecisions(ctx.services);
  Result<Decision> decision = ctx.Decisions().FindDecision(id);
  if (!decision) return decision.error();
  Result<std::string> slug = ctx.Decisions().CommunitySlug(decision->community_id);
  if (!slug) return slug.error();
  Result<communities::Community> community = ctx.Communities().FindBySlug(*slug);
  if (!community) return community.error();
  ctx.community = *community;
  if (ctx.person) {
    Result<std::optional<communities::Membership>> membership =
        ctx.Communities().FindMembershipOf(community->id, ctx.person->id);
    if (!membership) return membership.error();
    if (*membership && (*membership)->status == communities::MemberStatus::kActive) {
      ctx.membership = **membership;
    }
  }
  const bool site_admin = ctx.person && ctx.person->is_admin;
  if (!community->is_public && !ctx.membership && !site_admin) {
    if (!ctx.person) return Error::Unauthenticated("please sign in");
    return Error::NotFound("no such decision", "id");
  }
  return decision;
}

void SweepDecisions(Services& services) {
  // At most once per second of the clock, whoever asks: every request for a decision sweeps.
  const int64_t now = services.now();
  int64_t last = services.last_sweep.load();
  if (last == now || !services.last_sweep.compare_exchange_strong(last, now)) return;
  Result<std::vector<int64_t>> due = services.decisions.ListDue(now);
  if (!due) {
    spdlog::error("listing decisions to close failed: {}", due.error().message);
    return;
  }
  store::DecisionRepository repository = services.decisions.ActingAs(0, now);
  for (int64_t id : *due) {
    Result<bool> closed = repository.Close(
        id,
        [](const Decision& decision, const std::vector<decisions::StoredBallot>& ballots,
           int64_t eligible) -> Result<std::string> {
          Result<decisions::Outcome> outcome = decisions::Count(decision, ballots, eligible);
          if (!outcome) return outcome.error();
          return decisions::FormatResultSummary(*outcome);
        });
    if (!closed) spdlog::error("closing decision {} failed: {}", id, closed.error().message);
  }
  if (Result<int> reminded = repository.RemindClosingSoon(now); !reminded) {
    spdlog::error("reminders failed: {}", reminded.error().message);
  }
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
        Result<int> id = IntField(value, "approve", 0);
        if (!id) return BadBallot("the ballot names an unknown option");
        ballot.approved.push_back(*id);
      }
      std::sort(ballot.approved.begin(), ballot.approved.end());
      break;
    case Kind::kScore:
      for (const decisions::Option& option : decision.options) {
        Result<int> score = IntField(form.Get("score_" + std::to_string(option.id)), "score", 0);
        if (!score) return score.error();
        if (*score != 0) ballot.scores[option.id] = *score;
      }
      break;
    case Kind::kRanked: {
      std::map<int, int> numbers;
      for (const decisions::Option& option : decision.options) {
        Result<int> rank = IntField(form.Get("rank_" + std::to_string(option.id)), "rank", 0);
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
        Result<int> id = IntField(std::string(key), "scores", 0);
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

json::object BallotJson(const Decision& decision, const Ballot& ballot) {
  json::object out;
  switch (decisions::KindOf(decision)) {
    case Kind::kMotion:
      out["choice"] = decisions::FormatBallot(decision, ballot);
      break;
    case Kind::kConsent:
      if (ballot.objection) {
        out["objection"] = *ballot.objection;
      } else {
        out["consent"] = true;
      }
      break;
    case Kind::kApproval: {
      json::array approved;
      for (int id : ballot.approved) approved.push_back(id);
      out["approved"] = std::move(approved);
      break;
    }
    case Kind::kScore: {
      json::object scores;
      for (const auto& [id, score] : ballot.scores) scores[std::to_string(id)] = score;
      out["scores"] = std::move(scores);
      break;
    }
    case Kind::kRanked: {
      json::array ranking;
      for (const std::vector<int>& position : ballot.ranking) {
        json::array tied;
        for (int id : position) tied.push_back(id);
        ranking.push_back(std::move(tied));
      }
      out["ranking"] = std::move(ranking);
      break;
    }
  }
  return out;
}

Result<Cast> CastBallot(Context& ctx, const Decision& decision, const Ballot& ballot,
                        const std::string& key) {
  if (!ctx.membership || ctx.membership->community_id != decision.community_id) {
    return Error::PermissionDenied("only members of this community may vote");
  }
  const decisions::Phase phase = decisions::PhaseAt(decision, ctx.Now());
  if (phase == decisions::Phase::kUpcoming) {
    return Error::FailedPrecondition("the vote has not opened yet", "decision");
  }
  if (phase != decisions::Phase::kOpen) {
    return Error::FailedPrecondition("the vote has closed", "decision");
  }
  store::CastRequest request;
  request.decision_id = decision.id;
  request.community_id = decision.community_id;
  request.person_id = ctx.person->id;
  request.weight = decision.weighted ? ctx.membership->shares : 1;
  request.secret = decision.secret;
  request.content = decisions::FormatBallot(decision, ballot);
  request.receipt = RandomCode(3);
  Cast cast;
  if (decision.secret) {
    cast.key = RandomCode(5);
    request.change_key_hash = HashToken(NormaliseCode(cast.key));
    const std::string given = NormaliseCode(key);
    if (!given.empty()) request.present_key_hash = HashToken(given);
  }
  request.now = ctx.Now();
  Result<store::CastResult> result = ctx.services.ballot_writer->Cast(std::move(request));
  if (!result) return result.error();
  cast.result = *result;
  if (result->changed) cast.key.clear();
  return cast;
}

Result<std::optional<decisions::Outcome>> VisibleOutcome(Context& ctx, const Decision& decision) {
  const decisions::Phase phase = decisions::PhaseAt(decision, ctx.Now());
  const bool closed = phase == decisions::Phase::kClosed;
  if (!closed && !(decision.live_results && phase == decisions::Phase::kOpen)) {
    return std::optional<decisions::Outcome>();
  }
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  int64_t eligible = decision.eligible_weight;
  if (!closed) {
    Result<int64_t> now_eligible =
        ctx.Decisions().EligibleWeight(decision.community_id, decision.weighted);
    if (!now_eligible) return now_eligible.error();
    eligible = *now_eligible;
  }
  Result<decisions::Outcome> outcome = decisions::Count(decision, *ballots, eligible);
  if (!outcome) return outcome.error();
  return std::optional<decisions::Outcome>(std::move(*outcome));
}

Result<std::vector<std::string>> Receipts(Context& ctx, const Decision& decision) {
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  std::vector<std::string> receipts;
  for (const decisions::StoredBallot& ballot : *ballots) receipts.push_back(ballot.receipt);
  std::sort(receipts.begin(), receipts.end());
  return receipts;
}

Result<std::string> ExportDecision(Context& ctx, const Decision& decision,
                                   const std::string& title) {
  if (decisions::PhaseAt(decision, ctx.Now()) != decisions::Phase::kClosed) {
    return Error::FailedPrecondition("a decision can be exported once it has closed", "decision");
  }
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  Result<decisions::Outcome> outcome =
      decisions::Count(decision, *ballots, decision.eligible_weight);
  if (!outcome) return outcome.error();
  json::object root{{"format", "andel-decision-export/1"},
                    {"decision", decision.id},
                    {"title", title},
                    {"method", decision.method},
                    {"secret", decision.secret},
                    {"opens_at", decision.opens_at},
                    {"closes_at", decision.closes_at},
                    {"seed", static_cast<int64_t>(decision.seed)}};
  const Kind kind = decisions::KindOf(decision);
  if (decision.method == "stv") root["seats"] = decision.seats;
  if (kind == Kind::kScore) root["max_score"] = decision.max_score;
  if (kind == Kind::kMotion) {
    root["quorum_percent"] = decision.quorum_percent;
    root["threshold"] = communities::FormatFraction(decision.threshold);
    root["weighted"] = decision.weighted;
    root["eligible"] = decision.eligible_weight;
  }
  json::array candidates;
  for (const decisions::Option& option : decision.options) {
    candidates.push_back(json::object{{"id", option.id}, {"name", option.name}});
  }
  root["candidates"] = std::move(candidates);
  json::array ballot_list;
  json::array receipts;
  for (const decisions::StoredBallot& stored : *ballots) {
    Result<Ballot> ballot = decisions::ParseBallot(decision, stored.content);
    if (!ballot) return ballot.error();
    json::object entry = BallotJson(decision, *ballot);
    entry["receipt"] = stored.receipt;
    if (decision.weighted) entry["weight"] = stored.weight;
    ballot_list.push_back(std::move(entry));
    receipts.push_back(json::string(stored.receipt));
  }
  root["ballots"] = std::move(ballot_list);
  root["receipts"] = std::move(receipts);
  json::object result;
  if (kind == Kind::kMotion || kind == Kind::kConsent) {
    result["passed"] = outcome->passed;
    if (outcome->motion) {
      result["yes"] = outcome->motion->yes;
      result["no"] = outcome->motion->no;
      result["abstain"] = outcome->motion->abstain;
    }
    if (outcome->consent) result["objections"] = static_cast<int64_t>(outcome->consent->objections);
  } else {
    json::array winners;
    for (int id : outcome->winners) winners.push_back(id);
    result["winners"] = std::move(winners);
    if (outcome->winner) result["winner"] = *outcome->winner;
    if (decision.method == "stv") {
      json::array elected;
      for (int id : outcome->elected) elected.push_back(id);
      result["elected"] = std::move(elected);
    }
  }
  result["summary"] = decision.result;
  root["result"] = std::move(result);
  return json::serialize(root);
}

}  // namespace andel::web
