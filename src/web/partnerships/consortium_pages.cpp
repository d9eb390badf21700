// The consortium builder: the smallest team of members that covers a task's competences with
// enough categories, and who covers what. As a page (a GET form) and in the API.
#include <boost/json.hpp>
#include <charconv>
#include <cstdio>
#include <optional>

#include "core/text.h"
#include "matching/consortium.h"
#include "web/api_support.h"
#include "web/communities/views.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

// A consortium's task: 1-200 characters of one line.
Result<std::string> ValidateTask(const std::string& text) {
  if (!IsValidUtf8(text)) return Error::InvalidArgument("the text is not valid UTF-8", "task");
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return Error::InvalidArgument("name the task", "task");
  if (CodePointCount(trimmed) > 200 || trimmed.find('\n') != std::string_view::npos) {
    return Error::InvalidArgument("a task is one line of at most 200 characters", "task");
  }
  return std::string(trimmed);
}

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

// "law: Anna; data: Bo" — who covers what, for a saved consortium.
std::string CoversText(const CommunityMatching& community, const matching::ConsortiumResult& result,
                       int member) {
  std::string out;
  for (const auto& [competence, covering] : result.covers) {
    if (covering != member) continue;
    out += (out.empty() ? "" : ",") +
           community.matching.competences()[static_cast<size_t>(competence)];
  }
  return out;
}

Result<int64_t> SaveTeam(Context& ctx, const CommunityMatching& community,
                         const matching::ConsortiumResult& result,
                         const std::vector<std::string>& needs, const std::string& task) {
  store::Consortium consortium;
  Result<std::string> name = ValidateTask(task);
  if (!name) return name.error();
  consortium.task = *name;
  for (const std::string& need : needs)
    consortium.needs += (consortium.needs.empty() ? "" : ",") + need;
  for (int m : result.members) {
    consortium.members.emplace_back(community.profiles[static_cast<size_t>(m)].membership_id,
                                    CoversText(community, result, m));
  }
  return ctx.services.partnerships.SaveConsortium(ctx.community->id, consortium, ctx.person->id,
                                                  ctx.Now());
}

}  // namespace

