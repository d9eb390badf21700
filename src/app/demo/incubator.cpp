#include "app/demo/incubator.h"

#include <vector>

#include "store/communities/community_repository.h"
#include "store/incubator/initiative_repository.h"

namespace andel::app {

Status LoadDemoInitiatives(store::Database& db, int64_t now) {
  struct Seed {
    const char* slug;
    const char* title;
    const char* summary;
    incubator::Stage stage;
    int days_in_stage;
  };
  using incubator::Stage;
  const std::vector<Seed> seeds = {
      {"roskilde-samskabelse", "Morgenkaffe for ledige med gåpåmod",
       "Hver tirsdag morgen: kaffe, avis og jobsøgning sammen med frivillige mentorer og to "
       "virksomheder fra bydelen.",
       Stage::kOperating, 400},
      {"roskilde-samskabelse", "Reparationscafé",
       "Frivillige reparerer cykler, tøj og elektronik én lørdag om måneden.", Stage::kOperating,
       300},
      {"roskilde-samskabelse", "Værksted for unge",
       "Et åbent værksted for unge 15-25 år med to faste værkstedsledere. Vi leder efter lokaler "
       "og en fast aftale med kommunen.",
       Stage::kFounding, 60},
      {"roskilde-samskabelse", "Byhave på taget",
       "Højbede og kompost på husets tag. Vi undersøger, om taget kan bære det.", Stage::kExploring,
       30},
      {"roskilde-samskabelse", "Fælles madklub",
       "Billig aftensmad af overskudsvarer, en gang om ugen.", Stage::kIdea, 10},
      {"coop-incubator", "Inkoopcoöperatie buurtcafés Oost",
       "Drie buurtcafés kopen samen in en delen een boekhouder.", Stage::kOperating, 500},
      {"coop-incubator", "Energiecoöperatie Watergraafsmeer",
       "Zonnepanelen op de daken van de scholen, van en voor de buurt. De statuten liggen bij de "
       "notaris.",
       Stage::kFounding, 45},
      {"coop-incubator", "Fietsenmakerscollectief",
       "Vier zelfstandige fietsenmakers onderzoeken een gezamenlijke werkplaats.",
       Stage::kExploring, 20},
      {"coop-incubator", "Zorgcoöperatie Noord",
       "Buurtbewoners die samen zorg willen organiseren voor ouderen in Noord.", Stage::kIdea, 5},
  };
  store::CommunityRepository communities(db);
  store::InitiativeRepository initiatives(db);
  for (const Seed& seed : seeds) {
    Result<communities::Community> community = communities.FindBySlug(seed.slug);
    if (!community) return community.error();
    incubator::Initiative initiative;
    initiative.community_id = community->id;
    initiative.title = seed.title;
    initiative.summary = seed.summary;
    const int64_t since = now - int64_t{seed.days_in_stage} * 24 * 3600;
    Result<int64_t> id = initiatives.Create(initiative, 0, since);
    if (!id) return id.error();
    if (Status moved = initiatives.SetStage(community->id, *id, seed.stage, 0, since); !moved) {
      return moved;
    }
  }
  return {};
}

}  // namespace andel::app
