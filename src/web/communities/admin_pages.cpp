// Running a community: settings, statutes, members and roles, invitations, categories, and
// member import and export as CSV.
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

// How long an invitation may be accepted.
constexpr int64_t kInvitationSeconds = 14 * 24 * 3600;

std::string AdminPath(const Context& ctx, const std::string& rest) {
  return "/c/" + ctx.community->slug + "/admin" + rest;
}

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

ViewData RoleOptions(const Context& ctx, communities::Role selected) {
  ViewData options = MakeList();
  for (auto role :
       {communities::Role::kMember, communities::Role::kBoard, communities::Role::kAdmin}) {
    ViewData option = MakeObject();
    option.set("code", std::string(communities::Name(role)));
    option.set("label", RoleLabel(ctx, role));
    if (role == selected) option.set("selected", true);
    options.push_back(option);
  }
  return options;
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

Result<Response> MembersAdminPage(Context& ctx, int status, const std::optional<Error>& error) {
  const communities::Community& community = *ctx.community;
  ViewData page = BasePage(ctx, ctx.T("Members") + " · " + community.name);
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(community.id);
  if (!categories) return categories.error();
  store::MemberQuery query;
  query.search = std::string(Trim(ctx.query.Get("q")));
  query.include_left = true;
  constexpr int kPerPage = 200;
  const int page_number = PageNumber(ctx);
  query.offset = (page_number - 1) * kPerPage;
  query.limit = kPerPage;
  Result<store::MemberPage> members = ctx.Communities().ListMembers(community.id, query);
  if (!members) return members.error();
  ViewData list = MakeList();
  for (const store::MemberView& member : members->members) {
    if (member.membership.status == communities::MemberStatus::kApplied) continue;  // below
    ViewData item = MemberItem(ctx, member, *categories);
    item.set("categories", CategoryOptions(ctx, *categories, member.membership.category_id));
    item.set("roles", RoleOptions(ctx, member.membership.role));
    ViewData statuses = MakeList();
    for (auto state : {communities::MemberStatus::kInvited, communities::MemberStatus::kActive,
                       communities::MemberStatus::kLeft}) {
      ViewData option = MakeObject();
      option.set("code", std::string(communities::Name(state)));
      option.set("label", StatusLabel(ctx, state));
      if (state == member.membership.status) option.set("selected", true);
      statuses.push_back(option);
    }
    item.set("statuses", statuses);
    item.set("action", AdminPath(ctx, "/members/" + std::to_string(member.membership.id)));
    list.push_back(item);
  }
  page.set("members", list);
  page.set("q", query.search);
  page.set("total", FormatInteger(ctx.language, members->total));
  const std::string base = AdminPath(ctx, "/members?q=" + UrlEncode(query.search) + "&page=");
  if (page_number > 1) page.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kPerPage < members->total) {
    page.set("next", base + std::to_string(page_number + 1));
  }
  Result<std::vector<store::MemberView>> requests =
      ctx.Communities().ListApplications(community.id);
  if (!requests) return requests.error();
  ViewData request_list = MakeList();
  for (const store::MemberView& request : *requests) {
    ViewData item = MemberItem(ctx, request, *categories);
    item.set("email", request.email);
    item.set("action", AdminPath(ctx, "/requests/" + std::to_string(request.membership.id)));
    request_list.push_back(item);
  }
  page.set("requests", request_list);
  if (!requests->empty()) page.set("has_requests", true);
  page.set("invite_categories", CategoryOptions(ctx, *categories, 0));
  page.set("invite_roles", RoleOptions(ctx, communities::Role::kMember));
  page.set("invite_email", ctx.form.Get("email"));
  if (ctx.IsAdmin()) page.set("is_admin", true);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "communities/admin_members", page, status);
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

Result<Response> ShowAdminMembers(Context& ctx) { return MembersAdminPage(ctx, 200, std::nullopt); }

