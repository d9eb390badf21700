// Joining a community: invitations that expire, are bound to their address, are checked against
// the inviter's role when accepted and never change a member's role; and communities that
// approve their members, with the board's queue (issue 14, points 4 and 6).
#include <gtest/gtest.h>

#include "http/server_fixture.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class JoiningTest : public ServerTest {
 protected:
  std::string Category() {
    store::CommunityRepository communities(*database_.db);
    const int64_t coop = communities.FindBySlug("open-coop")->id;
    return std::to_string(communities.ListCategories(coop)->at(0).id);
  }
  // `inviter` invites `email` to open-coop with `role`; returns the invitation's path.
  std::string Invite(const std::string& inviter, const std::string& email,
                     const std::string& role) {
    HttpClient client = SignedIn(inviter);
    HttpReply reply =
        client.PostForm("/c/open-coop/admin/members", "/c/open-coop/admin/invitations",
                        "email=" + FormEncode(email) + "&category=" + Category() + "&role=" + role);
    EXPECT_EQ(reply.status, 303) << reply.body.substr(0, 400);
    for (const store::OutboxMail& mail : Outbox()) {
      if (mail.recipient != email) continue;
      const size_t at = mail.body.find("/invitations/");
      if (at != std::string::npos) return mail.body.substr(at, 13 + 43);
    }
    ADD_FAILURE() << "no invitation mailed to " << email;
    return {};
  }
  std::optional<communities::Membership> MembershipOf(const std::string& email) {
    store::AccountRepository accounts(*database_.db);
    store::CommunityRepository communities(*database_.db);
    store::MembershipRepository memberships(*database_.db);
    const int64_t coop = communities.FindBySlug("open-coop")->id;
    Result<store::Account> account = accounts.FindByEmail(email);
    if (!account) return std::nullopt;
    return *memberships.FindMembershipOf(coop, account->person.id);
  }
  std::vector<std::pair<std::string, std::string>> ApiAuth(const std::string& email) {
    return {{"Authorization", "Bearer " + TokenFor(email)}, {"Content-Type", "application/json"}};
  }
};

TEST_F(JoiningTest, AnInvitationMakesItsAddresseeAMember) {
  AddAccount("guest@test.dk");
  const std::string link = Invite(Accounts::kBoard, "guest@test.dk", "member");
  HttpClient guest = SignedIn("guest@test.dk");
  EXPECT_TRUE(Contains(guest.Get(link).body, "Accept the invitation"));
  EXPECT_EQ(guest.PostForm(link, link, "").status, 303);
  ASSERT_TRUE(MembershipOf("guest@test.dk").has_value());
  EXPECT_EQ(MembershipOf("guest@test.dk")->status, communities::MemberStatus::kActive);
  // Used once.
  EXPECT_EQ(guest.PostForm("/account", link, "").status, 409);
}

TEST_F(JoiningTest, AnInvitationExpiresAfterFourteenDays) {
  AddAccount("late@test.dk");
  const std::string link = Invite(Accounts::kBoard, "late@test.dk", "member");
  now_ += 14 * 24 * 3600;
  HttpClient late = SignedIn("late@test.dk");
  EXPECT_TRUE(Contains(late.Get(link).body, "this invitation has expired"));
  EXPECT_EQ(late.PostForm("/account", link, "").status, 409);
  EXPECT_FALSE(MembershipOf("late@test.dk").has_value());
}

TEST_F(JoiningTest, OnlyTheInvitedAddressMayAccept) {
  AddAccount("invited@test.dk");
  const std::string link = Invite(Accounts::kBoard, "invited@test.dk", "board");
  HttpClient other = SignedIn(Accounts::kOutsider);
  EXPECT_TRUE(Contains(other.Get(link).body, "sent to another address"));
  EXPECT_EQ(other.PostForm("/account", link, "").status, 403);
  EXPECT_FALSE(MembershipOf(Accounts::kOutsider).has_value());
  // The invitation still works for its addressee.
  HttpClient invited = SignedIn("invited@test.dk");
  EXPECT_EQ(invited.PostForm(link, link, "").status, 303);
  EXPECT_EQ(MembershipOf("invited@test.dk")->role, communities::Role::kBoard);
}

