// The consortium builder in the JSON API: the team for a list of needs, saved when a task is
// given.
#include <algorithm>
#include <boost/json.hpp>
#include <optional>

#include "web/api_support.h"
#include "web/partnerships/consortium.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {

namespace json = boost::json;

Result<Response> ApiFormConsortium(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"needs", "min_categories", "task"});
  if (!body) return body.error();
  const json::value* needs_value = body->if_contains("needs");
  if (!needs_value || !needs_value->is_array()) {
    return Error::InvalidArgument("needs is a list of competences", "needs");
  }
  std::string text;
  for (const json::value& need : needs_value->as_array()) {
    if (!need.is_string() || need.as_string().find(',') != json::string::npos) {
      return Error::InvalidArgument("needs is a list of competences", "needs");
    }
    text += (text.empty() ? "" : ",") + std::string(need.as_string());
  }
  int64_t min_categories = 1;
  if (const json::value* min = body->if_contains("min_categories")) {
    if (!min->is_int64() || min->as_int64() < 0 || min->as_int64() > 64) {
      return Error::InvalidArgument("this number is out of range", "min_categories");
    }
    min_categories = min->as_int64();
  }
  std::optional<std::string> task;
  if (const json::value* value = body->if_contains("task")) {
    if (!value->is_string()) return Error::InvalidArgument("name the task", "task");
    task = std::string(value->as_string());
  }
  Result<Consortium> formed = FormConsortium(ctx, text, static_cast<int>(min_categories), task);
  if (!formed) return formed.error();
  const matching::ConsortiumResult& result = formed->result;
  const CommunityMatching& community = formed->community;
  const std::optional<int64_t> saved_id = formed->saved_id;
  json::array members;
  for (int m : result.members) {
    members.push_back(community.profiles[static_cast<size_t>(m)].membership_id);
  }
  json::object covers;
  for (const auto& [competence, member] : result.covers) {
    covers[community.matching.competences()[static_cast<size_t>(competence)]] =
        community.profiles[static_cast<size_t>(member)].membership_id;
  }
  json::array missing;
  for (const std::string& need : formed->needs) {
    const int index = community.matching.CompetenceIndex(need);
    if (index < 0 || std::count(result.missing.begin(), result.missing.end(), index)) {
      missing.push_back(json::string(need));
    }
  }
  return JsonOf(json::object{{"feasible", result.feasible},
                             {"members", std::move(members)},
                             {"covers", std::move(covers)},
                             {"missing", result.feasible ? json::array() : std::move(missing)},
                             {"optimal", result.optimal},
                             {"bound", result.bound},
                             {"saved", saved_id ? json::value(*saved_id) : json::value(nullptr)}},
                saved_id ? 201 : 200);
}

}  // namespace andel::web
