// The JSON API under /api/v1: the same data as the pages, for integrators. Paging with
// ?page=&per_page=; errors as {"error":{"code","message"}} (see responses.cpp).
#include <boost/json.hpp>
#include <charconv>
#include <span>
#include <string_view>

#include "core/embedded.h"
#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "web/account_views.h"
#include "web/api_support.h"
#include "web/community_edits.h"
#include "web/community_views.h"
#include "web/handlers.h"
#include "web/responses.h"
#include "web/second_factor.h"
#include "web/security.h"
#include "web/sign_in.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedApiDocs();
}

namespace andel::web {
namespace {

namespace json = boost::json;

json::object CommunityJson(const communities::Community& community, int64_t member_count) {
  return {{"slug", community.slug},
          {"name", community.name},
          {"kind", communities::Name(community.kind)},
          {"about", community.about},
          {"public", community.is_public},
          {"signup", communities::Name(community.signup)},
          {"member_count", member_count}};
}

json::object CategoryJson(const communities::Category& category) {
  return {{"id", category.id},
          {"code", category.code},
          {"names", {{"en", category.name_en}, {"da", category.name_da}, {"nl", category.name_nl}}},
          {"position", category.position}};
}

// A member as the caller may see them: with `hide_details`, without shares and organisation.
json::object MemberJson(const Context& ctx, const store::MemberView& member,
                        const std::vector<communities::Category>& categories,
                        bool hide_details = false) {
  const communities::Membership& m = member.membership;
  json::object object{{"id", m.id},
                      {"name", hide_details ? member.person_name : member.name},
                      {"person_name", member.person_name},
                      {"category_id", m.category_id},
                      {"role", communities::Name(m.role)},
                      {"status", communities::Name(m.status)},
                      {"joined_on", m.joined_on ? FormatIsoDate(*m.joined_on) : ""},
                      {"left_on", m.left_on ? FormatIsoDate(*m.left_on) : ""}};
  for (const communities::Category& category : categories) {
    if (category.id == m.category_id) object["category"] = category.code;
  }
  if (!hide_details) {
    object["organisation"] = member.organisation;
    object["shares"] = m.shares;
  }
  if (ctx.membership || ctx.IsBoard()) object["email"] = member.email;
  return object;
}

Result<int64_t> CategoryIdByCode(Context& ctx, const std::string& code) {
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  for (const communities::Category& category : *categories) {
    if (category.code == code) return category.id;
  }
  return Error::InvalidArgument("unknown category", "category");
}

// The fields ApplyCommunityFields reads, and the slug, which is given when a community is
// created and refused when it is changed.
constexpr std::string_view kCommunityFields[] = {"slug", "name",   "about",
                                                 "kind", "signup", "public"};
// A change may also publish the member list, or make it private again.
constexpr std::string_view kCommunityChangeFields[] = {
    "slug", "name", "about", "kind", "signup", "public", "member_list_public"};

// Applies the fields present in `body` to a community.
Status ApplyCommunityFields(const json::object& body, communities::Community& community) {
  Result<std::string> name = StringField(body, "name", community.name);
  if (!name) return name.error();
  community.name = std::string(Trim(*name));
  Result<std::string> about = StringField(body, "about", community.about);
  if (!about) return about.error();
  community.about = *about;
  Result<std::string> kind =
      StringField(body, "kind", std::string(communities::Name(community.kind)));
  if (!kind) return kind.error();
  Result<communities::CommunityKind> parsed_kind = communities::ParseCommunityKind(*kind);
  if (!parsed_kind) return parsed_kind.error();
  community.kind = *parsed_kind;
  Result<std::string> signup =
      StringField(body, "signup", std::string(communities::Name(community.signup)));
  if (!signup) return signup.error();
  Result<communities::SignupPolicy> policy = communities::ParseSignupPolicy(*signup);
  if (!policy) return policy.error();
  community.signup = *policy;
  if (const json::value* is_public = body.if_contains("public")) {
    if (!is_public->is_bool())
      return Error::InvalidArgument("this field must be true or false", "public");
    community.is_public = is_public->as_bool();
  }
  return communities::ValidateCommunity(community);
}

// The fields ApplyMemberFields reads: all that a change of membership may give.
constexpr std::string_view kMemberFields[] = {"category", "role", "status", "shares"};
// A new member's fields: the person and organisation, and those of the membership.
constexpr std::string_view kNewMemberFields[] = {"email", "name",   "organisation", "category",
                                                 "role",  "status", "shares"};

// Applies category, role, shares and status from `body` to a membership.
Status ApplyMemberFields(Context& ctx, const json::object& body, communities::Membership& m) {
  if (body.contains("category")) {
    Result<std::string> code = StringField(body, "category");
    if (!code) return code.error();
    Result<int64_t> id = CategoryIdByCode(ctx, *code);
    if (!id) return id.error();
    m.category_id = *id;
  }
  if (body.contains("role")) {
    Result<std::string> text = StringField(body, "role");
    if (!text) return text.error();
    Result<communities::Role> role = communities::ParseRole(*text);
    if (!role) return role.error();
    m.role = *role;
  }
  if (body.contains("status")) {
    Result<std::string> text = StringField(body, "status");
    if (!text) return text.error();
    Result<communities::MemberStatus> state = communities::ParseMemberStatus(*text);
    if (!state) return state.error();
    m.status = *state;
  }
  if (const json::value* shares = body.if_contains("shares")) {
    if (!shares->is_int64() || shares->as_int64() < 0 || shares->as_int64() > 1'000'000'000) {
      return Error::InvalidArgument("shares must be a whole number from 0 to 1,000,000,000",
                                    "shares");
    }
    m.shares = shares->as_int64();
  }
  return {};
}

// The fields CategoryFromJson reads.
constexpr std::string_view kCategoryFields[] = {"code", "names", "position"};

Result<communities::Category> CategoryFromJson(const json::object& body,
                                               communities::Category category) {
  Result<std::string> code = StringField(body, "code", category.code);
  if (!code) return code.error();
  category.code = *code;
  if (const json::value* names = body.if_contains("names")) {
    if (!names->is_object()) return Error::InvalidArgument("names must be an object", "names");
    for (auto [key, target] :
         {std::pair{"en", &category.name_en}, std::pair{"da", &category.name_da},
          std::pair{"nl", &category.name_nl}}) {
      Result<std::string> text = StringField(names->as_object(), key, *target);
      if (!text) return text.error();
      *target = *text;
    }
  }
  if (const json::value* position = body.if_contains("position")) {
    if (!position->is_int64() || position->as_int64() < 0 || position->as_int64() > 1000) {
      return Error::InvalidArgument("the position must be a number from 0 to 1000", "position");
    }
    category.position = static_cast<int>(position->as_int64());
  }
  if (Status valid = communities::ValidateCategory(category); !valid) return valid.error();
  return category;
}

}  // namespace

Result<Response> ApiHealth(Context& ctx) {
  // One round trip: while the database is down (or the pool waits out its back-off) this
  // answers at once, so a load balancer's checks never queue behind it.
  if (Status database = ctx.services.db.Ping(); !database) {
    Response response =
        JsonOf(json::object{{"status", "unavailable"}, {"database", "unavailable"}}, 503);
    AddRetryAfter(response);
    return response;
  }
  return JsonOf(json::object{{"status", "ok"}, {"database", "ok"}});
}

Result<Response> ApiOpenApi(Context&) {
  for (const EmbeddedFile& file : EmbeddedApiDocs()) {
    if (file.path == "openapi.yaml") {
      Response response;
      response.content_type = "application/yaml; charset=utf-8";
      response.body = std::string(file.content);
      return response;
    }
  }
  return Error::NotFound("this page does not exist", "path");
}

Result<Response> ApiMe(Context& ctx) {
  const communities::Person& person = *ctx.person;
  return JsonOf(json::object{{"id", person.id},
                             {"email", person.email},
                             {"name", person.name},
                             {"language", person.language},
                             {"admin", person.is_admin},
                             {"second_factor", person.second_factor}});
}

Result<Response> ApiCreateToken(Context& ctx) {
  Result<json::object> body =
      BodyObject(ctx, {"email", "password", "code", "name", "expires_in_days"});
  if (!body) return body.error();
  Result<std::string> email_text = StringField(*body, "email");
  if (!email_text) return email_text.error();
  Result<std::string> password = StringField(*body, "password");
  if (!password) return password.error();
  Result<std::string> code = StringField(*body, "code", "");
  if (!code) return code.error();
  Result<std::string> name = StringField(*body, "name", "API");
  if (!name) return name.error();
  Result<std::string> token_name = communities::ValidateName(*name, "name");
  if (!token_name) return token_name.error();
  std::string days_text;
  if (const boost::json::value* field = body->if_contains("expires_in_days")) {
    if (!field->is_int64()) {
      return Error::InvalidArgument("a token works for 1 to 730 days", "expires_in_days");
    }
    days_text = std::to_string(field->as_int64());
  }
  Result<int64_t> days = ParseTokenDays(days_text, "expires_in_days");
  if (!days) return days.error();
  const std::string email = ToLowerAscii(Trim(*email_text));
  const int64_t now = ctx.Now();
  Result<SignInCheck> check = CheckSignIn(ctx, email, *password);
  if (!check) return check.error();
  const auto too_many = [&](const std::string& translated) {
    Response response = JsonResponse(
        R"({"error":{"code":"rate_limited","message":")" + JsonEscape(translated) + "\"}}", 429);
    response.AddHeader("Retry-After", std::to_string(check->wait));
    return response;
  };
  switch (check->verdict) {
    case SignInVerdict::kRight:
      break;
    case SignInVerdict::kWrong:
      return Error::Unauthenticated("the email or the password is not right", "email");
    case SignInVerdict::kAddressWaits:
      return too_many(
          ctx.T("too many failed attempts from your network; please wait a little and try again"));
    case SignInVerdict::kAccountSlowed:
      return too_many(
          ctx.T("wrong passwords were tried for this account: sign in on the web page, where a "
                "mailed link lets you in, and create the token there"));
  }
  const store::Account& account = *check->account;
  if (account.person.second_factor) {
    if (code->empty()) {
      return Error::Unauthenticated(
          "this account uses two-step sign-in: send the code from its authenticator app, or a "
          "recovery code, in the field named code",
          "code");
    }
    Result<CodeCheck> second = CheckSecondStep(ctx, account.person, *code);
    if (!second) return second.error();
    if (second->verdict == CodeVerdict::kAddressWaits) {
      check->wait = second->wait;
      return too_many(
          ctx.T("too many failed attempts from your network; please wait a little and try again"));
    }
    if (second->verdict == CodeVerdict::kWrong) {
      return Error::Unauthenticated("the code is not right", "code");
    }
  } else if (account.person.second_factor_required) {
    return Error::PermissionDenied(
        "this server requires two-step sign-in of server administrators and programme "
        "officers: set it up on your account page first",
        "code");
  }
  const std::string token = RandomToken();
  Result<int64_t> id = ctx.services.accounts.CreateApiToken(
      account.person.id, *token_name, HashToken(token), now, now + *days * 24 * 3600);
  if (!id) return id.error();
  return JsonOf(json::object{{"id", *id},
                             {"token", token},
                             {"name", *token_name},
                             {"expires_at", now + *days * 24 * 3600}},
                201);
}

