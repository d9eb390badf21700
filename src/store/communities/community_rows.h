// What the community repositories (communities, memberships, invitations) share: reading and
// writing member rows, and describing changes for the audit log. Internal to the store.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

#include "communities/community.h"
#include "core/date.h"
#include "store/communities/membership_repository.h"

namespace andel::store::community_rows {

using communities::Membership;

// Reading enum columns written by this code; an unknown value means a broken database.
template <typename T>
T Parsed(Result<T> value, T fallback) {
  return value ? *value : fallback;
}

inline std::string DateText(const std::optional<Date>& date) {
  return date ? FormatIsoDate(*date) : std::string();
}

inline std::optional<Date> DateFrom(const std::string& text) {
  if (text.empty()) return std::nullopt;
  Result<Date> date = ParseIsoDate(text);
  return date ? std::optional<Date>(*date) : std::nullopt;
}

// Columns of a member row, in the order ReadMember expects.
inline constexpr const char* kMemberSelect =
    "SELECT m.id, m.community_id, m.person_id, COALESCE(m.organisation_id, 0), m.category_id, "
    "m.role, m.shares, m.joined_on, m.left_on, m.status, p.name, p.email, COALESCE(o.name, ''), "
    "m.details_hidden "
    "FROM memberships m JOIN persons p ON p.id = m.person_id "
    "LEFT JOIN organisations o ON o.id = m.organisation_id ";

struct MemberColumns {
  int64_t id = 0, community_id = 0, person_id = 0, organisation_id = 0, category_id = 0;
  std::string role, joined_on, left_on, status, person_name, email, organisation;
  int64_t shares = 0;
  int details_hidden = 0;

  void Bind(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(community_id));
    statement.exchange(soci::into(person_id));
    statement.exchange(soci::into(organisation_id));
    statement.exchange(soci::into(category_id));
    statement.exchange(soci::into(role));
    statement.exchange(soci::into(shares));
    statement.exchange(soci::into(joined_on));
    statement.exchange(soci::into(left_on));
    statement.exchange(soci::into(status));
    statement.exchange(soci::into(person_name));
    statement.exchange(soci::into(email));
    statement.exchange(soci::into(organisation));
    statement.exchange(soci::into(details_hidden));
  }

  MemberView View() const {
    MemberView view;
    Membership& m = view.membership;
    m.id = id;
    m.community_id = community_id;
    m.person_id = person_id;
    if (organisation_id != 0) m.organisation_id = organisation_id;
    m.category_id = category_id;
    m.role = Parsed(communities::ParseRole(role), communities::Role::kMember);
    m.shares = shares;
    m.joined_on = DateFrom(joined_on);
    m.left_on = DateFrom(left_on);
    m.status = Parsed(communities::ParseMemberStatus(status), communities::MemberStatus::kLeft);
    m.details_hidden = details_hidden != 0;
    view.person_name = person_name;
    view.email = email;
    view.organisation = organisation;
    view.name = organisation.empty() ? person_name : organisation;
    return view;
  }
};

// Inserts the membership (the caller's transaction) and returns its id.
int64_t InsertMembership(soci::session& sql, const Membership& m, const std::string& search_key,
                         int64_t now);
// The folded text the member list searches: the person's name and address, the organisation.
std::string MembershipSearchKey(soci::session& sql, const Membership& m);
// An organisation's id by name, creating it if absent (the caller's transaction).
int64_t FindOrCreateOrganisationIn(soci::session& sql, const std::string& name, int64_t now);
// Inserts the category into its community and sets `id`.
void InsertCategory(soci::session& sql, const communities::Category& category, int64_t& id);
// The audit log's details of a membership and of statutes.
std::string MembershipDetails(const Membership& m);
std::string StatutesDetails(const communities::Statutes& statutes);

}  // namespace andel::store::community_rows
