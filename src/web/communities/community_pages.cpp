// Home, communities, their member lists and member profiles.
#include <charconv>
#include <optional>

#include "core/text.h"
#include "store/attention.h"
#include "web/communities/actions.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/i18n.h"
#include "web/responses.h"

namespace andel::web {
namespace {

constexpr int kMembersPerPage = 200;  // a community of a few hundred fits on one page

ViewData CommunityItem(const Context& ctx, const store::CommunitySummary& summary) {
  ViewData item = MakeObject();
  item.set("slug", summary.community.slug);
  item.set("name", summary.community.name);
  item.set("kind", KindLabel(ctx, summary.community.kind));
  item.set("members", ctx.N("{n} member", "{n} members", summary.member_count));
  if (summary.role) item.set("role", RoleLabel(ctx, *summary.role));
  return item;
}

// What needs the signed-in person's attention, if anything does.
Result<std::optional<ViewData>> AttentionView(Context& ctx) {
  Result<store::Attention> attention =
      store::NeedsAttention(ctx.services.db, ctx.person->id, ctx.Now());
  if (!attention) return attention.error();
  if (attention->empty()) return std::optional<ViewData>();
  ViewData view = MakeObject();
  ViewData votes = MakeList();
  for (const store::AttentionVote& vote : attention->votes) {
    ViewData item = MakeObject();
    item.set("href",
             "/c/" + vote.community_slug + "/proposals/" + std::to_string(vote.proposal_id));
    item.set("title", vote.title);
    item.set("community", vote.community_name);
    item.set("closes", FormatDateTime(ctx.language, vote.closes_at));
    votes.push_back(item);
  }
  ViewData funds = MakeList();
  for (const store::AttentionFund& fund : attention->funds) {
    ViewData item = MakeObject();
    item.set("href", "/c/" + fund.community_slug + "/funds/" + std::to_string(fund.fund_id));
    item.set("title", fund.title);
    item.set("community", fund.community_name);
    funds.push_back(item);
  }
  ViewData requests = MakeList();
  for (const store::AttentionRequests& waiting : attention->requests) {
    ViewData item = MakeObject();
    item.set("href", "/c/" + waiting.community_slug + "/admin/members#requests");
    item.set("text", ctx.N("{n} request to join awaits the board",
                           "{n} requests to join await the board", waiting.count));
    item.set("community", waiting.community_name);
    requests.push_back(item);
  }
  view.set("votes", votes);
  view.set("funds", funds);
  view.set("requests", requests);
  return std::optional<ViewData>(std::move(view));
}

Result<Response> HomePage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Communities"));
  const int64_t viewer = ctx.person ? ctx.person->id : 0;
  Result<std::vector<store::CommunitySummary>> visible =
      ctx.Communities().ListVisible(viewer, 0, 500);
  if (!visible) return visible.error();
  ViewData mine = MakeList();
  ViewData others = MakeList();
  for (const store::CommunitySummary& summary : *visible) {
    (summary.role ? mine : others).push_back(CommunityItem(ctx, summary));
  }
  if (!mine.is_empty_list()) {
    page.set("mine", mine);
    page.set("has_mine", true);
  }
  if (!others.is_empty_list()) page.set("public", others);
  communities::CommunityKind kind = communities::CommunityKind::kCooperative;
  if (Result<communities::CommunityKind> parsed =
          communities::ParseCommunityKind(ctx.form.Get("kind"));
      parsed) {
    kind = *parsed;
  }
  if (ctx.person) {
    Result<std::optional<ViewData>> attention = AttentionView(ctx);
    if (!attention) return attention.error();
    if (*attention) page.set("attention", **attention);
  }
  page.set("kinds", KindOptions(ctx, kind));
  page.set("new_name", ctx.form.Get("name"));
  page.set("new_slug", ctx.form.Get("slug"));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "communities/home", page, status);
}

}  // namespace

Result<Response> ShowHome(Context& ctx) { return HomePage(ctx, 200, std::nullopt); }

