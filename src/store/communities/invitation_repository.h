// Invitations to a community in the database: sent by mail with a token whose hash is stored,
// accepted by the person at the invited address.
#pragma once

#include <cstdint>
#include <string>

#include "communities/community.h"
#include "core/date.h"
#include "core/result.h"
#include "store/audit_log.h"

namespace andel::store {

class Database;

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

// Changes go into the audit log as the acting person's (see ActingRepository).
class InvitationRepository : public ActingRepository<InvitationRepository> {
 public:
  explicit InvitationRepository(Database& db) : db_(db) {}

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

 private:
  Database& db_;
};

}  // namespace andel::store
