// The store on the database this run was started for (SQLite or PostgreSQL): accounts,
// sessions, communities, categories, memberships with search and paging, import all-or-nothing.
#include <gtest/gtest.h>

#include "store/accounts/account_repository.h"
#include "store/accounts/email_link_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/invitation_repository.h"
#include "store/communities/membership_repository.h"
#include "store/settings_repository.h"
#include "support/test_database.h"

namespace andel::store {
namespace {

using communities::Community;
using communities::MemberRow;

constexpr int64_t kNow = 1790000000;

int64_t MakePerson(AccountRepository& accounts, const std::string& email) {
  communities::Person person;
  person.email = email;
  person.name = "Person " + email;
  Result<int64_t> id = accounts.CreatePerson(person, "hash", kNow);
  EXPECT_TRUE(id.has_value());
  return id ? *id : 0;
}

int64_t MakeCommunity(CommunityRepository& repo, int64_t founder, const std::string& slug,
                      communities::SignupPolicy signup = communities::SignupPolicy::kOpen) {
  Community community;
  community.slug = slug;
  community.name = "Community " + slug;
  community.signup = signup;
  Result<int64_t> id = repo.CreateCommunity(community, founder, "citizen", kNow);
  EXPECT_TRUE(id.has_value());
  return id ? *id : 0;
}

TEST(Store, MigrationsAreIdempotent) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  Result<int> again = t.db->Migrate();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, 0);
}

