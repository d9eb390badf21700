// Proposals and decisions in the JSON API: the same data and rules as the pages.
#include <boost/json.hpp>

#include "decisions/export.h"
#include "web/api_support.h"
#include "web/decisions/actions.h"
#include "web/decisions/forms.h"
#include "web/decisions/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;
using decisions::Decision;

json::object DecisionJson(const Context& ctx, const Decision& d) {
  json::array options;
  for (const decisions::Option& option : d.options) {
    options.push_back(json::object{{"id", option.id}, {"name", option.name}});
  }
  json::object out{{"id", d.id},
                   {"proposal_id", d.proposal_id},
                   {"method", decisions::MethodName(d.method)},
                   {"options", std::move(options)},
                   {"secret", d.secret},
                   {"live_results", d.live_results},
                   {"opens_at", d.opens_at},
                   {"closes_at", d.closes_at},
                   {"phase", decisions::Name(decisions::PhaseAt(d, ctx.Now()))}};
  if (d.method == decisions::Method::kStv) out["seats"] = d.seats;
  if (d.method == decisions::Method::kScore) out["max_score"] = d.max_score;
  if (d.method == decisions::Method::kMotion) {
    out["quorum_percent"] = d.quorum_percent;
    out["threshold"] = communities::FormatFraction(d.threshold);
    out["weighted"] = d.weighted;
  }
  if (d.closed_at != 0) {
    out["closed_at"] = d.closed_at;
    out["result"] = d.result;
  }
  return out;
}

json::object ProposalJson(const Context& ctx, const store::ProposalSummary& s) {
  json::object out{{"id", s.proposal.id},
                   {"title", s.proposal.title},
                   {"body", s.proposal.body},
                   {"author", s.author_name},
                   {"created_at", s.proposal.created_at},
                   {"updated_at", s.proposal.updated_at},
                   {"comments", s.comments},
                   {"discussion_closed", s.proposal.discussion_closed_at != 0},
                   {"votes", s.voters}};
  out["decision"] = s.decision ? json::value(DecisionJson(ctx, *s.decision)) : json::value(nullptr);
  return out;
}

}  // namespace

Result<Response> ApiListProposals(Context& ctx) {
  Result<Paging> paging = ReadPaging(ctx);
  if (!paging) return paging.error();
  Result<store::ProposalFilter> filter = ProposalFilterFrom(ctx, ctx.query);
  if (!filter) return filter.error();
  SweepDecisions(ctx.services);
  Result<std::vector<store::ProposalSummary>> proposals = ctx.Decisions().ListProposals(
      ctx.community->id, (paging->page - 1) * paging->per_page, paging->per_page, *filter);
  if (!proposals) return proposals.error();
  Result<int64_t> total = ctx.Decisions().CountProposals(ctx.community->id, *filter);
  if (!total) return total.error();
  json::array items;
  for (const store::ProposalSummary& summary : *proposals) {
    items.push_back(ProposalJson(ctx, summary));
  }
  return JsonOf(PageOf(std::move(items), *paging, *total));
}

Result<Response> ApiCreateProposal(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"title", "body"});
  if (!body) return body.error();
  Result<std::string> title = StringField(*body, "title");
  if (!title) return title.error();
  Result<std::string> text = StringField(*body, "body");
  if (!text) return text.error();
  Result<int64_t> id = CreateProposal(ctx, *title, *text);
  if (!id) return id.error();
  Result<store::ProposalSummary> created = ctx.Decisions().FindProposal(ctx.community->id, *id);
  if (!created) return created.error();
  return JsonOf(ProposalJson(ctx, *created), 201);
}

