// Partnerships in the JSON API: the community's competences, the caller's profile, and match
// recommendations with their reasons.
#include <boost/json.hpp>
#include <cstdint>

#include "web/api_support.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::array KeysJson(const matching::Profiles& profiles, const std::vector<int>& competences) {
  json::array out;
  for (int c : competences)
    out.push_back(json::string(profiles.competences()[static_cast<size_t>(c)]));
  return out;
}

Result<std::string> ListField(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (!value) return std::string();
  if (!value->is_array()) return Error::InvalidArgument("this must be a list of competences", name);
  std::string joined;
  for (const json::value& item : value->as_array()) {
    if (!item.is_string())
      return Error::InvalidArgument("this must be a list of competences", name);
    const std::string text(item.as_string());
    if (text.find(',') != std::string::npos) {
      return Error::InvalidArgument("a competence cannot contain a comma", name);
    }
    joined += (joined.empty() ? "" : ",") + text;
  }
  return joined;
}

json::value CircleSetJson(const CommunityMatching& community, const store::CircleSet& set) {
  const matching::Partition partition = ToPartition(community, set);
  json::array circles;
  for (const std::vector<int64_t>& circle : set.circles) {
    json::array ids;
    for (int64_t membership : circle) ids.push_back(membership);
    circles.push_back(std::move(ids));
  }
  return json::object{{"id", set.id},
                      {"status", set.status},
                      {"size", set.size},
                      {"seed", set.seed},
                      {"objective", matching::Objective(community.matching, partition)},
                      {"random_objective", set.random_objective},
                      {"valid", matching::SatisfiesConstraints(community.matching, partition)},
                      {"circles", std::move(circles)}};
}

}  // namespace

Result<Response> ApiGetCircles(Context& ctx) {
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  json::object out;
  for (const char* status : {"published", "draft"}) {
    if (std::string(status) == "draft" && !ctx.IsBoard()) continue;
    Result<std::optional<store::CircleSet>> set =
        ctx.services.circles.Find(ctx.community->id, status);
    if (!set) return set.error();
    out[status] = *set ? CircleSetJson(*community, **set) : json::value(nullptr);
  }
  return JsonOf(out);
}

Result<Response> ApiFormCircles(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"size", "seed"});
  if (!body) return body.error();
  Result<int64_t> size = IntField(*body, "size", 2, 50, 8);
  if (!size) return size.error();
  Result<int64_t> seed = IntField(*body, "seed", 1, 1000000000, 1);
  if (!seed) return seed.error();
  Result<int64_t> draft = FormDraftCircles(ctx, static_cast<int>(*size), *seed);
  if (!draft) return draft.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<std::optional<store::CircleSet>> set =
      ctx.services.circles.Find(ctx.community->id, "draft");
  if (!set) return set.error();
  if (!*set) return Error::NotFound("there is no draft of circles", "circles");
  return JsonOf(CircleSetJson(*community, **set), 201);
}

Result<Response> ApiMoveCircleMember(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"membership", "circle"});
  if (!body) return body.error();
  Result<int64_t> membership = IntField(*body, "membership", 1, INT64_MAX, 0);
  if (!membership) return membership.error();
  Result<std::optional<store::CircleSet>> draft =
      ctx.services.circles.Find(ctx.community->id, "draft");
  if (!draft) return draft.error();
  if (!*draft) return Error::NotFound("there is no draft of circles", "circles");
  Result<int64_t> circle =
      IntField(*body, "circle", 1, static_cast<int64_t>((*draft)->circles.size()), 0);
  if (!circle || *circle == 0) return Error::InvalidArgument("choose a circle", "circle");
  Status moved =
      ctx.services.circles.Move(ctx.community->id, *membership, static_cast<int>(*circle));
  if (!moved) return moved.error();
  return ApiGetCircles(ctx);
}

Result<Response> ApiPublishCircles(Context& ctx) {
  if (Status none = NoBodyFields(ctx); !none) return none.error();
  Status published = ctx.services.circles.Publish(ctx.community->id, ctx.person->id, ctx.Now());
  if (!published) return published.error();
  return ApiGetCircles(ctx);
}

Result<Response> ApiGetProfile(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  json::array offers, needs;
  const auto me = community->index_of.find(ctx.membership->id);
  if (me != community->index_of.end()) {
    const store::PartnerProfile& mine = community->profiles[static_cast<size_t>(me->second)];
    for (const std::string& key : mine.offers) offers.push_back(json::string(key));
    for (const std::string& key : mine.needs) needs.push_back(json::string(key));
  }
  return JsonOf(json::object{{"offers", std::move(offers)}, {"needs", std::move(needs)}});
}

Result<Response> ApiPutProfile(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"offers", "needs"});
  if (!body) return body.error();
  Result<std::string> offers = ListField(*body, "offers");
  if (!offers) return offers.error();
  Result<std::string> needs = ListField(*body, "needs");
  if (!needs) return needs.error();
  if (Status saved = SaveMyProfile(ctx, *offers, *needs); !saved) return saved.error();
  return ApiGetProfile(ctx);
}

Result<Response> ApiListMatches(Context& ctx) {
  Result<int> top = QueryInt(ctx, "top", 10, 1, 100);
  if (!top) return top.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<std::vector<matching::Match>> matches = MyMatches(ctx, *community, *top);
  if (!matches) return matches.error();
  json::array items;
  for (const matching::Match& match : *matches) {
    const store::PartnerProfile& other = community->profiles[static_cast<size_t>(match.member)];
    items.push_back(json::object{{"id", other.membership_id},
                                 {"name", other.name},
                                 {"category", other.category},
                                 {"score", match.score.value()},
                                 {"gives", KeysJson(community->matching, match.gives)},
                                 {"gets", KeysJson(community->matching, match.gets)}});
  }
  json::array partners;
  const auto me = community->index_of.find(ctx.membership->id);
  for (const auto& [a, b] : community->accepted) {
    if (me == community->index_of.end() || (a != me->second && b != me->second)) continue;
    partners.push_back(
        community->profiles[static_cast<size_t>(a == me->second ? b : a)].membership_id);
  }
  return JsonOf(json::object{{"items", std::move(items)}, {"partners", std::move(partners)}});
}

Result<Response> ApiRespondToMatch(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"status"});
  if (!body) return body.error();
  Result<std::string> status = StringField(*body, "status");
  if (!status) return status.error();
  const int64_t other = ctx.ParamId("id");
  if (Status saved = RespondToMatch(ctx, other, *status); !saved) return saved.error();
  return JsonOf(json::object{{"id", other}, {"status", *status}});
}

}  // namespace andel::web
