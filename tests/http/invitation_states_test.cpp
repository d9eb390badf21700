// Every invitation state met by every kind of visitor, and every way of joining in every state of
// an account's address (issue 14, points 2, 4 and 6): only the invited, confirmed address accepts
// an open invitation, and nothing else makes anyone a member.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <optional>
#include <string>

#include "http/server_fixture.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// What an invitation is when its visitor comes.
enum class State { kOpen, kUsed, kExpired, kWithdrawn, kUnknown };
// Who comes: nobody signed in, the addressee with a confirmed or an unconfirmed address, another
// account, or someone with the invited address and no account yet (who signs up on the way).
enum class Visitor { kAnonymous, kAddressee, kUnconfirmedAddressee, kOtherAccount, kNewcomer };

const char* Name(State state) {
  switch (state) {
    case State::kOpen:
      return "open";
    case State::kUsed:
      return "used";
    case State::kExpired:
      return "expired";
    case State::kWithdrawn:
      return "withdrawn";
    case State::kUnknown:
      return "unknown";
  }
  return "";
}

const char* Name(Visitor visitor) {
  switch (visitor) {
    case Visitor::kAnonymous:
      return "anonymous";
    case Visitor::kAddressee:
      return "addressee";
    case Visitor::kUnconfirmedAddressee:
      return "unconfirmed addressee";
    case Visitor::kOtherAccount:
      return "other account";
    case Visitor::kNewcomer:
      return "newcomer";
  }
  return "";
}

// The text the invitation page shows in each state to a visitor who may not accept it.
const char* Explanation(State state) {
  switch (state) {
    case State::kOpen:
      return "";
    case State::kUsed:
      return "this invitation has already been used";
    case State::kExpired:
      return "this invitation has expired";
    case State::kWithdrawn:
      return "may no longer invite to this role";
    case State::kUnknown:
      return "this invitation is not valid";
  }
  return "";
}

