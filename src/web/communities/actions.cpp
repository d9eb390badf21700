// Shared edits of communities and memberships.
#include "web/communities/actions.h"

#include "core/text.h"

namespace andel::web {

Status ReadCommunityForm(const Form& form, communities::Community& community) {
  community.name = std::string(Trim(form.Get("name")));
  community.about = form.Get("about");
  Result<communities::CommunityKind> kind = communities::ParseCommunityKind(form.Get("kind"));
  if (!kind) return kind.error();
  community.kind = *kind;
  if (const std::string& visibility = form.Get("visibility"); !visibility.empty()) {
    if (visibility != "public" && visibility != "private") {
      return Error::InvalidArgument("unknown visibility", "visibility");
    }
    community.is_public = visibility == "public";
  }
  if (const std::string& signup = form.Get("signup"); !signup.empty()) {
    Result<communities::SignupPolicy> policy = communities::ParseSignupPolicy(signup);
    if (!policy) return policy.error();
    community.signup = *policy;
  }
  return communities::ValidateCommunity(community);
}

Status SaveMemberChange(Context& ctx, const communities::Membership& before,
                        communities::Membership after) {
  communities::UpdateStatusDates(after, DateFromUnixSeconds(ctx.Now()));
  if (communities::RemovesAnAdmin(before, after)) {
    Result<int64_t> admins = ctx.Memberships().CountAdmins(before.community_id);
    if (!admins) return admins.error();
    if (*admins <= 1) {
      return Error::FailedPrecondition("a community needs at least one administrator", "role");
    }
  }
  return ctx.Memberships().UpdateMember(after);
}

Status LeaveCommunity(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  communities::Membership after = *ctx.membership;
  after.status = communities::MemberStatus::kLeft;
  if (communities::RemovesAnAdmin(*ctx.membership, after)) {
    Result<int64_t> admins = ctx.Memberships().CountAdmins(ctx.community->id);
    if (!admins) return admins.error();
    if (*admins <= 1) {
      return Error::FailedPrecondition(
          "you are its only administrator: make another member an administrator before you "
          "leave");
    }
  }
  return SaveMemberChange(ctx, *ctx.membership, after);
}

}  // namespace andel::web
