// Members and member categories in the JSON API: the list (as the caller may see it), one
// member, adding, changing and removing members, and the categories.
#include <boost/json.hpp>
#include <string_view>

#include "core/text.h"
#include "web/api_support.h"
#include "web/communities/actions.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

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
  Result<store::MemberPage> members = ctx.Memberships().ListMembers(ctx.community->id, query);
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
    Result<int64_t> organisation_id = ctx.Memberships().FindOrCreateOrganisation(*valid, ctx.Now());
    if (!organisation_id) return organisation_id.error();
    membership.organisation_id = *organisation_id;
  }
  Result<int64_t> person = ctx.services.accounts.FindOrCreatePerson(email, *name, ctx.Now());
  if (!person) return person.error();
  membership.person_id = *person;
  membership.joined_on = DateFromUnixSeconds(ctx.Now());
  Result<int64_t> id = ctx.Memberships().AddMember(membership, ctx.Now());
  if (!id) return id.error();
  ctx.params["id"] = std::to_string(*id);
  Result<Response> created = ApiGetMember(ctx);
  if (created) created->status = 201;
  return created;
}

Result<Response> ApiGetMember(Context& ctx) {
  Result<VisibleMember> visible = VisibleMemberFromPath(ctx);
  if (!visible) return visible.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  return JsonOf(MemberJson(ctx, visible->member, *categories,
                           DetailsHiddenFrom(ctx, visible->member, visible->view)));
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
  return NoContent();
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
  return NoContent();
}

Result<Response> ApiLeave(Context& ctx) {
  if (Status empty = NoBodyFields(ctx); !empty) return empty.error();
  if (Status left = LeaveCommunity(ctx); !left) return left.error();
  return NoContent();
}

}  // namespace andel::web