Result<Response> SubmitCreateCommunity(Context& ctx) {
  communities::Community community;
  community.slug = ToLowerAscii(Trim(ctx.form.Get("slug")));
  if (Status valid = ReadCommunityForm(ctx.form, community); !valid) {
    return HomePage(ctx, 400, valid.error());
  }
  Result<int64_t> id =
      ctx.Communities().CreateCommunity(community, ctx.person->id, "citizen", ctx.Now());
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists) return HomePage(ctx, 409, id.error());
    return id.error();
  }
  return Redirect("/c/" + community.slug + "/admin?notice=" + UrlEncode("Saved."));
}

Result<Response> ShowCommunity(Context& ctx) {
  const communities::Community& community = *ctx.community;
  ViewData page = BasePage(ctx, community.name);
  page.set("name", community.name);
  page.set("slug", community.slug);
  page.set("kind", KindLabel(ctx, community.kind));
  page.set("about", community.about);
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(community.id);
  if (!categories) return categories.error();
  ViewData category_list = MakeList();
  for (const communities::Category& category : *categories) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(category.id));
    item.set("label", CategoryLabel(ctx, category));
    category_list.push_back(item);
  }
  page.set("categories", category_list);
  store::MemberQuery query;
  query.limit = 0;
  Result<store::MemberPage> members = ctx.Memberships().ListMembers(community.id, query);
  if (!members) return members.error();
  page.set("member_count", ctx.N("{n} member", "{n} members", members->total));
  const bool may_ask = community.signup != communities::SignupPolicy::kInvitation;
  std::optional<communities::Membership> own;
  if (ctx.person && !ctx.membership) {
    Result<std::optional<communities::Membership>> found =
        ctx.Memberships().FindMembershipOf(community.id, ctx.person->id);
    if (!found) return found.error();
    own = *found;
  }
  if (ctx.membership) {
    page.set("my_role", RoleLabel(ctx, ctx.membership->role));
    page.set("csrf", ctx.CsrfToken());
  } else if (own && own->status == communities::MemberStatus::kApplied) {
    page.set("applied", true);
  } else if (ctx.person && may_ask) {
    page.set("can_join", true);
    if (community.signup == communities::SignupPolicy::kApproval) page.set("by_approval", true);
    page.set("join_categories", CategoryOptions(ctx, *categories, 0));
  } else if (!ctx.person && may_ask) {
    page.set("sign_in_to_join", true);
  } else {
    page.set("by_invitation", true);
  }
  return HtmlPage(ctx, "communities/community", page);
}

Result<Response> SubmitLeave(Context& ctx) {
  if (Status left = LeaveCommunity(ctx); !left) return left.error();
  return Redirect("/?notice=" + UrlEncode("You have left the community."));
}