namespace {

struct Computed {
  std::vector<std::string> needs;  // competence keys
  CommunityMatching community;
  matching::ConsortiumResult result;
};

// The consortium for needs written as a member writes them, and a minimum number of categories.
Result<Computed> Compute(Context& ctx, const CompetenceLabels& labels,
                         const std::string& needs_text, int min_categories) {
  Result<std::vector<std::string>> needs = Needs(labels, needs_text);
  if (!needs) return needs.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<matching::ConsortiumResult> result =
      matching::FormConsortium(community->matching, *needs, min_categories);
  if (!result) return result.error();
  return Computed{std::move(*needs), std::move(*community), std::move(*result)};
}

Result<Response> ConsortiaPage(Context& ctx, const Form& input, int status,
                               const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Consortia") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ViewData competences = MakeList();
  for (const auto& [key, record] : *labels) {
    ViewData entry = MakeObject();
    entry.set("label", CompetenceLabel(ctx, *labels, key));
    competences.push_back(entry);
  }
  page.set("competences", competences);
  page.set("needs", input.Get("needs"));
  page.set("task", input.Get("task"));
  page.set("min_categories",
           input.Get("min_categories").empty() ? std::string("2") : input.Get("min_categories"));
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  const auto category_label = [&](const std::string& code) {
    return CategoryLabelOf(ctx, *categories, code);
  };
  Result<std::vector<store::Consortium>> saved =
      ctx.services.partnerships.ListConsortia(ctx.community->id);
  if (!saved) return saved.error();
  Result<std::vector<store::PartnerProfile>> profiles =
      ctx.services.partnerships.ListProfiles(ctx.community->id);
  if (!profiles) return profiles.error();
  ViewData saved_list = MakeList();
  for (const store::Consortium& consortium : *saved) {
    ViewData item = MakeObject();
    item.set("task", consortium.task);
    std::string members;
    for (const auto& [membership, covers] : consortium.members) {
      for (const store::PartnerProfile& p : *profiles) {
        if (p.membership_id == membership) members += (members.empty() ? "" : ", ") + p.name;
      }
    }
    item.set("members", members);
    item.set("created", FormatDate(ctx.language, DateFromUnixSeconds(consortium.created_at)));
    saved_list.push_back(item);
  }
  if (!saved->empty()) page.set("saved", saved_list);
  if (error) {
    AddFieldError(ctx, page, *error);
    return HtmlPage(ctx, "partnerships/consortia", page, status);
  }
  if (!input.Has("needs")) return HtmlPage(ctx, "partnerships/consortia", page);
  Result<int> min_categories = FormInt(input.Get("min_categories"), "min_categories", 2, 0, 64);
  if (!min_categories) {
    AddFieldError(ctx, page, min_categories.error());
    return HtmlPage(ctx, "partnerships/consortia", page, 400);
  }
  Result<Computed> computed = Compute(ctx, *labels, input.Get("needs"), *min_categories);
  if (!computed) {
    AddFieldError(ctx, page, computed.error());
    return HtmlPage(ctx, "partnerships/consortia", page, 400);
  }
  const matching::ConsortiumResult& result = computed->result;
  page.set("searched", true);
  if (!result.feasible) {
    std::string missing;
    for (const std::string& need : computed->needs) {
      const int index = computed->community.matching.CompetenceIndex(need);
      if (index < 0 || std::count(result.missing.begin(), result.missing.end(), index)) {
        missing += (missing.empty() ? "" : ", ") + CompetenceLabel(ctx, *labels, need);
      }
    }
    page.set("missing", missing.empty() ? ctx.T("enough categories") : missing);
    return HtmlPage(ctx, "partnerships/consortia", page, status);
  }
  page.set("feasible", true);
  if (result.optimal) page.set("optimal", true);
  char bound[16];
  std::snprintf(bound, sizeof bound, "%.2f", result.bound);
  page.set("bound", bound);
  page.set("count", std::to_string(result.members.size()));
  ViewData team = MakeList();
  for (int m : result.members) {
    const store::PartnerProfile& profile = computed->community.profiles[static_cast<size_t>(m)];
    ViewData row = MakeObject();
    row.set("name", profile.name);
    row.set("category", category_label(profile.category));
    std::string covers;
    for (const auto& [competence, member] : result.covers) {
      if (member != m) continue;
      covers += (covers.empty() ? "" : ", ") +
                CompetenceLabel(
                    ctx, *labels,
                    computed->community.matching.competences()[static_cast<size_t>(competence)]);
    }
    row.set("covers", covers.empty() ? "–" : covers);
    team.push_back(row);
  }
  page.set("team", team);
  return HtmlPage(ctx, "partnerships/consortia", page, status);
}

}  // namespace

Result<Response> ShowConsortia(Context& ctx) {
  return ConsortiaPage(ctx, ctx.query, 200, std::nullopt);
}

Result<Response> SubmitConsortium(Context& ctx) {
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<int> min_categories = FormInt(ctx.form.Get("min_categories"), "min_categories", 2, 0, 64);
  if (!min_categories) return ConsortiaPage(ctx, ctx.form, 400, min_categories.error());
  Result<Computed> computed = Compute(ctx, *labels, ctx.form.Get("needs"), *min_categories);
  if (!computed) return ConsortiaPage(ctx, ctx.form, 400, computed.error());
  if (!computed->result.feasible) {
    return ConsortiaPage(ctx, ctx.form, 409,
                         Error::FailedPrecondition("no team can cover the task", "needs"));
  }
  Result<int64_t> id =
      SaveTeam(ctx, computed->community, computed->result, computed->needs, ctx.form.Get("task"));
  if (!id) return ConsortiaPage(ctx, ctx.form, 400, id.error());
  return Redirect("/c/" + ctx.community->slug + "/consortia?notice=" + UrlEncode("Saved."));
}

Result<Response> ApiFormConsortium(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"needs", "min_categories", "task"});
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
  std::optional<int64_t> saved_id;
  if (const json::value* task = body->if_contains("task")) {
    if (!task->is_string()) return Error::InvalidArgument("name the task", "task");
    if (!result->feasible) return Error::FailedPrecondition("no team can cover the task", "needs");
    Result<int64_t> id = SaveTeam(ctx, *community, *result, *needs, std::string(task->as_string()));
    if (!id) return id.error();
    saved_id = *id;
  }
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
                             {"bound", result->bound},
                             {"saved", saved_id ? json::value(*saved_id) : json::value(nullptr)}},
                saved_id ? 201 : 200);
}

}  // namespace andel::web
