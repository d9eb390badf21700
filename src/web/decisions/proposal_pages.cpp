// Proposals as pages: the list, a proposal with its text, amendments, discussion and decision
// (with the vote form), and putting a proposal to a vote.

#include "core/local_time.h"
#include "core/text.h"
#include "web/communities/views.h"
#include "web/decisions/actions.h"
#include "web/decisions/handlers.h"
#include "web/decisions/proposal_page.h"
#include "web/decisions/views.h"
#include "web/impact/indicator_tree.h"
#include "web/render/markdown.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

using decisions::Decision;

constexpr int kProposalsPerPage = 50;

ViewData ProposalListItem(const Context& ctx, const store::ProposalSummary& summary) {
  ViewData item = MakeObject();
  item.set("href", ProposalPath(ctx, summary.proposal.id));
  item.set("title", summary.proposal.title);
  item.set("author", summary.author_name);
  item.set("created", FormatDate(ctx.language, DateFromUnixSeconds(summary.proposal.created_at)));
  item.set("comments", ctx.N("{n} comment", "{n} comments", summary.comments));
  if (summary.decision) {
    item.set("decision", DecisionItem(ctx, *summary.decision));
    item.set("voters", ctx.N("{n} vote", "{n} votes", summary.voters));
  } else {
    item.set("in_discussion", true);
  }
  return item;
}

Result<Response> ProposalsPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Proposals") + " · " + ctx.community->name);
  const int page_number = std::max(1, PageNumber(ctx));
  Result<store::ProposalFilter> filter = ProposalFilterFrom(ctx, ctx.query);
  if (!filter) return filter.error();
  Result<std::vector<store::ProposalSummary>> proposals = ctx.Decisions().ListProposals(
      ctx.community->id, (page_number - 1) * kProposalsPerPage, kProposalsPerPage, *filter);
  if (!proposals) return proposals.error();
  Result<int64_t> total = ctx.Decisions().CountProposals(ctx.community->id, *filter);
  if (!total) return total.error();
  // The filters, as chosen.
  page.set("q", filter->search);
  ViewData states = MakeList();
  for (const auto& [code, label] :
       {std::pair{"", "Any state"}, std::pair{"discussion", "In discussion"},
        std::pair{"upcoming", "Vote not yet open"}, std::pair{"open", "Vote open"},
        std::pair{"closing", "Closing within three days"}, std::pair{"closed", "Vote closed"}}) {
    ViewData option = MakeObject();
    option.set("code", code);
    option.set("label", ctx.T(label));
    if (filter->state == code) option.set("selected", true);
    states.push_back(option);
  }
  page.set("states", states);
  page.set("methods", MethodOptions(ctx, filter->method));
  if (ctx.person) page.set("signed_in", true);
  if (filter->author_person_id != 0) page.set("mine", true);
  const bool filtered = !filter->search.empty() || !filter->state.empty() ||
                        !filter->method.empty() || filter->author_person_id != 0;
  if (filtered) {
    page.set("filtered", true);
    page.set("found", ctx.N("{n} proposal found", "{n} proposals found", *total));
  }
  ViewData list = MakeList();
  for (const store::ProposalSummary& summary : *proposals) {
    list.push_back(ProposalListItem(ctx, summary));
  }
  page.set("proposals", list);
  if (proposals->empty() && !filtered) page.set("none", true);
  page.set("slug", ctx.community->slug);
  std::string base = "/c/" + ctx.community->slug + "/proposals?";
  for (const char* key : {"q", "state", "method", "mine"}) {
    if (!ctx.query.Get(key).empty())
      base += std::string(key) + "=" + UrlEncode(ctx.query.Get(key)) + "&";
  }
  base += "page=";
  if (page_number > 1) page.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kProposalsPerPage < *total) {
    page.set("next", base + std::to_string(page_number + 1));
  }
  if (ctx.membership) {
    page.set("can_propose", true);
    page.set("csrf", ctx.CsrfToken());
    page.set("new_title", ctx.form.Get("title"));
    page.set("new_body", ctx.form.Get("body"));
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "decisions/proposal_list", page, status);
}

}  // namespace

std::string ProposalPath(const Context& ctx, int64_t id) {
  return "/c/" + ctx.community->slug + "/proposals/" + std::to_string(id);
}

