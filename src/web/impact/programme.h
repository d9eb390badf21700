// A municipal programme's roll-up, as its page and the API read it: the programme's own
// indicators and those of every community reporting to it, grouped where they count the same
// thing, with the programme's totals.
#pragma once

#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "impact/rollup.h"
#include "store/impact/programme_repository.h"
#include "web/context.h"

namespace andel::web {

struct ProgrammeRollup {
  std::vector<store::ProgrammeEntry> communities;     // the programme first, then its members
  std::vector<impact::ReportingCommunity> reporting;  // in the same order
  std::vector<impact::RollupLine> lines;
};

// kNotFound naming "programme" unless the route's community is a municipal programme.
Result<ProgrammeRollup> LoadRollup(Context& ctx, Date today);

// For the route's community's impact page: "programmes" it reports to (slug, name, link to the
// roll-up), "is_programme", and for the board "programme_options" it may join.
Status AddProgrammesView(Context& ctx, ViewData& page);

// The community of a roll-up entry.
const store::ProgrammeEntry& CommunityOf(const ProgrammeRollup& rollup, int64_t community_id);

}  // namespace andel::web
