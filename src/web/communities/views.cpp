// Labels and list rows for community pages.
#include "web/communities/views.h"

#include <charconv>

namespace andel::web {

const std::string& CategoryLabel(const Context& ctx, const communities::Category& category) {
  if (ctx.language == "da" && !category.name_da.empty()) return category.name_da;
  if (ctx.language == "nl" && !category.name_nl.empty()) return category.name_nl;
  return category.name_en;
}

std::string RoleLabel(const Context& ctx, communities::Role role) {
  static const std::string kMember = "Member", kBoard = "Board", kAdmin = "Administrator";
  switch (role) {
    case communities::Role::kMember:
      return ctx.T(kMember);
    case communities::Role::kBoard:
      return ctx.T(kBoard);
    case communities::Role::kAdmin:
      return ctx.T(kAdmin);
  }
  return ctx.T(kMember);
}

std::string KindLabel(const Context& ctx, communities::CommunityKind kind) {
  static const std::string kCooperative = "Cooperative", kPartnership = "Partnership",
                           kArena = "Co-creation arena", kProgramme = "Municipal programme";
  switch (kind) {
    case communities::CommunityKind::kCooperative:
      return ctx.T(kCooperative);
    case communities::CommunityKind::kPartnership:
      return ctx.T(kPartnership);
    case communities::CommunityKind::kCoCreationArena:
      return ctx.T(kArena);
    case communities::CommunityKind::kMunicipalProgramme:
      return ctx.T(kProgramme);
  }
  return ctx.T(kCooperative);
}

std::string StatusLabel(const Context& ctx, communities::MemberStatus status) {
  static const std::string kApplied = "Asked to join", kInvited = "Invited", kActive = "Active",
                           kLeft = "Left";
  switch (status) {
    case communities::MemberStatus::kApplied:
      return ctx.T(kApplied);
    case communities::MemberStatus::kInvited:
      return ctx.T(kInvited);
    case communities::MemberStatus::kActive:
      return ctx.T(kActive);
    case communities::MemberStatus::kLeft:
      return ctx.T(kLeft);
  }
  return ctx.T(kActive);
}

int PageNumber(const Context& ctx) {
  const std::string& text = ctx.query.Get("page");
  int page = 1;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || page < 1) return 1;
  return std::min(page, 1000000);
}

std::string AuditActionLabel(const Context& ctx, const std::string& action) {
  static const std::pair<std::string, std::string> kLabels[] = {
      {"community.created", "Community created"},
      {"community.updated", "Settings changed"},
      {"community.deleted", "Community deleted"},
      {"statutes.changed", "Statutes changed"},
      {"category.created", "Category added"},
      {"category.updated", "Category changed"},
      {"category.deleted", "Category deleted"},
      {"member.added", "Member added"},
      {"member.changed", "Membership changed"},
      {"members.imported", "Members imported"},
      {"invitation.sent", "Invitation sent"},
      {"invitation.accepted", "Invitation accepted"},
      {"application.approved", "Request to join approved"},
      {"application.declined", "Request to join declined"},
      {"proposal.created", "Proposal published"},
      {"amendment.accepted", "Amendment accepted"},
      {"amendment.rejected", "Amendment rejected"},
      {"decision.opened", "Vote opened"},
      {"vote.cast", "Vote cast"},
      {"vote.changed", "Vote changed"},
      {"decision.closed", "Vote closed"},
      {"decision.result", "Result recorded"},
      {"decision.voters", "Who voted in secret"},
      {"fund.created", "Fund created"},
      {"fund.phase", "Fund moved on"},
      {"fund.project_reviewed", "Project reviewed"},
      {"fund.imported", "Fund imported"},
      {"indicator.created", "Indicator defined"},
      {"measurement.corrected", "Measurement corrected"},
      {"measurements.imported", "Measurements imported"},
      {"value_case.created", "Value case written"},
      {"value_case.published", "Value case published"},
      {"value_case.withdrawn", "Value case withdrawn"},
      {"sroi.created", "SROI analysis computed"},
      {"outcome.recorded", "Participant outcome recorded"},
  };
  for (const auto& [code, label] : kLabels) {
    if (code == action) return ctx.T(label);
  }
  return action;
}