Result<Response> ProposalPage(Context& ctx, int status, const std::optional<Error>& error,
                              FormArea area) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  const decisions::Proposal& proposal = summary->proposal;
  ViewData page = BasePage(ctx, proposal.title);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  page.set("href", ProposalPath(ctx, proposal.id));
  page.set("title", proposal.title);
  page.set("author", summary->author_name);
  page.set("created", FormatDateTime(ctx.language, proposal.created_at));
  page.set("body_html", RenderMarkdown(proposal.body));
  const bool member = ctx.membership.has_value();
  const bool author = ctx.person && ctx.person->id == proposal.author_person_id;
  const bool closed = proposal.discussion_closed_at != 0;
  if (member && !closed) page.set("member", true);
  if (closed) {
    page.set("discussion_closed", ctx.T("The discussion was closed on") + " " +
                                      FormatDateTime(ctx.language, proposal.discussion_closed_at) +
                                      ".");
  }
  if (member && (author || ctx.IsBoard())) page.set("may_close", true);

  Result<std::vector<store::AmendmentView>> amendments =
      ctx.Decisions().ListAmendments(proposal.id);
  if (!amendments) return amendments.error();
  ViewData amendment_list = MakeList();
  const bool may_decide_amendments = !summary->decision && (author || ctx.IsBoard());
  for (const store::AmendmentView& view : *amendments) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(view.amendment.id));
    item.set("author", view.author_name);
    item.set("reason", view.amendment.reason);
    item.set("body_html", RenderMarkdown(view.amendment.body));
    item.set("created", FormatDateTime(ctx.language, view.amendment.created_at));
    switch (view.amendment.status) {
      case decisions::AmendmentStatus::kProposed:
        item.set("status", ctx.T("Proposed"));
        if (may_decide_amendments) item.set("can_settle", true);
        break;
      case decisions::AmendmentStatus::kAccepted:
        item.set("status", ctx.T("Accepted"));
        break;
      case decisions::AmendmentStatus::kRejected:
        item.set("status", ctx.T("Rejected"));
        break;
    }
    amendment_list.push_back(item);
  }
  page.set("amendments", amendment_list);
  if (member && !summary->decision) {
    page.set("can_amend", true);
    page.set("amend_body", area == FormArea::kAmendment ? ctx.form.Get("body") : proposal.body);
    if (area == FormArea::kAmendment) page.set("amend_reason", ctx.form.Get("reason"));
  }

  Result<std::vector<store::CommentView>> comments = ctx.Decisions().ListComments(proposal.id);
  if (!comments) return comments.error();
  // Replies are shown under the comment that starts their thread.
  std::map<int64_t, int64_t> thread_of;
  std::map<int64_t, ViewData> threads;
  std::vector<int64_t> order;
  for (const store::CommentView& view : *comments) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(view.comment.id));
    item.set("author", view.author_name);
    item.set("created", FormatDateTime(ctx.language, view.comment.created_at));
    item.set("body_html", RenderMarkdown(view.comment.body));
    const auto parent = thread_of.find(view.comment.parent_id);
    if (view.comment.parent_id == 0 || parent == thread_of.end()) {
      thread_of[view.comment.id] = view.comment.id;
      item.set("replies", MakeList());
      threads.emplace(view.comment.id, item);
      order.push_back(view.comment.id);
    } else {
      thread_of[view.comment.id] = parent->second;
      ViewData& thread = threads.at(parent->second);
      ViewData replies = *thread.get("replies");
      replies.push_back(item);
      thread.set("replies", replies);
    }
  }
  ViewData comment_list = MakeList();
  for (int64_t id : order) comment_list.push_back(threads.at(id));
  page.set("comments", comment_list);
  if (area == FormArea::kComment) page.set("comment_body", ctx.form.Get("body"));

  if (summary->decision) {
    const Decision& decision = *summary->decision;
    ViewData item = DecisionItem(ctx, decision);
    item.set("voters", FormatInteger(ctx.language, summary->voters));
    page.set("decision", item);
    Result<std::optional<store::RollEntry>> on_roll = std::optional<store::RollEntry>();
    if (member && decisions::PhaseAt(decision, ctx.Now()) == decisions::Phase::kOpen) {
      on_roll = ctx.Decisions().FindOnRoll(decision.id, ctx.person->id);
      if (!on_roll) return on_roll.error();
      if (*on_roll) {
        page.set("roll_code", (*on_roll)->code);
      } else {
        page.set("not_on_roll", true);
      }
    }
    if (on_roll && *on_roll) {
      page.set("can_vote", true);
      Result<std::optional<store::OwnVote>> own =
          ctx.Decisions().FindOwnVote(decision.id, ctx.person->id);
      if (!own) return own.error();
      if (*own) {
        page.set("voted_at", FormatDateTime(ctx.language, (*own)->voted_at));
        if (!(*own)->content.empty() || !decision.secret) {
          Result<decisions::Ballot> ballot = decisions::ParseBallot(decision, (*own)->content);
          if (ballot) {
            page.set("own_ballot", DescribeBallot(ctx, decision, *ballot));
            // Changing the vote starts from the ballot as cast.
            ctx.prefill = Context::Prefill{.action = ProposalPath(ctx, proposal.id) + "/vote",
                                           .values = BallotForm(decision, *ballot)};
          }
          page.set("own_receipt", (*own)->receipt);
        }
        if (decision.secret) page.set("needs_key", true);
      }
    }
    Result<std::optional<decisions::Outcome>> outcome = VisibleOutcome(ctx, decision);
    if (!outcome) return outcome.error();
    if (*outcome) {
      ViewData view = OutcomeItem(ctx, decision, **outcome);
      page.set("outcome_html", ctx.services.views.Render("decisions/outcome", ctx.language, view));
      page.set("has_outcome", true);
    }
  } else if (ctx.IsBoard()) {
    page.set("can_decide", true);
    const std::string& method = area == FormArea::kDecision ? ctx.form.Get("method") : "motion";
    page.set("methods", MethodOptions(ctx, method));
    if (area == FormArea::kDecision) {
      page.set("form_options", ctx.form.Get("options"));
      page.set("form_closes_at", ctx.form.Get("closes_at"));
      page.set("form_opens_at", ctx.form.Get("opens_at"));
      page.set("form_seats", ctx.form.Get("seats"));
    } else {
      page.set("form_closes_at", FormatLocalDateTime(ctx.Now() + 7 * 24 * 3600));
      page.set("form_seats", "2");
    }
  }
  if (error) {
    AddFieldError(ctx, page, *error);
    const char* where = area == FormArea::kComment     ? "comment_error"
                        : area == FormArea::kAmendment ? "amendment_error"
                        : area == FormArea::kDecision  ? "decision_error"
                                                       : "vote_error";
    page.set(where, ctx.T(error->message));
  }
  Result<ExpectedImpact> expected = LoadExpectedImpact(ctx);
  if (!expected) return expected.error();
  page.set("is_board", ctx.IsBoard());
  page.set("impact",
           ExpectedImpactView(ctx, *expected, store::LinkSubject::kProposal, proposal.id));
  return HtmlPage(ctx, "decisions/proposal", page, status);
}

