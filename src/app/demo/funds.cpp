#include "app/demo/funds.h"

#include <random>
#include <string>
#include <vector>

#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/funds/fund_repository.h"

namespace andel::app {
namespace {

struct ProjectSeed {
  const char* title;
  const char* description;
  long cost;
  const char* category;
  bool feasible;
  const char* reason;
  int appeal;  // how many in a hundred voters choose it
};

struct FundSeed {
  const char* slug;
  const char* title;
  const char* description;
  long amount;
  bool close;  // run the vote to its result
  std::vector<ProjectSeed> projects;
};

// Members of the community, the board member first.
Result<std::vector<int64_t>> PersonsOf(store::Database& db, const std::string& slug) {
  Result<communities::Community> community = store::CommunityRepository(db).FindBySlug(slug);
  if (!community) return community.error();
  store::MemberQuery query;
  query.limit = 500;
  Result<store::MemberPage> members =
      store::MembershipRepository(db).ListMembers(community->id, query);
  if (!members) return members.error();
  std::vector<int64_t> persons;
  for (const store::MemberView& m : members->members) {
    if (m.membership.role != communities::Role::kMember) {
      persons.insert(persons.begin(), m.membership.person_id);
    } else {
      persons.push_back(m.membership.person_id);
    }
  }
  return persons;
}

Status AddFund(store::Database& db, const FundSeed& seed, int64_t now, std::mt19937& random) {
  store::CommunityRepository communities(db);
  store::FundRepository funds_repo(db);
  Result<communities::Community> community = communities.FindBySlug(seed.slug);
  if (!community) return community.error();
  Result<std::vector<int64_t>> persons = PersonsOf(db, seed.slug);
  if (!persons) return persons.error();
  const int64_t board = persons->front();
  funds::Fund fund;
  fund.community_id = community->id;
  fund.title = seed.title;
  fund.description = seed.description;
  fund.amount = seed.amount;
  fund.currency = "DKK";
  fund.created_by = board;
  Result<int64_t> fund_id = funds_repo.Create(fund, now - 40 * 86400);
  if (!fund_id) return fund_id.error();
  fund.id = *fund_id;
  std::vector<std::pair<int64_t, int>> feasible;  // project id, appeal
  for (size_t i = 0; i < seed.projects.size(); ++i) {
    const ProjectSeed& p = seed.projects[i];
    funds::Project project;
    project.fund_id = fund.id;
    project.title = p.title;
    project.description = p.description;
    project.cost = p.cost;
    project.category = p.category;
    project.proposer_person_id = (*persons)[(i * 5 + 3) % persons->size()];
    Result<int64_t> id = funds_repo.AddProject(project, now - 35 * 86400);
    if (!id) return id.error();
    if (p.feasible) feasible.emplace_back(*id, p.appeal);
  }
  if (Status s = funds_repo.SetPhase(fund.id, funds::Phase::kReviewing, board, now - 30 * 86400);
      !s)
    return s;
  Result<std::vector<funds::Project>> stored = funds_repo.Projects(fund.id);
  if (!stored) return stored.error();
  for (size_t i = 0; i < stored->size(); ++i) {
    const ProjectSeed& p = seed.projects[i];
    Status reviewed = funds_repo.Review(
        fund.id, (*stored)[i].id,
        p.feasible ? funds::ProjectStatus::kFeasible : funds::ProjectStatus::kInfeasible, p.reason,
        board, now - 28 * 86400);
    if (!reviewed) return reviewed;
  }
  if (Status s = funds_repo.SetPhase(fund.id, funds::Phase::kVoting, board, now - 21 * 86400); !s)
    return s;
  // Every member votes when the vote is to close; otherwise two in three have so far. The board
  // member and the demo accounts (the last two members of the partnership) are left to vote.
  std::vector<funds::Project> on_ballot;
  for (size_t i = 0; i < stored->size(); ++i) {
    if (seed.projects[i].feasible) on_ballot.push_back((*stored)[i]);
  }
  for (size_t v = 1; v < persons->size(); ++v) {
    if (!seed.close && (v % 3 == 0 || v + 2 >= persons->size())) continue;
    funds::Ballot ballot;
    ballot.voter = "p" + std::to_string((*persons)[v]);
    ballot.person_id = (*persons)[v];
    mpq_class cost = 0;
    for (const auto& [id, appeal] : feasible) {
      if (static_cast<int>(random() % 100) >= appeal) continue;
      for (const funds::Project& p : on_ballot) {
        if (p.id == id && cost + p.cost <= fund.amount) {
          ballot.projects.push_back(id);
          cost += p.cost;
        }
      }
    }
    if (ballot.projects.empty()) continue;
    if (Status saved = funds_repo.SaveBallot(fund.id, ballot, now - 14 * 86400 + 60 * v); !saved)
      return saved;
  }
  if (seed.close) {
    return funds_repo.SetPhase(fund.id, funds::Phase::kResult, board, now - 7 * 86400);
  }
  return {};
}

}  // namespace

Status LoadDemoFunds(store::Database& db, int64_t now) {
  std::mt19937 random(2026);
  const std::vector<FundSeed> seeds = {
      {"roskilde-samskabelse",
       "Kommunal startpulje 2026",
       "Roskilde Kommune giver **150.000 kr.** i startpenge til initiativer, der vokser ud af "
       "husets egne fællesskaber. Alle medlemmer kan foreslå et initiativ; bestyrelsen tjekker, "
       "at det kan lade sig gøre, og medlemmerne stemmer.\n\nPengene fordeles med *Metoden med "
       "lige andele*: hver stemme råder over en lige stor del af puljen, så både flertallet og "
       "de mindre grupper får initiativer, de har stemt for.",
       150000,
       true,
       {{"Morgenkaffe for ledige med gåpåmod",
         "Hver tirsdag morgen: kaffe, avis og jobsøgning sammen med frivillige mentorer.", 18000,
         "beskæftigelse", true, "", 70},
        {"Reparationscafé",
         "Frivillige hjælper med at reparere cykler, tøj og elektronik én lørdag om måneden.",
         25000, "bæredygtighed", true, "", 55},
        {"Værksted for unge",
         "Et åbent værksted med værktøj og to faste værkstedsledere for unge 15-25 år.", 60000,
         "unge", true, "", 40},
        {"Sprogcafé", "Dansk for nye borgere over kaffe, to aftener om ugen.", 12000, "integration",
         true, "", 35},
        {"Byhave på taget", "Højbede, kompost og vandopsamling på husets flade tag.", 45000,
         "bæredygtighed", true, "", 45},
        {"Musik for seniorer", "Fællessang og små koncerter for ældre fra bydelen.", 20000,
         "kultur", true, "", 25},
        {"Fælles madklub", "Billig aftensmad en gang om ugen, lavet af overskudsvarer.", 15000,
         "fællesskab", true, "", 50},
        {"Udendørs scene", "En fast scene i gården til koncerter og teater.", 90000, "kultur",
         false, "Kræver en byggetilladelse, som ikke kan nås i år. Foreslå den igen næste år.",
         0}}},
      {"aarhus-partnerskab",
       "Partnerskabets fællespulje 2027",
       "Partnerskabet sætter **80.000 kr.** af til fælles projekter på tværs af kategorier. "
       "Vælg de projekter, du vil støtte; tilsammen må de koste højst hele puljen.",
       80000,
       false,
       {{"Fælles værkstedsdage", "Åbne værkstedsdage i Godsbanen med frivillige værter.", 24000,
         "værksted", true, "", 60},
        {"Data om lokal effekt", "Studerende måler effekten af tre partnerskaber.", 30000,
         "forskning", true, "", 35},
        {"Solceller på foreningshuset", "Et første anlæg, som foreningerne ejer sammen.", 50000,
         "energi", true, "", 40},
        {"Mentorordning for iværksættere", "Erfarne folk fra virksomhederne som mentorer.", 16000,
         "job", true, "", 50}}},
  };
  for (const FundSeed& seed : seeds) {
    if (Status added = AddFund(db, seed, now, random); !added) return added;
  }
  return {};
}

}  // namespace andel::app
