// Demo data, generated from fixed name lists with a fixed-seed generator so that every run
// gives the same communities.
#include "app/demo/data.h"

#include <cstdint>
#include <random>
#include <set>

#include "app/demo/decisions.h"
#include "app/demo/funds.h"
#include "app/demo/impact.h"
#include "app/demo/incubator.h"
#include "app/demo/partnerships.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"
#include "web/security.h"

namespace andel::app {
namespace {

using communities::Community;
using communities::CommunityKind;
using communities::MemberRow;
using communities::MemberStatus;
using communities::Role;

constexpr const char* kDanishFirst[] = {"Mette", "Lars",   "Sofie", "Anders", "Freja",  "Mads",
                                        "Ida",   "Rasmus", "Karen", "Søren",  "Astrid", "Jens",
                                        "Signe", "Niels",  "Line",  "Bjørn",  "Maja",   "Henrik"};
constexpr const char* kDanishLast[] = {
    "Jensen",   "Nielsen",   "Hansen", "Pedersen", "Andersen",   "Christensen", "Larsen",
    "Sørensen", "Rasmussen", "Møller", "Kjær",     "Østergaard", "Lund",        "Thomsen"};
constexpr const char* kDutchFirst[] = {"Sanne", "Joost", "Femke", "Daan",  "Lotte", "Bram",
                                       "Eva",   "Thijs", "Anouk", "Ruben", "Noor",  "Sem"};
constexpr const char* kDutchLast[] = {"de Vries", "Jansen", "van Dijk", "Bakker", "Visser",
                                      "Smit",     "Meijer", "de Boer",  "Mulder", "van den Berg"};

constexpr const char* kEnglishFirst[] = {"Oliver", "Grace", "Samuel", "Hannah",
                                         "Thomas", "Chloe", "Daniel", "Alice"};
constexpr const char* kEnglishLast[] = {"Smith",  "Taylor", "Brown",  "Wilson",
                                        "Clarke", "Walker", "Hughes", "Wright"};

struct OrganisationSeed {
  const char* name;
  const char* category;
};
constexpr OrganisationSeed kAarhusOrganisations[] = {
    {"Aarhus Kommune", "public_sector"},     {"Region Midtjylland", "public_sector"},
    {"Aarhus Universitet", "research"},      {"VIA University College", "education"},
    {"Kulturhus Aarhus", "civil_society"},   {"Frivilligcenter Aarhus", "civil_society"},
    {"Andelskassen Østjylland", "business"}, {"Grøn Byg ApS", "business"},
    {"Smedjen Design", "business"},          {"Fonden for Social Økonomi", "foundation"},
    {"Lokale Fonde Midt", "foundation"},     {"Erhvervsakademi Aarhus", "education"},
    {"Teknologisk Institut", "research"},    {"Boligforeningen Ringgården", "civil_society"},
};

std::string Slugify(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[++i]);
      if (next == 0xB8 || next == 0x98)
        out += "oe";  // ø Ø
      else if (next == 0xA6 || next == 0x86)
        out += "ae";  // æ Æ
      else if (next == 0xA5 || next == 0x85)
        out += "aa";  // å Å
      else
        out.push_back('x');
    } else if (!out.empty() && out.back() != '.') {
      out.push_back('.');
    }
  }
  return out;
}

// Members of a community: `count` current members across the categories, some representing
// organisations, and a few more who have left.
std::vector<MemberRow> GeneratedMembers(std::mt19937& random, size_t count, bool dutch,
                                        const std::string& domain, int start_year) {
  static constexpr const char* kCategories[] = {"citizen",       "civil_society", "business",
                                                "public_sector", "research",      "education",
                                                "foundation"};
  std::vector<MemberRow> rows;
  std::set<std::string> emails;
  size_t organisation_index = 0;
  const size_t total = count + count / 30;
  while (rows.size() < total) {
    MemberRow row;
    // One member in eight is an English speaker: researchers, expats, international partners.
    const bool english = random() % 8 == 0;
    const auto pick = [&random](const auto& names) -> std::string {
      return names[random() % std::size(names)];
    };
    const std::string first = english ? pick(kEnglishFirst)
                              : dutch ? pick(kDutchFirst)
                                      : pick(kDanishFirst);
    const std::string last = english ? pick(kEnglishLast)
                             : dutch ? pick(kDutchLast)
                                     : pick(kDanishLast);
    row.name = first + " " + last;
    std::string email = Slugify(first) + "." + Slugify(last);
    for (int n = 2; emails.count(email + "@" + domain); ++n) {
      email = Slugify(first) + "." + Slugify(last) + std::to_string(n);
    }
    row.email = email + "@" + domain;
    emails.insert(row.email);
    // About half the members are citizens; the rest spread over the other six categories.
    const size_t category_draw = random() % 12;
    row.category = kCategories[category_draw < 6 ? 0 : category_draw - 5];
    if (!dutch && row.category != "citizen" && random() % 3 == 0) {
      const OrganisationSeed& seed =
          kAarhusOrganisations[organisation_index++ % std::size(kAarhusOrganisations)];
      row.organisation = seed.name;
      row.category = seed.category;
    }
    row.shares = static_cast<int64_t>(1 + random() % 5);
    row.joined_on = Date{start_year + static_cast<int>(random() % 4),
                         1 + static_cast<int>(random() % 12), 1 + static_cast<int>(random() % 28)};
    row.status = rows.size() < count ? MemberStatus::kActive : MemberStatus::kLeft;
    rows.push_back(std::move(row));
  }
  return rows;
}