Result<Response> Reshow(Context& ctx, const Error& error, FormArea area) {
  if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kFailedPrecondition ||
      error.code == ErrorCode::kAlreadyExists) {
    return ProposalPage(ctx, HttpStatus(error.code), error, area);
  }
  return error;
}

Result<Response> ShowProposals(Context& ctx) { return ProposalsPage(ctx, 200, std::nullopt); }

Result<Response> SubmitProposal(Context& ctx) {
  Result<int64_t> id = CreateProposal(ctx, ctx.form.Get("title"), ctx.form.Get("body"));
  if (!id) {
    if (id.error().code == ErrorCode::kInvalidArgument) return ProposalsPage(ctx, 400, id.error());
    return id.error();
  }
  return Redirect(ProposalPath(ctx, *id) + "?notice=" + UrlEncode("Saved."));
}

Result<Response> ShowProposal(Context& ctx) {
  return ProposalPage(ctx, 200, std::nullopt, FormArea::kNone);
}

Result<Response> SubmitComment(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  int64_t parent_id = 0;
  const std::string& parent = ctx.form.Get("parent");
  if (!parent.empty()) {
    parent_id = std::atoll(parent.c_str());
    if (parent_id <= 0) return Error::NotFound("no such comment to reply to", "parent");
  }
  Result<int64_t> id = AddComment(ctx, *summary, parent_id, ctx.form.Get("body"));
  if (!id) return Reshow(ctx, id.error(), FormArea::kComment);
  return Redirect(ProposalPath(ctx, summary->proposal.id) + "#comment-" + std::to_string(*id));
}

Result<Response> SubmitDiscussionState(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  const std::string& state = ctx.form.Get("state");
  if (state != "closed" && state != "open") {
    return Error::InvalidArgument("close or reopen the discussion", "state");
  }
  if (Status saved = SetDiscussionClosed(ctx, *summary, state == "closed"); !saved) {
    return saved.error();
  }
  return Redirect(ProposalPath(ctx, summary->proposal.id) + "#discussion");
}

Result<Response> SubmitAmendment(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<int64_t> id =
      ProposeAmendment(ctx, *summary, ctx.form.Get("body"), ctx.form.Get("reason"));
  if (!id) return Reshow(ctx, id.error(), FormArea::kAmendment);
  return Redirect(ProposalPath(ctx, summary->proposal.id) + "#amendment-" + std::to_string(*id));
}

Result<Response> SubmitAmendmentDecision(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  const std::string& choice = ctx.form.Get("choice");
  if (choice != "accept" && choice != "reject") {
    return Error::InvalidArgument("accept or reject the amendment", "choice");
  }
  Status decided = DecideAmendment(ctx, *summary, ctx.ParamId("amendment"), choice == "accept");
  if (!decided) return Reshow(ctx, decided.error(), FormArea::kAmendment);
  return Redirect(ProposalPath(ctx, summary->proposal.id) + "?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitDecision(Context& ctx) {
  Result<store::ProposalSummary> summary = ProposalFromPath(ctx);
  if (!summary) return summary.error();
  Result<DecisionFields> fields = ReadDecisionForm(ctx.form);
  if (!fields) return Reshow(ctx, fields.error(), FormArea::kDecision);
  Result<Decision> decision = BuildDecision(ctx, summary->proposal.id, *fields);
  if (!decision) return Reshow(ctx, decision.error(), FormArea::kDecision);
  Result<int64_t> id = ctx.Decisions().CreateDecision(*decision);
  if (!id) return Reshow(ctx, id.error(), FormArea::kDecision);
  return Redirect(ProposalPath(ctx, summary->proposal.id) + "?notice=" + UrlEncode("Saved."));
}
}  // namespace andel::web
