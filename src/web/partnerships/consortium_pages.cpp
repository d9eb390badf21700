// The consortium builder as a page (a GET form that searches, a POST that saves): the smallest
// team of members that covers a task's competences with enough categories, and who covers what.
// The API: consortium_api.cpp.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

#include "core/date.h"
#include "core/text.h"
#include "matching/consortium.h"
#include "web/communities/views.h"
#include "web/i18n.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/consortium.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Response> ConsortiaPage(Context& ctx, const Form& input, int status,
                               const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Consortia") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  page.set("competences", CompetenceChoices(ctx, *labels));
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
    item.set("href", "/c/" + ctx.community->slug + "/consortia/" + std::to_string(consortium.id));
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
  Result<Consortium> computed =
      ComputeConsortium(ctx, *labels, input.Get("needs"), *min_categories);
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
  page.set("count",
           ctx.N("{n} member", "{n} members", static_cast<int64_t>(result.members.size())));
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
  Result<int> min_categories = FormInt(ctx.form.Get("min_categories"), "min_categories", 2, 0, 64);
  if (!min_categories) return ConsortiaPage(ctx, ctx.form, 400, min_categories.error());
  Result<Consortium> formed =
      FormConsortium(ctx, ctx.form.Get("needs"), *min_categories, ctx.form.Get("task"));
  if (!formed) return ConsortiaPage(ctx, ctx.form, HttpStatus(formed.error().code), formed.error());
  return Redirect("/c/" + ctx.community->slug + "/consortia/" +
                  std::to_string(formed->saved_id.value_or(0)) + "?notice=" + UrlEncode("Saved."));
}

// A saved consortium: its task, the competences it needs, and who covers what, each member
// linked to their page.
Result<Response> ShowConsortium(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  Result<std::vector<store::Consortium>> saved =
      ctx.services.partnerships.ListConsortia(ctx.community->id);
  if (!saved) return saved.error();
  const auto found = std::find_if(saved->begin(), saved->end(),
                                  [&](const store::Consortium& c) { return c.id == id; });
  if (found == saved->end()) return Error::NotFound("there is no such consortium", "id");
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  Result<std::vector<store::PartnerProfile>> profiles =
      ctx.services.partnerships.ListProfiles(ctx.community->id);
  if (!profiles) return profiles.error();
  const auto labelled = [&](std::string_view keys) {
    std::string out;
    for (std::string_view key : Split(keys, ',')) {
      if (!key.empty())
        out += (out.empty() ? "" : ", ") + CompetenceLabel(ctx, *labels, std::string(key));
    }
    return out;
  };
  ViewData page = BasePage(ctx, found->task + " · " + ctx.T("Consortia"));
  page.set("slug", ctx.community->slug);
  page.set("task", found->task);
  page.set("needs", labelled(found->needs));
  page.set("created", FormatDate(ctx.language, DateFromUnixSeconds(found->created_at)));
  ViewData members = MakeList();
  for (const auto& [membership, covers] : found->members) {
    ViewData row = MakeObject();
    row.set("href", "/c/" + ctx.community->slug + "/members/" + std::to_string(membership));
    row.set("name", ctx.T("a member who has since left"));
    for (const store::PartnerProfile& profile : *profiles) {
      if (profile.membership_id != membership) continue;
      row.set("name", profile.name);
      row.set("category", CategoryLabelOf(ctx, *categories, profile.category));
    }
    const std::string covered = labelled(covers);
    row.set("covers", covered.empty() ? "–" : covered);
    members.push_back(row);
  }
  page.set("members", members);
  return HtmlPage(ctx, "partnerships/consortium", page);
}

}  // namespace andel::web
