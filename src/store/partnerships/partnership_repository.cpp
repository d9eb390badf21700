// SQL for competences, profiles and answers to match recommendations.
#include "store/partnerships/partnership_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

// The competence of `key` in the community, created as a free tag if new.
int64_t CompetenceId(soci::session& sql, int64_t community_id, const std::string& key,
                     const std::string& label) {
  int64_t id = 0;
  sql << "SELECT id FROM competences WHERE community_id = :c AND key = :k", soci::use(community_id),
      soci::use(key), soci::into(id);
  if (sql.got_data()) return id;
  sql << "INSERT INTO competences (community_id, key, label_en) VALUES (:c, :k, :l) RETURNING id",
      soci::use(community_id), soci::use(key), soci::use(label), soci::into(id);
  return id;
}

}  // namespace

Result<std::vector<CompetenceRecord>> PartnershipRepository::ListCompetences(int64_t community_id) {
  std::vector<CompetenceRecord> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    CompetenceRecord record;
    int curated = 0;
    soci::statement select =
        (sql.prepare << "SELECT id, key, label_en, label_da, label_nl, synonyms, curated FROM "
                        "competences WHERE community_id = :c ORDER BY curated DESC, key",
         soci::use(community_id), soci::into(record.id), soci::into(record.key),
         soci::into(record.label_en), soci::into(record.label_da), soci::into(record.label_nl),
         soci::into(record.synonyms), soci::into(curated));
    select.execute();
    while (select.fetch()) {
      record.curated = curated != 0;
      out.push_back(record);
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status PartnershipRepository::AddCompetence(int64_t community_id,
                                            const CompetenceRecord& competence) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int64_t id = CompetenceId(sql, community_id, competence.key, competence.label_en);
    sql << "UPDATE competences SET label_en = :en, label_da = :da, label_nl = :nl, "
           "synonyms = :s, curated = 1 WHERE id = :i",
        soci::use(competence.label_en), soci::use(competence.label_da),
        soci::use(competence.label_nl), soci::use(competence.synonyms), soci::use(id);
    return {};
  });
}

Status PartnershipRepository::UpdateCompetence(int64_t community_id,
                                               const CompetenceRecord& competence) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    soci::statement update =
        (sql.prepare << "UPDATE competences SET label_en = :en, label_da = :da, label_nl = :nl, "
                        "synonyms = :s, curated = 1 WHERE id = :i AND community_id = :c",
         soci::use(competence.label_en), soci::use(competence.label_da),
         soci::use(competence.label_nl), soci::use(competence.synonyms), soci::use(competence.id),
         soci::use(community_id));
    update.execute(true);
    if (update.get_affected_rows() == 0) return Error::NotFound("no such competence", "id");
    return {};
  });
}

Status PartnershipRepository::MergeCompetence(int64_t community_id, int64_t from, int64_t into,
                                              int64_t actor, int64_t now) {
  if (from == into) return Error::InvalidArgument("choose another competence", "into");
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::string from_key, into_key, synonyms;
    sql << "SELECT key FROM competences WHERE id = :i AND community_id = :c", soci::use(from),
        soci::use(community_id), soci::into(from_key);
    if (!sql.got_data()) return Error::NotFound("no such competence", "id");
    sql << "SELECT key, synonyms FROM competences WHERE id = :i AND community_id = :c",
        soci::use(into), soci::use(community_id), soci::into(into_key), soci::into(synonyms);
    if (!sql.got_data()) return Error::NotFound("no such competence", "into");
    // Members who named both keep one.
    sql << "DELETE FROM member_competences WHERE competence_id = :f AND EXISTS (SELECT 1 FROM "
           "member_competences o WHERE o.membership_id = member_competences.membership_id AND "
           "o.kind = member_competences.kind AND o.competence_id = :t)",
        soci::use(from), soci::use(into);
    sql << "UPDATE member_competences SET competence_id = :t WHERE competence_id = :f",
        soci::use(into), soci::use(from);
    sql << "DELETE FROM competences WHERE id = :f", soci::use(from);
    synonyms += (synonyms.empty() ? "" : ",") + from_key;
    sql << "UPDATE competences SET synonyms = :s WHERE id = :t", soci::use(synonyms),
        soci::use(into);
    AppendAudit(sql, {community_id, actor, "competence.merged", into_key, from_key}, now);
    return {};
  });
}

Status PartnershipRepository::SaveProfile(
    int64_t community_id, int64_t membership_id,
    const std::vector<std::pair<std::string, std::string>>& offers,
    const std::vector<std::pair<std::string, std::string>>& needs) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM member_competences WHERE membership_id = :m", soci::use(membership_id);
    for (const auto& [kind, entries] :
         {std::pair<std::string, const std::vector<std::pair<std::string, std::string>>*>{"offer",
                                                                                          &offers},
          std::pair<std::string, const std::vector<std::pair<std::string, std::string>>*>{
              "need", &needs}}) {
      for (const auto& [key, label] : *entries) {
        const int64_t competence = CompetenceId(sql, community_id, key, label);
        int present = 0;
        sql << "SELECT COUNT(*) FROM member_competences WHERE membership_id = :m AND "
               "competence_id = :c AND kind = :k",
            soci::use(membership_id), soci::use(competence), soci::use(kind), soci::into(present);
        if (present) continue;
        sql << "INSERT INTO member_competences (membership_id, competence_id, kind) VALUES (:m, "
               ":c, :k)",
            soci::use(membership_id), soci::use(competence), soci::use(kind);
      }
    }
    return {};
  });
}

