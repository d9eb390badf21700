// Funds in the JSON API: the same phases, projects, ballots, result and Pabulib files as the
// pages.
#include <algorithm>
#include <boost/json.hpp>

#include "core/text.h"
#include "web/api_support.h"
#include "web/funds/actions.h"
#include "web/funds/handlers.h"
#include "web/funds/results.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object FundJson(const funds::Fund& fund) {
  return {{"id", fund.id},
          {"title", fund.title},
          {"description", fund.description},
          {"amount", funds::AmountText(fund.amount)},
          {"currency", fund.currency},
          {"ballot", funds::Name(fund.ballot)},
          {"points", fund.points},
          {"rule", funds::Name(fund.rule)},
          {"completion", budgeting::Name(fund.completion)},
          {"proposers", funds::Name(fund.proposers)},
          {"phase", funds::Name(fund.phase)},
          {"created_at", fund.created_at}};
}

json::object ProjectJson(const Context& ctx, const funds::Project& p) {
  json::object out{{"id", p.id},
                   {"title", p.title},
                   {"description", p.description},
                   {"cost", funds::AmountText(p.cost)},
                   {"category", p.category},
                   {"status", funds::Name(p.status)}};
  const bool own = ctx.person && ctx.person->id == p.proposer_person_id;
  if (!p.review_reason.empty() && (own || ctx.IsBoard())) out["review_reason"] = p.review_reason;
  return out;
}

Result<std::vector<int64_t>> IdList(const json::object& body, const char* name) {
  std::vector<int64_t> out;
  const json::value* value = body.if_contains(name);
  if (!value) return out;
  if (!value->is_array()) return Error::InvalidArgument("this must be a list of numbers", name);
  for (const json::value& item : value->as_array()) {
    if (!item.is_int64()) return Error::InvalidArgument("this must be a list of numbers", name);
    out.push_back(item.as_int64());
  }
  return out;
}

}  // namespace

Result<Response> ApiListFunds(Context& ctx) {
  Result<std::vector<funds::Fund>> all = ctx.services.funds.List(ctx.community->id);
  if (!all) return all.error();
  json::array items;
  for (const funds::Fund& fund : *all) items.push_back(FundJson(fund));
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiCreateFund(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kFundFields);
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  for (const auto& [name, fallback] : {std::pair{"ballot", "approval"}, std::pair{"rule", "mes"},
                                       std::pair{"proposers", "members"}}) {
    if (!form->Has(name)) form->Add(name, fallback);
  }
  Result<funds::Fund> fund = FundFromFields(ctx, *form);
  if (!fund) return fund.error();
  Result<int64_t> id = ctx.services.funds.Create(*fund, ctx.Now());
  if (!id) return id.error();
  Result<funds::Fund> created = ctx.services.funds.Find(*id);
  if (!created) return created.error();
  return JsonOf(FundJson(*created), 201);
}

Result<Response> ApiImportFund(Context& ctx) {
  Result<int64_t> id =
      ImportFundOnPool(ctx, std::string(ctx.request.Body()), ctx.query.Get("title"));
  if (!id) return id.error();
  Result<funds::Fund> created = ctx.services.funds.Find(*id);
  if (!created) return created.error();
  return JsonOf(FundJson(*created), 201);
}

Result<Response> ApiGetFund(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund->id);
  if (!projects) return projects.error();
  json::array items;
  for (const funds::Project& p : *projects) {
    const bool own = ctx.person && ctx.person->id == p.proposer_person_id;
    if (fund->phase >= funds::Phase::kVoting && p.status != funds::ProjectStatus::kFeasible &&
        !own && !ctx.IsBoard()) {
      continue;
    }
    items.push_back(ProjectJson(ctx, p));
  }
  json::object out = FundJson(*fund);
  out["projects"] = std::move(items);
  return JsonOf(out);
}

Result<Response> ApiProposeFundProject(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  if (Status may = CheckMayPropose(ctx, *fund); !may) return may.error();
  Result<json::object> body = BodyObject(ctx, {"title", "description", "category", "cost"});
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<funds::Project> project = ProposeProject(ctx, *fund, *form);
  if (!project) return project.error();
  return JsonOf(ProjectJson(ctx, *project), 201);
}

Result<Response> ApiReviewFundProject(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<json::object> body = BodyObject(ctx, {"status", "reason"});
  if (!body) return body.error();
  Result<std::string> status = StringField(*body, "status");
  if (!status) return status.error();
  Result<std::string> reason = StringField(*body, "reason");
  if (!reason) return reason.error();
  Status reviewed = ReviewProject(ctx, *fund, ctx.ParamId("project"), *status, *reason);
  if (!reviewed) return reviewed.error();
  Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund->id);
  if (!projects) return projects.error();
  Result<funds::Project> project = FundProjectFromPath(ctx, *projects);
  if (!project) return project.error();
  return JsonOf(ProjectJson(ctx, *project));
}

Result<Response> ApiAdvanceFund(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<json::object> body = BodyObject(ctx, {"phase"});
  if (!body) return body.error();
  Result<std::string> phase_text = StringField(*body, "phase");
  if (!phase_text) return phase_text.error();
  Result<funds::Phase> phase = funds::ParsePhase(*phase_text);
  if (!phase) return phase.error();
  if (Status moved = MoveFundTo(ctx, *fund, *phase); !moved) return moved.error();
  Result<funds::Fund> now = ctx.services.funds.Find(fund->id);
  if (!now) return now.error();
  return JsonOf(FundJson(*now));
}