TEST(Store, PersonsSessionsAndTokens) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  const int64_t id = MakePerson(accounts, "mette@example.dk");
  communities::Person duplicate;
  duplicate.email = "mette@example.dk";
  duplicate.name = "Other";
  Result<int64_t> again = accounts.CreatePerson(duplicate, "", kNow);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().where, "email");

  ASSERT_TRUE(accounts.CreateSession("h1", id, kNow, kNow + 100).has_value());
  EXPECT_EQ(accounts.FindSession("h1", kNow + 1)->id, id);
  EXPECT_EQ(accounts.FindSession("h1", kNow + 101).error().code, ErrorCode::kUnauthenticated);
  ASSERT_TRUE(accounts.DeleteSession("h1").has_value());
  EXPECT_FALSE(accounts.FindSession("h1", kNow + 1).has_value());

  Result<int64_t> token = accounts.CreateApiToken(id, "ci", "th", kNow, kNow + 3600);
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(accounts.FindByApiToken("th", kNow)->email, "mette@example.dk");
  EXPECT_EQ(accounts.ListApiTokens(id)->at(0).last_used_at, kNow);
  EXPECT_FALSE(accounts.FindByApiToken("th", kNow + 3600).has_value());  // expired
  EXPECT_EQ(accounts.ListApiTokens(id)->size(), 1u);
  EXPECT_EQ(accounts.DeleteApiToken(id + 1, *token).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(accounts.DeleteApiToken(id, *token).has_value());
  EXPECT_FALSE(accounts.FindByApiToken("th", kNow).has_value());

  EmailLinkRepository links(*t.db);
  EmailLink reset;
  reset.purpose = LinkPurpose::kReset;
  reset.person_id = id;
  reset.email = "mette@example.dk";
  reset.created_at = kNow;
  reset.expires_at = kNow + 60;
  ASSERT_TRUE(links.Issue("r1", reset, {"subject", "body"}).has_value());
  ASSERT_TRUE(links.Issue("r2", reset, {"subject", "body"}).has_value());
  EXPECT_EQ(*links.CountSentTo("mette@example.dk", kNow), 2);
  EXPECT_EQ(links.CompleteReset("r2", "new-hash", kNow + 61).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(*links.CompleteReset("r1", "new-hash", kNow), id);
  EXPECT_EQ(links.CompleteReset("r1", "new-hash", kNow).error().code, ErrorCode::kNotFound);
  // A reset uses up the account's other links.
  EXPECT_EQ(links.CompleteReset("r2", "new-hash", kNow).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(accounts.FindById(id)->password_hash, "new-hash");

  SettingsRepository settings(*t.db);
  EXPECT_EQ(*settings.GetOrCreateSetting("k", "first"), "first");
  EXPECT_EQ(*settings.GetOrCreateSetting("k", "second"), "first");
}

TEST(Store, CommunitiesCategoriesAndMembers) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  CommunityRepository repo(*t.db);
  MembershipRepository memberships(*t.db);
  const int64_t founder = MakePerson(accounts, "founder@example.dk");
  Community community;
  community.slug = "test-coop";
  community.name = "Test Coop";
  Result<int64_t> id = repo.CreateCommunity(community, founder, "business", kNow);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(repo.CreateCommunity(community, founder, "business", kNow).error().where, "slug");
  Result<std::vector<communities::Category>> categories = repo.ListCategories(*id);
  ASSERT_EQ(categories->size(), 7u);
  EXPECT_EQ(categories->at(0).code, "citizen");
  EXPECT_EQ(categories->at(0).name_da, "Borger");
  auto founder_membership = memberships.FindMembershipOf(*id, founder);
  ASSERT_TRUE(founder_membership.has_value() && founder_membership->has_value());
  EXPECT_EQ((*founder_membership)->role, communities::Role::kAdmin);
  EXPECT_EQ((*founder_membership)->category_id, categories->at(2).id);

  std::vector<MemberRow> rows;
  for (int i = 0; i < 30; ++i) {
    MemberRow row;
    row.email = "m" + std::to_string(i) + "@example.dk";
    row.name = i % 3 == 0 ? "Søren Ærø " + std::to_string(i) : "Anna " + std::to_string(i);
    row.category = i % 2 ? "citizen" : "research";
    if (i == 5) row.organisation = "Aarhus Universitet";
    rows.push_back(row);
  }
  ASSERT_EQ(*memberships.ImportMembers(*id, rows, kNow), 30);
  MemberQuery all;
  all.limit = 10;
  Result<MemberPage> page = memberships.ListMembers(*id, all);
  EXPECT_EQ(page->total, 31);
  EXPECT_EQ(page->members.size(), 10u);
  MemberQuery search;
  search.search = "søREN ærø";
  EXPECT_EQ(memberships.ListMembers(*id, search)->total, 10);
  search.search = "universitet";
  ASSERT_EQ(memberships.ListMembers(*id, search)->total, 1);
  EXPECT_EQ(memberships.ListMembers(*id, search)->members[0].name, "Aarhus Universitet");
  search.search = "%";
  EXPECT_EQ(memberships.ListMembers(*id, search)->total, 0);
  MemberQuery by_category;
  by_category.category_id = categories->at(4).id;  // research
  EXPECT_EQ(memberships.ListMembers(*id, by_category)->total, 15);

  // Re-importing updates rather than duplicates; a bad row rolls back the whole import.
  rows[1].shares = 7;
  ASSERT_EQ(*memberships.ImportMembers(*id, rows, kNow), 30);
  EXPECT_EQ(memberships.ListMembers(*id, all)->total, 31);
  rows.push_back(rows[0]);
  rows.back().email = "new@example.dk";
  rows.back().category = "no-such-category";
  EXPECT_FALSE(memberships.ImportMembers(*id, rows, kNow).has_value());
  EXPECT_EQ(memberships.ListMembers(*id, all)->total, 31);
  EXPECT_FALSE(accounts.FindByEmail("new@example.dk").has_value());

  EXPECT_EQ(repo.DeleteCategory(*id, categories->at(0).id).error().code,
            ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(repo.DeleteCategory(*id, categories->at(6).id).has_value());
  communities::Statutes statutes;
  statutes.quorum_percent = 30;
  statutes.vote_weight = communities::VoteWeight::kByShares;
  ASSERT_TRUE(repo.SaveStatutes(*id, statutes).has_value());
  EXPECT_EQ(repo.GetStatutes(*id)->quorum_percent, 30);
  EXPECT_EQ(repo.GetStatutes(*id)->vote_weight, communities::VoteWeight::kByShares);

  auto exported = memberships.ExportMembers(*id);
  ASSERT_TRUE(exported.has_value());
  EXPECT_EQ(exported->size(), 31u);

  // Renaming a person keeps member search right.
  Result<Account> anna = accounts.FindByEmail("m1@example.dk");
  communities::Person renamed = anna->person;
  renamed.name = "Zelda Østergaard";
  ASSERT_TRUE(accounts.UpdatePerson(renamed).has_value());
  search.search = "østergaard";
  EXPECT_EQ(memberships.ListMembers(*id, search)->total, 1);
}

TEST(Store, EveryChangeRaisesTheCommunityVersion) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  CommunityRepository repo(*t.db);
  MembershipRepository memberships(*t.db);
  const int64_t founder = MakePerson(accounts, "founder@example.dk");
  const int64_t id = MakeCommunity(repo, founder, "versioned");
  int64_t last = repo.FindBySlug("versioned")->version;
  const auto raised = [&](const char* what) {
    const int64_t now_version = repo.FindBySlug("versioned")->version;
    EXPECT_GT(now_version, last) << what;
    last = now_version;
  };
  Community community = *repo.FindBySlug("versioned");
  community.about = "changed";
  ASSERT_TRUE(repo.UpdateCommunity(community).has_value());
  raised("community");
  ASSERT_TRUE(repo.SaveStatutes(id, communities::Statutes{}).has_value());
  raised("statutes");
  communities::Category category = repo.ListCategories(id)->at(0);
  category.name_da = "Borgere";
  ASSERT_TRUE(repo.UpdateCategory(category).has_value());
  raised("category");
  MemberRow row;
  row.email = "v@example.dk";
  row.name = "V";
  row.category = "citizen";
  ASSERT_TRUE(memberships.ImportMembers(id, {row}, kNow).has_value());
  raised("import");
  MemberQuery query;
  query.search = "v@example";
  communities::Membership m = memberships.ListMembers(id, query)->members.at(0).membership;
  m.shares = 9;
  ASSERT_TRUE(memberships.UpdateMember(m).has_value());
  raised("member");
  Result<Account> v = accounts.FindByEmail("v@example.dk");
  communities::Person person = v->person;
  person.name = "Vera";
  ASSERT_TRUE(accounts.UpdatePerson(person).has_value());
  raised("person name");
}

// Statements kept prepared on a connection must not pin its snapshot: a change made through
// another connection is seen by the next read, and the first connection can still write.
TEST(Store, PreparedReadsDoNotHoldAnOldSnapshot) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  Result<std::unique_ptr<Database>> single = Database::Open(t.url, 1);
  ASSERT_TRUE(single.has_value());
  CommunityRepository one(**single);
  MembershipRepository memberships(**single);
  CommunityRepository other(*t.db);
  const int64_t id = MakeCommunity(other, 0, "snapshots");
  ASSERT_TRUE(one.FindBySlug("snapshots").has_value());                 // prepared, one row
  ASSERT_TRUE(memberships.ListMembers(id, MemberQuery{}).has_value());  // prepared count and page
  communities::Statutes statutes;
  statutes.quorum_percent = 41;
  ASSERT_TRUE(other.SaveStatutes(id, statutes).has_value());
  EXPECT_EQ(one.GetStatutes(id)->quorum_percent, 41);
  statutes.quorum_percent = 42;
  EXPECT_TRUE(one.SaveStatutes(id, statutes).has_value());
  EXPECT_EQ(other.GetStatutes(id)->quorum_percent, 42);
}

