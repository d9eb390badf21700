// A fund's result, computed once on the compute pool (when the fund is decided, or when its
// inputs change) and stored; pages and the API read the stored result and never compute it on
// a request thread. Several servers on one database compute each result once (a claim with a
// lease in the store).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "funds/fund.h"
#include "web/context.h"
#include "web/funds/actions.h"
#include "web/server/compute_pool.h"
#include "web/server/http.h"

namespace andel::web {

// The version of the rules and of the stored form. Raise it when either changes: results
// stored by an older version are then computed anew.
inline constexpr int kFundResultEngine = 2;  // 2: a repeated project on a ballot counts once
// How long a server's claim on a computation lasts; a crashed server's claim lapses after it.
// Far longer than the largest computation measured (see docs/operator-guide.md).
inline constexpr int64_t kFundResultLeaseSeconds = 300;
// What a client is told to wait before asking again while a result is being computed.
inline constexpr int kFundResultRetrySeconds = 2;

// Computes and stores the fund's result if it is decided, its stored result is not current and
// no other server holds the claim. For the compute pool only: seconds on a large fund.
// Failures are logged; a rule's error is stored as the result (it would recur).
void ComputeFundResult(Services& services, int64_t fund_id);

// Queues ComputeFundResult for the fund on the compute pool (deduplicated by fund).
Submitted RequestFundResult(Services& services, int64_t fund_id);

// Queues the results of every decided fund whose stored result is missing or not current (at
// start-up: the demo's funds, or all of them after kFundResultEngine changed). How many were
// queued; the rest are queued when asked for.
Result<size_t> QueueStaleFundResults(Services& services);

// The fund's stored result if it is current. Otherwise queues its computation and returns
// nullopt: the result is being computed. kUnavailable if the pool's queue is full (answer 503
// with Retry-After); the stored error if the rule could not share out the fund.
Result<std::optional<FundOutcome>> StoredFundResult(Context& ctx, const funds::Fund& fund);

// ImportFund (web/funds.h) run on the compute pool, the caller waiting for its turn, and the
// new fund's result queued. The pool bounds how many imports parse and write at once.
// kUnavailable if the pool's queue is full or it is stopping.
Result<int64_t> ImportFundOnPool(Context& ctx, const std::string& text, const std::string& title);

// The stored form (JSON, amounts as exact rationals) and back; kInternal for text that is not.
std::string FundOutcomeText(const FundOutcome& outcome);
Result<FundOutcome> ParseFundOutcomeText(std::string_view text);
// A rule's error in the stored form; ParseFundOutcomeText returns it.
std::string FundOutcomeErrorText(const Error& error);

}  // namespace andel::web