Result<Response> ApiListCommunities(Context& ctx) {
  Result<Paging> paging = ReadPaging(ctx);
  if (!paging) return paging.error();
  const int64_t viewer = ctx.person ? ctx.person->id : 0;
  Result<std::vector<store::CommunitySummary>> list = ctx.Communities().ListVisible(
      viewer, (paging->page - 1) * paging->per_page, paging->per_page);
  if (!list) return list.error();
  Result<int64_t> total = ctx.Communities().CountVisible(viewer);
  if (!total) return total.error();
  json::array items;
  for (const store::CommunitySummary& summary : *list) {
    json::object item = CommunityJson(summary.community, summary.member_count);
    if (summary.role) item["my_role"] = communities::Name(*summary.role);
    items.push_back(std::move(item));
  }
  return JsonOf(PageOf(std::move(items), *paging, *total));
}

Result<Response> ApiCreateCommunity(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kCommunityFields);
  if (!body) return body.error();
  communities::Community community;
  Result<std::string> slug = StringField(*body, "slug");
  if (!slug) return slug.error();
  community.slug = ToLowerAscii(Trim(*slug));
  if (Status status = ApplyCommunityFields(*body, community); !status) return status.error();
  Result<int64_t> id =
      ctx.Communities().CreateCommunity(community, ctx.person->id, "citizen", ctx.Now());
  if (!id) return id.error();
  Response response = JsonOf(CommunityJson(community, 1), 201);
  response.AddHeader("Location", "/api/v1/communities/" + community.slug);
  return response;
}