Result<Response> SubmitJoin(Context& ctx) {
  Result<communities::Community> community = ctx.Communities().FindBySlug(ctx.params["slug"]);
  if (!community) return community.error();
  if (community->signup == communities::SignupPolicy::kInvitation) {
    return Error::PermissionDenied("this community accepts members by invitation only");
  }
  if (!community->is_public) return Error::NotFound("no such community", "slug");
  int64_t category_id = 0;
  const std::string& category_text = ctx.form.Get("category");
  std::from_chars(category_text.data(), category_text.data() + category_text.size(), category_id);
  Result<communities::Category> category =
      ctx.Communities().FindCategory(community->id, category_id);
  if (!category) return Error::InvalidArgument("choose a category", "category");
  const bool by_approval = community->signup == communities::SignupPolicy::kApproval;
  communities::Membership membership;
  membership.community_id = community->id;
  membership.person_id = ctx.person->id;
  membership.category_id = category->id;
  membership.joined_on = DateFromUnixSeconds(ctx.Now());
  if (by_approval) membership.status = communities::MemberStatus::kApplied;
  // One who was a member before comes back through the board (which may have ended the
  // membership), not by joining again.
  Result<std::optional<communities::Membership>> former =
      ctx.Memberships().FindMembershipOf(community->id, ctx.person->id);
  if (!former) return former.error();
  if (*former && (*former)->status == communities::MemberStatus::kLeft) {
    return Error::FailedPrecondition(
        "you were a member before: ask the board to make you a member again", "category");
  }
  if (Result<int64_t> id = ctx.Memberships().AddMember(membership, ctx.Now()); !id) {
    return id.error();
  }
  if (!by_approval) {
    return Redirect("/c/" + community->slug + "?notice=" + UrlEncode("You are now a member."));
  }
  // The board is told by mail, each in their own language, where the queue is.
  Result<std::vector<communities::Person>> board = ctx.Memberships().ListBoard(community->id);
  if (!board) return board.error();
  const std::string queue =
      ctx.services.config.public_url + "/c/" + community->slug + "/admin/members#requests";
  for (const communities::Person& person : *board) {
    const Catalog& catalog = ctx.services.catalog;
    const std::string body =
        ctx.person->name + " " + catalog.Translate(person.language, "asks to join") + " " +
        community->name + ".\n\n" + catalog.Translate(person.language, "Approve or decline here:") +
        "\n" + queue;
    if (Status status = ctx.services.outbox.QueueMail(
            person.email, catalog.Translate(person.language, "A request to join"), body, ctx.Now());
        !status) {
      return status.error();
    }
  }
  return Redirect("/c/" + community->slug +
                  "?notice=" + UrlEncode("Your request to join has been sent to the board."));
}

namespace {

// The member list of the members page, without the layout: it depends only on the community's
// data (its version), the language and the query, so it can be cached.
Result<std::string> RenderMemberList(Context& ctx, MemberListView list_view) {
  const communities::Community& community = *ctx.community;
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(community.id);
  if (!categories) return categories.error();
  store::MemberQuery query;
  query.search = std::string(Trim(ctx.query.Get("q")));
  if (CodePointCount(query.search) > 100) {
    return Error::InvalidArgument("a search can have at most 100 characters", "q");
  }
  const std::string& category_code = ctx.query.Get("category");
  if (!category_code.empty()) {
    for (const communities::Category& category : *categories) {
      if (category.code == category_code) query.category_id = category.id;
    }
    if (query.category_id == 0) return Error::InvalidArgument("unknown category", "category");
  }
  const int page_number = PageNumber(ctx);
  query.offset = (page_number - 1) * kMembersPerPage;
  query.limit = kMembersPerPage;
  Result<store::MemberPage> members = ctx.Memberships().ListMembers(community.id, query);
  if (!members) return members.error();
  ViewData view = MakeObject();
  ViewData list = MakeList();
  for (const store::MemberView& member : members->members) {
    ViewData item = MemberItem(ctx, member, *categories, DetailsHiddenFrom(ctx, member, list_view));
    item.set("href", "/c/" + community.slug + "/members/" + std::to_string(member.membership.id));
    list.push_back(item);
  }
  view.set("members", list);
  view.set("q", query.search);
  ViewData options = MakeList();
  for (const communities::Category& category : *categories) {
    ViewData option = MakeObject();
    option.set("code", category.code);
    option.set("label", CategoryLabel(ctx, category));
    if (category.id == query.category_id) option.set("selected", true);
    options.push_back(option);
  }
  view.set("category_options", options);
  view.set("total", ctx.N("{n} member", "{n} members", members->total));
  const std::string base = "/c/" + community.slug + "/members?q=" + UrlEncode(query.search) +
                           "&category=" + UrlEncode(category_code) + "&page=";
  if (page_number > 1) view.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kMembersPerPage < members->total) {
    view.set("next", base + std::to_string(page_number + 1));
  }
  if (members->members.empty()) view.set("none", true);
  return ctx.services.views.Render("communities/member_list", ctx.language, view);
}

}  // namespace

