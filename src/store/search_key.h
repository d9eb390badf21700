// The folded text that member and value case search match against (see search/search_fold.h),
// kept on each row so that search is one indexed-table scan on both databases (SQLite's lower()
// knows only ASCII).
#pragma once

#include <cstdint>
#include <string>

namespace soci {
class session;
}

namespace andel::store {

std::string MemberSearchKey(const std::string& person_name, const std::string& email,
                            const std::string& organisation);
std::string ProposalSearchKey(const std::string& title, const std::string& body);

// Recomputes the search keys of every membership of `person_id` (after a name or email change)
// and raises the version of each community the person belongs to.
void RefreshSearchKeys(soci::session& sql, int64_t person_id);

// The folding the stored search keys were written with; raise it when search::SearchKey changes.
inline constexpr const char* kSearchKeyVersion = "icu-2";  // icu-2: proposals too

// Rewrites every stored search key (memberships, value cases) if they were written with another
// folding than kSearchKeyVersion, and records the version; nothing if they are current. Run by
// Database::Migrate after the migrations.
void RefreshStaleSearchKeys(soci::session& sql);

// Raises the version of a community after a change to it or its members.
void BumpVersion(soci::session& sql, int64_t community_id);

// A LIKE pattern matching `text` anywhere, with % _ and \ escaped (use with ESCAPE '\').
std::string ContainsPattern(const std::string& text);

}  // namespace andel::store
