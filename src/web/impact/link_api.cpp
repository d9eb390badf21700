// Impact tied to what produced it, in the JSON API: the decisions, fund projects and initiatives
// expected to move an indicator, the annual report with what contributed, the municipal
// programmes a community reports to, and a programme's roll-up.
#include <boost/json.hpp>

#include "impact/catalogue.h"
#include "web/api_support.h"
#include "web/impact/actions.h"
#include "web/impact/handlers.h"
#include "web/impact/indicator_tree.h"
#include "web/impact/programme.h"
#include "web/impact/report.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object LinkJson(const store::ImpactLink& link) {
  json::object out{{"indicator", link.indicator_id},
                   {"subject", store::Name(link.subject)},
                   {"subject_id", link.subject_id},
                   {"title", link.title}};
  if (link.subject == store::LinkSubject::kProposal) {
    out["decision_closes_at"] = link.closes_at ? json::value(link.closes_at) : nullptr;
    out["decision_closed_at"] = link.closed_at ? json::value(link.closed_at) : nullptr;
  } else if (link.subject == store::LinkSubject::kProject) {
    out["fund"] = link.fund_id;
    out["fund_phase"] = link.fund_phase;
  } else {
    out["stage"] = link.stage;
  }
  return out;
}

json::object ProgrammeJson(const store::ProgrammeEntry& programme) {
  return {{"slug", programme.slug}, {"name", programme.name}, {"joined_at", programme.joined_at}};
}

// The link the path names: {subject} and {subject_id}.
Result<std::pair<store::LinkSubject, int64_t>> LinkFromPath(const Context& ctx) {
  const auto subject = ctx.params.find("subject");
  Result<store::LinkSubject> kind =
      store::ParseLinkSubject(subject == ctx.params.end() ? "" : subject->second);
  if (!kind) return kind.error();
  const int64_t id = ctx.ParamId("subject_id");
  if (id == 0) return Error::NotFound("there is no such link", "subject_id");
  return std::pair{*kind, id};
}

}  // namespace

Result<Response> ApiListIndicatorLinks(Context& ctx) {
  Result<impact::Indicator> indicator =
      ctx.services.impact.FindIndicator(ctx.community->id, ctx.ParamId("id"));
  if (!indicator) return indicator.error();
  Result<std::vector<store::ImpactLink>> links = ctx.services.impact_links.Links(ctx.community->id);
  if (!links) return links.error();
  json::array items;
  for (const store::ImpactLink& link : *links) {
    if (link.indicator_id == indicator->id) items.push_back(LinkJson(link));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiCreateIndicatorLink(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"subject", "subject_id"});
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<store::LinkSubject> subject = store::ParseLinkSubject(form->Get("subject"));
  if (!subject) return subject.error();
  Result<int64_t> subject_id = PositiveId(form->Get("subject_id"), "subject_id");
  if (!subject_id) return subject_id.error();
  const int64_t indicator = ctx.ParamId("id");
  if (Status linked = ctx.services.impact_links.Link(ctx.community->id, indicator, *subject,
                                                     *subject_id, ctx.person->id, ctx.Now());
      !linked) {
    return linked.error();
  }
  Result<std::vector<store::ImpactLink>> links = ctx.services.impact_links.Links(ctx.community->id);
  if (!links) return links.error();
  for (const store::ImpactLink& link : *links) {
    if (link.indicator_id == indicator && link.subject == *subject &&
        link.subject_id == *subject_id) {
      return JsonOf(LinkJson(link), 201);
    }
  }
  return Error::Internal("the link was not kept");
}

Result<Response> ApiDeleteIndicatorLink(Context& ctx) {
  Result<std::pair<store::LinkSubject, int64_t>> link = LinkFromPath(ctx);
  if (!link) return link.error();
  if (Status removed =
          ctx.services.impact_links.Unlink(ctx.community->id, ctx.ParamId("id"), link->first,
                                           link->second, ctx.person->id, ctx.Now());
      !removed) {
    return removed.error();
  }
  return NoContent();
}

