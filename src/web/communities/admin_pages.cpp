// Running a community: settings, statutes, categories and the audit log (members, invitations and
// member import and export: member_admin_pages.cpp).
#include <spdlog/spdlog.h>

#include <charconv>
#include <set>

#include "communities/member_csv.h"
#include "core/log_text.h"
#include "core/text.h"
#include "store/audit_log.h"
#include "web/communities/actions.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

Result<int> ParsePercent(std::string_view text, std::string_view field) {
  text = Trim(text);
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0 ||
      value > 100) {
    return Error::InvalidArgument("the quorum must be between 0 and 100 percent",
                                  std::string(field));
  }
  return value;
}

// A whole number of at least 0 (empty is 0), such as the days or shares the statutes ask of a
// voter.
Result<int> ParseCount(std::string_view text, std::string_view field) {
  text = Trim(text);
  if (text.empty()) return 0;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) {
    return Error::InvalidArgument("enter a whole number of 0 or more", std::string(field));
  }
  return value;
}

Result<Response> AdminPage(Context& ctx, int status, const std::optional<Error>& error) {
  const communities::Community& community = *ctx.community;
  ViewData page = BasePage(ctx, ctx.T("Administration") + " · " + community.name);
  const bool resubmit = error && ctx.form.Has("name");
  page.set("name", resubmit ? ctx.form.Get("name") : community.name);
  page.set("about", resubmit ? ctx.form.Get("about") : community.about);
  page.set("kinds", KindOptions(ctx, community.kind));
  if (community.is_public) page.set("is_public", true);
  page.set("signup_" + std::string(communities::Name(community.signup)), true);
  Result<bool> list_public = ctx.Communities().MemberListIsPublic(community.id);
  if (!list_public) return list_public.error();
  if (*list_public) page.set("member_list_public", true);
  Result<communities::Statutes> statutes = ctx.Communities().GetStatutes(community.id);
  if (!statutes) return statutes.error();
  const bool statutes_resubmit = error && ctx.form.Has("quorum_percent");
  page.set("quorum_percent", statutes_resubmit ? ctx.form.Get("quorum_percent")
                                               : std::to_string(statutes->quorum_percent));
  page.set("simple_majority", statutes_resubmit
                                  ? ctx.form.Get("simple_majority")
                                  : communities::FormatFraction(statutes->simple_majority));
  page.set("qualified_majority", statutes_resubmit
                                     ? ctx.form.Get("qualified_majority")
                                     : communities::FormatFraction(statutes->qualified_majority));
  page.set("voting_min_days", statutes_resubmit ? ctx.form.Get("voting_min_days")
                                                : std::to_string(statutes->voting_min_days));
  page.set("voting_min_shares", statutes_resubmit ? ctx.form.Get("voting_min_shares")
                                                  : std::to_string(statutes->voting_min_shares));
  if (statutes->vote_weight == communities::VoteWeight::kByShares) page.set("by_shares", true);
  if (ctx.IsAdmin()) page.set("is_admin", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "communities/admin", page, status);
}

Result<Response> CategoriesPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Categories") + " · " + ctx.community->name);
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  ViewData list = MakeList();
  for (const communities::Category& category : *categories) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(category.id));
    item.set("code", category.code);
    item.set("name_en", category.name_en);
    item.set("name_da", category.name_da);
    item.set("name_nl", category.name_nl);
    item.set("position", std::to_string(category.position));
    item.set("action", AdminPath(ctx, "/categories/" + std::to_string(category.id)));
    list.push_back(item);
  }
  page.set("categories", list);
  if (ctx.IsAdmin()) page.set("is_admin", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "communities/admin_categories", page, status);
}

// A category from the form; kInvalidArgument naming the field at fault.
Result<communities::Category> CategoryFromForm(const Context& ctx) {
  communities::Category category;
  category.community_id = ctx.community->id;
  category.code = ctx.form.Get("code");
  category.name_en = ctx.form.Get("name_en");
  category.name_da = ctx.form.Get("name_da");
  category.name_nl = ctx.form.Get("name_nl");
  const std::string& position = ctx.form.Get("position");
  if (!position.empty()) {
    auto [ptr, ec] =
        std::from_chars(position.data(), position.data() + position.size(), category.position);
    if (ec != std::errc() || ptr != position.data() + position.size()) {
      return Error::InvalidArgument("the position must be a number from 0 to 1000", "position");
    }
  }
  if (Status valid = communities::ValidateCategory(category); !valid) return valid.error();
  return category;
}

}  // namespace

