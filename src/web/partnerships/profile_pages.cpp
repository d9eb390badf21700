// Partnerships as pages: a member's offers and needs, and their match recommendations with
// the reasons, to accept or decline.
#include "core/text.h"
#include "web/communities/views.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

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
  const auto category_label = [&](const std::string& code) {
    return CategoryLabelOf(ctx, *categories, code);
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
    const std::string gets = CompetenceNames(ctx, *labels, community->matching, match.gets);
    const std::string gives = CompetenceNames(ctx, *labels, community->matching, match.gives);
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
      item.set("href",
               "/c/" + ctx.community->slug + "/members/" + std::to_string(other.membership_id));
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
  page.set("competences", CompetenceChoices(ctx, *labels));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "partnerships/partners", page, status);
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
  Status saved = SaveMyProfile(ctx, JoinField(ctx.form, "offer"), JoinField(ctx.form, "need"));
  if (!saved) {
    if (saved.error().code == ErrorCode::kInvalidArgument)
      return PartnersPage(ctx, 400, saved.error());
    return saved.error();
  }
  return Redirect("/c/" + ctx.community->slug + "/partners?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitMatchResponse(Context& ctx) {
  Status saved = RespondToMatch(ctx, ctx.ParamId("id"), ctx.form.Get("status"));
  if (!saved) return saved.error();
  return Redirect("/c/" + ctx.community->slug + "/partners?notice=" + UrlEncode("Saved."));
}

}  // namespace andel::web