class InvitationStatesTest : public ServerTest {
 protected:
  int64_t Coop() {
    store::CommunityRepository communities(*database_.db);
    return communities.FindBySlug("open-coop")->id;
  }
  std::string Category() {
    store::CommunityRepository communities(*database_.db);
    return std::to_string(communities.ListCategories(Coop())->at(0).id);
  }
  // The board invites `email` to open-coop as a board member; returns the invitation's path.
  std::string Invite(const std::string& email) {
    HttpReply reply =
        SignedIn(Accounts::kBoard)
            .PostForm("/c/open-coop/admin/members", "/c/open-coop/admin/invitations",
                      "email=" + FormEncode(email) + "&category=" + Category() + "&role=board");
    EXPECT_EQ(reply.status, 303) << reply.body.substr(0, 400);
    const std::string link = LinkMailedTo(email, "/invitations/");
    EXPECT_FALSE(link.empty()) << "no invitation mailed to " << email;
    return link;
  }
  // The site path of the link starting with `prefix` in the newest mail to `email`.
  std::string LinkMailedTo(const std::string& email, const std::string& prefix) {
    for (const store::OutboxMail& mail : Outbox()) {
      if (mail.recipient != email) continue;
      const size_t at = mail.body.find(prefix);
      if (at != std::string::npos)
        return mail.body.substr(at, mail.body.find_first_of(" \n", at) - at);
    }
    return {};
  }
  // Puts the invitation to `email` into `state` (an unknown one is a link never sent).
  std::string Prepare(State state, const std::string& email) {
    const std::string link = Invite(email);
    if (state == State::kUnknown) return "/invitations/" + std::string(43, 'x');
    if (state == State::kOpen) return link;
    Status changed = database_.db->Run([&](soci::session& sql) -> Status {
      if (state == State::kUsed) {
        sql << "UPDATE invitations SET accepted_at = :t WHERE email = :e", soci::use(now_ - 60),
            soci::use(email);
      } else if (state == State::kExpired) {
        sql << "UPDATE invitations SET expires_at = :t WHERE email = :e", soci::use(now_ - 60),
            soci::use(email);
      } else {
        // Sent by someone who is now an ordinary member: as if the board had demoted its sender.
        sql << "UPDATE invitations SET invited_by = (SELECT id FROM persons WHERE email = :m) "
               "WHERE email = :e",
            soci::use(std::string(Accounts::kMember)), soci::use(email);
      }
      return {};
    });
    EXPECT_TRUE(changed.has_value());
    return link;
  }
  std::optional<communities::Membership> MembershipOf(const std::string& email) {
    store::AccountRepository accounts(*database_.db);
    store::MembershipRepository memberships(*database_.db);
    Result<store::Account> account = accounts.FindByEmail(email);
    if (!account) return std::nullopt;
    return *memberships.FindMembershipOf(Coop(), account->person.id);
  }
  // A client of `visitor` for an invitation to `email`: the newcomer signs up by the invitation's
  // link and the mailed sign-up link, and lands on the invitation.
  HttpClient VisitorClient(Visitor visitor, State state, const std::string& email,
                           const std::string& link) {
    switch (visitor) {
      case Visitor::kAnonymous:
        return Client();
      case Visitor::kAddressee:
        AddAccount(email);
        return SignedIn(email);
      case Visitor::kUnconfirmedAddressee:
        AddAccount(email, /*verified=*/false);
        return SignedIn(email);
      case Visitor::kOtherAccount:
        return SignedIn(Accounts::kOutsider);
      case Visitor::kNewcomer:
        break;
    }
    HttpClient client = Client();
    const std::string token = link.substr(std::string("/invitations/").size());
    HttpReply form = client.Get("/signup?invite=" + token + "&email=" + FormEncode(email));
    EXPECT_EQ(form.status, 200);
    EXPECT_TRUE(Contains(form.body, email));
    HttpReply sent = client.PostForm(
        "/signup?invite=" + token, "/signup",
        "name=New+Comer&email=" + FormEncode(email) + "&invite=" + FormEncode(token));
    EXPECT_EQ(sent.status, 303) << sent.body.substr(0, 400);
    const std::string signup = LinkMailedTo(email, "/signup/");
    EXPECT_FALSE(signup.empty()) << "no sign-up link mailed to " << email;
    // The mailed link's form carries the invitation on (a hidden field).
    HttpReply choose = client.Get(signup);
    EXPECT_EQ(choose.status, 200);
    const std::string hidden = "name=\"invite\" value=\"";
    const size_t at = choose.body.find(hidden);
    EXPECT_NE(at, std::string::npos);
    const std::string carried = choose.body.substr(
        at + hidden.size(), choose.body.find('"', at + hidden.size()) - at - hidden.size());
    EXPECT_EQ(carried, token);
    HttpReply done = client.PostForm(
        signup, signup, "name=New+Comer&password=long-enough-pw&invite=" + FormEncode(carried));
    EXPECT_EQ(done.status, 303) << done.body.substr(0, 400);
    // Signing up from an open invitation to one's own address is saying yes to it: no second
    // "Accept". Any other invitation is shown as it is.
    if (state == State::kOpen) {
      EXPECT_TRUE(done.Header("location").starts_with("/c/open-coop?notice=You"))
          << done.Header("location");
    } else {
      EXPECT_EQ(done.Header("location"), "/invitations/" + token);
    }
    return client;
  }
};

