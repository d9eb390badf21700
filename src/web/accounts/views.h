// Parts of the account pages shared by more than one of them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/accounts/account_repository.h"
#include "web/context.h"
#include "web/render/views.h"

namespace andel::web {

// How long a new API token works unless its owner chooses otherwise, and at most.
inline constexpr int64_t kTokenDaysDefault = 365;
inline constexpr int64_t kTokenDaysMax = 730;

// A token's lifetime in days from a form field or a JSON number: empty is the default; else a
// whole number from 1 to kTokenDaysMax. kInvalidArgument naming `field` otherwise.
Result<int64_t> ParseTokenDays(const std::string& text, const char* field);

// The personal API tokens as a list for a template: name, created, expires, last used.
ViewData TokenList(Context& ctx, const std::vector<store::ApiTokenRecord>& tokens);

}  // namespace andel::web
