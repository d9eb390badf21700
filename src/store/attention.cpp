#include "store/attention.h"

#include <soci/soci.h>

#include "store/database.h"

namespace andel::store {

Result<Attention> NeedsAttention(Database& db, int64_t person_id, int64_t now) {
  Attention attention;
  Status status = db.Run([&](soci::session& sql) -> Status {
    AttentionVote vote;
    soci::statement votes =
        (sql.prepare << "SELECT p.id, p.title, c.slug, c.name, d.closes_at FROM decisions d "
                        "JOIN proposals p ON p.id = d.proposal_id "
                        "JOIN communities c ON c.id = d.community_id "
                        "WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = "
                        "d.community_id AND m.person_id = :p AND m.status = 'active') "
                        "AND d.opens_at <= :n AND d.closes_at > :n2 AND d.closed_at = 0 "
                        "AND (d.roll_fixed_at = 0 OR EXISTS (SELECT 1 FROM decision_roll r "
                        "WHERE r.decision_id = d.id AND r.person_id = :p2)) "
                        "AND NOT EXISTS (SELECT 1 FROM decision_voters v WHERE "
                        "v.decision_id = d.id AND v.person_id = :p3) "
                        "ORDER BY d.closes_at, p.id LIMIT 20",
         soci::use(person_id), soci::use(now), soci::use(now), soci::use(person_id),
         soci::use(person_id), soci::into(vote.proposal_id), soci::into(vote.title),
         soci::into(vote.community_slug), soci::into(vote.community_name),
         soci::into(vote.closes_at));
    votes.execute();
    while (votes.fetch()) attention.votes.push_back(vote);
    AttentionFund fund;
    soci::statement funds =
        (sql.prepare << "SELECT f.id, f.title, c.slug, c.name FROM funds f "
                        "JOIN communities c ON c.id = f.community_id "
                        "WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.community_id = "
                        "f.community_id AND m.person_id = :p AND m.status = 'active') "
                        "AND f.phase = 'voting' AND NOT EXISTS (SELECT 1 FROM fund_ballots b "
                        "WHERE b.fund_id = f.id AND b.person_id = :p2) "
                        "ORDER BY f.id LIMIT 20",
         soci::use(person_id), soci::use(person_id), soci::into(fund.fund_id),
         soci::into(fund.title), soci::into(fund.community_slug), soci::into(fund.community_name));
    funds.execute();
    while (funds.fetch()) attention.funds.push_back(fund);
    AttentionRequests requests;
    soci::statement waiting =
        (sql.prepare << "SELECT c.slug, c.name, COUNT(*) FROM memberships a "
                        "JOIN communities c ON c.id = a.community_id "
                        "WHERE a.status = 'applied' AND EXISTS (SELECT 1 FROM memberships me "
                        "WHERE me.community_id = a.community_id AND me.person_id = :p AND "
                        "me.status = 'active' AND me.role IN ('board', 'admin')) GROUP BY c.slug, "
                        "c.name ORDER BY c.name",
         soci::use(person_id), soci::into(requests.community_slug),
         soci::into(requests.community_name), soci::into(requests.count));
    waiting.execute();
    while (waiting.fetch()) attention.requests.push_back(requests);
    return {};
  });
  if (!status) return status.error();
  return attention;
}

}  // namespace andel::store
