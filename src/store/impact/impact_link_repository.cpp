// SQL for the links between indicators and the decisions and fund projects expected to move
// them.
#include "store/impact/impact_link_repository.h"

#include <soci/soci.h>

#include <algorithm>

#include "core/enum_names.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

constexpr EnumNames<LinkSubject, 3> kSubjects = {{
    {"proposal", LinkSubject::kProposal},
    {"project", LinkSubject::kProject},
    {"initiative", LinkSubject::kInitiative},
}};

bool IndicatorIsTheCommunitys(soci::session& sql, int64_t community_id, int64_t indicator_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM impact_indicators WHERE id = :i AND community_id = :c",
      soci::use(indicator_id), soci::use(community_id), soci::into(count);
  return count > 0;
}

bool SubjectIsTheCommunitys(soci::session& sql, int64_t community_id, LinkSubject subject,
                            int64_t subject_id) {
  int count = 0;
  if (subject == LinkSubject::kProposal) {
    sql << "SELECT COUNT(*) FROM proposals WHERE id = :s AND community_id = :c",
        soci::use(subject_id), soci::use(community_id), soci::into(count);
  } else if (subject == LinkSubject::kProject) {
    sql << "SELECT COUNT(*) FROM fund_projects p JOIN funds f ON f.id = p.fund_id "
           "WHERE p.id = :s AND f.community_id = :c",
        soci::use(subject_id), soci::use(community_id), soci::into(count);
  } else {
    sql << "SELECT COUNT(*) FROM initiatives WHERE id = :s AND community_id = :c",
        soci::use(subject_id), soci::use(community_id), soci::into(count);
  }
  return count > 0;
}

std::string LinkTarget(int64_t indicator_id, LinkSubject subject, int64_t subject_id) {
  return "indicator " + std::to_string(indicator_id) + " ← " + std::string(Name(subject)) + " " +
         std::to_string(subject_id);
}

}  // namespace

std::string_view Name(LinkSubject subject) { return NameOf(kSubjects, subject); }
Result<LinkSubject> ParseLinkSubject(std::string_view text) {
  return ParseEnum(kSubjects, text, "subject", "unknown kind of subject");
}

Status ImpactLinkRepository::Link(int64_t community_id, int64_t indicator_id, LinkSubject subject,
                                  int64_t subject_id, int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (!IndicatorIsTheCommunitys(sql, community_id, indicator_id)) {
      return Error::NotFound("there is no such indicator", "indicator");
    }
    if (!SubjectIsTheCommunitys(sql, community_id, subject, subject_id)) {
      return Error::NotFound(subject == LinkSubject::kProposal  ? "there is no such proposal"
                             : subject == LinkSubject::kProject ? "there is no such project"
                                                                : "there is no such initiative",
                             "subject");
    }
    const std::string kind(Name(subject));
    int count = 0;
    sql << "SELECT COUNT(*) FROM impact_links WHERE indicator_id = :i AND subject_kind = :k "
           "AND subject_id = :s",
        soci::use(indicator_id), soci::use(kind), soci::use(subject_id), soci::into(count);
    if (count > 0) return {};
    soci::indicator actor = actor_person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO impact_links (indicator_id, community_id, subject_kind, subject_id, "
           "created_by, created_at) VALUES (:i, :c, :k, :s, :by, :at)",
        soci::use(indicator_id), soci::use(community_id), soci::use(kind), soci::use(subject_id),
        soci::use(actor_person_id, actor), soci::use(now);
    AppendAudit(sql,
                {community_id, actor_person_id, "indicator.linked",
                 LinkTarget(indicator_id, subject, subject_id), ""},
                now);
    return {};
  });
}

Status ImpactLinkRepository::Unlink(int64_t community_id, int64_t indicator_id, LinkSubject subject,
                                    int64_t subject_id, int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string kind(Name(subject));
    int count = 0;
    sql << "SELECT COUNT(*) FROM impact_links WHERE indicator_id = :i AND subject_kind = :k "
           "AND subject_id = :s AND community_id = :c",
        soci::use(indicator_id), soci::use(kind), soci::use(subject_id), soci::use(community_id),
        soci::into(count);
    if (count == 0) return Error::NotFound("there is no such link", "link");
    sql << "DELETE FROM impact_links WHERE indicator_id = :i AND subject_kind = :k "
           "AND subject_id = :s AND community_id = :c",
        soci::use(indicator_id), soci::use(kind), soci::use(subject_id), soci::use(community_id);
    AppendAudit(sql,
                {community_id, actor_person_id, "indicator.unlinked",
                 LinkTarget(indicator_id, subject, subject_id), ""},
                now);
    return {};
  });
}

Result<std::vector<ImpactLink>> ImpactLinkRepository::Links(int64_t community_id) {
  std::vector<ImpactLink> links;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    ImpactLink link;
    long long closes_at = 0, closed_at = 0;
    soci::indicator decided = soci::i_null, closed = soci::i_null;
    soci::statement proposals =
        (sql.prepare << "SELECT l.indicator_id, l.subject_id, p.title, d.closes_at, d.closed_at "
                        "FROM impact_links l JOIN proposals p ON p.id = l.subject_id "
                        "LEFT JOIN decisions d ON d.proposal_id = p.id "
                        "WHERE l.community_id = :c AND l.subject_kind = 'proposal' "
                        "ORDER BY l.indicator_id, l.subject_id",
         soci::use(community_id), soci::into(link.indicator_id), soci::into(link.subject_id),
         soci::into(link.title), soci::into(closes_at, decided), soci::into(closed_at, closed));
    proposals.execute(false);
    while (proposals.fetch()) {
      link.subject = LinkSubject::kProposal;
      link.closes_at = decided == soci::i_ok ? closes_at : 0;
      link.closed_at = closed == soci::i_ok ? closed_at : 0;
      links.push_back(link);
    }
    ImpactLink project;
    project.subject = LinkSubject::kProject;
    soci::statement projects =
        (sql.prepare << "SELECT l.indicator_id, l.subject_id, p.title, f.id, f.title, f.phase "
                        "FROM impact_links l JOIN fund_projects p ON p.id = l.subject_id "
                        "JOIN funds f ON f.id = p.fund_id "
                        "WHERE l.community_id = :c AND l.subject_kind = 'project' "
                        "ORDER BY l.indicator_id, l.subject_id",
         soci::use(community_id), soci::into(project.indicator_id), soci::into(project.subject_id),
         soci::into(project.title), soci::into(project.fund_id), soci::into(project.fund_title),
         soci::into(project.fund_phase));
    projects.execute(false);
    while (projects.fetch()) links.push_back(project);
    ImpactLink initiative;
    initiative.subject = LinkSubject::kInitiative;
    soci::statement initiatives =
        (sql.prepare << "SELECT l.indicator_id, l.subject_id, i.title, i.stage "
                        "FROM impact_links l JOIN initiatives i ON i.id = l.subject_id "
                        "WHERE l.community_id = :c AND l.subject_kind = 'initiative' "
                        "ORDER BY l.indicator_id, l.subject_id",
         soci::use(community_id), soci::into(initiative.indicator_id),
         soci::into(initiative.subject_id), soci::into(initiative.title),
         soci::into(initiative.stage));
    initiatives.execute(false);
    while (initiatives.fetch()) links.push_back(initiative);
    return {};
  });
  if (!status) return status.error();
  std::stable_sort(links.begin(), links.end(), [](const ImpactLink& a, const ImpactLink& b) {
    return a.indicator_id < b.indicator_id;
  });
  return links;
}

}  // namespace andel::store