Result<Response> ApiGetCommunity(Context& ctx) {
  store::MemberQuery query;
  query.limit = 0;
  Result<store::MemberPage> members = ctx.Communities().ListMembers(ctx.community->id, query);
  if (!members) return members.error();
  json::object object = CommunityJson(*ctx.community, members->total);
  Result<communities::Statutes> statutes = ctx.Communities().GetStatutes(ctx.community->id);
  if (!statutes) return statutes.error();
  object["statutes"] = {
      {"quorum_percent", statutes->quorum_percent},
      {"simple_majority", communities::FormatFraction(statutes->simple_majority)},
      {"qualified_majority", communities::FormatFraction(statutes->qualified_majority)},
      {"vote_weight", communities::Name(statutes->vote_weight)},
      {"voting_min_days", statutes->voting_min_days},
      {"voting_min_shares", statutes->voting_min_shares}};
  Result<bool> list_public = ctx.Communities().MemberListIsPublic(ctx.community->id);
  if (!list_public) return list_public.error();
  object["member_list_public"] = *list_public;
  return JsonOf(object);
}

Result<Response> ApiUpdateCommunity(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kCommunityChangeFields);
  if (!body) return body.error();
  communities::Community community = *ctx.community;
  const json::value* list_public = body->if_contains("member_list_public");
  if (list_public && !list_public->is_bool()) {
    return Error::InvalidArgument("this field must be true or false", "member_list_public");
  }
  if (body->contains("slug")) {
    return Error::InvalidArgument("the short name of a community cannot change", "slug");
  }
  if (Status status = ApplyCommunityFields(*body, community); !status) return status.error();
  if (Status status = ctx.Communities().UpdateCommunity(community); !status) {
    return status.error();
  }
  if (list_public) {
    if (Status status = ctx.Communities().SetMemberListPublic(community.id, list_public->as_bool());
        !status) {
      return status.error();
    }
  }
  *ctx.community = community;
  return ApiGetCommunity(ctx);
}