Result<Response> ApiGetProposal(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  json::object out = ProposalJson(ctx, *summary);
  Result<std::vector<store::CommentView>> comments =
      ctx.Decisions().ListComments(summary->proposal.id);
  if (!comments) return comments.error();
  json::array comment_list;
  for (const store::CommentView& view : *comments) {
    json::object comment{{"id", view.comment.id},
                         {"author", view.author_name},
                         {"body", view.comment.body},
                         {"created_at", view.comment.created_at}};
    comment["parent_id"] =
        view.comment.parent_id ? json::value(view.comment.parent_id) : json::value(nullptr);
    comment_list.push_back(std::move(comment));
  }
  out["comment_list"] = std::move(comment_list);
  Result<std::vector<store::AmendmentView>> amendments =
      ctx.Decisions().ListAmendments(summary->proposal.id);
  if (!amendments) return amendments.error();
  json::array amendment_list;
  for (const store::AmendmentView& view : *amendments) {
    amendment_list.push_back(json::object{{"id", view.amendment.id},
                                          {"author", view.author_name},
                                          {"body", view.amendment.body},
                                          {"reason", view.amendment.reason},
                                          {"status", decisions::Name(view.amendment.status)},
                                          {"created_at", view.amendment.created_at}});
  }
  out["amendments"] = std::move(amendment_list);
  return JsonOf(out);
}

Result<Response> ApiCreateComment(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<json::object> body = BodyObject(ctx, {"parent_id", "body"});
  if (!body) return body.error();
  Result<int64_t> parent = IdField(*body, "parent_id");
  if (!parent) return parent.error();
  Result<std::string> text = StringField(*body, "body");
  if (!text) return text.error();
  Result<int64_t> id = AddComment(ctx, *summary, *parent, *text);
  if (!id) return id.error();
  return JsonOf(json::object{{"id", *id}}, 201);
}

Result<Response> ApiCreateAmendment(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<json::object> body = BodyObject(ctx, {"body", "reason"});
  if (!body) return body.error();
  Result<std::string> text = StringField(*body, "body");
  if (!text) return text.error();
  Result<std::string> reason = StringField(*body, "reason");
  if (!reason) return reason.error();
  Result<int64_t> id = ProposeAmendment(ctx, *summary, *text, *reason);
  if (!id) return id.error();
  return JsonOf(json::object{{"id", *id}, {"status", "proposed"}}, 201);
}

Result<Response> ApiDecideAmendment(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<json::object> body = BodyObject(ctx, {"status"});
  if (!body) return body.error();
  Result<std::string> status = StringField(*body, "status");
  if (!status) return status.error();
  if (*status != "accepted" && *status != "rejected") {
    return Error::InvalidArgument("accept or reject the amendment", "status");
  }
  Status decided = DecideAmendment(ctx, *summary, ctx.ParamId("amendment"), *status == "accepted");
  if (!decided) return decided.error();
  return JsonOf(json::object{{"id", ctx.ParamId("amendment")}, {"status", *status}});
}

Result<Response> ApiCreateDecision(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<json::object> body = BodyObject(ctx, kDecisionJsonFields);
  if (!body) return body.error();
  Result<DecisionFields> fields = ReadDecisionJson(*body);
  if (!fields) return fields.error();
  Result<Decision> decision = BuildDecision(ctx, summary->proposal.id, *fields);
  if (!decision) return decision.error();
  Result<int64_t> id = ctx.Decisions().CreateDecision(*decision);
  if (!id) return id.error();
  Result<Decision> created = ctx.Decisions().FindDecision(*id);
  if (!created) return created.error();
  return JsonOf(DecisionJson(ctx, *created), 201);
}

Result<Response> ApiGetDecision(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  json::object out = DecisionJson(ctx, *decision);
  Result<int64_t> voters = ctx.Decisions().CountVoters(decision->id);
  if (!voters) return voters.error();
  out["votes"] = *voters;
  out["community"] = ctx.community->slug;
  return JsonOf(out);
}

Result<Response> ApiCastBallot(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may vote");
  // What ReadBallotJson reads, for a decision of any kind, and the voter's key.
  Result<json::object> body =
      BodyObject(ctx, {"choice", "objection", "consent", "approved", "scores", "ranking", "key"});
  if (!body) return body.error();
  Result<decisions::Ballot> ballot = ReadBallotJson(*decision, *body);
  if (!ballot) return ballot.error();
  Result<std::string> key = StringField(*body, "key");
  if (!key) return key.error();
  Result<Cast> cast = CastBallot(ctx, *decision, *ballot, *key);
  if (!cast) return cast.error();
  json::object out{{"receipt", cast->result.receipt}, {"changed", cast->result.changed}};
  if (!cast->key.empty()) out["key"] = cast->key;
  return JsonOf(out, cast->result.changed ? 200 : 201);
}

