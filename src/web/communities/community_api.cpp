// Communities in the JSON API: list, create, read with their statutes, change, delete, and a
// community's audit log. Paging with ?page=&per_page=; errors as {"error":{"code","message"}}.
#include <boost/json.hpp>
#include <string_view>

#include "core/text.h"
#include "store/audit_log.h"
#include "web/api_support.h"
#include "web/communities/actions.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/responses.h"

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

// The fields ApplyCommunityFields reads, and the slug, which is given when a community is
// created and refused when it is changed.
constexpr std::string_view kCommunityFields[] = {"slug", "name",   "about",
                                                 "kind", "signup", "public"};
// A change may also publish the member list, or make it private again.
constexpr std::string_view kCommunityChangeFields[] = {
    "slug", "name", "about", "kind", "signup", "public", "member_list_public"};

// Applies the fields present in `body` to a community, as the settings form does
// (ReadCommunityForm): the fields absent keep their values.
Status ApplyCommunityFields(const json::object& body, communities::Community& community) {
  Form form;
  for (const auto& [field, current] :
       {std::pair{"name", community.name}, std::pair{"about", community.about},
        std::pair{"kind", std::string(communities::Name(community.kind))},
        std::pair{"signup", std::string(communities::Name(community.signup))}}) {
    Result<std::string> value = StringField(body, field, current);
    if (!value) return value.error();
    form.Add(field, *value);
  }
  Result<bool> is_public = BoolField(body, "public", community.is_public);
  if (!is_public) return is_public.error();
  form.Add("visibility", *is_public ? "public" : "private");
  return ReadCommunityForm(form, community);
}

}  // namespace

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
  Result<store::MemberPage> members = ctx.Memberships().ListMembers(ctx.community->id, query);
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
  return NoContent();
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