Result<Response> ApiDeleteCommunity(Context& ctx) {
  if (Status status = ctx.Communities().DeleteCommunity(ctx.community->id); !status) {
    return status.error();
  }
  Response response;
  response.status = 204;
  response.content_type = "application/json";
  return response;
}

Result<Response> ApiListMembers(Context& ctx) {
  Result<Paging> paging = ReadPaging(ctx);
  if (!paging) return paging.error();
  Result<MemberListView> list_view = MemberListViewOf(ctx);
  if (!list_view) return list_view.error();
  if (*list_view == MemberListView::kCounts) {
    if (!ctx.person) return Error::Unauthenticated("please sign in");
    return Error::PermissionDenied("only members see the member list of this community");
  }
  const bool sees_email = ctx.membership || ctx.IsBoard();
  const std::string viewer = *list_view == MemberListView::kBoard
                                 ? "board"
                                 : std::to_string(ctx.person ? ctx.person->id : 0);
  const std::string key = "api-members|" + std::to_string(ctx.community->id) + "|" +
                          std::to_string(ctx.community->version) + "|" + ctx.query.Get("q") + "|" +
                          ctx.query.Get("category") + "|" + std::to_string(paging->page) + "|" +
                          std::to_string(paging->per_page) + "|" + (sees_email ? "e" : "-") + "|" +
                          viewer;
  if (std::shared_ptr<const std::string> cached = ctx.services.cache.Find(key)) {
    return JsonResponse(*cached);
  }
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  store::MemberQuery query;
  query.search = std::string(Trim(ctx.query.Get("q")));
  if (CodePointCount(query.search) > 100) {
    return Error::InvalidArgument("a search can have at most 100 characters", "q");
  }
  if (const std::string& code = ctx.query.Get("category"); !code.empty()) {
    for (const communities::Category& category : *categories) {
      if (category.code == code) query.category_id = category.id;
    }
    if (query.category_id == 0) return Error::InvalidArgument("unknown category", "category");
  }
  query.offset = (paging->page - 1) * paging->per_page;
  query.limit = paging->per_page;
  Result<store::MemberPage> members = ctx.Communities().ListMembers(ctx.community->id, query);
  if (!members) return members.error();
  json::array items;
  for (const store::MemberView& member : members->members) {
    items.push_back(
        MemberJson(ctx, member, *categories, DetailsHiddenFrom(ctx, member, *list_view)));
  }
  std::string body = json::serialize(PageOf(std::move(items), *paging, members->total));
  ctx.services.cache.Put(key, body);
  return JsonResponse(std::move(body));
}