Result<Response> SubmitMemberUpdate(Context& ctx) {
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  communities::Membership updated = member->membership;
  int64_t category_id = 0;
  const std::string& category_text = ctx.form.Get("category");
  std::from_chars(category_text.data(), category_text.data() + category_text.size(), category_id);
  if (!ctx.Communities().FindCategory(ctx.community->id, category_id)) {
    return MembersAdminPage(ctx, 400, Error::InvalidArgument("choose a category", "category"));
  }
  updated.category_id = category_id;
  Result<communities::Role> role = communities::ParseRole(ctx.form.Get("role"));
  if (!role) return MembersAdminPage(ctx, 400, role.error());
  updated.role = *role;
  Result<communities::MemberStatus> state = communities::ParseMemberStatus(ctx.form.Get("status"));
  if (!state) return MembersAdminPage(ctx, 400, state.error());
  updated.status = *state;
  Result<int64_t> shares = communities::ParseShares(ctx.form.Get("shares"));
  if (!shares) return MembersAdminPage(ctx, 400, shares.error());
  updated.shares = *shares;
  if (Status status = SaveMemberChange(ctx, member->membership, updated); !status) {
    if (status.error().code == ErrorCode::kFailedPrecondition) {
      return MembersAdminPage(ctx, 409, status.error());
    }
    return status.error();
  }
  return Redirect(AdminPath(ctx, "/members?notice=" + UrlEncode("Saved.")));
}

Result<Response> SubmitInvite(Context& ctx) {
  const std::string email = ToLowerAscii(Trim(ctx.form.Get("email")));
  if (!IsPlausibleEmail(email)) {
    return MembersAdminPage(ctx, 400, Error::InvalidArgument("not a valid email address", "email"));
  }
  int64_t category_id = 0;
  const std::string& category_text = ctx.form.Get("category");
  std::from_chars(category_text.data(), category_text.data() + category_text.size(), category_id);
  if (!ctx.Communities().FindCategory(ctx.community->id, category_id)) {
    return MembersAdminPage(ctx, 400, Error::InvalidArgument("choose a category", "category"));
  }
  Result<communities::Role> role = communities::ParseRole(ctx.form.Get("role"));
  if (!role) return MembersAdminPage(ctx, 400, role.error());
  if (*role == communities::Role::kAdmin && !ctx.IsAdmin()) {
    return Error::PermissionDenied("only administrators of this community may do this");
  }
  const int64_t now = ctx.Now();
  store::Invitation invitation;
  invitation.community_id = ctx.community->id;
  invitation.email = email;
  invitation.category_id = category_id;
  invitation.role = *role;
  invitation.expires_at = now + kInvitationSeconds;
  const std::string token = RandomToken();
  Result<int64_t> id =
      ctx.Communities().CreateInvitation(invitation, HashToken(token), ctx.person->id, now);
  if (!id) return id.error();
  const std::string link = ctx.services.config.public_url + "/invitations/" + token;
  const Catalog& catalog = ctx.services.catalog;
  const std::string body =
      catalog.Translate(ctx.language, "You are invited to join") + " " + ctx.community->name +
      ".\n\n" + link + "\n\n" + catalog.Translate(ctx.language, "The invitation works until") +
      " " + FormatDate(ctx.language, DateFromUnixSeconds(invitation.expires_at)) + ".";
  if (Status status = ctx.services.outbox.QueueMail(
          email, catalog.Translate(ctx.language, "Invitation"), body, now);
      !status) {
    return status.error();
  }
  if (ctx.services.config.log_mailed_links) {
    spdlog::info("outbox: invitation to {} for {}: {}", ctx.community->slug, LogText(email), link);
  } else {
    spdlog::info("outbox: invitation to {} for {}", ctx.community->slug, LogText(email));
  }
  return Redirect(AdminPath(ctx, "/members?notice=" + UrlEncode("The invitation has been sent.")));
}

