// The consortium builder: the smallest team of members that covers a task's competences with
// enough categories, and who covers what. As a page (a GET form) and in the API.
#include <boost/json.hpp>
#include <charconv>
#include <cstdio>

#include "core/text.h"
#include "matching/consortium.h"
#include "web/api_support.h"
#include "web/community_views.h"
#include "web/handlers.h"
#include "web/partners.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

struct Task {
  std::vector<std::string> needs;  // competence keys
  int min_categories = 1;
};

// The needs as written (labels in any language resolve to the community's competences).
Result<std::vector<std::string>> Needs(const CompetenceLabels& labels, const std::string& text) {
  Result<std::vector<std::pair<std::string, std::string>>> entries = ReadCompetences(text, "needs");
  if (!entries) return entries.error();
  ResolveCompetences(labels, *entries);
  if (entries->empty())
    return Error::InvalidArgument("name the competences the task needs", "needs");
  if (entries->size() > 32)
    return Error::InvalidArgument("a task can need at most 32 competences", "needs");
  std::vector<std::string> keys;
  for (const auto& [key, label] : *entries) keys.push_back(key);
  return keys;
}

}  // namespace

Result<Response> ShowConsortia(Context& ctx) {
  ViewData page = BasePage(ctx, ctx.T("Consortia") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ViewData competences = MakeList();
  for (const auto& [key, record] : *labels) {
    ViewData entry = MakeObject();
    entry.set("label", CompetenceLabel(ctx, *labels, key));
    competences.push_back(entry);
  }
  page.set("competences", competences);
  page.set("needs", ctx.query.Get("needs"));
  const std::string& min_text = ctx.query.Get("min_categories");
  page.set("min_categories", min_text.empty() ? std::string("2") : min_text);
  if (!ctx.query.Has("needs")) return HtmlPage(ctx, "consortia", page);
  int min_categories = 2;
  if (!min_text.empty()) {
    auto [ptr, ec] =
        std::from_chars(min_text.data(), min_text.data() + min_text.size(), min_categories);
    if (ec != std::errc() || ptr != min_text.data() + min_text.size() || min_categories < 0 ||
        min_categories > 64) {
      AddFieldError(ctx, page,
                    Error::InvalidArgument("this number is out of range", "min_categories"));
      return HtmlPage(ctx, "consortia", page, 400);
    }
  }
  Result<std::vector<std::string>> needs = Needs(*labels, ctx.query.Get("needs"));
  if (!needs) {
    AddFieldError(ctx, page, needs.error());
    return HtmlPage(ctx, "consortia", page, 400);
  }
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<matching::ConsortiumResult> result =
      matching::FormConsortium(community->matching, *needs, min_categories);
  if (!result) {
    AddFieldError(ctx, page, result.error());
    return HtmlPage(ctx, "consortia", page, 400);
  }
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  page.set("searched", true);
  if (!result->feasible) {
    std::string missing;
    for (const std::string& need : *needs) {
      const int index = community->matching.CompetenceIndex(need);
      if (index < 0 || std::count(result->missing.begin(), result->missing.end(), index)) {
        missing += (missing.empty() ? "" : ", ") + CompetenceLabel(ctx, *labels, need);
      }
    }
    page.set("missing", missing.empty() ? ctx.T("enough categories") : missing);
    return HtmlPage(ctx, "consortia", page);
  }
  page.set("feasible", true);
  if (result->optimal) page.set("optimal", true);
  char bound[16];
  std::snprintf(bound, sizeof bound, "%.2f", result->bound);
  page.set("bound", bound);
  page.set("count", std::to_string(result->members.size()));
  ViewData team = MakeList();
  for (int m : result->members) {
    const store::PartnerProfile& profile = community->profiles[static_cast<size_t>(m)];
    ViewData row = MakeObject();
    row.set("name", profile.name);
    for (const communities::Category& category : *categories) {
      if (category.code == profile.category) row.set("category", CategoryLabel(ctx, category));
    }
    std::string covers;
    for (const auto& [competence, member] : result->covers) {
      if (member != m) continue;
      covers += (covers.empty() ? "" : ", ") +
                CompetenceLabel(ctx, *labels,
                                community->matching.competences()[static_cast<size_t>(competence)]);
    }
    row.set("covers", covers.empty() ? "–" : covers);
    team.push_back(row);
  }
  page.set("team", team);
  return HtmlPage(ctx, "consortia", page);
}

Result<Response> ApiFormConsortium(Context& ctx) {
  Result<json::object> body = BodyObject(ctx);
  if (!body) return body.error();
  const json::value* needs_value = body->if_contains("needs");
  if (!needs_value || !needs_value->is_array()) {
    return Error::InvalidArgument("needs is a list of competences", "needs");
  }
  std::string text;
  for (const json::value& need : needs_value->as_array()) {
    if (!need.is_string() || need.as_string().find(',') != json::string::npos) {
      return Error::InvalidArgument("needs is a list of competences", "needs");
    }
    text += (text.empty() ? "" : ",") + std::string(need.as_string());
  }
  int64_t min_categories = 1;
  if (const json::value* min = body->if_contains("min_categories")) {
    if (!min->is_int64() || min->as_int64() < 0 || min->as_int64() > 64) {
      return Error::InvalidArgument("this number is out of range", "min_categories");
    }
    min_categories = min->as_int64();
  }
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<std::vector<std::string>> needs = Needs(*labels, text);
  if (!needs) return needs.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<matching::ConsortiumResult> result =
      matching::FormConsortium(community->matching, *needs, static_cast<int>(min_categories));
  if (!result) return result.error();
  json::array members;
  for (int m : result->members) {
    members.push_back(community->profiles[static_cast<size_t>(m)].membership_id);
  }
  json::object covers;
  for (const auto& [competence, member] : result->covers) {
    covers[community->matching.competences()[static_cast<size_t>(competence)]] =
        community->profiles[static_cast<size_t>(member)].membership_id;
  }
  json::array missing;
  for (const std::string& need : *needs) {
    const int index = community->matching.CompetenceIndex(need);
    if (index < 0 || std::count(result->missing.begin(), result->missing.end(), index)) {
      missing.push_back(json::string(need));
    }
  }
  return JsonOf(json::object{{"feasible", result->feasible},
                             {"members", std::move(members)},
                             {"covers", std::move(covers)},
                             {"missing", result->feasible ? json::array() : std::move(missing)},
                             {"optimal", result->optimal},
                             {"bound", result->bound}});
}

}  // namespace andel::web
