// Communities, their member categories, memberships and statutes: the vocabulary every other
// module (decisions, funds, partnerships, impact) builds on. Pure values and their validation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace andel::communities {

enum class CommunityKind { kCooperative, kPartnership, kCoCreationArena, kMunicipalProgramme };
// How people join: anyone signed in (open), by asking the board (approval), or only when the
// board invites them (invitation).
enum class SignupPolicy { kOpen, kApproval, kInvitation };
enum class Role { kMember, kBoard, kAdmin };
// kApplied: asked to join a community that approves its members; not a member until approved.
enum class MemberStatus { kApplied, kInvited, kActive, kLeft };
enum class VoteWeight { kOneMemberOneVote, kByShares };

// Stable lower-case names used in the database, the API and forms ("co_creation_arena").
std::string_view Name(CommunityKind kind);
std::string_view Name(SignupPolicy policy);
std::string_view Name(Role role);
std::string_view Name(MemberStatus status);
std::string_view Name(VoteWeight weight);

// Parse the names above; kInvalidArgument naming `field` for anything else.
Result<CommunityKind> ParseCommunityKind(std::string_view text, std::string_view field = "kind");
Result<SignupPolicy> ParseSignupPolicy(std::string_view text, std::string_view field = "signup");
Result<Role> ParseRole(std::string_view text, std::string_view field = "role");
Result<MemberStatus> ParseMemberStatus(std::string_view text, std::string_view field = "status");
Result<VoteWeight> ParseVoteWeight(std::string_view text, std::string_view field = "vote_weight");

// True if `role` carries at least the rights of `needed` (admin > board > member).
bool RoleAtLeast(Role role, Role needed);

struct Community {
  int64_t id = 0;
  std::string slug;
  std::string name;
  CommunityKind kind = CommunityKind::kCooperative;
  std::string about;
  bool is_public = true;
  SignupPolicy signup = SignupPolicy::kOpen;
  int64_t version = 0;  // raised by every change to the community or its members
};

// A member category with its label in each language. `code` is stable ("civil_society").
struct Category {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string code;
  std::string name_en;
  std::string name_da;
  std::string name_nl;
  int position = 0;
};

// The seven default categories of a new community, in display order.
std::vector<Category> DefaultCategories();

// A fraction num/den in lowest terms, used for majority thresholds (1/2, 2/3, 3/4, 1/1).
struct Fraction {
  int64_t num = 1;
  int64_t den = 2;
};

// How a community decides: the decision module reads these.
struct Statutes {
  int quorum_percent = 50;            // share of eligible members who must take part
  Fraction simple_majority{1, 2};     // a motion passes with more than this share of yes
  Fraction qualified_majority{2, 3};  // at least this share, for statute changes and the like
  VoteWeight vote_weight = VoteWeight::kOneMemberOneVote;
  // Who is on a decision's voter roll besides being an active member when it opens: a member for
  // at least this many days, holding at least this many shares (0: no such rule).
  int voting_min_days = 0;
  int64_t voting_min_shares = 0;
};

// Checks ranges: quorum 0-100, fractions in (0, 1], qualified at least simple.
Status Validate(const Statutes& statutes);

// Parses "2/3" (or "1" for unanimity) into a fraction in (0, 1].
Result<Fraction> ParseFraction(std::string_view text, std::string_view field);
std::string FormatFraction(const Fraction& fraction);

struct Membership {
  int64_t id = 0;
  int64_t community_id = 0;
  int64_t person_id = 0;                   // the member, or the person representing it
  std::optional<int64_t> organisation_id;  // set when the member is an organisation
  int64_t category_id = 0;
  Role role = Role::kMember;
  int64_t shares = 0;
  std::optional<Date> joined_on;
  std::optional<Date> left_on;
  MemberStatus status = MemberStatus::kActive;
  // The member hides their shares and organisation from other members (not from the board).
  bool details_hidden = false;
};

// The name, slug, and about text of a community, checked: name 1-120 characters, a valid slug,
// about at most 10,000 characters. kInvalidArgument naming the field at fault.
Status ValidateCommunity(const Community& community);

// Normalises and checks a category: the code (trimmed, lower-cased) has 1-40 characters of
// a-z, 0-9 and _; each name passes ValidateName (fields name_en, name_da, name_nl); the
// position is 0-1000. kInvalidArgument naming the field at fault.
Status ValidateCategory(Category& category);

// True if turning `before` into `after` takes away an active administrator, so that the caller
// must first check that another one remains.
bool RemovesAnAdmin(const Membership& before, const Membership& after);

// Keeps the dates in step with the status: a membership that is left gets `today` as its
// left_on date unless it has one; one that is not left has none.
void UpdateStatusDates(Membership& membership, const Date& today);

// A person's, organisation's, community's or category's display name: 1-120 characters of
// valid UTF-8, trimmed, without control characters or bidirectional overrides and isolates
// (see IsControlOrBidi).
Result<std::string> ValidateName(std::string_view text, std::string_view field);

// Shares held: a whole number 0-1,000,000,000 written in decimal.
Result<int64_t> ParseShares(std::string_view text, std::string_view field = "shares");

}  // namespace andel::communities

namespace andel::communities {

// A person with an account (or only a membership record, if imported and never signed up).
struct Person {
  int64_t id = 0;
  std::string email;
  std::string name;
  std::string language = "en";  // "da", "nl" or "en"
  bool is_admin = false;        // runs this server: may create communities for others
  // The address was proved by a mailed link (or the operator made the account). Until then the
  // person may read, but not join, vote, propose or create.
  bool verified = false;
  // Signing in takes a code from an authenticator app as well as the password (two-step
  // sign-in).
  bool second_factor = false;
  // The operator requires two-step sign-in of server administrators and programme officers, and
  // this person is one (whether or not they have set it up yet).
  bool second_factor_required = false;
};

// The languages the interface speaks, English first (the source language).
bool IsSupportedLanguage(std::string_view code);

}  // namespace andel::communities
