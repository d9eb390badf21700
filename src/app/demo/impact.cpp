#include "app/demo/impact.h"

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "impact/catalogue.h"
#include "store/communities/community_repository.h"
#include "store/decisions/decision_repository.h"
#include "store/funds/fund_repository.h"
#include "store/impact/impact_link_repository.h"
#include "store/impact/impact_repository.h"
#include "store/impact/participant_outcome_repository.h"
#include "store/impact/programme_repository.h"
#include "store/impact/sroi_repository.h"
#include "store/impact/value_case_repository.h"
#include "store/incubator/initiative_repository.h"

namespace andel::app {
namespace {

struct IndicatorSeed {
  const char* catalogue_key;  // or empty, with a name of its own
  const char* name;
  const char* unit;
  int per_year;  // about this much a year, spread over the months
  int target;    // over the two years; none if 0
  const char* source;
  int parent = -1;  // the position of its goal among the community's seeds
  int weight = 0;   // in thousandths of the goal; none if 0
};

struct CommunitySeed {
  const char* slug;
  std::vector<IndicatorSeed> indicators;
};

Status AddImpact(store::Database& db, const CommunitySeed& seed, int64_t now,
                 std::mt19937& random) {
  store::CommunityRepository communities(db);
  store::ImpactRepository impact_repo(db);
  Result<communities::Community> community = communities.FindBySlug(seed.slug);
  if (!community) return community.error();
  // The 24 months before this one.
  const Date today = DateFromUnixSeconds(now);
  int year = today.year, month = today.month;
  for (int i = 0; i < 24; ++i) {
    if (--month == 0) {
      month = 12;
      --year;
    }
  }
  const Date start{year, month, 1};
  std::vector<int64_t> ids;
  for (const IndicatorSeed& s : seed.indicators) {
    impact::Indicator indicator;
    if (const impact::CatalogueEntry* entry = impact::FindCatalogueEntry(s.catalogue_key)) {
      indicator.catalogue_key = entry->key;
      indicator.name = entry->name;
      indicator.unit = entry->unit;
    } else {
      indicator.name = s.name;
    }
    if (*s.unit) indicator.unit = s.unit;
    indicator.baseline_date = start;
    if (s.target > 0) indicator.targets = {{{int64_t{s.target} * 1000}, {today.year, 12, 31}}};
    if (s.parent >= 0) indicator.parent = ids.at(static_cast<size_t>(s.parent));
    if (s.weight > 0) indicator.weight = impact::Quantity{s.weight};
    Result<int64_t> id = impact_repo.CreateIndicator(community->id, indicator, 0, now);
    if (!id) return id.error();
    ids.push_back(*id);
    if (s.per_year == 0) continue;  // a goal, measured by its parts
    std::vector<impact::Measurement> months;
    int y = year, m = month;
    for (int i = 0; i < 24; ++i) {
      impact::Measurement measurement;
      measurement.indicator_id = *id;
      measurement.period_start = {y, m, 1};
      measurement.period_end = {y, m, DaysInMonth(y, m)};
      // A twelfth of the year's figure, more in spring and autumn, less in July.
      const int base = s.per_year * 1000 / 12;
      const int season = m == 7 ? -base / 2 : (m == 4 || m == 10) ? base / 4 : 0;
      const int noise = static_cast<int>(random() % 41) - 20;
      const int64_t value = int64_t{base + season} * (100 + noise) / 100;
      measurement.value = {std::max<int64_t>(0, (value + 500) / 1000 * 1000)};
      measurement.source = s.source;
      months.push_back(measurement);
      if (++m == 13) {
        m = 1;
        ++y;
      }
    }
    if (Result<size_t> added = impact_repo.Import(community->id, months, 0, now); !added) {
      return added.error();
    }
  }
  return {};
}

Status AddOutcomes(store::Database& db, int64_t community_id, int64_t now);

// Value cases: two of the house's (one published) and one of the incubator's (published).
Status AddValueCases(store::Database& db, int64_t now) {
  store::CommunityRepository communities(db);
  store::ImpactRepository impact_repo(db);
  store::ValueCaseRepository cases(db);
  struct CaseSeed {
    const char* slug;
    const char* title;
    const char* story;
    std::vector<size_t> indicators;  // positions in the community's indicators
    const char* evidence;
    bool published;
  };
  const std::vector<CaseSeed> seeds = {
      {"roskilde-samskabelse",
       "Morgenkaffe, der blev til job",
       "Hver tirsdag mødes ledige, frivillige mentorer og to virksomheder fra bydelen over kaffe "
       "og avis. Ingen skemaer, ingen krav: man kommer, når man kan.\n\nPå et år kom **41** i "
       "job og **21** i uddannelse. Det, der virkede, var at mentorerne selv havde prøvet at stå "
       "uden arbejde, og at virksomhederne kom hver uge, ikke kun til en messe.\n\n"
       "*Det vil vi gøre igen:* faste mentorpar og en fast plads ved bordet til virksomhederne.",
       {2, 3},
       "https://roskilde.dk/samskabelse/morgenkaffe-rapport-2025.pdf",
       true},
      {"roskilde-samskabelse",
       "Frivilligtimer i reparationscaféen",
       "Reparationscaféen samler frivillige, der fikser cykler, tøj og elektronik én lørdag om "
       "måneden. Timerne registreres i frivilligskemaet og tælles med i husets effekt.",
       {4},
       "",
       false},
      {"coop-incubator",
       "Van buurtcafé naar coöperatie",
       "Drie buurtcafés in Oost gingen samen een coöperatie aan voor inkoop en personeel. De "
       "incubator bracht ze bij elkaar via de matches in Andel; binnen een jaar kochten ze "
       "**40 %** lokaal in.\n\nWat hielp: een gedeelde boekhouder en vaste inkoopdagen.",
       {0, 1, 3},
       "https://example.org/incubator/buurtcafes-2026",
       true},
  };
  for (const CaseSeed& seed : seeds) {
    Result<communities::Community> community = communities.FindBySlug(seed.slug);
    if (!community) return community.error();
    Result<std::vector<impact::Indicator>> indicators = impact_repo.Indicators(community->id);
    if (!indicators) return indicators.error();
    impact::ValueCase value_case;
    value_case.community_id = community->id;
    value_case.title = seed.title;
    value_case.story = seed.story;
    for (const size_t i : seed.indicators) value_case.indicator_ids.push_back((*indicators)[i].id);
    if (*seed.evidence) value_case.evidence_urls.emplace_back(seed.evidence);
    value_case.published = seed.published;
    if (Result<int64_t> id = cases.Create(value_case, 0, now); !id) return id.error();
  }
  // The house's SROI of its morning coffee for job seekers: 41 into jobs (valued at what a year
  // of benefits costs the municipality) and 21 into education, from 400,000 DKK of money and
  // volunteers' time.
  Result<communities::Community> house = communities.FindBySlug("roskilde-samskabelse");
  if (!house) return house.error();
  store::SroiAnalysis analysis;
  analysis.community_id = house->id;
  analysis.title = "Morgenkaffe for ledige 2025";
  analysis.currency = "DKK";
  analysis.input.investment_minor = 40000000;
  impact::SroiOutcome jobs;
  jobs.name = "I job";
  jobs.quantity = {41000};
  jobs.proxy_minor = 4000000;
  jobs.deadweight_bp = 4000;
  jobs.attribution_bp = 3000;
  jobs.drop_off_bp = 3000;
  jobs.duration_years = 3;
  impact::SroiOutcome education = jobs;
  education.name = "I uddannelse";
  education.quantity = {21000};
  education.proxy_minor = 2500000;
  education.deadweight_bp = 3500;
  education.drop_off_bp = 2000;
  analysis.input.outcomes = {jobs, education};
  store::SroiRepository sroi(db);
  if (Result<int64_t> id = sroi.Create(analysis, 0, now); !id) return id.error();
  return AddOutcomes(db, house->id, now);
}

// The house's participant outcomes, as seed 001 counts them: last year 104 new participants,
// 41 into jobs and 21 into education; this year so far at the same pace. Consent is recorded
// with each; no names.
Status AddOutcomes(store::Database& db, int64_t community_id, int64_t now) {
  store::ParticipantOutcomeRepository outcomes(db);
  const Date today = DateFromUnixSeconds(now);
  for (const auto& [kind, per_year] : {std::pair{impact::OutcomeKind::kNewParticipant, 104},
                                       std::pair{impact::OutcomeKind::kIntoJob, 41},
                                       std::pair{impact::OutcomeKind::kIntoEducation, 21}}) {
    for (int i = 0; i < per_year; ++i) {
      const int month = 1 + i * 12 / per_year;
      for (const int year : {today.year - 1, today.year}) {
        if (year == today.year && month >= today.month) continue;
        impact::ParticipantOutcome outcome;
        outcome.kind = kind;
        outcome.date = {year, month, 1 + i % 28};
        outcome.consent = true;
        if (Result<int64_t> id = outcomes.Record(community_id, outcome, 0, now); !id) {
          return id.error();
        }
      }
    }
  }
  return {};
}

}  // namespace

Status LoadDemoImpact(store::Database& db, int64_t now) {
  std::mt19937 random(2027);
  const std::vector<CommunitySeed> seeds = {
      {"roskilde-samskabelse",
       {{"", "Flere i job eller uddannelse", "", 0, 0, ""},
        {"participants", "", "", 104, 260, "Husets deltagerlister"},
        {"people_into_jobs", "", "", 41, 100, "Opfølgning med jobcentret", 0, 600},
        {"people_into_education", "", "", 21, 50, "Opfølgning med jobcentret", 0, 400},
        {"volunteer_hours", "", "", 2600, 6000, "Frivilligskemaer"}}},
      {"voedselcoop-oost",
       {{"participants", "", "", 60, 150, "Ledenadministratie"},
        {"local_spend", "", "EUR", 180000, 400000, "Inkoopadministratie"},
        {"volunteer_hours", "", "", 1400, 3000, "Rooster van de vrijwilligers"}}},
      {"coop-incubator",
       {{"", "Coöperaties gestart", "coöperaties", 9, 24, "Register van de Kamer van Koophandel"},
        {"partnerships_formed", "", "", 14, 36, "Matches in Andel"},
        {"people_into_jobs", "", "", 36, 90, "Jaarlijkse enquête onder deelnemers"},
        {"local_spend", "", "EUR", 420000, 1000000, "Inkoopadministratie van de coöperaties"}}},
  };
  for (const CommunitySeed& seed : seeds) {
    if (Status added = AddImpact(db, seed, now, random); !added) return added;
  }
  // One correction on record: the house's jobs figure for the latest month was entered too high.
  store::CommunityRepository communities(db);
  store::ImpactRepository impact_repo(db);
  Result<communities::Community> house = communities.FindBySlug("roskilde-samskabelse");
  if (!house) return house.error();
  Result<std::vector<impact::Measurement>> measurements = impact_repo.Measurements(house->id);
  if (!measurements) return measurements.error();
  Result<std::vector<impact::Indicator>> indicators = impact_repo.Indicators(house->id);
  if (!indicators) return indicators.error();
  for (auto it = measurements->rbegin(); it != measurements->rend(); ++it) {
    if (it->indicator_id != (*indicators)[2].id) continue;
    impact::Measurement fix = *it;
    fix.supersedes = it->id;
    fix.value = {std::max<int64_t>(0, it->value.thousandths - 1000)};
    fix.source = "Opfølgning med jobcentret (rettet: én person talt to gange)";
    if (Result<int64_t> id = impact_repo.Record(house->id, fix, 0, now); !id) return id.error();
    break;
  }
  return AddValueCases(db, now);
}

namespace {

// The id of the community's indicator with the catalogue key; kNotFound otherwise.
Result<int64_t> IndicatorOf(store::Database& db, int64_t community_id, const std::string& key) {
  Result<std::vector<impact::Indicator>> indicators =
      store::ImpactRepository(db).Indicators(community_id);
  if (!indicators) return indicators.error();
  for (const impact::Indicator& indicator : *indicators) {
    if (indicator.catalogue_key == key) return indicator.id;
  }
  return Error::NotFound("the demo indicator " + key + " is missing");
}

}  // namespace

Status LoadDemoImpactLinks(store::Database& db, int64_t now) {
  store::CommunityRepository communities(db);
  store::ImpactLinkRepository links(db);
  Result<communities::Community> house = communities.FindBySlug("roskilde-samskabelse");
  if (!house) return house.error();
  Result<std::vector<funds::Fund>> funds = store::FundRepository(db).List(house->id);
  if (!funds) return funds.error();
  const std::vector<std::pair<std::string, std::string>> project_links = {
      {"Morgenkaffe for ledige med gåpåmod", "people_into_jobs"},
      {"Morgenkaffe for ledige med gåpåmod", "people_into_education"},
      {"Reparationscafé", "volunteer_hours"},
      {"Sprogcafé", "participants"}};
  for (const funds::Fund& fund : *funds) {
    Result<std::vector<funds::Project>> projects = store::FundRepository(db).Projects(fund.id);
    if (!projects) return projects.error();
    for (const funds::Project& project : *projects) {
      for (const auto& [title, key] : project_links) {
        if (project.title != title) continue;
        Result<int64_t> indicator = IndicatorOf(db, house->id, key);
        if (!indicator) return indicator.error();
        if (Status linked =
                links.Link(house->id, *indicator, store::LinkSubject::kProject, project.id, 0, now);
            !linked) {
          return linked;
        }
      }
    }
  }
  Result<communities::Community> cooperative = communities.FindBySlug("voedselcoop-oost");
  if (!cooperative) return cooperative.error();
  Result<std::vector<store::ProposalSummary>> proposals =
      store::DecisionRepository(db).ListProposals(cooperative->id, 0, 100);
  if (!proposals) return proposals.error();
  Result<int64_t> local_spend = IndicatorOf(db, cooperative->id, "local_spend");
  if (!local_spend) return local_spend.error();
  for (const store::ProposalSummary& summary : *proposals) {
    if (summary.proposal.title.starts_with("Nieuwe leverancier")) {
      if (Status linked = links.Link(cooperative->id, *local_spend, store::LinkSubject::kProposal,
                                     summary.proposal.id, 0, now);
          !linked) {
        return linked;
      }
    }
  }
  // Initiatives and what they are expected to move.
  Result<communities::Community> incubator = communities.FindBySlug("coop-incubator");
  if (!incubator) return incubator.error();
  const std::vector<std::tuple<int64_t, std::string, std::string>> initiative_links = {
      {house->id, "Morgenkaffe for ledige med gåpåmod", "people_into_jobs"},
      {house->id, "Reparationscafé", "volunteer_hours"},
      {incubator->id, "Inkoopcoöperatie buurtcafés Oost", "local_spend"},
      {incubator->id, "Energiecoöperatie Watergraafsmeer", "people_into_jobs"}};
  for (const auto& [community_id, title, key] : initiative_links) {
    Result<std::vector<incubator::Initiative>> initiatives =
        store::InitiativeRepository(db).List(community_id);
    if (!initiatives) return initiatives.error();
    Result<int64_t> indicator = IndicatorOf(db, community_id, key);
    if (!indicator) return indicator.error();
    for (const incubator::Initiative& initiative : *initiatives) {
      if (initiative.title != title) continue;
      if (Status linked = links.Link(community_id, *indicator, store::LinkSubject::kInitiative,
                                     initiative.id, 0, now);
          !linked) {
        return linked;
      }
    }
  }
  // The programme is the city's own, vouched for by the server's administrator.
  if (Status verified = store::ProgrammeRepository(db).Verify(incubator->id, 0, now); !verified) {
    return verified;
  }
  return store::ProgrammeRepository(db).Join(incubator->id, cooperative->id, 0, now);
}

}  // namespace andel::app