TEST_F(JoiningTest, AnInviterWhoLostTheRoleBringsNobodyIn) {
  AddAccount("friend@test.dk");
  const std::string link = Invite(Accounts::kBoard, "friend@test.dk", "board");
  // The admin makes the board member an ordinary member before the invitation is accepted.
  const auto auth = ApiAuth(Accounts::kAdmin);
  HttpClient admin = Client();
  HttpReply list = admin.Get("/api/v1/communities/open-coop/members?q=board%40test.dk", auth);
  const size_t at = list.body.find("\"id\":");
  ASSERT_NE(at, std::string::npos);
  const std::string id = list.body.substr(at + 5, list.body.find(',', at) - at - 5);
  ASSERT_EQ(admin
                .Send("PATCH", "/api/v1/communities/open-coop/members/" + id,
                      R"({"role":"member"})", auth)
                .status,
            200);
  HttpClient friend_client = SignedIn("friend@test.dk");
  EXPECT_EQ(friend_client.PostForm(link, link, "").status, 409);
  EXPECT_FALSE(MembershipOf("friend@test.dk").has_value());
}

TEST_F(JoiningTest, AnInvitationNeverChangesAMembersRole) {
  const std::string link = Invite(Accounts::kAdmin, Accounts::kMember, "admin");
  HttpClient member = SignedIn(Accounts::kMember);
  EXPECT_EQ(member.PostForm(link, link, "").status, 303);
  EXPECT_EQ(MembershipOf(Accounts::kMember)->role, communities::Role::kMember);
  EXPECT_EQ(member.Get("/c/open-coop/admin").status, 403);
}

TEST_F(JoiningTest, ACommunityThatApprovesItsMembersKeepsAQueueForTheBoard) {
  const auto admin_auth = ApiAuth(Accounts::kAdmin);
  ASSERT_EQ(
      Client()
          .Send("PATCH", "/api/v1/communities/open-coop", R"({"signup":"approval"})", admin_auth)
          .status,
      200);
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  EXPECT_TRUE(Contains(outsider.Get("/c/open-coop").body, "Ask to join"));
  HttpReply asked =
      outsider.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category());
  ASSERT_EQ(asked.status, 303) << asked.body;
  EXPECT_TRUE(Contains(outsider.Get("/c/open-coop").body, "waiting for the board"));
  EXPECT_EQ(MembershipOf(Accounts::kOutsider)->status, communities::MemberStatus::kApplied);
  // Not a member yet: may not propose, and is not on the member list.
  EXPECT_EQ(outsider.PostForm("/c/open-coop", "/c/open-coop/proposals", "title=T&body=B").status,
            403);
  EXPECT_FALSE(Contains(SignedIn(Accounts::kMember).Get("/c/open-coop/members").body,
                        "Test outsider@test.dk"));
  // The board and the admin are told by mail.
  int told = 0;
  for (const store::OutboxMail& mail : Outbox()) {
    if (Contains(mail.subject, "A request to join")) ++told;
  }
  EXPECT_EQ(told, 2);
  HttpClient board = SignedIn(Accounts::kBoard);
  // The board's start page says the request waits, and leads to the queue; a member's does not.
  EXPECT_TRUE(Contains(board.Get("/").body,
                       "<a href=\"/c/open-coop/admin/members#requests\">1 request to join awaits "
                       "the board</a>"));
  EXPECT_FALSE(Contains(SignedIn(Accounts::kMember).Get("/").body, "request to join"));
  HttpReply queue = board.Get("/c/open-coop/admin/members");
  ASSERT_TRUE(Contains(queue.body, "Requests to join"));
  const size_t at = queue.body.find("/c/open-coop/admin/requests/");
  ASSERT_NE(at, std::string::npos);
  const std::string action = queue.body.substr(at, queue.body.find('"', at) - at);
  EXPECT_EQ(board.PostForm("/c/open-coop/admin/members", action, "decision=maybe").status, 400);
  HttpReply approved = board.PostForm("/c/open-coop/admin/members", action, "decision=approve");
  EXPECT_EQ(approved.status, 303) << approved.body;
  EXPECT_EQ(MembershipOf(Accounts::kOutsider)->status, communities::MemberStatus::kActive);
  EXPECT_EQ(outsider.PostForm("/c/open-coop", "/c/open-coop/proposals", "title=T&body=B").status,
            303);
  // A decided request is gone from the queue.
  EXPECT_EQ(board.PostForm("/c/open-coop/admin/members", action, "decision=decline").status, 404);
}

