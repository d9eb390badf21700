// Memberships in the database: finding, searching and paging members, adding and changing them,
// importing and exporting them as CSV, and requests to join.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communities/community.h"
#include "communities/member_csv.h"
#include "core/date.h"
#include "core/result.h"
#include "store/audit_log.h"

namespace andel::store {

class Database;

// A membership with what a page shows of it.
struct MemberView {
  communities::Membership membership;
  std::string name;         // the organisation's name for an organisation, else the person's
  std::string person_name;  // the person (or the organisation's representative)
  std::string email;
  std::string organisation;  // empty for a person
};

struct MemberQuery {
  std::string search;       // matched case-insensitively against names, email and organisation
  int64_t category_id = 0;  // 0: every category
  bool include_left = false;
  int offset = 0;
  int limit = 50;
};

struct MemberPage {
  std::vector<MemberView> members;
  int64_t total = 0;  // matching members over all pages
};

// Changes go into the audit log as the acting person's (see ActingRepository).
class MembershipRepository : public ActingRepository<MembershipRepository> {
 public:
  explicit MembershipRepository(Database& db) : db_(db) {}

  // The person's membership in the community, if any (including invited and left).
  Result<std::optional<communities::Membership>> FindMembershipOf(int64_t community_id,
                                                                  int64_t person_id);
  Result<MemberPage> ListMembers(int64_t community_id, const MemberQuery& query);
  Result<MemberView> FindMember(int64_t community_id, int64_t membership_id);
  // Adds a membership; kAlreadyExists if the person already holds one as themself.
  Result<int64_t> AddMember(const communities::Membership& membership, int64_t now);
  // Updates category, role, shares, status and dates of an existing membership.
  Status UpdateMember(const communities::Membership& membership);
  Result<int64_t> CountAdmins(int64_t community_id);
  // A member hides (or shows again) their shares and organisation from other members.
  Status SetDetailsHidden(int64_t community_id, int64_t membership_id, bool hidden);

  // Imports every row in one transaction: persons are found or created by email (without a
  // password), organisations by name; an existing membership is updated. All or nothing.
  Result<int> ImportMembers(int64_t community_id, const std::vector<communities::MemberRow>& rows,
                            int64_t now);
  // Every membership as CSV rows, by name.
  Result<std::vector<communities::MemberRow>> ExportMembers(int64_t community_id);

  // Requests to join a community that approves its members (join_requests.cpp):
  // memberships with the status kApplied, oldest first.
  Result<std::vector<MemberView>> ListApplications(int64_t community_id);
  // The board's answer to a request: approved, the applicant becomes an active member from
  // `today`; declined, the request is removed. Returns the request as it was; kNotFound if no
  // such request waits.
  Result<MemberView> DecideApplication(int64_t community_id, int64_t membership_id, bool approve,
                                       const Date& today);
  // The active board members and admins of the community (persons), to tell of requests.
  Result<std::vector<communities::Person>> ListBoard(int64_t community_id);

  // An organisation's id by name, creating it if absent.
  Result<int64_t> FindOrCreateOrganisation(const std::string& name, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