Result<Response> ApiPutFundBallot(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<json::object> body = BodyObject(ctx, {"projects", "points"});
  if (!body) return body.error();
  Result<std::vector<int64_t>> ids = IdList(*body, "projects");
  if (!ids) return ids.error();
  Result<std::vector<int64_t>> points = IdList(*body, "points");
  if (!points) return points.error();
  funds::Ballot ballot;
  ballot.voter = VoterOf(ctx);
  ballot.person_id = ctx.person->id;
  ballot.projects = *ids;
  for (int64_t p : *points) {
    if (p < 0 || p > 1000) return Error::InvalidArgument("points are from 1 to 1000", "points");
    ballot.points.push_back(static_cast<int>(p));
  }
  Result<funds::Ballot> checked = SaveFundBallot(ctx, *fund, ballot);
  if (!checked) return checked.error();
  json::array saved_ids, saved_points;
  for (int64_t id : checked->projects) saved_ids.push_back(id);
  for (int p : checked->points) saved_points.push_back(p);
  return JsonOf(
      json::object{{"projects", std::move(saved_ids)}, {"points", std::move(saved_points)}});
}

Result<Response> ApiGetFundBallot(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  Result<std::optional<funds::Ballot>> mine = ctx.services.funds.FindBallot(fund->id, VoterOf(ctx));
  if (!mine) return mine.error();
  if (!*mine) return Error::NotFound("you have not voted in this fund", "ballot");
  json::array ids, points;
  for (int64_t id : (*mine)->projects) ids.push_back(id);
  for (int p : (*mine)->points) points.push_back(p);
  return JsonOf(json::object{{"projects", std::move(ids)},
                             {"points", std::move(points)},
                             {"updated_at", (*mine)->updated_at}});
}

Result<Response> ApiGetFundResult(Context& ctx) {
  Result<funds::Fund> fund = FundFromPath(ctx);
  if (!fund) return fund.error();
  if (fund->phase != funds::Phase::kResult) {
    return Error::FailedPrecondition("the result is out once the vote has closed", "fund");
  }
  Result<std::optional<FundOutcome>> stored = StoredFundResult(ctx, *fund);
  if (!stored) return stored.error();
  if (!*stored) {
    // Not computed yet for the current inputs: it is queued; the client asks again.
    Response pending = JsonOf(
        json::object{{"status", "computing"},
                     {"message", ctx.T("The result is being computed. Please reload in a moment.")},
                     {"retry_after", kFundResultRetrySeconds}},
        202);
    pending.AddHeader("Retry-After", std::to_string(kFundResultRetrySeconds));
    return pending;
  }
  const FundOutcome* result = &**stored;
  const auto id_of = [&](int p) {
    return json::string(std::to_string(result->projects[static_cast<size_t>(p)]));
  };
  json::array order, selected, groups;
  std::vector<std::string> selected_ids;
  for (int p : result->outcome.selection_order) {
    order.push_back(id_of(p));
    selected_ids.push_back(std::string(id_of(p)));
  }
  // Byte-wise order of the ids, as budgeting::SelectedIds gives them.
  std::sort(selected_ids.begin(), selected_ids.end());
  for (const std::string& id : selected_ids) selected.push_back(json::string(id));
  json::object explanations;
  for (const auto& [p, e] : result->outcome.explanations) {
    json::object item{{"funded", e.funded}, {"words", ExplanationWords(ctx, *fund, e)}};
    if (e.funded) {
      item["by"] = e.how;
      item[e.how == "mes" ? "round" : "position"] = e.round;
      if (e.rho) item["rho"] = budgeting::ExactText(*e.rho);
    } else {
      item["reason"] = e.reason;
      if (e.supporters_money) item["supporters_money"] = budgeting::ExactText(*e.supporters_money);
    }
    explanations[id_of(p)] = std::move(item);
  }
  for (const funds::VoterGroup& group : result->groups) {
    json::array funded;
    for (int p : group.funded) funded.push_back(id_of(p));
    groups.push_back(json::object{{"projects", std::move(funded)},
                                  {"voters", group.voters},
                                  {"paid", budgeting::ExactText(group.paid)},
                                  {"fair_share", budgeting::ExactText(group.fair_share)}});
  }
  return JsonOf(json::object{{"rule", funds::Name(fund->rule)},
                             {"utility", budgeting::Name(funds::UtilityOf(fund->ballot))},
                             {"completion", budgeting::Name(fund->completion)},
                             {"budget", budgeting::ExactText(fund->amount)},
                             {"voters", result->voters},
                             {"selected", std::move(selected)},
                             {"selection_order", std::move(order)},
                             {"total_cost", budgeting::ExactText(result->outcome.total_cost)},
                             {"explanations", std::move(explanations)},
                             {"groups", std::move(groups)},
                             {"status", "current"},
                             {"computed_at", result->computed_at},
                             {"fingerprint", result->fingerprint}});
}

}  // namespace andel::web
