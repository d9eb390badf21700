// Partnerships in the JSON API: the community's competences, the caller's profile, and match
// recommendations with their reasons.
#include <boost/json.hpp>

#include "web/api_support.h"
#include "web/handlers.h"
#include "web/partners.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::array KeysJson(const matching::Profiles& profiles, const std::vector<int>& competences) {
  json::array out;
  for (int c : competences) out.push_back(json::string(profiles.competences()[static_cast<size_t>(c)]));
  return out;
}

Result<std::string> ListField(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (!value) return std::string();
  if (!value->is_array()) return Error::InvalidArgument("this must be a list of competences", name);
  std::string joined;
  for (const json::value& item : value->as_array()) {
    if (!item.is_string()) return Error::InvalidArgument("this must be a list of competences", name);
    const std::string text(item.as_string());
    if (text.find(',') != std::string::npos) {
      return Error::InvalidArgument("a competence cannot contain a comma", name);
    }
    joined += (joined.empty() ? "" : ",") + text;
  }
  return joined;
}

}  // namespace

Result<Response> ApiListCompetences(Context& ctx) {
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  json::array items;
  for (const auto& [key, record] : *labels) {
    items.push_back(json::object{{"key", key},
                                 {"labels", {{"en", record.label_en}, {"da", record.label_da}, {"nl", record.label_nl}}},
                                 {"synonyms", record.synonyms},
                                 {"curated", record.curated}});
  }
  return JsonOf(json::object{{"items", std::move(items)}});
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
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  Result<json::object> body = BodyObject(ctx);
  if (!body) return body.error();
  Result<std::string> offers_text = ListField(*body, "offers");
  if (!offers_text) return offers_text.error();
  Result<std::string> needs_text = ListField(*body, "needs");
  if (!needs_text) return needs_text.error();
  Result<std::vector<std::pair<std::string, std::string>>> offers =
      ReadCompetences(*offers_text, "offers");
  if (!offers) return offers.error();
  Result<std::vector<std::pair<std::string, std::string>>> needs =
      ReadCompetences(*needs_text, "needs");
  if (!needs) return needs.error();
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ResolveCompetences(*labels, *offers);
  ResolveCompetences(*labels, *needs);
  Status saved =
      ctx.services.partnerships.SaveProfile(ctx.community->id, ctx.membership->id, *offers, *needs);
  if (!saved) return saved.error();
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
    partners.push_back(community->profiles[static_cast<size_t>(a == me->second ? b : a)].membership_id);
  }
  return JsonOf(json::object{{"items", std::move(items)}, {"partners", std::move(partners)}});
}

Result<Response> ApiRespondToMatch(Context& ctx) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  Result<json::object> body = BodyObject(ctx);
  if (!body) return body.error();
  Result<std::string> status = StringField(*body, "status");
  if (!status) return status.error();
  if (*status != "accepted" && *status != "declined") {
    return Error::InvalidArgument("accept or decline the match", "status");
  }
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  const int64_t other = ctx.ParamId("id");
  if (other == ctx.membership->id || !community->index_of.count(other)) {
    return Error::NotFound("no such member", "id");
  }
  Status saved = ctx.services.partnerships.Respond(ctx.community->id, ctx.membership->id, other,
                                                   *status, ctx.Now());
  if (!saved) return saved.error();
  return JsonOf(json::object{{"id", other}, {"status", *status}});
}

}  // namespace andel::web