Result<std::vector<PartnerProfile>> PartnershipRepository::ListProfiles(int64_t community_id) {
  std::vector<PartnerProfile> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::map<int64_t, size_t> position;
    PartnerProfile profile;
    soci::statement members =
        (sql.prepare << "SELECT m.id, CASE WHEN o.name IS NULL THEN p.name ELSE o.name END, "
                        "c.code, COALESCE(o.name, '') FROM memberships m "
                        "JOIN persons p ON p.id = m.person_id "
                        "JOIN categories c ON c.id = m.category_id "
                        "LEFT JOIN organisations o ON o.id = m.organisation_id "
                        "WHERE m.community_id = :c AND m.status = 'active' ORDER BY m.id",
         soci::use(community_id), soci::into(profile.membership_id), soci::into(profile.name),
         soci::into(profile.category), soci::into(profile.organisation));
    members.execute();
    while (members.fetch()) {
      position[profile.membership_id] = out.size();
      out.push_back(profile);
    }
    int64_t membership = 0;
    std::string key, kind;
    soci::statement competences =
        (sql.prepare << "SELECT mc.membership_id, k.key, mc.kind FROM member_competences mc "
                        "JOIN competences k ON k.id = mc.competence_id "
                        "WHERE k.community_id = :c ORDER BY mc.membership_id, k.key",
         soci::use(community_id), soci::into(membership), soci::into(key), soci::into(kind));
    competences.execute();
    while (competences.fetch()) {
      const auto it = position.find(membership);
      if (it == position.end()) continue;
      (kind == "offer" ? out[it->second].offers : out[it->second].needs).push_back(key);
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status PartnershipRepository::Respond(int64_t community_id, int64_t membership_id,
                                      int64_t other_membership_id, const std::string& status,
                                      int64_t now) {
  const int64_t low = std::min(membership_id, other_membership_id);
  const int64_t high = std::max(membership_id, other_membership_id);
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "DELETE FROM match_responses WHERE low_membership_id = :l AND high_membership_id = :h",
        soci::use(low), soci::use(high);
    sql << "INSERT INTO match_responses (community_id, low_membership_id, high_membership_id, "
           "status, responded_by, responded_at) VALUES (:c, :l, :h, :s, :b, :t)",
        soci::use(community_id), soci::use(low), soci::use(high), soci::use(status),
        soci::use(membership_id), soci::use(now);
    return {};
  });
}

Result<std::vector<MatchResponse>> PartnershipRepository::ListResponses(int64_t community_id) {
  std::vector<MatchResponse> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    MatchResponse response;
    soci::statement select =
        (sql.prepare << "SELECT low_membership_id, high_membership_id, status, responded_at "
                        "FROM match_responses WHERE community_id = :c",
         soci::use(community_id), soci::into(response.low_membership_id),
         soci::into(response.high_membership_id), soci::into(response.status),
         soci::into(response.responded_at));
    select.execute();
    while (select.fetch()) out.push_back(response);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<int64_t> PartnershipRepository::SaveConsortium(int64_t community_id,
                                                      const Consortium& consortium,
                                                      int64_t created_by, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO consortia (community_id, task, needs, created_by, created_at) VALUES "
           "(:c, :t, :n, :b, :a) RETURNING id",
        soci::use(community_id), soci::use(consortium.task), soci::use(consortium.needs),
        soci::use(created_by), soci::use(now), soci::into(id);
    for (const auto& [membership, covers] : consortium.members) {
      sql << "INSERT INTO consortium_members (consortium_id, membership_id, covers) VALUES (:c, "
             ":m, :v)",
          soci::use(id), soci::use(membership), soci::use(covers);
    }
    AppendAudit(sql,
                {community_id, created_by, "consortium.saved", "consortium " + std::to_string(id),
                 consortium.task},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Consortium>> PartnershipRepository::ListConsortia(int64_t community_id) {
  std::vector<Consortium> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    Consortium consortium;
    soci::statement select =
        (sql.prepare << "SELECT id, task, needs, created_at FROM consortia WHERE community_id = "
                        ":c ORDER BY id DESC",
         soci::use(community_id), soci::into(consortium.id), soci::into(consortium.task),
         soci::into(consortium.needs), soci::into(consortium.created_at));
    select.execute();
    while (select.fetch()) out.push_back(consortium);
    for (Consortium& c : out) {
      int64_t membership = 0;
      std::string covers;
      soci::statement members =
          (sql.prepare << "SELECT membership_id, covers FROM consortium_members WHERE "
                          "consortium_id = :c ORDER BY membership_id",
           soci::use(c.id), soci::into(membership), soci::into(covers));
      members.execute();
      while (members.fetch()) c.members.emplace_back(membership, covers);
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

}  // namespace andel::store