Result<Response> ApiCreateMember(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kNewMemberFields);
  if (!body) return body.error();
  Result<std::string> email_text = StringField(*body, "email");
  if (!email_text) return email_text.error();
  const std::string email = ToLowerAscii(Trim(*email_text));
  if (!IsPlausibleEmail(email)) return Error::InvalidArgument("not a valid email address", "email");
  Result<std::string> name_text = StringField(*body, "name");
  if (!name_text) return name_text.error();
  Result<std::string> name = communities::ValidateName(*name_text, "name");
  if (!name) return name.error();
  if (!body->contains("category")) return Error::InvalidArgument("choose a category", "category");
  communities::Membership membership;
  membership.community_id = ctx.community->id;
  if (Status status = ApplyMemberFields(ctx, *body, membership); !status) return status.error();
  Result<std::string> organisation = StringField(*body, "organisation");
  if (!organisation) return organisation.error();
  if (!organisation->empty()) {
    Result<std::string> valid = communities::ValidateName(*organisation, "organisation");
    if (!valid) return valid.error();
    Result<int64_t> organisation_id = ctx.Communities().FindOrCreateOrganisation(*valid, ctx.Now());
    if (!organisation_id) return organisation_id.error();
    membership.organisation_id = *organisation_id;
  }
  Result<int64_t> person = ctx.Communities().FindOrCreatePerson(email, *name, ctx.Now());
  if (!person) return person.error();
  membership.person_id = *person;
  membership.joined_on = DateFromUnixSeconds(ctx.Now());
  Result<int64_t> id = ctx.Communities().AddMember(membership, ctx.Now());
  if (!id) return id.error();
  ctx.params["id"] = std::to_string(*id);
  Result<Response> created = ApiGetMember(ctx);
  if (created) created->status = 201;
  return created;
}

Result<Response> ApiGetMember(Context& ctx) {
  Result<MemberListView> list_view = MemberListViewOf(ctx);
  if (!list_view) return list_view.error();
  if (*list_view == MemberListView::kCounts) {
    if (!ctx.person) return Error::Unauthenticated("please sign in");
    return Error::PermissionDenied("only members see the member list of this community");
  }
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  return JsonOf(MemberJson(ctx, *member, *categories, DetailsHiddenFrom(ctx, *member, *list_view)));
}

