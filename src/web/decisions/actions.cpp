#include "web/decisions/actions.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/text.h"
#include "decisions/export.h"
#include "store/decisions/ballot_writer.h"
#include "web/security.h"

namespace andel::web {
namespace {

using decisions::Ballot;
using decisions::Decision;

}  // namespace

Result<Decision> BuildDecision(Context& ctx, int64_t proposal_id, const DecisionFields& fields) {
  Result<communities::Statutes> statutes = ctx.Communities().GetStatutes(ctx.community->id);
  if (!statutes) return statutes.error();
  Decision decision;
  decision.proposal_id = proposal_id;
  decision.community_id = ctx.community->id;
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
  Result<decisions::Method> method = decisions::ParseMethod(fields.method);
  if (!method) return method.error();
  decision.method = *method;
  if (Status valid = decisions::ValidateDecision(decision); !valid) return valid.error();
  return decision;
}

Result<int64_t> CreateProposal(Context& ctx, const std::string& title, const std::string& body) {
  decisions::Proposal proposal;
  proposal.community_id = ctx.community->id;
  proposal.author_person_id = ctx.person->id;
  proposal.title = title;
  proposal.body = body;
  if (Status valid = decisions::ValidateProposal(proposal); !valid) return valid.error();
  return ctx.Decisions().CreateProposal(proposal);
}

Result<int64_t> AddComment(Context& ctx, const store::ProposalSummary& summary, int64_t parent_id,
                           const std::string& body) {
  decisions::Comment comment;
  comment.proposal_id = summary.proposal.id;
  comment.author_person_id = ctx.person->id;
  comment.parent_id = parent_id;
  Result<std::string> valid = decisions::ValidateText(body, "body", 10000);
  if (!valid) return valid.error();
  comment.body = *valid;
  return ctx.Decisions().AddComment(comment);
}

Status SetDiscussionClosed(Context& ctx, const store::ProposalSummary& summary, bool closed) {
  const bool author = ctx.person && ctx.person->id == summary.proposal.author_person_id;
  if (!author && !ctx.IsBoard()) {
    return Error::PermissionDenied("only the proposal's author or the board may do this");
  }
  return ctx.Decisions().SetDiscussionClosed(ctx.community->id, summary.proposal.id, closed);
}

Result<int64_t> ProposeAmendment(Context& ctx, const store::ProposalSummary& summary,
                                 const std::string& body, const std::string& reason) {
  if (summary.decision) {
    return Error::FailedPrecondition("the proposal is already put to a vote", "amendment");
  }
  decisions::Amendment amendment;
  amendment.proposal_id = summary.proposal.id;
  amendment.author_person_id = ctx.person->id;
  Result<std::string> valid_body = decisions::ValidateText(body, "body", 50000);
  if (!valid_body) return valid_body.error();
  if (*valid_body == summary.proposal.body) {
    return Error::InvalidArgument("the amendment does not change the text", "body");
  }
  Result<std::string> valid_reason = decisions::ValidateText(reason, "reason", 2000);
  if (!valid_reason) return valid_reason.error();
  amendment.body = *valid_body;
  amendment.reason = *valid_reason;
  return ctx.Decisions().AddAmendment(amendment);
}

Status DecideAmendment(Context& ctx, const store::ProposalSummary& summary, int64_t amendment_id,
                       bool accept) {
  if (ctx.person->id != summary.proposal.author_person_id && !ctx.IsBoard()) {
    return Error::PermissionDenied("only the proposal's author or the board may do this");
  }
  return ctx.Decisions().DecideAmendment(summary.proposal.id, amendment_id, accept);
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
  if (Status entered = ctx.EnterCommunity(*community); !entered) return entered.error();
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
  // Rolls are fixed as decisions open, before anyone may vote.
  if (Status fixed = services.decisions.FixDueRolls(now); !fixed) {
    spdlog::error("fixing voter rolls failed: {}", fixed.error().message);
  }
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
  if (!closed && !(decision.live_results && !decision.secret && phase == decisions::Phase::kOpen)) {
    return std::optional<decisions::Outcome>();
  }
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  int64_t eligible = decision.eligible_weight;
  if (!closed) {
    Result<store::VoterRoll> roll = ctx.Decisions().ReadRoll(decision.id);
    if (!roll) return roll.error();
    eligible = roll->weight;
  }
  Result<decisions::Outcome> outcome = decisions::Count(decision, *ballots, eligible);
  if (!outcome) return outcome.error();
  return std::optional<decisions::Outcome>(std::move(*outcome));
}

Result<std::optional<std::vector<std::string>>> Receipts(Context& ctx, const Decision& decision) {
  if (decision.secret && decisions::PhaseAt(decision, ctx.Now()) != decisions::Phase::kClosed) {
    return std::optional<std::vector<std::string>>();
  }
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  std::vector<std::string> receipts;
  for (const decisions::StoredBallot& ballot : *ballots) receipts.push_back(ballot.receipt);
  std::sort(receipts.begin(), receipts.end());
  return std::optional<std::vector<std::string>>(std::move(receipts));
}

Result<bool> HasReceipt(Context& ctx, const Decision& decision, const std::string& receipt) {
  Result<std::vector<decisions::StoredBallot>> ballots = ctx.Decisions().ListBallots(decision.id);
  if (!ballots) return ballots.error();
  const std::string wanted = NormaliseCode(receipt);
  for (const decisions::StoredBallot& ballot : *ballots) {
    if (NormaliseCode(ballot.receipt) == wanted) return true;
  }
  return false;
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
  // The voter roll fixed at the opening: each entitled member's code (a member finds their own
  // on the vote's page), the roll's weight (the quorum's base), and the codes of those who voted.
  Result<store::VoterRoll> roll = ctx.Decisions().ReadRoll(decision.id);
  if (!roll) return roll.error();
  Result<decisions::DecisionExport> exported = decisions::ExportOf(
      decision, title,
      {static_cast<int64_t>(roll->codes.size()), roll->weight, roll->codes, roll->voted_codes},
      *ballots, *outcome);
  if (!exported) return exported.error();
  return decisions::WriteDecisionExport(*exported);
}

Result<store::ProposalFilter> ProposalFilterFrom(const Context& ctx, const Form& query) {
  store::ProposalFilter filter;
  filter.now = ctx.Now();
  const std::string search(Trim(query.Get("q")));
  if (!IsValidUtf8(search) || search.size() > 200) {
    return Error::InvalidArgument("write at most 200 characters to search for", "q");
  }
  filter.search = search;
  const std::string& state = query.Get("state");
  static constexpr std::string_view kStates[] = {"",     "discussion", "upcoming",
                                                 "open", "closing",    "closed"};
  if (std::find(std::begin(kStates), std::end(kStates), state) == std::end(kStates)) {
    return Error::InvalidArgument("choose a state from the list", "state");
  }
  filter.state = state;
  const std::string& method = query.Get("method");
  if (!method.empty()) {
    if (!decisions::ParseMethod(method)) {
      return Error::InvalidArgument("choose a voting method from the list", "method");
    }
    filter.method = method;
  }
  if (query.Get("mine") == "1" && ctx.person) filter.author_person_id = ctx.person->id;
  return filter;
}

}  // namespace andel::web