Result<Response> SubmitJoinDecision(Context& ctx) {
  const std::string& decision = ctx.form.Get("decision");
  if (decision != "approve" && decision != "decline") {
    return MembersAdminPage(ctx, 400,
                            Error::InvalidArgument("choose approve or decline", "decision"));
  }
  const bool approve = decision == "approve";
  Result<store::MemberView> request = ctx.Communities().DecideApplication(
      ctx.community->id, ctx.ParamId("id"), approve, DateFromUnixSeconds(ctx.Now()));
  if (!request) return request.error();
  Result<store::Account> applicant = ctx.services.accounts.FindById(request->membership.person_id);
  if (!applicant) return applicant.error();
  const std::string& language = applicant->person.language;
  const Catalog& catalog = ctx.services.catalog;
  const std::string& answer =
      approve ? catalog.Translate(language, "The board has approved your request to join")
              : catalog.Translate(language, "The board has declined your request to join");
  const std::string body = answer + " " + ctx.community->name + ".\n\n" +
                           ctx.services.config.public_url + "/c/" + ctx.community->slug;
  if (Status status = ctx.services.outbox.QueueMail(
          applicant->person.email, catalog.Translate(language, "Your request to join"), body,
          ctx.Now());
      !status) {
    return status.error();
  }
  return Redirect(AdminPath(ctx, "/members?notice=" + UrlEncode("Saved.")));
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

Result<Response> ShowImport(Context& ctx) {
  ViewData page = BasePage(ctx, ctx.T("Import members") + " · " + ctx.community->name);
  return HtmlPage(ctx, "communities/admin_import", page);
}

Result<Response> SubmitImport(Context& ctx) {
  ViewData page = BasePage(ctx, ctx.T("Import members") + " · " + ctx.community->name);
  std::string_view text;
  for (const UploadedFile& file : ctx.files) {
    if (file.field == "file") text = file.content;
  }
  if (text.empty()) text = ctx.form.Get("csv");
  if (text.empty()) {
    AddFieldError(ctx, page, Error::InvalidArgument("choose a CSV file to import", "file"));
    return HtmlPage(ctx, "communities/admin_import", page, 400);
  }
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  std::set<std::string> codes;
  for (const communities::Category& category : *categories) codes.insert(category.code);
  communities::MemberCsv csv = communities::ParseMemberCsv(text, codes);
  if (!csv.errors.empty()) {
    ViewData problems = MakeList();
    for (const Error& error : csv.errors) {
      ViewData item = MakeObject();
      item.set("where", LocalizedPlace(ctx, error.where));
      item.set("message", ctx.T(error.message));
      problems.push_back(item);
    }
    page.set("problems", problems);
    page.set("problem_count", std::to_string(csv.errors.size()));
    page.set("error", ctx.T("The file has errors; nothing was imported."));
    return HtmlPage(ctx, "communities/admin_import", page, 400);
  }
  Result<int> imported = ctx.Communities().ImportMembers(ctx.community->id, csv.rows, ctx.Now());
  if (!imported) return imported.error();
  return Redirect(
      AdminPath(ctx, "/members?notice=" + UrlEncode("The members have been imported.")));
}

Result<Response> ShowAuditLog(Context& ctx) {
  constexpr int kPerPage = 100;
  const int page_number = PageNumber(ctx);
  store::AuditLog audit(ctx.services.db);
  Result<std::vector<store::AuditRecord>> records =
      audit.ListForCommunity(ctx.community->id, (page_number - 1) * kPerPage, kPerPage);
  if (!records) return records.error();
  Result<int64_t> total = audit.CountForCommunity(ctx.community->id);
  if (!total) return total.error();
  ViewData page = BasePage(ctx, ctx.T("Audit log") + " · " + ctx.community->name);
  ViewData list = MakeList();
  for (const store::AuditRecord& record : *records) {
    ViewData item = MakeObject();
    item.set("seq", std::to_string(record.seq));
    item.set("at", FormatDateTime(ctx.language, record.at));
    item.set("actor", record.entry.actor_person_id == 0 ? ctx.T("the system") : record.actor_name);
    item.set("action", AuditActionLabel(ctx, record.entry.action));
    item.set("subject", record.entry.subject);
    item.set("details", record.entry.details);
    item.set("hash", record.hash.substr(0, 12));
    list.push_back(item);
  }
  page.set("entries", list);
  page.set("total", FormatInteger(ctx.language, *total));
  const std::string base = AdminPath(ctx, "/audit?page=");
  if (page_number > 1) page.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kPerPage < *total) {
    page.set("next", base + std::to_string(page_number + 1));
  }
  return HtmlPage(ctx, "communities/admin_audit", page);
}

Result<Response> ExportMembersCsv(Context& ctx) {
  Result<std::vector<communities::MemberRow>> rows =
      ctx.Communities().ExportMembers(ctx.community->id);
  if (!rows) return rows.error();
  return Download(communities::WriteMemberCsv(*rows), "text/csv; charset=utf-8",
                  ctx.community->slug + "-members.csv");
}

}  // namespace andel::web
