// Votes as pages: casting a ballot, results with their explanation, the public list of
// receipts, printable minutes, the export, and notifications.

#include "core/local_time.h"
#include "core/text.h"
#include "web/communities/views.h"
#include "web/decisions/actions.h"
#include "web/decisions/handlers.h"
#include "web/decisions/proposal_page.h"
#include "web/decisions/views.h"
#include "web/flash.h"
#include "web/render/markdown.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

using decisions::Decision;

Result<Decision> DecisionOfProposal(Context& ctx, int64_t* proposal_id) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  if (!summary->decision) return Error::NotFound("this proposal has not been put to a vote", "id");
  if (proposal_id) *proposal_id = summary->proposal.id;
  return *summary->decision;
}

}  // namespace

Result<Response> SubmitVote(Context& ctx) {
  int64_t proposal_id = 0;
  Result<Decision> decision = DecisionOfProposal(ctx, &proposal_id);
  if (!decision) return decision.error();
  Result<decisions::Ballot> ballot = ReadBallotForm(*decision, ctx.form);
  if (!ballot) return Reshow(ctx, ballot.error(), FormArea::kVote);
  Result<Cast> cast = CastBallot(ctx, *decision, *ballot, ctx.form.Get("key"));
  if (!cast) return Reshow(ctx, cast.error(), FormArea::kVote);
  // The receipt page is a GET page (reload, bookmark, switch language); the ballot as cast and a
  // secret ballot's key travel to it in the browser's flash cookie, never stored with the voter.
  const std::string vote_path = ProposalPath(ctx, proposal_id) + "/vote";
  FlashValues flash{{"receipt", cast->result.receipt},
                    {"ballot", decisions::FormatBallot(*decision, *ballot)}};
  if (cast->result.changed) flash["changed"] = "1";
  if (!cast->key.empty()) flash["key"] = cast->key;
  SetFlash(ctx, vote_path, flash);
  return Redirect(vote_path);
}

Result<Response> ShowVoteCast(Context& ctx) {
  int64_t proposal_id = 0;
  Result<Decision> decision = DecisionOfProposal(ctx, &proposal_id);
  if (!decision) return decision.error();
  ViewData page = BasePage(ctx, ctx.T("Your vote is counted"));
  page.set("href", ProposalPath(ctx, proposal_id));
  page.set("receipts_href", ProposalPath(ctx, proposal_id) + "/receipts");
  if (decision->secret) page.set("secret", true);
  std::optional<FlashValues> flash = ReadFlash(ctx);
  std::optional<decisions::Ballot> ballot;
  std::string receipt;
  if (flash) {
    receipt = (*flash)["receipt"];
    if (Result<decisions::Ballot> cast = decisions::ParseBallot(*decision, (*flash)["ballot"])) {
      ballot = *cast;
    }
    if (flash->contains("changed")) page.set("changed", true);
    if (flash->contains("key")) page.set("key", (*flash)["key"]);
  } else {
    // Later visits: what the store knows of this member's vote (nothing but the time for a
    // secret ballot).
    Result<std::optional<store::OwnVote>> own =
        ctx.Decisions().FindOwnVote(decision->id, ctx.person->id);
    if (!own) return own.error();
    if (!*own) return Redirect(ProposalPath(ctx, proposal_id));
    page.set("voted_at", FormatDateTime(ctx.language, (*own)->voted_at));
    if (!decision->secret) {
      receipt = (*own)->receipt;
      if (Result<decisions::Ballot> stored = decisions::ParseBallot(*decision, (*own)->content)) {
        ballot = *stored;
      }
    }
  }
  if (ballot) page.set("ballot", DescribeBallot(ctx, *decision, *ballot));
  if (!receipt.empty()) page.set("receipt", receipt);
  return HtmlPage(ctx, "decisions/vote_cast", page);
}

Result<Response> ShowResults(Context& ctx) {
  int64_t proposal_id = 0;
  Result<Decision> decision = DecisionOfProposal(ctx, &proposal_id);
  if (!decision) return decision.error();
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  ViewData page = BasePage(ctx, ctx.T("Results") + " · " + summary->proposal.title);
  page.set("title", summary->proposal.title);
  page.set("href", ProposalPath(ctx, proposal_id));
  page.set("decision", DecisionItem(ctx, *decision));
  Result<std::optional<decisions::Outcome>> outcome = VisibleOutcome(ctx, *decision);
  if (!outcome) return outcome.error();
  if (*outcome) {
    ViewData view = OutcomeItem(ctx, *decision, **outcome);
    view.set("full", true);
    page.set("outcome_html", ctx.services.views.Render("decisions/outcome", ctx.language, view));
  } else {
    page.set("hidden", true);
  }
  return HtmlPage(ctx, "decisions/results", page);
}