TEST(Store, Invitations) {
  testing::TestDatabase t = testing::FreshDatabase();
  ASSERT_TRUE(t.db);
  AccountRepository accounts(*t.db);
  CommunityRepository repo(*t.db);
  InvitationRepository invitations(*t.db);
  MembershipRepository memberships(*t.db);
  const int64_t founder = MakePerson(accounts, "founder@example.dk");
  const int64_t guest = MakePerson(accounts, "guest@example.dk");
  const int64_t id = MakeCommunity(repo, founder, "closed", communities::SignupPolicy::kInvitation);
  Invitation invitation;
  invitation.community_id = id;
  invitation.email = "guest@example.dk";
  invitation.category_id = repo.ListCategories(id)->at(1).id;
  invitation.role = communities::Role::kBoard;
  invitation.expires_at = kNow + 3600;
  ASSERT_TRUE(invitations.CreateInvitation(invitation, "inv", founder, kNow).has_value());
  // Not for another address.
  const int64_t stranger = MakePerson(accounts, "stranger@example.dk");
  EXPECT_EQ(invitations.AcceptInvitation("inv", stranger, Date{2026, 1, 1}, kNow).error().code,
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(invitations.FindInvitation("inv")->community_name, "Community closed");
  ASSERT_TRUE(invitations.AcceptInvitation("inv", guest, Date{2026, 1, 1}, kNow).has_value());
  EXPECT_EQ(invitations.AcceptInvitation("inv", guest, Date{2026, 1, 1}, kNow).error().code,
            ErrorCode::kFailedPrecondition);
  auto membership = memberships.FindMembershipOf(id, guest);
  ASSERT_TRUE(membership->has_value());
  EXPECT_EQ((*membership)->role, communities::Role::kBoard);
  EXPECT_EQ((*membership)->status, communities::MemberStatus::kActive);
}

}  // namespace
}  // namespace andel::store