Result<Response> ApiGetOwnBallot(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  Result<std::optional<store::OwnVote>> own =
      ctx.Decisions().FindOwnVote(decision->id, ctx.person->id);
  if (!own) return own.error();
  if (!*own) return Error::NotFound("you have not voted on this decision", "ballot");
  json::object out{{"voted_at", (*own)->voted_at}};
  if (!decision->secret) {
    Result<decisions::Ballot> ballot = decisions::ParseBallot(*decision, (*own)->content);
    if (!ballot) return ballot.error();
    out["ballot"] = decisions::BallotJson(decisions::KindOf(*decision), *ballot);
    out["receipt"] = (*own)->receipt;
  }
  return JsonOf(out);
}

Result<Response> ApiGetResults(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  Result<std::optional<decisions::Outcome>> outcome = VisibleOutcome(ctx, *decision);
  if (!outcome) return outcome.error();
  if (!*outcome) {
    return Error::FailedPrecondition("the results are shown when the vote closes", "decision");
  }
  json::object out = OutcomeJson(*decision, **outcome);
  out["final"] = decisions::PhaseAt(*decision, ctx.Now()) == decisions::Phase::kClosed;
  return JsonOf(out);
}

Result<Response> ApiListReceipts(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  const std::string& wanted = ctx.query.Get("receipt");
  if (!wanted.empty()) {
    Result<bool> found = HasReceipt(ctx, *decision, wanted);
    if (!found) return found.error();
    return JsonOf(json::object{{"receipt", wanted}, {"found", *found}});
  }
  Result<std::optional<std::vector<std::string>>> receipts = Receipts(ctx, *decision);
  if (!receipts) return receipts.error();
  if (!*receipts) {
    // A secret vote's list appears when it closes; a voter checks theirs with ?receipt=.
    return JsonOf(json::object{{"receipts", json::array()}, {"hidden_until_close", true}});
  }
  json::array items;
  for (const std::string& receipt : **receipts) items.push_back(json::string(receipt));
  return JsonOf(json::object{{"receipts", std::move(items)}});
}

Result<Response> ApiExportDecision(Context& ctx) {
  Result<Decision> decision = DecisionFromPath(ctx);
  if (!decision) return decision.error();
  Result<store::ProposalSummary> summary =
      ctx.Decisions().FindProposal(ctx.community->id, decision->proposal_id);
  if (!summary) return summary.error();
  Result<std::string> body = ExportDecision(ctx, *decision, summary->proposal.title);
  if (!body) return body.error();
  return JsonResponse(std::move(*body));
}

Result<Response> ApiListNotifications(Context& ctx) {
  SweepDecisions(ctx.services);
  Result<std::vector<store::Notification>> notifications =
      ctx.Decisions().ListNotifications(ctx.person->id, 100);
  if (!notifications) return notifications.error();
  json::array items;
  for (const store::Notification& n : *notifications) {
    items.push_back(json::object{{"id", n.id},
                                 {"kind", n.kind},
                                 {"community", n.community_slug},
                                 {"proposal_id", n.proposal_id},
                                 {"title", n.proposal_title},
                                 {"created_at", n.created_at},
                                 {"read", n.read}});
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiMarkNotificationsRead(Context& ctx) {
  if (Status none = NoBodyFields(ctx); !none) return none.error();
  Status marked = ctx.Decisions().MarkRead(ctx.person->id, 0);
  if (!marked) return marked.error();
  return JsonOf(json::object{{"read", true}});
}

Result<Response> ApiSetDiscussion(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<json::object> body = BodyObject(ctx, {"closed"});
  if (!body) return body.error();
  const json::value* closed = body->if_contains("closed");
  if (!closed || !closed->is_bool()) {
    return Error::InvalidArgument("write true or false", "closed");
  }
  if (Status saved = SetDiscussionClosed(ctx, *summary, closed->as_bool()); !saved) {
    return saved.error();
  }
  Result<store::ProposalSummary> after =
      ctx.Decisions().FindProposal(ctx.community->id, summary->proposal.id);
  if (!after) return after.error();
  return JsonOf(ProposalJson(ctx, *after));
}

}  // namespace andel::web