Result<Response> ShowReceipts(Context& ctx) {
  int64_t proposal_id = 0;
  Result<Decision> decision = DecisionOfProposal(ctx, &proposal_id);
  if (!decision) return decision.error();
  Result<std::optional<std::vector<std::string>>> receipts = Receipts(ctx, *decision);
  if (!receipts) return receipts.error();
  ViewData page = BasePage(ctx, ctx.T("Receipts"));
  page.set("href", ProposalPath(ctx, proposal_id));
  const std::string& wanted = ctx.query.Get("receipt");
  if (!wanted.empty()) {
    Result<bool> found = HasReceipt(ctx, *decision, wanted);
    if (!found) return found.error();
    page.set(*found ? "found" : "not_found", true);
  }
  if (*receipts) {
    page.set("count",
             ctx.N("{n} ballot", "{n} ballots", static_cast<int64_t>((*receipts)->size())));
    ViewData list = MakeList();
    for (const std::string& receipt : **receipts) {
      ViewData item = MakeObject();
      item.set("receipt", receipt);
      if (!wanted.empty() && NormaliseCode(wanted) == NormaliseCode(receipt)) {
        item.set("mine", true);
      }
      list.push_back(item);
    }
    page.set("receipts", list);
    page.set("listed", true);
  } else {
    page.set("hidden", true);
  }
  page.set("wanted", wanted);
  if (decisions::PhaseAt(*decision, ctx.Now()) == decisions::Phase::kClosed) {
    page.set("export_href", ProposalPath(ctx, proposal_id) + "/export.json");
  }
  return HtmlPage(ctx, "decisions/receipts", page);
}

Result<Response> ShowMinutes(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  if (!summary->decision ||
      decisions::PhaseAt(*summary->decision, ctx.Now()) != decisions::Phase::kClosed) {
    return Error::FailedPrecondition("minutes are written once the decision has closed",
                                     "decision");
  }
  const Decision& decision = *summary->decision;
  ViewData page = BasePage(ctx, ctx.T("Minutes") + " · " + summary->proposal.title);
  page.set("community_name", ctx.community->name);
  page.set("title", summary->proposal.title);
  page.set("author", summary->author_name);
  page.set("href", ProposalPath(ctx, summary->proposal.id));
  page.set("body_html", RenderMarkdown(summary->proposal.body));
  page.set("decision", DecisionItem(ctx, decision));
  page.set("closed_at", FormatDateTime(ctx.language, decision.closed_at));
  page.set("votes_cast",
           ReplaceAll(ctx.N("{n} vote cast of {eligible} eligible",
                            "{n} votes cast of {eligible} eligible", summary->voters),
                      "{eligible}", FormatInteger(ctx.language, decision.eligible_weight)));
  Result<std::optional<decisions::Outcome>> outcome = VisibleOutcome(ctx, decision);
  if (!outcome) return outcome.error();
  if (*outcome) {
    ViewData view = OutcomeItem(ctx, decision, **outcome);
    view.set("full", true);
    page.set("outcome_html", ctx.services.views.Render("decisions/outcome", ctx.language, view));
  }
  if (!decision.secret) {
    Result<std::vector<store::NamedBallot>> named = ctx.Decisions().ListNamedBallots(decision.id);
    if (!named) return named.error();
    ViewData list = MakeList();
    for (const store::NamedBallot& ballot : *named) {
      Result<decisions::Ballot> parsed = decisions::ParseBallot(decision, ballot.content);
      if (!parsed) continue;
      ViewData item = MakeObject();
      item.set("name", ballot.voter_name);
      item.set("ballot", DescribeBallot(ctx, decision, *parsed));
      list.push_back(item);
    }
    page.set("named_ballots", list);
    page.set("open_ballot", true);
  }
  page.set("printed", FormatDateTime(ctx.language, ctx.Now()));
  return HtmlPage(ctx, "decisions/minutes", page);
}

Result<Response> ExportDecisionPage(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  if (!summary->decision) return Error::NotFound("this proposal has not been put to a vote", "id");
  Result<std::string> body = ExportDecision(ctx, *summary->decision, summary->proposal.title);
  if (!body) return body.error();
  return Download(std::move(*body), "application/json",
                  "decision-" + std::to_string(summary->decision->id) + ".json");
}

Result<Response> ShowNotifications(Context& ctx) {
  SweepDecisions(ctx.services);
  Result<std::vector<store::Notification>> notifications =
      ctx.Decisions().ListNotifications(ctx.person->id, 100);
  if (!notifications) return notifications.error();
  ViewData page = BasePage(ctx, ctx.T("Notifications"));
  page.set("csrf", ctx.CsrfToken());
  ViewData list = MakeList();
  static const std::string kNew = "New proposal";
  static const std::string kClosing = "Voting closes within 24 hours";
  static const std::string kResult = "The result is in";
  for (const store::Notification& n : *notifications) {
    ViewData item = MakeObject();
    item.set("kind", n.kind == "proposal.new"       ? ctx.T(kNew)
                     : n.kind == "decision.closing" ? ctx.T(kClosing)
                                                    : ctx.T(kResult));
    item.set("title", n.proposal_title);
    item.set("community", n.community_name);
    item.set("href", "/c/" + n.community_slug + "/proposals/" + std::to_string(n.proposal_id));
    item.set("created", FormatDateTime(ctx.language, n.created_at));
    if (!n.read) item.set("unread", true);
    list.push_back(item);
  }
  page.set("notifications", list);
  if (notifications->empty()) page.set("none", true);
  return HtmlPage(ctx, "decisions/notifications", page);
}

Result<Response> SubmitNotificationsRead(Context& ctx) {
  Status marked = ctx.Decisions().MarkRead(ctx.person->id, 0);
  if (!marked) return marked.error();
  return Redirect("/notifications");
}

}  // namespace andel::web