Result<Response> ApiImpactReport(Context& ctx) {
  Result<AnnualReport> report = BuildAnnualReport(ctx, ctx.ParamId("year"));
  if (!report) return report.error();
  const auto quantity = [](const std::optional<impact::Quantity>& q) -> json::value {
    if (!q) return nullptr;
    return json::string(impact::QuantityText(*q));
  };
  json::array indicators;
  for (const ReportIndicator& entry : report->indicators) {
    json::array months, contributors;
    for (const impact::Point& point : entry.months) {
      months.push_back({{"month", FormatIsoDate(point.period).substr(0, 7)},
                        {"value", impact::QuantityText(point.value)}});
    }
    for (const store::ImpactLink& link : entry.contributors) contributors.push_back(LinkJson(link));
    json::object item{{"indicator", entry.indicator->id},
                      {"name", IndicatorName(ctx, *entry.indicator)},
                      {"unit", IndicatorUnit(ctx, *entry.indicator)},
                      {"value", quantity(entry.value)},
                      {"year_before", quantity(entry.before)},
                      {"change_percent", nullptr},
                      {"change_same_months_only", entry.change_same_months_only},
                      {"progress", nullptr},
                      {"progress_from_parts", entry.from_parts},
                      {"target", nullptr},
                      {"months", std::move(months)},
                      {"contributors", std::move(contributors)}};
    if (entry.change_percent) item["change_percent"] = *entry.change_percent;
    if (entry.progress) item["progress"] = *entry.progress;
    if (entry.target) {
      item["target"] = {{"value", impact::QuantityText(entry.target->value)},
                        {"due", FormatIsoDate(entry.target->due)}};
    }
    if (impact::CountsPartnershipsFormed(*entry.indicator)) {
      item["partnerships"] = {{"matches", entry.matches}, {"circles", entry.circles}};
    }
    indicators.push_back(std::move(item));
  }
  json::array cases;
  for (const impact::ValueCase& value_case : report->cases) {
    cases.push_back({{"id", value_case.id}, {"title", value_case.title}});
  }
  return JsonOf(json::object{{"year", report->year},
                             {"indicators", std::move(indicators)},
                             {"value_cases", std::move(cases)}});
}

Result<Response> ApiListProgrammes(Context& ctx) {
  Result<std::vector<store::ProgrammeEntry>> programmes =
      ctx.services.programmes.ProgrammesOf(ctx.community->id);
  if (!programmes) return programmes.error();
  json::array items;
  for (const store::ProgrammeEntry& programme : *programmes) {
    items.push_back(ProgrammeJson(programme));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiJoinProgramme(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"programme"});
  if (!body) return body.error();
  Result<std::string> slug = StringField(*body, "programme");
  if (!slug) return slug.error();
  Result<communities::Community> programme = ctx.services.communities.FindBySlug(*slug);
  if (!programme) return Error::NotFound("there is no such municipal programme", "programme");
  if (Status joined =
          ctx.services.programmes.Join(programme->id, ctx.community->id, ctx.person->id, ctx.Now());
      !joined) {
    return joined.error();
  }
  return JsonOf(ProgrammeJson({programme->id, programme->slug, programme->name, ctx.Now()}), 201);
}

Result<Response> ApiLeaveProgramme(Context& ctx) {
  const auto slug = ctx.params.find("programme");
  Result<communities::Community> programme =
      ctx.services.communities.FindBySlug(slug == ctx.params.end() ? "" : slug->second);
  if (!programme) return Error::NotFound("there is no such municipal programme", "programme");
  if (Status left = ctx.services.programmes.Leave(programme->id, ctx.community->id, ctx.person->id,
                                                  ctx.Now());
      !left) {
    return left.error();
  }
  return NoContent();
}

Result<Response> ApiProgrammeRollup(Context& ctx) {
  const Date today = DateFromUnixSeconds(ctx.Now());
  Result<ProgrammeRollup> rollup = LoadRollup(ctx, today);
  if (!rollup) return rollup.error();
  json::array communities;
  for (const store::ProgrammeEntry& community : rollup->communities) {
    communities.push_back(ProgrammeJson(community));
  }
  json::array lines;
  for (const impact::RollupLine& line : rollup->lines) {
    const impact::Indicator& first = line.entries.front().indicator;
    json::array entries;
    for (const impact::RollupEntry& entry : line.entries) {
      json::object item{{"community", CommunityOf(*rollup, entry.community_id).slug},
                        {"indicator", entry.indicator.id},
                        {"current", nullptr},
                        {"target", nullptr},
                        {"progress", nullptr}};
      if (entry.current) item["current"] = impact::QuantityText(*entry.current);
      if (entry.target) {
        item["target"] = {{"value", impact::QuantityText(entry.target->value)},
                          {"due", FormatIsoDate(entry.target->due)}};
      }
      if (entry.progress) item["progress"] = *entry.progress;
      entries.push_back(std::move(item));
    }
    lines.push_back({{"catalogue_key", first.catalogue_key},
                     {"name", IndicatorName(ctx, first)},
                     {"unit", IndicatorUnit(ctx, first)},
                     {"aggregation", impact::Name(first.aggregation)},
                     {"total", line.total ? json::value(impact::QuantityText(*line.total))
                                          : json::value(nullptr)},
                     {"communities", std::move(entries)}});
  }
  return JsonOf(json::object{{"programme", ctx.community->slug},
                             {"communities", std::move(communities)},
                             {"indicators", std::move(lines)}});
}

}  // namespace andel::web