Result<Response> ApiUpdateMember(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kMemberFields);
  if (!body) return body.error();
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  communities::Membership updated = member->membership;
  if (Status status = ApplyMemberFields(ctx, *body, updated); !status) return status.error();
  if (Status status = SaveMemberChange(ctx, member->membership, updated); !status) {
    return status.error();
  }
  return ApiGetMember(ctx);
}

Result<Response> ApiDeleteMember(Context& ctx) {
  Result<store::MemberView> member = MemberFromPath(ctx);
  if (!member) return member.error();
  communities::Membership left = member->membership;
  left.status = communities::MemberStatus::kLeft;
  if (Status status = SaveMemberChange(ctx, member->membership, left); !status) {
    return status.error();
  }
  Response response;
  response.status = 204;
  response.content_type = "application/json";
  return response;
}

Result<Response> ApiListCategories(Context& ctx) {
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  json::array items;
  for (const communities::Category& category : *categories) items.push_back(CategoryJson(category));
  const int64_t total = static_cast<int64_t>(items.size());
  return JsonOf(
      PageOf(std::move(items), Paging{1, static_cast<int>(std::max<int64_t>(total, 1))}, total));
}

Result<Response> ApiCreateCategory(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kCategoryFields);
  if (!body) return body.error();
  communities::Category blank;
  blank.community_id = ctx.community->id;
  Result<communities::Category> category = CategoryFromJson(*body, blank);
  if (!category) return category.error();
  Result<int64_t> id = ctx.Communities().CreateCategory(*category);
  if (!id) return id.error();
  category->id = *id;
  return JsonOf(CategoryJson(*category), 201);
}

Result<Response> ApiGetCategory(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such category", "id");
  Result<communities::Category> category = ctx.Communities().FindCategory(ctx.community->id, id);
  if (!category) return category.error();
  return JsonOf(CategoryJson(*category));
}

Result<Response> ApiUpdateCategory(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kCategoryFields);
  if (!body) return body.error();
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such category", "id");
  Result<communities::Category> existing = ctx.Communities().FindCategory(ctx.community->id, id);
  if (!existing) return existing.error();
  Result<communities::Category> category = CategoryFromJson(*body, *existing);
  if (!category) return category.error();
  if (Status status = ctx.Communities().UpdateCategory(*category); !status) {
    return status.error();
  }
  return JsonOf(CategoryJson(*category));
}

Result<Response> ApiDeleteCategory(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id == 0) return Error::NotFound("no such category", "id");
  if (Status status = ctx.Communities().DeleteCategory(ctx.community->id, id); !status) {
    return status.error();
  }
  Response response;
  response.status = 204;
  response.content_type = "application/json";
  return response;
}

Result<Response> ApiAuditLog(Context& ctx) {
  Result<Paging> paging = ReadPaging(ctx);
  if (!paging) return paging.error();
  store::AuditLog audit(ctx.services.db);
  Result<std::vector<store::AuditRecord>> records = audit.ListForCommunity(
      ctx.community->id, (paging->page - 1) * paging->per_page, paging->per_page);
  if (!records) return records.error();
  Result<int64_t> total = audit.CountForCommunity(ctx.community->id);
  if (!total) return total.error();
  json::array items;
  for (const store::AuditRecord& record : *records) {
    items.push_back({{"seq", record.seq},
                     {"at", record.at},
                     {"actor", {{"id", record.entry.actor_person_id}, {"name", record.actor_name}}},
                     {"action", record.entry.action},
                     {"subject", record.entry.subject},
                     {"details", record.entry.details},
                     {"previous_hash", record.previous_hash},
                     {"hash", record.hash}});
  }
  return JsonOf(PageOf(std::move(items), *paging, *total));
}

}  // namespace andel::web