struct CommunitySeed {
  const char* slug;
  const char* name;
  CommunityKind kind;
  const char* about;
  size_t members;
  bool dutch;
  const char* domain;
};

constexpr CommunitySeed kCommunities[] = {
    {"aarhus-partnerskab", "Partnerskabet for Kreativ Andel Aarhus", CommunityKind::kPartnership,
     "Et tværgående partnerskab af borgere, foreninger, virksomheder, kommune, forskning og "
     "uddannelse. Vi organiserer os i partnercirkler på tværs af kategorier, fordi de skæve "
     "match skaber det, ingen af os kan alene.",
     150, false, "partnerskab.example.dk"},
    {"roskilde-samskabelse", "Samskabelseshuset Roskilde", CommunityKind::kCoCreationArena,
     "En neutral arena, hvor aktiviteter vokser ud af folks egne behov og idéer: "
     "morgenkaffe for ledige med gåpåmod, værksteder og nye netværk.",
     48, false, "samskabelse.example.dk"},
    {"voedselcoop-oost", "Voedselcoöperatie Amsterdam-Oost", CommunityKind::kCooperative,
     "Leden bepalen samen waar en wat we inkopen, wat een eerlijke prijs is en hoeveel er naar "
     "het collectief gaat.",
     64, true, "voedselcoop.example.nl"},
    {"coop-incubator", "Coöperatieve Incubator Amsterdam", CommunityKind::kMunicipalProgramme,
     "Het gemeentelijke programma dat nieuwe coöperaties helpt oprichten: een oprichtings"
     "programma van twee dagen, startgeld, ruimte en advies.",
     36, true, "incubator.example.nl"},
};

}  // namespace

std::vector<DemoAccount> DemoAccounts() {
  return {{"admin@andel.example", "andel-admin-demo",
           "server administrator, and administrator of every demo community"},
          {"board@andel.example", "andel-board-demo", "board member of the partnership"},
          {"member@andel.example", "andel-member-demo", "member of the partnership"}};
}

Status LoadDemo(store::Database& db, int64_t now) {
  store::AccountRepository accounts(db);
  store::CommunityRepository communities_repo(db);
  store::MembershipRepository memberships(db);
  Result<int64_t> existing = communities_repo.CountVisible(0);
  if (!existing) return existing.error();
  if (*existing > 0) {
    return Error::FailedPrecondition(
        "the database already has communities; demo data goes into "
        "an empty database");
  }
  std::vector<int64_t> account_ids;
  const char* names[] = {"Birgitte Holm", "Karsten Vestergaard", "Emma Friis"};
  const char* languages[] = {"da", "da", "en"};
  int index = 0;
  for (const DemoAccount& demo : DemoAccounts()) {
    Result<std::string> hash = web::HashPassword(demo.password);
    if (!hash) return hash.error();
    communities::Person person;
    person.email = demo.email;
    person.name = names[index];
    person.language = languages[index];
    person.is_admin = index == 0;  // the demo's administrator also runs the server
    person.verified = true;
    ++index;
    Result<int64_t> id = accounts.CreatePerson(person, *hash, now);
    if (!id) return id.error();
    account_ids.push_back(*id);
  }
  // The communities and their members are on record from a year before today, so that they are
  // on the voter rolls of the demo's votes, which opened in the past days.
  const int64_t founded = now - 365 * 24 * 3600;
  std::mt19937 random(20261122);
  bool first = true;
  for (const CommunitySeed& seed : kCommunities) {
    Community community;
    community.slug = seed.slug;
    community.name = seed.name;
    community.kind = seed.kind;
    community.about = seed.about;
    Result<int64_t> id =
        communities_repo.CreateCommunity(community, account_ids[0], "public_sector", founded);
    if (!id) return id.error();
    std::vector<MemberRow> rows =
        GeneratedMembers(random, seed.members - (first ? 3 : 1), seed.dutch, seed.domain, 2021);
    if (first) {
      MemberRow board;
      board.email = "board@andel.example";
      board.name = names[1];
      board.category = "civil_society";
      board.role = Role::kBoard;
      board.shares = 2;
      board.joined_on = Date{2022, 3, 14};
      rows.push_back(board);
      MemberRow member;
      member.email = "member@andel.example";
      member.name = names[2];
      member.category = "citizen";
      member.shares = 1;
      member.joined_on = Date{2023, 9, 1};
      rows.push_back(member);
      first = false;
    }
    Result<int> imported = memberships.ImportMembers(*id, rows, founded);
    if (!imported) return imported.error();
  }
  if (Status partners = LoadDemoPartners(db); !partners) return partners;
  if (Status funds = LoadDemoFunds(db, now); !funds) return funds;
  if (Status impact = LoadDemoImpact(db, now); !impact) return impact;
  if (Status decisions = LoadDemoDecisions(db, now); !decisions) return decisions;
  if (Status initiatives = LoadDemoInitiatives(db, now); !initiatives) return initiatives;
  return LoadDemoImpactLinks(db, now);
}

}  // namespace andel::app
