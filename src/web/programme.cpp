#include "web/programme.h"

#include "web/impact.h"

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

const store::ProgrammeEntry& CommunityOf(const ProgrammeRollup& rollup, int64_t community_id) {
  for (const store::ProgrammeEntry& community : rollup.communities) {
    if (community.community_id == community_id) return community;
  }
  return rollup.communities.front();
}

}  // namespace andel::web