// The public's view of a private member list: how many members, in each category.
Result<std::string> RenderMemberCounts(Context& ctx) {
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  ViewData view = MakeObject();
  ViewData counts = MakeList();
  store::MemberQuery query;
  query.limit = 0;
  Result<store::MemberPage> all = ctx.Memberships().ListMembers(ctx.community->id, query);
  if (!all) return all.error();
  for (const communities::Category& category : *categories) {
    query.category_id = category.id;
    Result<store::MemberPage> in_category = ctx.Memberships().ListMembers(ctx.community->id, query);
    if (!in_category) return in_category.error();
    ViewData item = MakeObject();
    item.set("label", CategoryLabel(ctx, category));
    item.set("count", FormatInteger(ctx.language, in_category->total));
    counts.push_back(item);
  }
  view.set("counts", counts);
  view.set("total", ctx.N("{n} member", "{n} members", all->total));
  view.set("slug", ctx.community->slug);
  if (!ctx.person) view.set("sign_in", true);
  return ctx.services.views.Render("communities/member_counts", ctx.language, view);
}

Result<Response> ShowMembers(Context& ctx) {
  const communities::Community& community = *ctx.community;
  Result<MemberListView> list_view = MemberListViewOf(ctx);
  if (!list_view) return list_view.error();
  // The list differs by what the caller may see, and by who the caller is where members hide
  // details (their own stay visible to them).
  const std::string viewer = *list_view == MemberListView::kBoard ? "board"
                             : *list_view == MemberListView::kCounts
                                 ? (ctx.person ? "counts" : "counts-anonymous")
                                 : "list:" + std::to_string(ctx.person ? ctx.person->id : 0);
  const std::string key = "members|" + ctx.language + "|" + std::to_string(community.id) + "|" +
                          std::to_string(community.version) + "|" + viewer + "|" +
                          ctx.query.Get("q") + "|" + ctx.query.Get("category") + "|" +
                          std::to_string(PageNumber(ctx));
  std::shared_ptr<const std::string> content = ctx.services.cache.Find(key);
  if (!content) {
    Result<std::string> rendered = *list_view == MemberListView::kCounts
                                       ? RenderMemberCounts(ctx)
                                       : RenderMemberList(ctx, *list_view);
    if (!rendered) return rendered.error();
    ctx.services.cache.Put(key, *rendered);
    content = std::make_shared<const std::string>(std::move(*rendered));
  }
  ViewData page = BasePage(ctx, ctx.T("Members") + " · " + community.name);
  return HtmlPageAround(ctx, page, *content);
}

Result<Response> ShowMember(Context& ctx) {
  Result<VisibleMember> visible = VisibleMemberFromPath(ctx);
  if (!visible) return visible.error();
  const store::MemberView& member = visible->member;
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  const bool hidden = DetailsHiddenFrom(ctx, member, visible->view);
  ViewData page = BasePage(ctx, hidden ? member.person_name : member.name);
  page.set("member", MemberItem(ctx, member, *categories, hidden));
  if (ctx.membership || ctx.IsBoard()) page.set("email", member.email);
  if (ctx.person && ctx.person->id == member.membership.person_id &&
      member.membership.status == communities::MemberStatus::kActive) {
    page.set("own", true);
    page.set("privacy_action", "/c/" + ctx.community->slug + "/members/" +
                                   std::to_string(member.membership.id) + "/privacy");
  }
  return HtmlPage(ctx, "communities/member", page);
}

Result<Response> SubmitMemberPrivacy(Context& ctx) {
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  if (!ctx.person || member->membership.person_id != ctx.person->id) {
    return Error::PermissionDenied("only the member may change this");
  }
  if (Status status = ctx.Memberships().SetDetailsHidden(ctx.community->id, member->membership.id,
                                                         ctx.form.Get("hidden") == "1");
      !status) {
    return status.error();
  }
  return Redirect("/c/" + ctx.community->slug + "/members/" +
                  std::to_string(member->membership.id) + "?notice=" + UrlEncode("Saved."));
}

}  // namespace andel::web