TEST_F(JoiningTest, ADeclinedRequestLeavesNoMembership) {
  ASSERT_EQ(Client()
                .Send("PATCH", "/api/v1/communities/open-coop", R"({"signup":"approval"})",
                      ApiAuth(Accounts::kAdmin))
                .status,
            200);
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  ASSERT_EQ(outsider.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category()).status,
            303);
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string queue = board.Get("/c/open-coop/admin/members").body;
  const size_t at = queue.find("/c/open-coop/admin/requests/");
  ASSERT_NE(at, std::string::npos);
  const std::string action = queue.substr(at, queue.find('"', at) - at);
  EXPECT_EQ(board.PostForm("/c/open-coop/admin/members", action, "decision=decline").status, 303);
  EXPECT_FALSE(MembershipOf(Accounts::kOutsider).has_value());
}

TEST_F(JoiningTest, ACommunityByInvitationTakesNoRequests) {
  ASSERT_EQ(Client()
                .Send("PATCH", "/api/v1/communities/open-coop", R"({"signup":"invitation"})",
                      ApiAuth(Accounts::kAdmin))
                .status,
            200);
  HttpClient outsider = SignedIn(Accounts::kOutsider);
  EXPECT_EQ(outsider.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category()).status,
            403);
  EXPECT_FALSE(MembershipOf(Accounts::kOutsider).has_value());
}

TEST_F(JoiningTest, AMemberLeavesAndTheLastAdministratorCannot) {
  HttpClient member = SignedIn(Accounts::kMember);
  EXPECT_TRUE(Contains(member.Get("/c/open-coop").body, "action=\"/c/open-coop/leave\""));
  HttpReply left = member.PostForm("/c/open-coop", "/c/open-coop/leave", "");
  ASSERT_EQ(left.status, 303);
  EXPECT_EQ(left.Header("location"), "/?notice=You%20have%20left%20the%20community.");
  EXPECT_EQ(MembershipOf(Accounts::kMember)->status, communities::MemberStatus::kLeft);
  EXPECT_FALSE(Contains(member.Get("/c/open-coop").body, "action=\"/c/open-coop/leave\""));
  // No longer a member: may not leave again.
  EXPECT_EQ(member.PostForm("/c/open-coop", "/c/open-coop/leave", "").status, 403);
  // Coming back goes through the board (which may have ended the membership itself).
  HttpReply again = member.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category());
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Contains(again.body, "ask the board to make you a member again"));
  EXPECT_EQ(MembershipOf(Accounts::kMember)->status, communities::MemberStatus::kLeft);
  // The only administrator is told what to do first; the API answers the same.
  HttpClient admin = SignedIn(Accounts::kAdmin);
  HttpReply refused = admin.PostForm("/c/open-coop", "/c/open-coop/leave", "");
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(Contains(refused.body, "make another member an administrator"));
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/leave", "", ApiAuth(Accounts::kAdmin))
                .status,
            409);
  EXPECT_EQ(MembershipOf(Accounts::kAdmin)->status, communities::MemberStatus::kActive);
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/leave", "", ApiAuth(Accounts::kBoard))
                .status,
            204);
}

}  // namespace
}  // namespace andel::testing
