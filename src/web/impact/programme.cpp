// A municipal programme's roll-up, and the programmes a community reports to.
#include "web/impact/programme.h"

#include <set>

#include "web/impact/actions.h"

namespace andel::web {

Result<ProgrammeRollup> LoadRollup(Context& ctx, Date today) {
  if (ctx.community->kind != communities::CommunityKind::kMunicipalProgramme) {
    return Error::NotFound("this community is not a municipal programme", "programme");
  }
  ProgrammeRollup rollup;
  rollup.communities.push_back({ctx.community->id, ctx.community->slug, ctx.community->name, 0});
  Result<std::vector<store::ProgrammeEntry>> members =
      ctx.services.programmes.Members(ctx.community->id);
  if (!members) return members.error();
  rollup.communities.insert(rollup.communities.end(), members->begin(), members->end());
  for (const store::ProgrammeEntry& community : rollup.communities) {
    Result<ImpactRecords> records = LoadImpact(ctx, community.community_id);
    if (!records) return records.error();
    impact::ReportingCommunity reporting{
        community.community_id, std::move(records->indicators), {}};
    std::map<int64_t, std::vector<impact::Measurement>> values_of;
    for (impact::Measurement& m : records->values) {
      values_of[m.indicator_id].push_back(std::move(m));
    }
    for (auto& [id, values] : values_of) reporting.effective[id] = impact::Effective(values);
    rollup.reporting.push_back(std::move(reporting));
  }
  rollup.lines = impact::RollUp(rollup.reporting, today);
  return rollup;
}

Status AddProgrammesView(Context& ctx, ViewData& page) {
  page.set("is_programme", ctx.community->kind == communities::CommunityKind::kMunicipalProgramme);
  Result<std::vector<store::ProgrammeEntry>> joined =
      ctx.services.programmes.ProgrammesOf(ctx.community->id);
  if (!joined) return joined.error();
  std::set<int64_t> taken = {ctx.community->id};
  ViewData list = MakeList();
  for (const store::ProgrammeEntry& programme : *joined) {
    taken.insert(programme.community_id);
    ViewData item = MakeObject();
    item.set("programme_slug", programme.slug);
    item.set("name", programme.name);
    item.set("link", "/c/" + programme.slug + "/impact/programme");
    list.push_back(item);
  }
  page.set("programmes", list);
  page.set("has_programmes", !joined->empty());
  if (!ctx.IsBoard()) return {};
  Result<std::vector<store::ProgrammeEntry>> all = ctx.services.programmes.Programmes();
  if (!all) return all.error();
  ViewData options = MakeList();
  bool any_option = false;
  for (const store::ProgrammeEntry& programme : *all) {
    if (taken.contains(programme.community_id)) continue;
    any_option = true;
    ViewData option = MakeObject();
    option.set("slug", programme.slug);
    option.set("name", programme.name);
    options.push_back(option);
  }
  page.set("programme_options", options);
  page.set("has_programme_options", any_option);
  // Exactly what reporting shares: every indicator of the community, with its figures.
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  ViewData shared = MakeList();
  for (const impact::Indicator& indicator : *indicators) {
    ViewData item = MakeObject();
    item.set("name", IndicatorName(ctx, indicator));
    shared.push_back(item);
  }
  page.set("shared_indicators", shared);
  page.set("shares_nothing", indicators->empty());
  return {};
}

const store::ProgrammeEntry& CommunityOf(const ProgrammeRollup& rollup, int64_t community_id) {
  for (const store::ProgrammeEntry& community : rollup.communities) {
    if (community.community_id == community_id) return community;
  }
  return rollup.communities.front();
}

}  // namespace andel::web