TEST_F(InvitationStatesTest, EveryStateForEveryVisitor) {
  int n = 0;
  for (State state :
       {State::kOpen, State::kUsed, State::kExpired, State::kWithdrawn, State::kUnknown}) {
    for (Visitor visitor :
         {Visitor::kAnonymous, Visitor::kAddressee, Visitor::kUnconfirmedAddressee,
          Visitor::kOtherAccount, Visitor::kNewcomer}) {
      SCOPED_TRACE(std::string(Name(state)) + " invitation, " + Name(visitor));
      const std::string email = "guest" + std::to_string(++n) + "@test.dk";
      const std::string link = Prepare(state, email);
      HttpClient client = VisitorClient(visitor, state, email, link);

      HttpReply page = client.Get(link);
      EXPECT_EQ(page.status, state == State::kUnknown ? 404 : 200);
      const bool addressee = visitor == Visitor::kAddressee || visitor == Visitor::kNewcomer;
      const bool joined_at_signup = state == State::kOpen && visitor == Visitor::kNewcomer;
      if (joined_at_signup) {
        EXPECT_TRUE(Contains(page.body, Explanation(State::kUsed)));
        EXPECT_FALSE(Contains(page.body, "Accept the invitation"));
      } else if (state != State::kOpen) {
        EXPECT_TRUE(Contains(page.body, Explanation(state))) << page.body.substr(0, 2000);
        EXPECT_FALSE(Contains(page.body, "Accept the invitation"));
      } else if (addressee) {
        EXPECT_TRUE(Contains(page.body, "Accept the invitation"));
      } else if (visitor == Visitor::kAnonymous) {
        EXPECT_TRUE(Contains(page.body, "Create an account"));
        EXPECT_FALSE(Contains(page.body, "Accept the invitation"));
      } else if (visitor == Visitor::kUnconfirmedAddressee) {
        EXPECT_TRUE(Contains(page.body, "please confirm your address first"));
        EXPECT_FALSE(Contains(page.body, "Accept the invitation"));
      } else {
        EXPECT_TRUE(Contains(page.body, "sent to another address"));
        EXPECT_FALSE(Contains(page.body, "Accept the invitation"));
      }

      HttpReply accept = client.PostForm(link, link, "");
      const bool accepted = state == State::kOpen && addressee;
      if (joined_at_signup) {
        EXPECT_TRUE(accept.status == 403 || accept.status == 409) << accept.status;
      } else if (accepted) {
        EXPECT_EQ(accept.status, 303) << accept.body.substr(0, 400);
      } else if (visitor == Visitor::kAnonymous) {
        EXPECT_EQ(accept.status, 403);
      } else if (state == State::kUnknown) {
        EXPECT_EQ(accept.status, visitor == Visitor::kUnconfirmedAddressee ? 403 : 404);
      } else if (visitor == Visitor::kUnconfirmedAddressee) {
        EXPECT_EQ(accept.status, 403);
      } else {
        EXPECT_TRUE(accept.status == 403 || accept.status == 409) << accept.status;
      }
      std::optional<communities::Membership> membership = MembershipOf(email);
      EXPECT_EQ(membership.has_value(), accepted);
      if (accepted) {
        EXPECT_EQ(membership->status, communities::MemberStatus::kActive);
        EXPECT_EQ(membership->role, communities::Role::kBoard);
      }
      EXPECT_FALSE(MembershipOf(Accounts::kOutsider).has_value());
    }
  }
}

// The ways into a community (open, by the board's approval, by invitation) for an account whose
// address is unconfirmed, then confirmed by the mailed link.
TEST_F(InvitationStatesTest, EveryWayOfJoiningForEveryStateOfTheAddress) {
  const auto admin = std::vector<std::pair<std::string, std::string>>{
      {"Authorization", "Bearer " + TokenFor(Accounts::kAdmin)},
      {"Content-Type", "application/json"}};
  int n = 0;
  for (const char* way : {"open", "approval", "invitation"}) {
    SCOPED_TRACE(way);
    ASSERT_EQ(Client()
                  .Send("PATCH", "/api/v1/communities/open-coop",
                        std::string(R"({"signup":")") + way + "\"}", admin)
                  .status,
              200);
    const std::string email = "joiner" + std::to_string(++n) + "@test.dk";
    AddAccount(email, /*verified=*/false);
    const std::string invitation = std::string(way) == "invitation" ? Invite(email) : "";
    HttpClient client = SignedIn(email);
    auto join = [&] {
      return invitation.empty()
                 ? client.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category())
                 : client.PostForm(invitation, invitation, "");
    };
    // Unconfirmed: refused, and no membership of any status.
    EXPECT_EQ(join().status, 403);
    EXPECT_FALSE(MembershipOf(email).has_value());

    ASSERT_EQ(client.PostForm("/account", "/account/verify", "").status, 303);
    const std::string verify = LinkMailedTo(email, "/verify/");
    ASSERT_FALSE(verify.empty());
    ASSERT_EQ(client.PostForm(verify, verify, "").status, 303);

    // Confirmed: an open community or an invitation makes a member, a request waits for the
    // board; a community by invitation takes no request.
    HttpReply joined = join();
    std::optional<communities::Membership> membership = MembershipOf(email);
    if (std::string(way) == "open" || !invitation.empty()) {
      EXPECT_EQ(joined.status, 303) << joined.body.substr(0, 400);
      ASSERT_TRUE(membership.has_value());
      EXPECT_EQ(membership->status, communities::MemberStatus::kActive);
    } else {
      EXPECT_EQ(joined.status, 303) << joined.body.substr(0, 400);
      ASSERT_TRUE(membership.has_value());
      EXPECT_EQ(membership->status, communities::MemberStatus::kApplied);
    }
    if (!invitation.empty()) {
      HttpClient other = SignedIn(Accounts::kOutsider);
      EXPECT_EQ(
          other.PostForm("/c/open-coop", "/c/open-coop/join", "category=" + Category()).status,
          403);
      EXPECT_FALSE(MembershipOf(Accounts::kOutsider).has_value());
    }
  }
}

}  // namespace
}  // namespace andel::testing
