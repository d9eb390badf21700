// Names, parsing and validation of the community vocabulary.
#include "communities/community.h"

#include <array>
#include <charconv>
#include <numeric>
#include <utility>

#include "core/enum_names.h"
#include "core/text.h"

namespace andel::communities {
namespace {

constexpr std::array<std::pair<std::string_view, CommunityKind>, 4> kKinds{{
    {"cooperative", CommunityKind::kCooperative},
    {"partnership", CommunityKind::kPartnership},
    {"co_creation_arena", CommunityKind::kCoCreationArena},
    {"municipal_programme", CommunityKind::kMunicipalProgramme},
}};
constexpr std::array<std::pair<std::string_view, SignupPolicy>, 3> kPolicies{{
    {"open", SignupPolicy::kOpen},
    {"approval", SignupPolicy::kApproval},
    {"invitation", SignupPolicy::kInvitation},
}};
constexpr std::array<std::pair<std::string_view, Role>, 3> kRoles{{
    {"member", Role::kMember},
    {"board", Role::kBoard},
    {"admin", Role::kAdmin},
}};
constexpr std::array<std::pair<std::string_view, MemberStatus>, 4> kStatuses{{
    {"applied", MemberStatus::kApplied},
    {"invited", MemberStatus::kInvited},
    {"active", MemberStatus::kActive},
    {"left", MemberStatus::kLeft},
}};
constexpr std::array<std::pair<std::string_view, VoteWeight>, 2> kWeights{{
    {"one_member_one_vote", VoteWeight::kOneMemberOneVote},
    {"shares", VoteWeight::kByShares},
}};

}  // namespace

std::string_view Name(CommunityKind kind) { return NameOf(kKinds, kind); }
std::string_view Name(SignupPolicy policy) { return NameOf(kPolicies, policy); }
std::string_view Name(Role role) { return NameOf(kRoles, role); }
std::string_view Name(MemberStatus status) { return NameOf(kStatuses, status); }
std::string_view Name(VoteWeight weight) { return NameOf(kWeights, weight); }

Result<CommunityKind> ParseCommunityKind(std::string_view text, std::string_view field) {
  return ParseEnum(kKinds, text, field, "unknown community kind");
}
Result<SignupPolicy> ParseSignupPolicy(std::string_view text, std::string_view field) {
  return ParseEnum(kPolicies, text, field, "unknown sign-up policy");
}
Result<Role> ParseRole(std::string_view text, std::string_view field) {
  return ParseEnum(kRoles, text, field, "unknown role");
}
Result<MemberStatus> ParseMemberStatus(std::string_view text, std::string_view field) {
  return ParseEnum(kStatuses, text, field, "unknown membership status");
}
Result<VoteWeight> ParseVoteWeight(std::string_view text, std::string_view field) {
  return ParseEnum(kWeights, text, field, "unknown voting weight");
}

bool RoleAtLeast(Role role, Role needed) {
  return static_cast<int>(role) >= static_cast<int>(needed);
}

std::vector<Category> DefaultCategories() {
  struct Label {
    const char* code;
    const char* en;
    const char* da;
    const char* nl;
  };
  static constexpr Label kLabels[] = {
      {"citizen", "Citizen", "Borger", "Burger"},
      {"civil_society", "Civil society", "Civilsamfund", "Maatschappelijk middenveld"},
      {"business", "Business", "Erhverv", "Bedrijfsleven"},
      {"public_sector", "Public sector", "Offentlig sektor", "Publieke sector"},
      {"research", "Research", "Forskning", "Onderzoek"},
      {"education", "Education", "Uddannelse", "Onderwijs"},
      {"foundation", "Foundation", "Fond", "Fonds"},
  };
  std::vector<Category> categories;
  int position = 0;
  for (const Label& label : kLabels) {
    Category category;
    category.code = label.code;
    category.name_en = label.en;
    category.name_da = label.da;
    category.name_nl = label.nl;
    category.position = position++;
    categories.push_back(std::move(category));
  }
  return categories;
}

Result<Fraction> ParseFraction(std::string_view text, std::string_view field) {
  const Error bad =
      Error::InvalidArgument("a threshold must be a fraction such as 2/3", std::string(field));
  text = Trim(text);
  const size_t slash = text.find('/');
  const std::string_view num_text = text.substr(0, slash);
  const std::string_view den_text =
      slash == std::string_view::npos ? std::string_view("1") : text.substr(slash + 1);
  Fraction fraction;
  auto [p1, e1] = std::from_chars(num_text.data(), num_text.data() + num_text.size(), fraction.num);
  auto [p2, e2] = std::from_chars(den_text.data(), den_text.data() + den_text.size(), fraction.den);
  if (e1 != std::errc() || e2 != std::errc() || p1 != num_text.data() + num_text.size() ||
      p2 != den_text.data() + den_text.size() || num_text.empty() || den_text.empty()) {
    return bad;
  }
  if (fraction.den <= 0 || fraction.num <= 0 || fraction.num > fraction.den ||
      fraction.den > 1000) {
    return bad;
  }
  const int64_t divisor = std::gcd(fraction.num, fraction.den);
  fraction.num /= divisor;
  fraction.den /= divisor;
  return fraction;
}

std::string FormatFraction(const Fraction& fraction) {
  return std::to_string(fraction.num) + "/" + std::to_string(fraction.den);
}

Status Validate(const Statutes& statutes) {
  if (statutes.quorum_percent < 0 || statutes.quorum_percent > 100) {
    return Error::InvalidArgument("the quorum must be between 0 and 100 percent", "quorum_percent");
  }
  if (statutes.voting_min_days < 0 || statutes.voting_min_days > 3660) {
    return Error::InvalidArgument("the membership time to vote must be 0 to 3,660 days",
                                  "voting_min_days");
  }
  if (statutes.voting_min_shares < 0 || statutes.voting_min_shares > 1000000000) {
    return Error::InvalidArgument("the shares needed to vote must be 0 or more",
                                  "voting_min_shares");
  }
  const auto valid = [](const Fraction& f) { return f.den > 0 && f.num > 0 && f.num <= f.den; };
  if (!valid(statutes.simple_majority)) {
    return Error::InvalidArgument("a threshold must be a fraction such as 2/3", "simple_majority");
  }
  if (!valid(statutes.qualified_majority)) {
    return Error::InvalidArgument("a threshold must be a fraction such as 2/3",
                                  "qualified_majority");
  }
  if (statutes.qualified_majority.num * statutes.simple_majority.den <
      statutes.simple_majority.num * statutes.qualified_majority.den) {
    return Error::InvalidArgument("the qualified majority must be at least the simple majority",
                                  "qualified_majority");
  }
  return {};
}

Result<std::string> ValidateName(std::string_view text, std::string_view field) {
  if (!IsValidUtf8(text)) {
    return Error::InvalidArgument("the text is not valid UTF-8", std::string(field));
  }
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return Error::InvalidArgument("a name is required", std::string(field));
  if (CodePointCount(trimmed) > 120) {
    return Error::InvalidArgument("a name can have at most 120 characters", std::string(field));
  }
  if (ContainsControlOrBidi(trimmed)) {
    return Error::InvalidArgument("a name cannot contain control characters", std::string(field));
  }
  return std::string(trimmed);
}

Status ValidateCommunity(const Community& community) {
  if (Result<std::string> name = ValidateName(community.name, "name"); !name) return name.error();
  if (!IsValidSlug(community.slug)) {
    return Error::InvalidArgument(
        "a short name has 2-60 characters: lower-case letters, digits and hyphens", "slug");
  }
  if (!IsValidUtf8(community.about)) {
    return Error::InvalidArgument("the text is not valid UTF-8", "about");
  }
  if (CodePointCount(community.about) > 10000) {
    return Error::InvalidArgument("the text can have at most 10,000 characters", "about");
  }
  return {};
}

Status ValidateCategory(Category& category) {
  category.code = ToLowerAscii(Trim(category.code));
  bool code_ok = !category.code.empty() && category.code.size() <= 40;
  for (char c : category.code) {
    code_ok = code_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (!code_ok) {
    return Error::InvalidArgument("a code has 1-40 characters: a-z, 0-9 and _", "code");
  }
  for (auto [name, field] :
       {std::pair{&category.name_en, "name_en"}, std::pair{&category.name_da, "name_da"},
        std::pair{&category.name_nl, "name_nl"}}) {
    Result<std::string> valid = ValidateName(*name, field);
    if (!valid) return valid.error();
    *name = *valid;
  }
  if (category.position < 0 || category.position > 1000) {
    return Error::InvalidArgument("the position must be a number from 0 to 1000", "position");
  }
  return {};
}

bool RemovesAnAdmin(const Membership& before, const Membership& after) {
  const auto active_admin = [](const Membership& m) {
    return m.role == Role::kAdmin && m.status == MemberStatus::kActive;
  };
  return active_admin(before) && !active_admin(after);
}

void UpdateStatusDates(Membership& membership, const Date& today) {
  if (membership.status != MemberStatus::kLeft) {
    membership.left_on.reset();
  } else if (!membership.left_on) {
    membership.left_on = today;
  }
}

bool IsSupportedLanguage(std::string_view code) {
  return code == "en" || code == "da" || code == "nl";
}

Result<int64_t> ParseShares(std::string_view text, std::string_view field) {
  text = Trim(text);
  if (text.empty()) return int64_t{0};
  int64_t shares = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), shares);
  if (ec != std::errc() || ptr != text.data() + text.size() || shares < 0 ||
      shares > 1'000'000'000) {
    return Error::InvalidArgument("shares must be a whole number from 0 to 1,000,000,000",
                                  std::string(field));
  }
  return shares;
}

}  // namespace andel::communities
