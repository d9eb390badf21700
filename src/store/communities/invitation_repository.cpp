// SQL for invitations to a community: sending one, reading it by its token, accepting it.
#include "store/communities/invitation_repository.h"

#include <soci/soci.h>

#include "store/audit_log.h"
#include "store/communities/community_rows.h"
#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {

using communities::Membership;
using community_rows::InsertMembership;
using community_rows::MembershipSearchKey;
using community_rows::Parsed;

Result<int64_t> InvitationRepository::CreateInvitation(const Invitation& invitation,
                                                       const std::string& token_hash,
                                                       int64_t invited_by, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string role(communities::Name(invitation.role));
    sql << "INSERT INTO invitations (community_id, email, category_id, role, token_hash, "
           "invited_by, created_at, expires_at) VALUES (:c, :e, :cat, :r, :h, :b, :t, :x) "
           "RETURNING id",
        soci::use(invitation.community_id), soci::use(invitation.email),
        soci::use(invitation.category_id), soci::use(role), soci::use(token_hash),
        soci::use(invited_by), soci::use(now), soci::use(invitation.expires_at), soci::into(id);
    Audit(sql, invitation.community_id, "invitation.sent", invitation.email,
          "category=" + std::to_string(invitation.category_id) + " role=" + role);
    return {};
  });
  if (!status) return status.error();
  return id;
}

namespace {

// Whether the invitation's sender, as an active member now, holds the role it needs to invite to
// the invitation's role.
bool InviterMayInvite(soci::session& sql, const Invitation& invitation) {
  std::string inviter_role;
  sql << "SELECT role FROM memberships WHERE community_id = :c AND person_id = :p "
         "AND organisation_id IS NULL AND status = 'active' ORDER BY id DESC LIMIT 1",
      soci::use(invitation.community_id), soci::use(invitation.invited_by),
      soci::into(inviter_role);
  if (!sql.got_data()) return false;
  const communities::Role needed = invitation.role == communities::Role::kAdmin
                                       ? communities::Role::kAdmin
                                       : communities::Role::kBoard;
  Result<communities::Role> inviter = communities::ParseRole(inviter_role);
  return inviter && communities::RoleAtLeast(*inviter, needed);
}

}  // namespace

Result<Invitation> InvitationRepository::FindInvitation(const std::string& token_hash) {
  Invitation invitation;
  bool found = false;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::string role;
    sql << "SELECT i.id, i.community_id, i.email, i.category_id, i.role, i.accepted_at, "
           "i.expires_at, i.invited_by, c.slug, c.name FROM invitations i "
           "JOIN communities c ON c.id = i.community_id WHERE i.token_hash = :h",
        soci::use(token_hash), soci::into(invitation.id), soci::into(invitation.community_id),
        soci::into(invitation.email), soci::into(invitation.category_id), soci::into(role),
        soci::into(invitation.accepted_at), soci::into(invitation.expires_at),
        soci::into(invitation.invited_by), soci::into(invitation.community_slug),
        soci::into(invitation.community_name);
    found = sql.got_data();
    invitation.role = Parsed(communities::ParseRole(role), communities::Role::kMember);
    if (found) invitation.inviter_may_invite = InviterMayInvite(sql, invitation);
    return {};
  });
  if (!status) return status.error();
  if (!found) return Error::NotFound("this invitation is not valid", "invitation");
  return invitation;
}

Status InvitationRepository::AcceptInvitation(const std::string& token_hash, int64_t person_id,
                                              const Date& today, int64_t now) {
  Result<Invitation> invitation = FindInvitation(token_hash);
  if (!invitation) return invitation.error();
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (invitation->expires_at <= now) {
      return Error::FailedPrecondition("this invitation has expired; ask the board for a new one",
                                       "invitation");
    }
    std::string email;
    sql << "SELECT email FROM persons WHERE id = :p", soci::use(person_id), soci::into(email);
    if (email != invitation->email) {
      return Error::PermissionDenied(
          "this invitation was sent to another address: sign in with that address to accept it",
          "invitation");
    }
    // The inviter's role now, not when they sent it: a board member who lost the role can no
    // longer bring anyone in.
    if (!InviterMayInvite(sql, *invitation)) {
      return Error::FailedPrecondition(
          "the person who invited you may no longer invite to this role; ask the board for a "
          "new invitation",
          "invitation");
    }
    soci::statement update = (sql.prepare << "UPDATE invitations SET accepted_at = :t "
                                             "WHERE token_hash = :h AND accepted_at = 0",
                              soci::use(now), soci::use(token_hash));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      return Error::FailedPrecondition("this invitation has already been used", "invitation");
    }
    int64_t existing = 0;
    std::string existing_status;
    sql << "SELECT id, status FROM memberships WHERE community_id = :c "
           "AND person_id = :p AND organisation_id IS NULL ORDER BY id DESC LIMIT 1",
        soci::use(invitation->community_id), soci::use(person_id), soci::into(existing),
        soci::into(existing_status);
    if (!sql.got_data()) existing = 0;
    const std::string role(communities::Name(invitation->role));
    const std::string joined = FormatIsoDate(today);
    if (existing != 0 && existing_status == "active") {
      // A member keeps the role and category they have.
      Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
            "member " + std::to_string(existing) + " already active");
      return {};
    }
    if (existing != 0) {
      sql << "UPDATE memberships SET status = 'active', role = :r, category_id = :cat, "
             "joined_on = :j, left_on = '' WHERE id = :id",
          soci::use(role), soci::use(invitation->category_id), soci::use(joined),
          soci::use(existing);
      BumpVersion(sql, invitation->community_id);
      Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
            "member " + std::to_string(existing));
      return {};
    }
    Membership m;
    m.community_id = invitation->community_id;
    m.person_id = person_id;
    m.category_id = invitation->category_id;
    m.role = invitation->role;
    m.joined_on = today;
    const int64_t id = InsertMembership(sql, m, MembershipSearchKey(sql, m), now);
    Audit(sql, invitation->community_id, "invitation.accepted", invitation->email,
          "member " + std::to_string(id));
    return {};
  });
}

}  // namespace andel::store
