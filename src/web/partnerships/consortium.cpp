// What the consortium page and the consortium API share (see consortium.h).
#include "web/partnerships/consortium.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/log_text.h"
#include "core/text.h"

namespace andel::web {
namespace {

// A consortium's task: 1-200 characters of one line.
Result<std::string> ValidateTask(const std::string& text) {
  if (!IsValidUtf8(text)) return Error::InvalidArgument("the text is not valid UTF-8", "task");
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return Error::InvalidArgument("name the task", "task");
  const bool control = std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
  });
  if (CodePointCount(trimmed) > 200 || control) {
    return Error::InvalidArgument("a task is one line of at most 200 characters", "task");
  }
  return std::string(trimmed);
}

// The needs as written (labels in any language resolve to the community's competences).
Result<std::vector<std::string>> Needs(const CompetenceLabels& labels, const std::string& text) {
  Result<std::vector<std::pair<std::string, std::string>>> entries = ReadCompetences(text, "needs");
  if (!entries) return entries.error();
  ResolveCompetences(labels, *entries);
  if (entries->empty())
    return Error::InvalidArgument("name the competences the task needs", "needs");
  if (entries->size() > 32)
    return Error::InvalidArgument("a task can need at most 32 competences", "needs");
  std::vector<std::string> keys;
  for (const auto& [key, label] : *entries) keys.push_back(key);
  return keys;
}

// "law: Anna; data: Bo" — who covers what, for a saved consortium.
std::string CoversText(const CommunityMatching& community, const matching::ConsortiumResult& result,
                       int member) {
  std::string out;
  for (const auto& [competence, covering] : result.covers) {
    if (covering != member) continue;
    out += (out.empty() ? "" : ",") +
           community.matching.competences()[static_cast<size_t>(competence)];
  }
  return out;
}

Result<int64_t> SaveTeam(Context& ctx, const CommunityMatching& community,
                         const matching::ConsortiumResult& result,
                         const std::vector<std::string>& needs, const std::string& task) {
  store::Consortium consortium;
  Result<std::string> name = ValidateTask(task);
  if (!name) return name.error();
  consortium.task = *name;
  for (const std::string& need : needs)
    consortium.needs += (consortium.needs.empty() ? "" : ",") + need;
  for (int m : result.members) {
    consortium.members.emplace_back(community.profiles[static_cast<size_t>(m)].membership_id,
                                    CoversText(community, result, m));
  }
  return ctx.services.partnerships.SaveConsortium(ctx.community->id, consortium, ctx.person->id,
                                                  ctx.Now());
}

}  // namespace

Result<Consortium> ComputeConsortium(Context& ctx, const CompetenceLabels& labels,
                                     const std::string& needs_text, int min_categories) {
  Result<std::vector<std::string>> needs = Needs(labels, needs_text);
  if (!needs) return needs.error();
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<matching::ConsortiumResult> result =
      matching::FormConsortium(community->matching, *needs, min_categories);
  if (!result) return result.error();
  return Consortium{std::move(*needs), std::move(*community), std::move(*result), std::nullopt};
}

Result<Consortium> FormConsortium(Context& ctx, const std::string& needs_text, int min_categories,
                                  const std::optional<std::string>& task) {
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<Consortium> consortium = ComputeConsortium(ctx, *labels, needs_text, min_categories);
  if (!consortium) return consortium.error();
  if (!task) return consortium;
  if (!consortium->result.feasible) {
    return Error::FailedPrecondition("no team can cover the task", "needs");
  }
  Result<int64_t> id =
      SaveTeam(ctx, consortium->community, consortium->result, consortium->needs, *task);
  if (!id) return id.error();
  consortium->saved_id = *id;
  // Each member put in it hears of it, with a link to its page.
  const std::string link = ctx.services.config.public_url + "/c/" + ctx.community->slug +
                           "/consortia/" + std::to_string(*id);
  // The consortium is saved: a mail that cannot be queued is logged, not the member's failure.
  Result<std::string> valid = ValidateTask(*task);
  const std::string named = valid ? *valid : *task;
  for (int m : consortium->result.members) {
    const int64_t membership = consortium->community.profiles[static_cast<size_t>(m)].membership_id;
    if (ctx.membership && membership == ctx.membership->id) continue;
    if (Status told = MailMember(ctx, membership, "You are in a consortium for “{task}”",
                                 {"{name} has formed a consortium in {community} for “{task}”, "
                                  "and you are in it.",
                                  "See who else is in it and what each of you covers: {link}"},
                                 link, named);
        !told) {
      spdlog::warn("consortium {}: the mail to member {} was not queued: {}", *id, membership,
                   LogText(told.error().message));
    }
  }
  return consortium;
}

}  // namespace andel::web
