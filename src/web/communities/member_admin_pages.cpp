// Running a community's membership: members and their roles, invitations, requests to join, and
// member import and export as CSV.
#include <spdlog/spdlog.h>

#include <charconv>
#include <set>

#include "communities/member_csv.h"
#include "core/log_text.h"
#include "core/text.h"
#include "web/communities/actions.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

// How long an invitation may be accepted.
constexpr int64_t kInvitationSeconds = 14 * 24 * 3600;

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
  Result<store::MemberPage> members = ctx.Memberships().ListMembers(community.id, query);
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
  page.set("total", ctx.N("{n} member", "{n} members", members->total));
  const std::string base = AdminPath(ctx, "/members?q=" + UrlEncode(query.search) + "&page=");
  if (page_number > 1) page.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kPerPage < members->total) {
    page.set("next", base + std::to_string(page_number + 1));
  }
  Result<std::vector<store::MemberView>> requests =
      ctx.Memberships().ListApplications(community.id);
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

}  // namespace

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
      ctx.Invitations().CreateInvitation(invitation, HashToken(token), ctx.person->id, now);
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
  Result<store::MemberView> request = ctx.Memberships().DecideApplication(
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
  communities::MemberCsv csv = communities::ParseMemberCsv(text, *categories);
  if (!csv.errors.empty()) {
    ViewData problems = MakeList();
    for (const communities::MemberCsvError& error : csv.errors) {
      ViewData item = MakeObject();
      item.set("where", LocalizedPlace(ctx, error.where));
      item.set("message", ctx.T(error.message));
      if (!error.value.empty()) item.set("value", error.value);
      problems.push_back(item);
    }
    page.set("problems", problems);
    page.set("problem_count", std::to_string(csv.errors.size()));
    page.set("error", ctx.T("The file has errors; nothing was imported."));
    return HtmlPage(ctx, "communities/admin_import", page, 400);
  }
  Result<int> imported = ctx.Memberships().ImportMembers(ctx.community->id, csv.rows, ctx.Now());
  if (!imported) return imported.error();
  return Redirect(
      AdminPath(ctx, "/members?notice=" + UrlEncode("The members have been imported.")));
}

// A file to fill in, as the reader's spreadsheet writes it: semicolons in Danish and Dutch,
// commas in English, with an example row whose category is named in the reader's language.
Result<Response> DownloadImportTemplate(Context& ctx) {
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  std::string category;
  if (!categories->empty()) category = CategoryLabel(ctx, categories->front());
  const char separator = ctx.language == "en" ? ',' : ';';
  return Download(communities::MemberCsvTemplate(separator, category), "text/csv; charset=utf-8",
                  ctx.community->slug + "-members-template.csv");
}

Result<Response> ExportMembersCsv(Context& ctx) {
  Result<std::vector<communities::MemberRow>> rows =
      ctx.Memberships().ExportMembers(ctx.community->id);
  if (!rows) return rows.error();
  return Download(communities::WriteMemberCsv(*rows), "text/csv; charset=utf-8",
                  ctx.community->slug + "-members.csv");
}

}  // namespace andel::web
