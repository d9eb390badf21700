// What decisions/decision_repository.cpp and decisions/proposal_repository.cpp share: reading a
// decision row, notifying members, and the audit subject of a decision. Internal to the store.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "decisions/decision.h"

namespace andel::store::decision_rows {

using decisions::Amendment;
using decisions::Comment;
using decisions::Decision;
using decisions::Option;
using decisions::Proposal;
using decisions::StoredBallot;

constexpr const char* kDecisionSelect =
    "SELECT id, proposal_id, community_id, method, seats, max_score, quorum_percent, "
    "threshold_num, threshold_den, weighted, secret, live_results, seed, opens_at, closes_at, "
    "closed_at, eligible_weight, result, created_by FROM decisions ";

struct DecisionColumns {
  Decision d;
  std::string method;
  int weighted = 0, secret = 0, live = 0;
  int64_t seed = 0, num = 1, den = 2;

  void Bind(soci::statement& statement) {
    statement.exchange(soci::into(d.id));
    statement.exchange(soci::into(d.proposal_id));
    statement.exchange(soci::into(d.community_id));
    statement.exchange(soci::into(method));
    statement.exchange(soci::into(d.seats));
    statement.exchange(soci::into(d.max_score));
    statement.exchange(soci::into(d.quorum_percent));
    statement.exchange(soci::into(num));
    statement.exchange(soci::into(den));
    statement.exchange(soci::into(weighted));
    statement.exchange(soci::into(secret));
    statement.exchange(soci::into(live));
    statement.exchange(soci::into(seed));
    statement.exchange(soci::into(d.opens_at));
    statement.exchange(soci::into(d.closes_at));
    statement.exchange(soci::into(d.closed_at));
    statement.exchange(soci::into(d.eligible_weight));
    statement.exchange(soci::into(d.result));
    statement.exchange(soci::into(d.created_by));
  }

  // Throws for a method no version of Andel stores (a corrupt row): the repository's catch turns
  // it into kInternal.
  Decision Value() const {
    Result<decisions::Method> parsed = decisions::ParseMethod(method);
    if (!parsed) throw std::runtime_error("decision " + std::to_string(d.id) + ": unknown method");
    Decision out = d;
    out.method = *parsed;
    out.threshold = {num, den};
    out.weighted = weighted != 0;
    out.secret = secret != 0;
    out.live_results = live != 0;
    out.seed = static_cast<uint64_t>(seed);
    return out;
  }
};

// The decision with `where` (a condition on one bound id), options included.
inline std::optional<Decision> ReadDecision(soci::session& sql, const std::string& where,
                                            int64_t id) {
  DecisionColumns columns;
  soci::statement select = (sql.prepare << std::string(kDecisionSelect) + where, soci::use(id));
  columns.Bind(select);
  select.define_and_bind();
  select.execute();
  if (!select.fetch()) return std::nullopt;
  Decision decision = columns.Value();
  Option option;
  soci::statement options =
      (sql.prepare << "SELECT option_id, name FROM decision_options WHERE decision_id = :d "
                      "ORDER BY option_id",
       soci::use(decision.id), soci::into(option.id), soci::into(option.name));
  options.execute();
  while (options.fetch()) decision.options.push_back(option);
  return decision;
}

// Notifies the community's active members, except `except_person` and (for a decision) those
// who have voted on `unvoted_decision`.
inline void NotifyMembers(soci::session& sql, int64_t community_id, const std::string& kind,
                          int64_t proposal_id, int64_t except_person, int64_t unvoted_decision,
                          int64_t now) {
  sql << "INSERT INTO notifications (person_id, community_id, kind, proposal_id, created_at) "
         "SELECT DISTINCT m.person_id, m.community_id, CAST(:k AS TEXT), CAST(:p AS BIGINT), "
         "CAST(:t AS BIGINT) FROM memberships m "
         "WHERE m.community_id = :c AND m.status = 'active' AND m.person_id <> :x "
         "AND NOT EXISTS (SELECT 1 FROM decision_voters v WHERE v.decision_id = :d "
         "AND v.person_id = m.person_id)",
      soci::use(kind), soci::use(proposal_id), soci::use(now), soci::use(community_id),
      soci::use(except_person), soci::use(unvoted_decision);
}

inline std::string DecisionSubject(int64_t id) { return "decision " + std::to_string(id); }

// Fixes the decision's voter roll within the caller's transaction if it has opened by `now` and
// its roll is not fixed yet (decisions/voter_roll.cpp).
void FixRollIfDue(soci::session& sql, int64_t decision_id, int64_t now);
// The weight of the decision's roll: the base of its quorum.
int64_t RollWeight(soci::session& sql, int64_t decision_id);

}  // namespace andel::store::decision_rows
