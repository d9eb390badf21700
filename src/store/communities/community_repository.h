// Communities in the database: the communities themselves, their categories and statutes
// (memberships: communities/membership_repository.h; invitations: invitation_repository.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "communities/community.h"
#include "core/result.h"
#include "store/audit_log.h"

namespace andel::store {

class Database;

struct CommunitySummary {
  communities::Community community;
  int64_t member_count = 0;               // active members
  std::optional<communities::Role> role;  // the viewer's role, if a member (active or invited)
};

// The server setting that says who may create communities: "verified" (the default: anyone
// whose address is confirmed) or "admins" (server administrators only).
inline constexpr const char* kCommunityCreation = "community_creation";

// Changes go into the audit log as the acting person's (see ActingRepository).
class CommunityRepository : public ActingRepository<CommunityRepository> {
 public:
  explicit CommunityRepository(Database& db) : db_(db) {}

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

  // Whether the community shows its member list to everyone (by default only members see it).
  Result<bool> MemberListIsPublic(int64_t community_id);
  Status SetMemberListPublic(int64_t community_id, bool is_public);

 private:
  Database& db_;
};

}  // namespace andel::store
