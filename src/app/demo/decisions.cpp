#include "app/demo/decisions.h"

#include <random>
#include <thread>

#include "decisions/decision.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"
#include "store/decisions/ballot_writer.h"
#include "store/decisions/decision_repository.h"
#include "web/security.h"

namespace andel::app {
namespace {

using decisions::Ballot;
using decisions::Decision;

constexpr int64_t kDay = 24 * 3600;

struct Voter {
  int64_t person_id = 0;
  int64_t shares = 1;
};

struct DecisionSeed {
  const char* title;
  const char* body;
  const char* method;
  std::vector<const char*> options;
  int seats = 1;
  bool secret = false;
  bool live = false;
  int64_t opens_in = 0;   // days from now (negative: in the past)
  int64_t closes_in = 0;  // seconds from now
  int turnout_percent = 60;
  const char* threshold = "";  // the statutes' simple majority if empty
};

// A ballot a demo voter might cast: options favoured by a popularity profile with noise.
Ballot DemoBallot(const Decision& decision, std::mt19937& random, int index) {
  Ballot ballot;
  const size_t n = decision.options.size();
  // Scores with a bias towards the first options, so that results are not a dead heat.
  std::vector<std::pair<double, int>> order;
  std::uniform_real_distribution<double> noise(0.0, 1.0);
  for (size_t i = 0; i < n; ++i) {
    order.emplace_back(noise(random) + 0.9 / static_cast<double>(i + 1), decision.options[i].id);
  }
  std::sort(order.rbegin(), order.rend());
  switch (decisions::KindOf(decision)) {
    case decisions::Kind::kMotion: {
      const int draw = static_cast<int>(random() % 100);
      ballot.choice = draw < 64   ? voting::Choice::kYes
                      : draw < 88 ? voting::Choice::kNo
                                  : voting::Choice::kAbstain;
      break;
    }
    case decisions::Kind::kConsent:
      if (index % 17 == 3) {
        ballot.objection = "Tirsdag aften passer dårligt for forældre med små børn.";
      }
      break;
    case decisions::Kind::kApproval:
      for (const auto& [score, id] : order) {
        if (score > 0.75) ballot.approved.push_back(id);
      }
      std::sort(ballot.approved.begin(), ballot.approved.end());
      break;
    case decisions::Kind::kScore:
      for (const auto& [score, id] : order) {
        ballot.scores[id] = std::min(decision.max_score, static_cast<int>(score * 3.5));
      }
      break;
    case decisions::Kind::kRanked: {
      const size_t ranked = 2 + random() % (n - 1);
      for (size_t i = 0; i < ranked && i < n; ++i) ballot.ranking.push_back({order[i].second});
      break;
    }
  }
  return ballot;
}

Status CastMany(store::Database& db, const Decision& decision, const std::vector<Voter>& voters,
                int64_t at, std::mt19937& random) {
  std::vector<store::CastRequest> requests;
  for (size_t i = 0; i < voters.size(); ++i) {
    store::CastRequest request;
    request.decision_id = decision.id;
    request.community_id = decision.community_id;
    request.person_id = voters[i].person_id;
    request.secret = decision.secret;
    request.content =
        decisions::FormatBallot(decision, DemoBallot(decision, random, static_cast<int>(i)));
    request.receipt = web::RandomCode(3);
    request.change_key_hash = web::HashToken(web::RandomToken());
    request.now = at + static_cast<int64_t>(i) * 60;
    requests.push_back(std::move(request));
  }
  // Several threads at once, so that the writer commits them in a few batches.
  store::BallotWriter writer(db);
  std::vector<std::thread> threads;
  std::vector<Status> outcomes(requests.size());
  constexpr size_t kThreads = 16;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < requests.size(); i += kThreads) {
        Result<store::CastResult> cast = writer.Cast(requests[i]);
        if (!cast) outcomes[i] = cast.error();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& outcome : outcomes) {
    if (!outcome) return outcome.error();
  }
  return {};
}

Status AddDecisions(store::Database& db, const std::string& slug, int64_t author,
                    const std::vector<DecisionSeed>& seeds, int64_t now, std::mt19937& random) {
  store::CommunityRepository communities(db);
  store::MembershipRepository memberships(db);
  Result<communities::Community> community = communities.FindBySlug(slug);
  if (!community) return community.error();
  Result<communities::Statutes> statutes = communities.GetStatutes(community->id);
  if (!statutes) return statutes.error();
  store::MemberQuery query;
  query.limit = 1000;
  Result<store::MemberPage> members = memberships.ListMembers(community->id, query);
  if (!members) return members.error();
  std::vector<Voter> everyone;
  for (const store::MemberView& member : members->members) {
    // The demo member and board member vote themselves, to try it.
    if (member.email == "member@andel.example" || member.email == "board@andel.example") continue;
    everyone.push_back({member.membership.person_id, member.membership.shares});
  }
  for (const DecisionSeed& seed : seeds) {
    const int64_t created = now + seed.opens_in * kDay - 3 * kDay;
    store::DecisionRepository decisions_repo =
        store::DecisionRepository(db).ActingAs(author, created);
    decisions::Proposal proposal;
    proposal.community_id = community->id;
    proposal.author_person_id = author;
    proposal.title = seed.title;
    proposal.body = seed.body;
    Result<int64_t> proposal_id = decisions_repo.CreateProposal(proposal);
    if (!proposal_id) return proposal_id.error();
    if (seed.method[0] == '\0') continue;  // in discussion
    Result<decisions::Method> method = decisions::ParseMethod(seed.method);
    if (!method) return method.error();
    Decision decision;
    decision.proposal_id = *proposal_id;
    decision.community_id = community->id;
    decision.method = *method;
    for (const char* name : seed.options) decision.options.push_back({0, name});
    decision.seats = seed.seats;
    decision.quorum_percent = statutes->quorum_percent;
    decision.threshold = seed.threshold[0] == '\0'
                             ? statutes->simple_majority
                             : *communities::ParseFraction(seed.threshold, "threshold");
    decision.weighted = statutes->vote_weight == communities::VoteWeight::kByShares;
    decision.secret = seed.secret;
    decision.live_results = seed.live;
    decision.seed = 20261122 + static_cast<uint64_t>(*proposal_id);
    decision.opens_at = now + seed.opens_in * kDay;
    decision.closes_at = now + seed.closes_in;
    decision.created_by = author;
    if (Status valid = decisions::ValidateDecision(decision); !valid) return valid.error();
    Result<int64_t> id = decisions_repo.CreateDecision(decision);
    if (!id) return id.error();
    decision.id = *id;
    std::vector<Voter> voters;
    for (const Voter& voter : everyone) {
      if (static_cast<int>(random() % 100) < seed.turnout_percent) voters.push_back(voter);
    }
    if (Status cast = CastMany(db, decision, voters, decision.opens_at + 600, random); !cast) {
      return cast.error();
    }
    if (decision.closes_at <= now) {
      Result<bool> closed = store::DecisionRepository(db).ActingAs(0, now).Close(
          decision.id,
          [](const Decision& d, const std::vector<decisions::StoredBallot>& ballots,
             int64_t eligible) -> Result<std::string> {
            Result<decisions::Outcome> outcome = decisions::Count(d, ballots, eligible);
            if (!outcome) return outcome.error();
            return decisions::FormatResultSummary(*outcome);
          });
      if (!closed) return closed.error();
    }
  }
  return {};
}

}  // namespace

