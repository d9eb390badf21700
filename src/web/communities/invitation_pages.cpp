// An invitation to a community as a page: what it is (open, used, expired, void because its sender
// lost the role, or meant for another address) and accepting it.
#include "core/date.h"
#include "web/communities/handlers.h"
#include "web/render/views.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {

Result<Response> ShowInvitation(Context& ctx) {
  const std::string& token = ctx.params["token"];
  Result<store::Invitation> invitation = ctx.Invitations().FindInvitation(HashToken(token));
  if (!invitation) return invitation.error();
  ViewData page = BasePage(ctx, ctx.T("Invitation"));
  page.set("community_name", invitation->community_name);
  page.set("token", token);
  page.set("email", invitation->email);
  page.set("expires", FormatDate(ctx.language, DateFromUnixSeconds(invitation->expires_at)));
  if (invitation->accepted_at != 0) {
    page.set("used", true);
  } else if (invitation->expires_at <= ctx.Now()) {
    page.set("expired", true);
  } else if (!invitation->inviter_may_invite) {
    page.set("withdrawn", true);
  } else if (ctx.person && ctx.person->email != invitation->email) {
    page.set("other_address", true);
  } else if (ctx.person && !ctx.person->verified) {
    page.set("unconfirmed", true);
  } else {
    page.set("open", true);
  }
  page.set("next", "/invitations/" + UrlEncode(token));
  page.set("signup_email", UrlEncode(invitation->email));
  return HtmlPage(ctx, "communities/invitation", page);
}

Result<Response> AcceptInvitation(Context& ctx) {
  const std::string hash = HashToken(ctx.params["token"]);
  Result<store::Invitation> invitation = ctx.Invitations().FindInvitation(hash);
  if (!invitation) return invitation.error();
  if (Status status = ctx.Invitations().AcceptInvitation(hash, ctx.person->id,
                                                         DateFromUnixSeconds(ctx.Now()), ctx.Now());
      !status) {
    return status.error();
  }
  return Redirect("/?notice=" + UrlEncode("You are now a member."));
}

}  // namespace andel::web
