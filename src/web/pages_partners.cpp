// Partnerships as pages: a member's offers and needs, and their match recommendations with
// the reasons, to accept or decline.
#include "core/text.h"
#include "web/community_views.h"
#include "web/handlers.h"
#include "web/partners.h"
#include "web/responses.h"

namespace andel::web {
namespace {

std::string Labels(const Context& ctx, const CompetenceLabels& labels,
                   const matching::Profiles& profiles, const std::vector<int>& competences) {
  std::string out;
  for (int c : competences) {
    out += (out.empty() ? "" : ", ") +
           CompetenceLabel(ctx, labels, profiles.competences()[static_cast<size_t>(c)]);
  }
  return out;
}

std::string ScoreText(const Context& ctx, const matching::Score& score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f", score.value());
  std::string text = buffer;
  if (ctx.language != "en") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

Result<Response> PartnersPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Partners") + " · " + ctx.community->name);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  const auto category_label = [&](const std::string& code) -> std::string {
    for (const communities::Category& category : *categories) {
      if (category.code == code) return CategoryLabel(ctx, category);
    }
    return code;
  };
  Result<std::vector<matching::Match>> matches = MyMatches(ctx, *community, 10);
  if (!matches) return matches.error();
  ViewData list = MakeList();
  for (const matching::Match& match : *matches) {
    const store::PartnerProfile& other = community->profiles[static_cast<size_t>(match.member)];
    ViewData item = MakeObject();
    item.set("id", std::to_string(other.membership_id));
    item.set("name", other.name);
    item.set("category", category_label(other.category));
    item.set("score", ScoreText(ctx, match.score));
    const std::string gets = Labels(ctx, *labels, community->matching, match.gets);
    const std::string gives = Labels(ctx, *labels, community->matching, match.gives);
    if (!gets.empty()) item.set("gets", gets);
    if (!gives.empty()) item.set("gives", gives);
    list.push_back(item);
  }
  page.set("matches", list);
  const auto me = community->index_of.find(ctx.membership->id);
  ViewData partners = MakeList();
  if (me != community->index_of.end()) {
    for (const auto& [a, b] : community->accepted) {
      if (a != me->second && b != me->second) continue;
      const store::PartnerProfile& other =
          community->profiles[static_cast<size_t>(a == me->second ? b : a)];
      ViewData item = MakeObject();
      item.set("name", other.name);
      item.set("category", category_label(other.category));
      partners.push_back(item);
    }
    const store::PartnerProfile& mine = community->profiles[static_cast<size_t>(me->second)];
    for (const auto& [name, keys] :
         {std::pair{"offers", &mine.offers}, std::pair{"needs", &mine.needs}}) {
      ViewData entries = MakeList();
      for (const std::string& key : *keys) {
        ViewData entry = MakeObject();
        entry.set("key", key);
        entry.set("label", CompetenceLabel(ctx, *labels, key));
        entries.push_back(entry);
      }
      page.set(name, entries);
    }
  }
  if (!partners.is_empty_list()) {
    page.set("partners", partners);
    page.set("has_partners", true);
  }
  ViewData competences = MakeList();
  for (const auto& [key, record] : *labels) {
    ViewData entry = MakeObject();
    entry.set("label", CompetenceLabel(ctx, *labels, key));
    competences.push_back(entry);
  }
  page.set("competences", competences);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "partners", page, status);
}

// Every value of a repeated form field, joined as one list.
std::string JoinField(const Form& form, std::string_view name) {
  std::string out;
  for (const auto& [field, value] : form.fields()) {
    if (field == name && !Trim(value).empty()) out += (out.empty() ? "" : ",") + value;
  }
  return out;
}

}  // namespace

Result<Response> ShowPartners(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  return PartnersPage(ctx, 200, std::nullopt);
}

Result<Response> SubmitPartnerProfile(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  Result<std::vector<std::pair<std::string, std::string>>> offers =
      ReadCompetences(JoinField(ctx.form, "offer"), "offers");
  if (!offers) return PartnersPage(ctx, 400, offers.error());
  Result<std::vector<std::pair<std::string, std::string>>> needs =
      ReadCompetences(JoinField(ctx.form, "need"), "needs");
  if (!needs) return PartnersPage(ctx, 400, needs.error());
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ResolveCompetences(*labels, *offers);
  ResolveCompetences(*labels, *needs);
  Status saved =
      ctx.services.partnerships.SaveProfile(ctx.community->id, ctx.membership->id, *offers, *needs);
  if (!saved) return saved.error();
  return Redirect("/c/" + ctx.community->slug + "/partners?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitMatchResponse(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  const std::string& status = ctx.form.Get("status");
  if (status != "accepted" && status != "declined") {
    return Error::InvalidArgument("accept or decline the match", "status");
  }
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  const int64_t other = ctx.ParamId("id");
  if (other == ctx.membership->id || !community->index_of.count(other)) {
    return Error::NotFound("no such member", "id");
  }
  Status saved = ctx.services.partnerships.Respond(ctx.community->id, ctx.membership->id, other,
                                                   status, ctx.Now());
  if (!saved) return saved.error();
  return Redirect("/c/" + ctx.community->slug + "/partners?notice=" + UrlEncode("Saved."));
}

}  // namespace andel::web