Status LoadDemoDecisions(store::Database& db, int64_t now) {
  store::CommunityRepository communities(db);
  store::MembershipRepository memberships(db);
  std::mt19937 random(42);
  const std::vector<DecisionSeed> partnership = {
      {"Fælles værksted i Godsbanen",
       "Vi foreslår, at partnerskabet lejer **værkstedet i Godsbanen** i 2027 og åbner det for "
       "alle medlemmer to dage om ugen.\n\n- Husleje: 84.000 kr. om året\n- Drift: frivillige "
       "værkstedsværter fra foreningerne\n- Forskning og uddannelse bruger det til forløb",
       "motion",
       {},
       1,
       false,
       false,
       -20,
       -13 * kDay,
       72},
      {"Valg af styregruppe 2027",
       "Styregruppen har tre pladser. Kandidaterne har præsenteret sig på partnerforum; ranger "
       "dem, du vil støtte.",
       "stv",
       {"Mette Kjær (borger)", "Lars Østergaard (Grøn Byg ApS)", "Sofie Lund (Aarhus Kommune)",
        "Anders Thomsen (Aarhus Universitet)", "Freja Møller (Frivilligcenter Aarhus)",
        "Henrik Jensen (VIA University College)"},
       3,
       true,
       false,
       -12,
       -5 * kDay,
       80},
      {"Brug af fællespuljen 2026",
       "Hvilke initiativer skal fællespuljen støtte? Godkend alle dem, du kan stå inde for.",
       "approval",
       {"Morgenkaffe for ledige", "Reparationscafé", "Fælles solceller på Ringgården",
        "Sommerskole for unge", "Byhaver i Gellerup"},
       1,
       false,
       false,
       -30,
       -23 * kDay,
       55},
      {"Tema for årets partnerforum",
       "Ranger temaerne. Resultatet vises løbende, mens afstemningen er åben.",
       "schulze",
       {"Grøn omstilling i boligområder", "Job til dem, der står længst fra",
        "Kultur som fællesskab", "Mad og lokale fødevarer"},
       1,
       false,
       true,
       -2,
       5 * kDay,
       35},
      {"Vedtægtsændring: fonde kan blive medlemmer",
       "Bestyrelsen foreslår, at fonde kan optages som medlemmer i kategorien *fond*. Ændringen "
       "kræver kvalificeret flertal.",
       "motion",
       {},
       1,
       true,
       false,
       -6,
       20 * 3600,
       45,
       "2/3"},
      {"Nye mødetider for partnercirklerne",
       "Cirklerne mødes fremover tirsdag kl. 17-19. Gør indsigelse, hvis du ikke kan leve med "
       "det, og skriv hvorfor.",
       "consent",
       {},
       1,
       false,
       false,
       -1,
       6 * kDay,
       30},
      {"Skal partnerskabet have en fælles kaffebar?",
       "Idéen kom op på sidste partnerforum. Skriv gerne dine tanker, før bestyrelsen sætter den "
       "til afstemning.",
       "",
       {},
       1,
       false,
       false,
       0,
       0,
       0},
  };
  Result<communities::Community> partnership_community =
      communities.FindBySlug("aarhus-partnerskab");
  if (!partnership_community) return partnership_community.error();
  store::MemberQuery board_query;
  board_query.search = "board@andel.example";
  Result<store::MemberPage> board = memberships.ListMembers(partnership_community->id, board_query);
  if (!board) return board.error();
  if (board->members.empty()) return Error::Internal("the demo board member is missing");
  const int64_t board_person = board->members.front().membership.person_id;
  if (Status added = AddDecisions(db, "aarhus-partnerskab", board_person, partnership, now, random);
      !added) {
    return added;
  }
  // Discussion on the proposal still in discussion.
  store::DecisionRepository repository(db);
  Result<std::vector<store::ProposalSummary>> proposals =
      repository.ListProposals(partnership_community->id, 0, 1);
  if (!proposals) return proposals.error();
  if (!proposals->empty()) {
    const int64_t proposal_id = proposals->front().proposal.id;
    store::MemberQuery query;
    query.limit = 5;
    Result<store::MemberPage> some = memberships.ListMembers(partnership_community->id, query);
    if (!some) return some.error();
    const char* comments[] = {
        "God idé! Kaffebaren kunne drives som et socialøkonomisk projekt med praktikpladser.",
        "Hvem betaler for maskinen? Jeg foreslår, at vi søger fællespuljen.",
        "Vi har et lokale på Ringgården, der står tomt om formiddagen."};
    int64_t first_comment = 0;
    for (size_t i = 0; i < std::size(comments) && i < some->members.size(); ++i) {
      decisions::Comment comment;
      comment.proposal_id = proposal_id;
      comment.author_person_id = some->members[i].membership.person_id;
      comment.parent_id = i == 1 ? first_comment : 0;
      comment.body = comments[i];
      Result<int64_t> id =
          repository.ActingAs(0, now - (3 - static_cast<int64_t>(i)) * 3600).AddComment(comment);
      if (!id) return id.error();
      if (i == 0) first_comment = *id;
    }
    decisions::Amendment amendment;
    amendment.proposal_id = proposal_id;
    amendment.author_person_id = some->members.back().membership.person_id;
    amendment.body =
        "Idéen kom op på sidste partnerforum. Kaffebaren drives som socialøkonomisk projekt med "
        "praktikpladser for unge. Skriv gerne dine tanker, før bestyrelsen sætter den til "
        "afstemning.";
    amendment.reason = "Så bliver det tydeligt, hvad kaffebaren skal kunne ud over kaffe.";
    Result<int64_t> id = repository.ActingAs(0, now - 1800).AddAmendment(amendment);
    if (!id) return id.error();
  }

  const std::vector<DecisionSeed> cooperative = {
      {"Nieuwe leverancier voor groenten",
       "Welke boer wordt onze vaste groenteleverancier? Rangschik de voorstellen.",
       "irv",
       {"Tuinderij De Kleine Aarde", "Boerderij Zonnegoed", "Stadsboerderij Oost",
        "Biologisch Groothandel Noord"},
       1,
       false,
       false,
       -15,
       -8 * kDay,
       70},
      {"Hoeveel marge gaat naar het collectief?",
       "Geef elke optie een score van 0 tot 5. De marge betaalt huur, koeling en de "
       "solidariteitskas.",
       "score",
       {"5 %", "8 %", "10 %", "12 %"},
       1,
       false,
       false,
       -1,
       4 * kDay,
       40},
  };
  Result<communities::Community> cooperative_community = communities.FindBySlug("voedselcoop-oost");
  if (!cooperative_community) return cooperative_community.error();
  store::MemberQuery admin_query;
  admin_query.search = "admin@andel.example";
  Result<store::MemberPage> admin = memberships.ListMembers(cooperative_community->id, admin_query);
  if (!admin) return admin.error();
  if (admin->members.empty()) return Error::Internal("the demo administrator is missing");
  return AddDecisions(db, "voedselcoop-oost", admin->members.front().membership.person_id,
                      cooperative, now, random);
}

}  // namespace andel::app
