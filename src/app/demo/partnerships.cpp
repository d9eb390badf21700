#include "app/demo/partnerships.h"

#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "matching/circles.h"
#include "matching/profile.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/partnerships/circle_repository.h"
#include "store/partnerships/partnership_repository.h"

namespace andel::app {
namespace {

struct Seed {
  const char* en;
  const char* da;
  const char* nl;
  const char* offered_by;  // the categories most likely to offer it, space-separated
};

constexpr Seed kCompetences[] = {
    {"Urban gardening", "Byhaver", "Stadstuinieren", "citizen civil_society"},
    {"Cooking for groups", "Madlavning for mange", "Koken voor groepen", "citizen civil_society"},
    {"Volunteers", "Frivillige", "Vrijwilligers", "civil_society citizen"},
    {"Meeting rooms", "Mødelokaler", "Vergaderruimte", "public_sector education civil_society"},
    {"Workshop space", "Værkstedsplads", "Werkplaats", "business civil_society"},
    {"Legal advice", "Juridisk rådgivning", "Juridisch advies", "business public_sector"},
    {"Bookkeeping", "Bogføring", "Boekhouding", "business"},
    {"Funding applications", "Fondsansøgninger", "Fondsenwerving", "foundation civil_society"},
    {"Start-up capital", "Startkapital", "Startkapitaal", "foundation public_sector"},
    {"Impact measurement", "Effektmåling", "Impactmeting", "research foundation"},
    {"Data analysis", "Dataanalyse", "Data-analyse", "research education"},
    {"Student projects", "Studenterprojekter", "Studentenprojecten", "education"},
    {"Teaching", "Undervisning", "Onderwijs", "education research"},
    {"Carpentry", "Tømrerarbejde", "Timmerwerk", "business citizen"},
    {"Energy renovation", "Energirenovering", "Energierenovatie", "business research"},
    {"Solar power", "Solenergi", "Zonne-energie", "business"},
    {"Graphic design", "Grafisk design", "Grafisch ontwerp", "business citizen"},
    {"Communication", "Kommunikation", "Communicatie", "civil_society business"},
    {"Local networks", "Lokale netværk", "Lokale netwerken", "citizen civil_society"},
    {"Job training", "Jobtræning", "Werkervaring", "public_sector business"},
    {"Mentoring", "Mentorordning", "Mentoring", "business citizen"},
    {"Permits and regulation", "Tilladelser og regler", "Vergunningen en regels", "public_sector"},
    {"Procurement", "Indkøb", "Inkoop", "public_sector business"},
    {"Event planning", "Arrangementer", "Evenementen", "civil_society citizen"},
    {"Translation", "Oversættelse", "Vertaling", "citizen education"},
    {"IT support", "IT-hjælp", "IT-ondersteuning", "business education"},
    {"Cooperative governance", "Andelsstyring", "Coöperatief bestuur", "civil_society research"},
    {"Food waste reduction", "Madspild", "Voedselverspilling", "civil_society business"},
    {"Childcare", "Børnepasning", "Kinderopvang", "citizen public_sector"},
    {"Repair skills", "Reparationer", "Reparaties", "citizen business"},
};

// Circles of eight for the partnership, formed by the matching core and published, so that
// every member has a circle to look at.
Status PublishDemoCircles(store::Database& db, int64_t community_id) {
  Result<std::vector<store::PartnerProfile>> profiles =
      store::PartnershipRepository(db).ListProfiles(community_id);
  if (!profiles) return profiles.error();
  std::vector<matching::MemberInput> inputs;
  for (const store::PartnerProfile& p : *profiles) {
    inputs.push_back(
        {std::to_string(p.membership_id), p.category, p.organisation, p.offers, p.needs, {}});
  }
  Result<matching::Profiles> built = matching::Profiles::Build(inputs);
  if (!built) return built.error();
  matching::CircleOptions options;
  options.seed = 2026;
  Result<matching::CirclesResult> circles = matching::FormCircles(*built, options);
  if (!circles) return circles.error();
  store::CircleSet set;
  set.size = options.size;
  set.seed = static_cast<int64_t>(options.seed);
  set.random_objective = circles->random_objective;
  for (const std::vector<int>& circle : circles->circles) {
    set.circles.emplace_back();
    for (int m : circle)
      set.circles.back().push_back((*profiles)[static_cast<size_t>(m)].membership_id);
  }
  store::CircleRepository repository(db);
  Result<int64_t> draft = repository.SaveDraft(community_id, set, std::time(nullptr));
  if (!draft) return draft.error();
  return repository.Publish(community_id, 0, std::time(nullptr));
}

}  // namespace

Status LoadDemoPartners(store::Database& db) {
  store::CommunityRepository communities(db);
  store::MembershipRepository memberships(db);
  store::PartnershipRepository partnerships(db);
  Result<communities::Community> community = communities.FindBySlug("aarhus-partnerskab");
  if (!community) return community.error();
  for (const Seed& seed : kCompetences) {
    store::CompetenceRecord record;
    record.key = matching::CompetenceKey(seed.en);
    record.label_en = seed.en;
    record.label_da = seed.da;
    record.label_nl = seed.nl;
    if (Status added = partnerships.AddCompetence(community->id, record); !added) return added;
  }
  Result<std::vector<communities::Category>> categories = communities.ListCategories(community->id);
  if (!categories) return categories.error();
  store::MemberQuery query;
  query.limit = 1000;
  Result<store::MemberPage> members = memberships.ListMembers(community->id, query);
  if (!members) return members.error();
  std::mt19937 random(1122);
  for (const store::MemberView& member : members->members) {
    if (member.membership.status != communities::MemberStatus::kActive) continue;
    std::string category;
    for (const communities::Category& c : *categories) {
      if (c.id == member.membership.category_id) category = c.code;
    }
    // Offers lean towards what the member's category typically has; needs come from anywhere
    // else, so that the best matches cross categories.
    std::vector<const Seed*> typical, other;
    for (const Seed& seed : kCompetences) {
      (std::string(" ") + seed.offered_by + " ").find(" " + category + " ") != std::string::npos
          ? typical.push_back(&seed)
          : other.push_back(&seed);
    }
    std::vector<std::pair<std::string, std::string>> offers, needs;
    const auto pick = [&](const std::vector<const Seed*>& from,
                          std::vector<std::pair<std::string, std::string>>& into) {
      if (from.empty()) return;
      const Seed* seed = from[random() % from.size()];
      const std::string key = matching::CompetenceKey(seed->en);
      for (const auto& [existing, label] : into) {
        if (existing == key) return;
      }
      into.emplace_back(key, seed->en);
    };
    for (int k = 2 + static_cast<int>(random() % 3); k > 0; --k)
      pick(typical.empty() ? other : typical, offers);
    if (random() % 3 == 0) pick(other, offers);
    for (int k = 1 + static_cast<int>(random() % 3); k > 0; --k) pick(other, needs);
    if (Status saved = partnerships.SaveProfile(community->id, member.membership.id, offers, needs);
        !saved) {
      return saved;
    }
  }
  return PublishDemoCircles(db, community->id);
}

}  // namespace andel::app
