// Communities in the database: the communities themselves, their categories and statutes,
// organisations, memberships (with search and paging), invitations and member import.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communities/community.h"
#include "communities/member_csv.h"
#include "core/result.h"

namespace soci {
class session;
}

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

struct CommunitySummary {
  communities::Community community;
  int64_t member_count = 0;               // active members
  std::optional<communities::Role> role;  // the viewer's role, if a member (active or invited)
};

struct Invitation {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string email;
  int64_t category_id = 0;
  communities::Role role = communities::Role::kMember;
  int64_t accepted_at = 0;
  int64_t expires_at = 0;
  int64_t invited_by = 0;      // filled when read
  std::string community_slug;  // filled when read
  std::string community_name;
  // Filled when read: whoever sent it still holds the role needed to invite to its role (the board
  // for members and board members, admins for admins); an invitation of one who lost it is void.
  bool inviter_may_invite = false;
};

// The server setting that says who may create communities: "verified" (the default: anyone
// whose address is confirmed) or "admins" (server administrators only).
inline constexpr const char* kCommunityCreation = "community_creation";

class CommunityRepository {
 public:
  explicit CommunityRepository(Database& db) : db_(db) {}

  // The same repository, recording `person_id` as the actor of every change in the audit log
  // (at `now`; 0 reads the clock). Without it, changes are recorded as the system's.
  CommunityRepository ActingAs(int64_t person_id, int64_t now) const {
    CommunityRepository acting = *this;
    acting.actor_ = person_id;
    acting.now_ = now;
    return acting;
  }

  // Creates the community with the default categories and statutes, and `founder_person_id`
  // (if not 0) as its first admin in category `founder_category`. kAlreadyExists for a taken slug;
  // kPermissionDenied if the founder may not create it (a municipal programme needs a server
  // administrator, and so does any community where the server's kCommunityCreation says so).
  Result<int64_t> CreateCommunity(const communities::Community& community,
                                  int64_t founder_person_id, const std::string& founder_category,
                                  int64_t now);
  Result<communities::Community> FindBySlug(const std::string& slug);
  // kPermissionDenied if it would make the community a municipal programme and the actor is not
  // a server administrator.
  Status UpdateCommunity(const communities::Community& community);
  Status DeleteCommunity(int64_t community_id);
  // Public communities, and those `viewer_person_id` belongs to (0: nobody), by name.
  Result<std::vector<CommunitySummary>> ListVisible(int64_t viewer_person_id, int offset,
                                                    int limit);
  Result<int64_t> CountVisible(int64_t viewer_person_id);

  Result<std::vector<communities::Category>> ListCategories(int64_t community_id);
  Result<communities::Category> FindCategory(int64_t community_id, int64_t category_id);
  Result<int64_t> CreateCategory(const communities::Category& category);
  Status UpdateCategory(const communities::Category& category);
  // kFailedPrecondition while members or invitations use the category.
  Status DeleteCategory(int64_t community_id, int64_t category_id);

  Result<communities::Statutes> GetStatutes(int64_t community_id);
  Status SaveStatutes(int64_t community_id, const communities::Statutes& statutes);

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
  // Whether the community shows its member list to everyone (by default only members see it).
  Result<bool> MemberListIsPublic(int64_t community_id);
  Status SetMemberListPublic(int64_t community_id, bool is_public);
  // A member hides (or shows again) their shares and organisation from other members.
  Status SetDetailsHidden(int64_t community_id, int64_t membership_id, bool hidden);

  // Imports every row in one transaction: persons are found or created by email (without a
  // password), organisations by name; an existing membership is updated. All or nothing.
  Result<int> ImportMembers(int64_t community_id, const std::vector<communities::MemberRow>& rows,
                            int64_t now);
  // Every membership as CSV rows, by name.
  Result<std::vector<communities::MemberRow>> ExportMembers(int64_t community_id);

  // Requests to join a community that approves its members (communities/join_requests.cpp):
  // memberships with the status kApplied, oldest first.
  Result<std::vector<MemberView>> ListApplications(int64_t community_id);
  // The board's answer to a request: approved, the applicant becomes an active member from
  // `today`; declined, the request is removed. Returns the request as it was; kNotFound if no
  // such request waits.
  Result<MemberView> DecideApplication(int64_t community_id, int64_t membership_id, bool approve,
                                       const Date& today);
  // The active board members and admins of the community (persons), to tell of requests.
  Result<std::vector<communities::Person>> ListBoard(int64_t community_id);

  Result<int64_t> CreateInvitation(const Invitation& invitation, const std::string& token_hash,
                                   int64_t invited_by, int64_t now);
  Result<Invitation> FindInvitation(const std::string& token_hash);
  // Marks the invitation accepted and makes `person_id` an active member as invited, if:
  // it is unused and unexpired (kFailedPrecondition), it was sent to the person's address
  // (kPermissionDenied), and whoever sent it may still invite to its role: the board for members
  // and board members, admins for admins (kFailedPrecondition). An active member keeps the role and
  // category they have; the invitation is then only used up.
  Status AcceptInvitation(const std::string& token_hash, int64_t person_id, const Date& today,
                          int64_t now);

  // An organisation's id by name, creating it if absent.
  Result<int64_t> FindOrCreateOrganisation(const std::string& name, int64_t now);

  // Any person's id by email, creating an account without a password if absent.
  Result<int64_t> FindOrCreatePerson(const std::string& email, const std::string& name,
                                     int64_t now);

 private:
  // Appends to the audit log within the caller's transaction.
  void Audit(soci::session& sql, int64_t community_id, const char* action, std::string subject,
             std::string details) const;

  Database& db_;
  int64_t actor_ = 0;
  int64_t now_ = 0;
};

}  // namespace andel::store
