// The server administrator's page: who may create communities, who must use two-step sign-in,
// and the municipal programmes waiting to be verified (a programme reports and is offered to
// communities only once verified).
#include "store/communities/community_repository.h"
#include "web/communities/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Response> ServerPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("This server"));
  Result<std::string> creation =
      ctx.services.settings.GetOrCreateSetting(store::kCommunityCreation, "verified");
  if (!creation) return creation.error();
  page.set(*creation == "admins" ? "creation_admins" : "creation_verified", true);
  Result<std::string> second_factor =
      ctx.services.settings.GetOrCreateSetting(store::kSecondFactorRequired, "none");
  if (!second_factor) return second_factor.error();
  page.set(*second_factor == "officers" ? "second_factor_officers" : "second_factor_none", true);
  Result<std::vector<store::ProgrammeEntry>> waiting = ctx.services.programmes.Unverified();
  if (!waiting) return waiting.error();
  ViewData list = MakeList();
  for (const store::ProgrammeEntry& programme : *waiting) {
    ViewData item = MakeObject();
    item.set("name", programme.name);
    item.set("slug", programme.slug);
    item.set("id", std::to_string(programme.community_id));
    item.set("created", FormatDate(ctx.language, DateFromUnixSeconds(programme.joined_at)));
    list.push_back(item);
  }
  page.set("waiting", list);
  if (!waiting->empty()) page.set("has_waiting", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "communities/server", page, status);
}

}  // namespace

Result<Response> ShowServerAdmin(Context& ctx) { return ServerPage(ctx, 200, std::nullopt); }

Result<Response> SubmitServerSettings(Context& ctx) {
  const std::string& creation = ctx.form.Get("community_creation");
  if (creation != "verified" && creation != "admins") {
    return ServerPage(
        ctx, 400,
        Error::InvalidArgument("choose who may create communities", "community_creation"));
  }
  const std::string& second_factor = ctx.form.Get("second_factor_required");
  if (second_factor != "none" && second_factor != "officers") {
    return ServerPage(
        ctx, 400,
        Error::InvalidArgument("choose who must use two-step sign-in", "second_factor_required"));
  }
  if (Status status = ctx.services.settings.SetSetting(store::kCommunityCreation, creation);
      !status) {
    return status.error();
  }
  if (Status status = ctx.services.settings.SetSetting(store::kSecondFactorRequired, second_factor);
      !status) {
    return status.error();
  }
  return Redirect("/server?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitVerifyProgramme(Context& ctx) {
  if (Status status = ctx.services.programmes.Verify(ctx.ParamId("id"), ctx.person->id, ctx.Now());
      !status) {
    return status.error();
  }
  return Redirect("/server?notice=" + UrlEncode("Saved."));
}

}  // namespace andel::web