std::string LocalizedPlace(const Context& ctx, const std::string& where) {
  std::string place = where;
  if (place.starts_with("line ")) place.replace(0, 4, ctx.T("line"));
  if (const size_t at = place.find(", column "); at != std::string::npos) {
    place.replace(at, 9, ", " + ctx.T("column") + " ");
  }
  return place;
}

Result<store::MemberView> MemberFromPath(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such member", "id");
  return ctx.Memberships().FindMember(ctx.community->id, id);
}

Result<MemberListView> MemberListViewOf(Context& ctx) {
  if (ctx.IsBoard() || (ctx.person && ctx.person->is_admin)) return MemberListView::kBoard;
  if (ctx.membership) return MemberListView::kList;
  Result<bool> published = ctx.Communities().MemberListIsPublic(ctx.community->id);
  if (!published) return published.error();
  return *published ? MemberListView::kList : MemberListView::kCounts;
}

bool DetailsHiddenFrom(const Context& ctx, const store::MemberView& member, MemberListView view) {
  return member.membership.details_hidden && view != MemberListView::kBoard &&
         !(ctx.person && ctx.person->id == member.membership.person_id);
}

ViewData MemberItem(const Context& ctx, const store::MemberView& member,
                    const std::vector<communities::Category>& categories, bool hide_details) {
  const communities::Membership& m = member.membership;
  ViewData item = MakeObject();
  item.set("id", std::to_string(m.id));
  item.set("name", hide_details ? member.person_name : member.name);
  if (!member.organisation.empty() && !hide_details) {
    item.set("representative", member.person_name);
  }
  for (const communities::Category& category : categories) {
    if (category.id == m.category_id) {
      item.set("category", CategoryLabel(ctx, category));
      item.set("category_code", category.code);
    }
  }
  item.set("role", RoleLabel(ctx, m.role));
  item.set("role_code", std::string(communities::Name(m.role)));
  item.set("status", StatusLabel(ctx, m.status));
  item.set("status_code", std::string(communities::Name(m.status)));
  if (hide_details) {
    item.set("shares", ctx.T("not shown"));
  } else {
    item.set("shares", FormatInteger(ctx.language, m.shares));
    item.set("shares_raw", std::to_string(m.shares));
  }
  if (m.details_hidden) item.set("details_hidden", true);
  if (m.joined_on) item.set("joined", FormatDate(ctx.language, *m.joined_on));
  if (m.left_on) item.set("left", FormatDate(ctx.language, *m.left_on));
  if (m.role != communities::Role::kMember) item.set("has_role", true);
  return item;
}

ViewData CategoryOptions(const Context& ctx, const std::vector<communities::Category>& categories,
                         int64_t selected_id) {
  ViewData options = MakeList();
  for (const communities::Category& category : categories) {
    ViewData option = MakeObject();
    option.set("id", std::to_string(category.id));
    option.set("code", category.code);
    option.set("label", CategoryLabel(ctx, category));
    if (category.id == selected_id) option.set("selected", true);
    options.push_back(option);
  }
  return options;
}

ViewData KindOptions(const Context& ctx, communities::CommunityKind selected) {
  ViewData options = MakeList();
  for (auto kind :
       {communities::CommunityKind::kCooperative, communities::CommunityKind::kPartnership,
        communities::CommunityKind::kCoCreationArena,
        communities::CommunityKind::kMunicipalProgramme}) {
    ViewData option = MakeObject();
    option.set("code", std::string(communities::Name(kind)));
    option.set("label", KindLabel(ctx, kind));
    if (kind == selected) option.set("selected", true);
    options.push_back(option);
  }
  return options;
}

std::string AdminPath(const Context& ctx, const std::string& rest) {
  return "/c/" + ctx.community->slug + "/admin" + rest;
}

Result<VisibleMember> VisibleMemberFromPath(Context& ctx) {
  Result<MemberListView> view = MemberListViewOf(ctx);
  if (!view) return view.error();
  if (*view == MemberListView::kCounts) {
    if (!ctx.person) return Error::Unauthenticated("please sign in");
    return Error::PermissionDenied("only members see the member list of this community");
  }
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  if (member->membership.status == communities::MemberStatus::kApplied &&
      *view != MemberListView::kBoard) {
    return Error::NotFound("no such member", "member");
  }
  return VisibleMember{std::move(*member), *view};
}

}  // namespace andel::web
