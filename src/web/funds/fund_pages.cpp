// A fund as a page, through its phases: members propose projects, the board reviews them,
// members vote (approval within the fund, points or a ranking, editable until the board closes
// the vote), and the result with every project's explanation and a chart of how the money was
// shared among groups of voters; the ballots as a Pabulib file.
#include <algorithm>

#include "core/text.h"
#include "web/funds/actions.h"
#include "web/funds/handlers.h"
#include "web/funds/results.h"
#include "web/impact/indicator_tree.h"
#include "web/render/markdown.h"
#include "web/render/svg_chart.h"
#include "web/responses.h"

namespace andel::web {

std::string ProjectStatusLabel(const Context& ctx, funds::ProjectStatus status) {
  switch (status) {
    case funds::ProjectStatus::kSubmitted:
      return ctx.T("Awaiting review");
    case funds::ProjectStatus::kFeasible:
      return ctx.T("Feasible");
    case funds::ProjectStatus::kInfeasible:
      return ctx.T("Not feasible");
  }
  return "";
}

namespace {

std::string BallotLabel(const Context& ctx, funds::BallotKind kind) {
  switch (kind) {
    case funds::BallotKind::kApproval:
      return ctx.T("Choose projects within the fund");
    case funds::BallotKind::kCumulative:
      return ctx.T("Share out points");
    case funds::BallotKind::kRanking:
      return ctx.T("Rank the projects");
  }
  return "";
}

void AddProjects(Context& ctx, ViewData& page, const funds::Fund& fund,
                 const std::vector<funds::Project>& projects,
                 const std::optional<funds::Ballot>& mine, const ExpectedImpact& expected) {
  ViewData list = MakeList();
  const bool board = ctx.IsBoard();
  const bool reviewing =
      board && (fund.phase == funds::Phase::kProposing || fund.phase == funds::Phase::kReviewing);
  for (const funds::Project& p : projects) {
    const bool feasible = p.status == funds::ProjectStatus::kFeasible;
    if (fund.phase >= funds::Phase::kVoting && !feasible && !board &&
        !(ctx.person && ctx.person->id == p.proposer_person_id)) {
      continue;
    }
    ViewData item = MakeObject();
    item.set("id", std::to_string(p.id));
    item.set("title", p.title);
    item.set("cost", Money(ctx, fund, p.cost));
    item.set("cost_value", funds::AmountText(p.cost));
    item.set("category", p.category);
    item.set("status", ProjectStatusLabel(ctx, p.status));
    item.set("status_code", std::string(funds::Name(p.status)));
    item.set("description_html", RenderMarkdown(p.description));
    const bool own = ctx.person && ctx.person->id == p.proposer_person_id;
    if (!p.review_reason.empty() && (board || own)) item.set("reason", p.review_reason);
    if (reviewing) item.set("can_review", true);
    item.set("impact", ExpectedImpactView(ctx, expected, store::LinkSubject::kProject, p.id));
    if (feasible && fund.phase == funds::Phase::kVoting) {
      item.set("votable", true);
      if (mine) {
        for (size_t i = 0; i < mine->projects.size(); ++i) {
          if (mine->projects[i] != p.id) continue;
          item.set("chosen", true);
          item.set("mine_value",
                   fund.ballot == funds::BallotKind::kCumulative && i < mine->points.size()
                       ? std::to_string(mine->points[i])
                       : std::to_string(i + 1));
        }
      }
    }
    list.push_back(item);
  }
  page.set("projects", list);
}

// Adds the stored result to the page. False (and nothing added) while it is being computed.
Result<bool> AddResult(Context& ctx, ViewData& page, const funds::Fund& fund,
                       const std::vector<funds::Project>& projects) {
  Result<std::optional<FundOutcome>> stored = StoredFundResult(ctx, fund);
  if (!stored) return stored.error();
  if (!*stored) return false;
  const FundOutcome* result = &**stored;
  // The projects the result speaks of, by the ids it was computed with; a current result's
  // projects are all there (removing one would have made it stale).
  std::vector<funds::Project> feasible;
  for (int64_t id : result->projects) {
    const auto found = std::find_if(projects.begin(), projects.end(),
                                    [id](const funds::Project& p) { return p.id == id; });
    if (found == projects.end()) {
      return Error::Internal("the stored result names a project the fund does not have", "fund");
    }
    feasible.push_back(*found);
  }
  ViewData funded = MakeList(), unfunded = MakeList();
  std::vector<bool> selected(feasible.size(), false);
  for (int p : result->outcome.selection_order) selected[static_cast<size_t>(p)] = true;
  const auto item_of = [&](size_t p) {
    ViewData item = MakeObject();
    item.set("title", feasible[p].title);
    item.set("cost", Money(ctx, fund, feasible[p].cost));
    const auto e = result->outcome.explanations.find(static_cast<int>(p));
    if (e != result->outcome.explanations.end()) {
      item.set("why", ExplanationWords(ctx, fund, e->second));
    }
    return item;
  };
  for (int p : result->outcome.selection_order) funded.push_back(item_of(static_cast<size_t>(p)));
  for (size_t p = 0; p < feasible.size(); ++p) {
    if (!selected[p]) unfunded.push_back(item_of(p));
  }
  page.set("funded", funded);
  page.set("unfunded", unfunded);
  page.set("total_cost", Money(ctx, fund, result->outcome.total_cost));
  page.set("left_over", Money(ctx, fund, fund.amount - result->outcome.total_cost));
  page.set("voters", ctx.N("{n} voter", "{n} voters", result->voters));
  if (fund.rule == funds::Rule::kMes) page.set("mes", true);
  // The chart: the largest groups of voters, the rest together.
  std::vector<ShareBar> bars;
  ShareBar others{ctx.T("Other voters"), 0, 0, 0};
  for (size_t g = 0; g < result->groups.size(); ++g) {
    const funds::VoterGroup& group = result->groups[g];
    if (g >= 6) {
      others.voters += group.voters;
      others.paid += group.paid.get_d();
      others.fair_share += group.fair_share.get_d();
      continue;
    }
    std::string label;
    for (int p : group.funded) {
      label += (label.empty() ? "" : " + ") + feasible[static_cast<size_t>(p)].title;
    }
    if (label.empty()) label = ctx.T("Voted for no funded project");
    bars.push_back({label, group.voters, group.paid.get_d(), group.fair_share.get_d()});
  }
  if (others.voters > 0) bars.push_back(others);
  ShareChartText text;
  text.title = ctx.T("How the fund was shared among groups of voters");
  text.description =
      ctx.T("Voters who chose the same funded projects: what they paid, and their share.");
  text.group_heading = ctx.T("Group of voters");
  text.voters_heading = ctx.T("Voters");
  text.paid_heading = ctx.T("Paid for their projects");
  text.language = ctx.language;
  text.fair_share_heading = ctx.T("Fair share");
  text.currency = fund.currency;
  page.set("chart_html", ShareChart(bars, text));
  return true;
}

Result<Response> FundPage(Context& ctx, const funds::Fund& fund, int status,
                          const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, fund.title + " · " + ctx.community->name);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  page.set("id", std::to_string(fund.id));
  page.set("fund_id", std::to_string(fund.id));
  page.set("title", fund.title);
  page.set("amount", Money(ctx, fund, fund.amount));
  page.set("amount_value", funds::AmountText(fund.amount));
  page.set("currency", fund.currency);
  // No empty card for a fund without a description (an imported one).
  if (!Trim(fund.description).empty()) {
    page.set("description_html", RenderMarkdown(fund.description));
  }
  page.set("phase", PhaseLabel(ctx, fund.phase));
  page.set("ballot_label", BallotLabel(ctx, fund.ballot));
  ViewData steps = MakeList();
  for (funds::Phase phase : {funds::Phase::kProposing, funds::Phase::kReviewing,
                             funds::Phase::kVoting, funds::Phase::kResult}) {
    ViewData step = MakeObject();
    step.set("label", PhaseLabel(ctx, phase));
    if (phase == fund.phase) step.set("current", true);
    steps.push_back(step);
  }
  page.set("steps", steps);
  Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund.id);
  if (!projects) return projects.error();
  std::optional<funds::Ballot> mine;
  if (ctx.person && fund.phase == funds::Phase::kVoting) {
    Result<std::optional<funds::Ballot>> found =
        ctx.services.funds.FindBallot(fund.id, VoterOf(ctx));
    if (!found) return found.error();
    mine = *found;
    if (mine) page.set("has_voted", true);
  }
  Result<ExpectedImpact> expected = LoadExpectedImpact(ctx);
  if (!expected) return expected.error();
  AddProjects(ctx, page, fund, *projects, mine, *expected);
  if (ctx.IsBoard() && fund.phase != funds::Phase::kResult) {
    page.set("next_phase",
             PhaseLabel(ctx, static_cast<funds::Phase>(static_cast<int>(fund.phase) + 1)));
  }
  if (ctx.IsBoard() &&
      (fund.phase == funds::Phase::kProposing || fund.phase == funds::Phase::kReviewing)) {
    page.set("can_review", true);
  }
  if (fund.phase == funds::Phase::kProposing && ctx.membership && CheckMayPropose(ctx, fund)) {
    page.set("can_propose", true);
    for (const char* field : {"title", "description", "cost", "category"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
  }
  if (fund.phase == funds::Phase::kVoting) {
    page.set("voting", true);
    if (ctx.membership) page.set("can_vote", true);
    if (fund.ballot == funds::BallotKind::kApproval) page.set("approval", true);
    if (fund.ballot == funds::BallotKind::kCumulative) {
      page.set("cumulative", true);
      page.set("points", std::to_string(fund.points));
    }
    if (fund.ballot == funds::BallotKind::kRanking) page.set("ranking", true);
    Result<std::vector<funds::Ballot>> ballots = ctx.services.funds.Ballots(fund.id);
    if (!ballots) return ballots.error();
    page.set("ballot_count", ctx.N("{n} ballot so far.", "{n} ballots so far.",
                                   static_cast<int64_t>(ballots->size())));
  }
  bool computing = false;
  if (fund.phase == funds::Phase::kResult) {
    Result<bool> added = AddResult(ctx, page, fund, *projects);
    if (!added) return added.error();
    computing = !*added;
    page.set(computing ? "computing" : "result", true);
  }
  if (error) AddFieldError(ctx, page, *error);
  Response response = HtmlPage(ctx, "funds/fund", page, status);
  // Browsers reload the page by themselves until the result is there (no script needed).
  if (computing) response.AddHeader("Refresh", std::to_string(kFundResultRetrySeconds));
  return response;
}

// The ballot in a vote form: approval checkboxes "project", points "points_<id>", ranks
// "rank_<id>" (blank: not chosen).
Result<funds::Ballot> BallotFromForm(const Context& ctx, const funds::Fund& fund) {
  funds::Ballot ballot;
  ballot.voter = VoterOf(ctx);
  ballot.person_id = ctx.person->id;
  std::vector<std::pair<int, int64_t>> ranked;
  for (const auto& [name, value] : ctx.form.fields()) {
    if (fund.ballot == funds::BallotKind::kApproval && name == "project") {
      const int64_t id = std::atoll(value.c_str());
      if (id <= 0) return Error::InvalidArgument("the ballot names an unknown project", "ballot");
      ballot.projects.push_back(id);
      continue;
    }
    const std::string prefix = fund.ballot == funds::BallotKind::kCumulative ? "points_" : "rank_";
    if (fund.ballot == funds::BallotKind::kApproval || name.rfind(prefix, 0) != 0 ||
        Trim(value).empty()) {
      continue;
    }
    const int64_t id = std::atoll(name.c_str() + prefix.size());
    Result<int> number = FormInt(value, "ballot", 0, 0, 1000);
    if (!number || id <= 0) {
      return Error::InvalidArgument("write whole numbers in the ballot", "ballot");
    }
    if (*number == 0) continue;
    if (fund.ballot == funds::BallotKind::kCumulative) {
      ballot.projects.push_back(id);
      ballot.points.push_back(*number);
    } else {
      ranked.emplace_back(*number, id);
    }
  }
  if (fund.ballot == funds::BallotKind::kRanking) {
    std::sort(ranked.begin(), ranked.end());
    for (size_t i = 1; i < ranked.size(); ++i) {
      if (ranked[i].first == ranked[i - 1].first) {
        return Error::InvalidArgument("give each project its own place in the ranking", "ballot");
      }
    }
    for (const auto& [rank, id] : ranked) ballot.projects.push_back(id);
  }
  return ballot;
}

}  // namespace

Result<Response> ShowFund(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  return FundPage(ctx, *fund, 200, std::nullopt);
}

Result<Response> SubmitFundProject(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  if (Status may = CheckMayPropose(ctx, *fund); !may) return may.error();
  Result<funds::Project> project = ProposeProject(ctx, *fund, ctx.form);
  if (!project) return FundPage(ctx, *fund, HttpStatus(project.error().code), project.error());
  return Redirect(FundPath(ctx, fund->id) + "#project-" + std::to_string(project->id));
}

Result<Response> SubmitFundReview(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Status reviewed = ReviewProject(ctx, *fund, ctx.ParamId("project"), ctx.form.Get("status"),
                                  ctx.form.Get("reason"));
  if (!reviewed) return FundPage(ctx, *fund, HttpStatus(reviewed.error().code), reviewed.error());
  return Redirect(FundPath(ctx, fund->id) + "#project-" + std::to_string(ctx.ParamId("project")));
}

Result<Response> SubmitFundPhase(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  if (fund->phase == funds::Phase::kResult) {
    return FundPage(ctx, *fund, 409,
                    Error::FailedPrecondition("the fund's result is final", "phase"));
  }
  const auto next = static_cast<funds::Phase>(static_cast<int>(fund->phase) + 1);
  if (Status moved = MoveFundTo(ctx, *fund, next); !moved) return moved.error();
  return Redirect(FundPath(ctx, fund->id));
}

Result<Response> SubmitFundBallot(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<funds::Ballot> ballot = BallotFromForm(ctx, *fund);
  if (!ballot) return FundPage(ctx, *fund, 400, ballot.error());
  Result<funds::Ballot> saved = SaveFundBallot(ctx, *fund, *ballot);
  if (!saved) return FundPage(ctx, *fund, HttpStatus(saved.error().code), saved.error());
  return Redirect(FundPath(ctx, fund->id) + "?notice=" + UrlEncode("Saved."));
}

Result<Response> ExportFundPabulib(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  if (fund->phase != funds::Phase::kResult) {
    return Error::FailedPrecondition("the ballots are exported once the result is out", "fund");
  }
  Result<std::string> text = FundPabulib(ctx, *fund);
  if (!text) return text.error();
  return Download(std::move(*text), "text/plain; charset=utf-8",
                  "fund-" + std::to_string(fund->id) + ".pb");
}

}  // namespace andel::web