Result<Response> ShowAdmin(Context& ctx) { return AdminPage(ctx, 200, std::nullopt); }

Result<Response> SubmitSettings(Context& ctx) {
  communities::Community community = *ctx.community;
  if (Status valid = ReadCommunityForm(ctx.form, community); !valid) {
    return AdminPage(ctx, 400, valid.error());
  }
  if (Status status = ctx.Communities().UpdateCommunity(community); !status) {
    return status.error();
  }
  // The form sends "members" always and "public" too when the box is ticked.
  if (ctx.form.Has("member_list")) {
    const std::vector<std::string> chosen = ctx.form.GetAll("member_list");
    const bool list_public = std::find(chosen.begin(), chosen.end(), "public") != chosen.end();
    if (Status status = ctx.Communities().SetMemberListPublic(ctx.community->id, list_public);
        !status) {
      return status.error();
    }
  }
  return Redirect(AdminPath(ctx, "?notice=" + UrlEncode("Saved.")));
}

Result<Response> SubmitStatutes(Context& ctx) {
  communities::Statutes statutes;
  Result<int> quorum = ParsePercent(ctx.form.Get("quorum_percent"), "quorum_percent");
  if (!quorum) return AdminPage(ctx, 400, quorum.error());
  statutes.quorum_percent = *quorum;
  Result<communities::Fraction> simple =
      communities::ParseFraction(ctx.form.Get("simple_majority"), "simple_majority");
  if (!simple) return AdminPage(ctx, 400, simple.error());
  statutes.simple_majority = *simple;
  Result<communities::Fraction> qualified =
      communities::ParseFraction(ctx.form.Get("qualified_majority"), "qualified_majority");
  if (!qualified) return AdminPage(ctx, 400, qualified.error());
  statutes.qualified_majority = *qualified;
  Result<communities::VoteWeight> weight =
      communities::ParseVoteWeight(ctx.form.Get("vote_weight"));
  if (!weight) return AdminPage(ctx, 400, weight.error());
  statutes.vote_weight = *weight;
  Result<int> min_days = ParseCount(ctx.form.Get("voting_min_days"), "voting_min_days");
  if (!min_days) return AdminPage(ctx, 400, min_days.error());
  statutes.voting_min_days = *min_days;
  Result<int> min_shares = ParseCount(ctx.form.Get("voting_min_shares"), "voting_min_shares");
  if (!min_shares) return AdminPage(ctx, 400, min_shares.error());
  statutes.voting_min_shares = *min_shares;
  if (Status valid = communities::Validate(statutes); !valid) {
    return AdminPage(ctx, 400, valid.error());
  }
  if (Status status = ctx.Communities().SaveStatutes(ctx.community->id, statutes); !status) {
    return status.error();
  }
  return Redirect(AdminPath(ctx, "?notice=" + UrlEncode("Saved.")));
}

Result<Response> ShowCategories(Context& ctx) { return CategoriesPage(ctx, 200, std::nullopt); }

Result<Response> SubmitCategoryCreate(Context& ctx) {
  Result<communities::Category> category = CategoryFromForm(ctx);
  if (!category) return CategoriesPage(ctx, 400, category.error());
  Result<int64_t> id = ctx.Communities().CreateCategory(*category);
  if (!id) {
    if (id.error().code == ErrorCode::kAlreadyExists) return CategoriesPage(ctx, 409, id.error());
    return id.error();
  }
  return Redirect(AdminPath(ctx, "/categories?notice=" + UrlEncode("Saved.")));
}

Result<Response> SubmitCategoryUpdate(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such category", "id");
  Result<communities::Category> category = CategoryFromForm(ctx);
  if (!category) return CategoriesPage(ctx, 400, category.error());
  category->id = id;
  if (Status status = ctx.Communities().UpdateCategory(*category); !status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return CategoriesPage(ctx, 409, status.error());
    }
    return status.error();
  }
  return Redirect(AdminPath(ctx, "/categories?notice=" + UrlEncode("Saved.")));
}

Result<Response> SubmitCategoryDelete(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such category", "id");
  if (Status status = ctx.Communities().DeleteCategory(ctx.community->id, id); !status) {
    if (status.error().code == ErrorCode::kFailedPrecondition) {
      return CategoriesPage(ctx, 409, status.error());
    }
    return status.error();
  }
  return Redirect(AdminPath(ctx, "/categories?notice=" + UrlEncode("Deleted.")));
}

}  // namespace andel::web
