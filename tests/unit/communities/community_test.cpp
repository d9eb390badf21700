#include "communities/community.h"

#include <gtest/gtest.h>

namespace andel::communities {
namespace {

TEST(Category, ValidationNormalisesAndNamesTheField) {
  Category category;
  category.code = "  Civil_Society ";
  category.name_en = " Civil society ";
  category.name_da = "Civilsamfund";
  category.name_nl = "Maatschappelijk middenveld";
  ASSERT_TRUE(ValidateCategory(category).has_value());
  EXPECT_EQ(category.code, "civil_society");
  EXPECT_EQ(category.name_en, "Civil society");
  struct Case {
    std::string code, name_da;
    int position;
    std::string where;
  };
  const Case kCases[] = {
      {"", "Borger", 0, "code"},          {"with space", "Borger", 0, "code"},
      {"æble", "Borger", 0, "code"},      {std::string(41, 'a'), "Borger", 0, "code"},
      {"ok", "", 0, "name_da"},           {"ok", "\xFF", 0, "name_da"},
      {"ok", "Borger", 1001, "position"}, {"ok", "Borger", -1, "position"}};
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.code + "/" + c.name_da);
    Category bad = category;
    bad.code = c.code;
    bad.name_da = c.name_da;
    bad.position = c.position;
    Status status = ValidateCategory(bad);
    ASSERT_FALSE(status.has_value());
    EXPECT_EQ(status.error().where, c.where);
  }
}

TEST(Membership, RemovesAnAdminOnlyForActiveAdmins) {
  Membership admin;
  admin.role = Role::kAdmin;
  Membership demoted = admin;
  demoted.role = Role::kBoard;
  Membership left = admin;
  left.status = MemberStatus::kLeft;
  EXPECT_TRUE(RemovesAnAdmin(admin, demoted));
  EXPECT_TRUE(RemovesAnAdmin(admin, left));
  EXPECT_FALSE(RemovesAnAdmin(admin, admin));
  EXPECT_FALSE(RemovesAnAdmin(demoted, admin));
  Membership invited_admin = admin;
  invited_admin.status = MemberStatus::kInvited;
  EXPECT_FALSE(RemovesAnAdmin(invited_admin, demoted));
}

TEST(Membership, StatusDatesFollowTheStatus) {
  Membership m;
  m.status = MemberStatus::kLeft;
  UpdateStatusDates(m, Date{2026, 3, 1});
  EXPECT_EQ(m.left_on, (Date{2026, 3, 1}));
  UpdateStatusDates(m, Date{2026, 4, 1});
  EXPECT_EQ(m.left_on, (Date{2026, 3, 1}));  // the first date of leaving stays
  m.status = MemberStatus::kActive;
  UpdateStatusDates(m, Date{2026, 5, 1});
  EXPECT_FALSE(m.left_on.has_value());
}

TEST(Names, EnumsRoundTrip) {
  for (Role role : {Role::kMember, Role::kBoard, Role::kAdmin}) {
    EXPECT_EQ(*ParseRole(Name(role)), role);
  }
  for (auto kind : {CommunityKind::kCooperative, CommunityKind::kPartnership,
                    CommunityKind::kCoCreationArena, CommunityKind::kMunicipalProgramme}) {
    EXPECT_EQ(*ParseCommunityKind(Name(kind)), kind);
  }
  EXPECT_EQ(ParseRole("king").error().where, "role");
  EXPECT_TRUE(RoleAtLeast(Role::kAdmin, Role::kBoard));
  EXPECT_FALSE(RoleAtLeast(Role::kMember, Role::kBoard));
}

}  // namespace
}  // namespace andel::communities
