// Fund results: the computation on the pool, the claim that makes it run once across servers,
// and the stored JSON form, exact to the unit (rationals as "p/q").
#include "web/funds/results.h"

#include <gmp.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <memory>

#include "budgeting/instance.h"
#include "web/responses.h"
#include "web/security.h"

namespace andel::web {
namespace {

namespace json = boost::json;

// This server's name in claims: random per process, so a restarted server never mistakes an
// old claim for its own.
const std::string& ServerClaimId() {
  static const std::string id = RandomToken();
  return id;
}

json::string Exact(const mpq_class& value) { return json::string(budgeting::ExactText(value)); }

json::value OptionalExact(const std::optional<mpq_class>& value) {
  if (!value) return nullptr;
  return Exact(*value);
}

json::array IndexList(const std::vector<int>& indices) {
  json::array out;
  for (int p : indices) out.push_back(p);
  return out;
}

// Reads the stored form; every accessor checks its type, so a damaged row is an Error, not a
// crash.
class Reader {
 public:
  bool ok = true;

  const json::value* Field(const json::object& object, std::string_view name) {
    const json::value* value = object.if_contains(name);
    if (!value) ok = false;
    return value;
  }
  int64_t Int(const json::object& object, std::string_view name) {
    const json::value* value = Field(object, name);
    if (!value || !value->is_int64()) {
      ok = false;
      return 0;
    }
    return value->as_int64();
  }
  bool Bool(const json::object& object, std::string_view name) {
    const json::value* value = Field(object, name);
    if (!value || !value->is_bool()) {
      ok = false;
      return false;
    }
    return value->as_bool();
  }
  std::string String(const json::object& object, std::string_view name) {
    const json::value* value = Field(object, name);
    if (!value || !value->is_string()) {
      ok = false;
      return {};
    }
    return std::string(value->as_string());
  }
  mpq_class Rational(const json::object& object, std::string_view name) {
    const json::value* value = Field(object, name);
    return value ? RationalOf(*value) : mpq_class(0);
  }
  std::optional<mpq_class> OptionalRational(const json::object& object, std::string_view name) {
    const json::value* value = Field(object, name);
    if (!value || value->is_null()) return std::nullopt;
    return RationalOf(*value);
  }
  mpq_class RationalOf(const json::value& value) {
    mpq_class out;
    // mpq_set_str reports bad text by its result where mpq_class's constructor would throw.
    if (!value.is_string() ||
        mpq_set_str(out.get_mpq_t(), std::string(value.as_string()).c_str(), 10) != 0 ||
        out.get_den() == 0) {
      ok = false;
      return 0;
    }
    out.canonicalize();
    return out;
  }
  const json::array& Array(const json::object& object, std::string_view name) {
    static const json::array kEmpty;
    const json::value* value = Field(object, name);
    if (!value || !value->is_array()) {
      ok = false;
      return kEmpty;
    }
    return value->as_array();
  }
  const json::object& Object(const json::value& value) {
    static const json::object kEmpty;
    if (!value.is_object()) {
      ok = false;
      return kEmpty;
    }
    return value.as_object();
  }
  std::vector<int> Indices(const json::object& object, std::string_view name, size_t limit) {
    std::vector<int> out;
    for (const json::value& item : Array(object, name)) {
      if (!item.is_int64() || item.as_int64() < 0 ||
          static_cast<size_t>(item.as_int64()) >= limit) {
        ok = false;
        return out;
      }
      out.push_back(static_cast<int>(item.as_int64()));
    }
    return out;
  }
};

std::optional<ErrorCode> CodeNamed(std::string_view name) {
  for (ErrorCode code :
       {ErrorCode::kInvalidArgument, ErrorCode::kUnauthenticated, ErrorCode::kPermissionDenied,
        ErrorCode::kNotFound, ErrorCode::kAlreadyExists, ErrorCode::kFailedPrecondition,
        ErrorCode::kTooLarge, ErrorCode::kUnavailable, ErrorCode::kInternal}) {
    if (name == ErrorCodeName(code)) return code;
  }
  return std::nullopt;
}

}  // namespace

std::string FundOutcomeText(const FundOutcome& result) {
  json::array projects, explanations, groups;
  for (int64_t id : result.projects) projects.push_back(id);
  for (const auto& [p, e] : result.outcome.explanations) {
    explanations.push_back(json::object{{"project", p},
                                        {"funded", e.funded},
                                        {"how", e.how},
                                        {"round", e.round},
                                        {"rho", OptionalExact(e.rho)},
                                        {"payers", e.payers},
                                        {"paid_in_full", Exact(e.paid_in_full)},
                                        {"reason", e.reason},
                                        {"supporters_money", OptionalExact(e.supporters_money)},
                                        {"cost", OptionalExact(e.cost)}});
  }
  for (const funds::VoterGroup& group : result.groups) {
    groups.push_back(json::object{{"funded", IndexList(group.funded)},
                                  {"voters", group.voters},
                                  {"paid", Exact(group.paid)},
                                  {"fair_share", Exact(group.fair_share)}});
  }
  return json::serialize(
      json::object{{"projects", std::move(projects)},
                   {"voters", result.voters},
                   {"selection_order", IndexList(result.outcome.selection_order)},
                   {"total_cost", Exact(result.outcome.total_cost)},
                   {"start_share", Exact(result.outcome.start_share)},
                   {"explanations", std::move(explanations)},
                   {"groups", std::move(groups)}});
}

std::string FundOutcomeErrorText(const Error& error) {
  return json::serialize(json::object{{"error", json::object{{"code", ErrorCodeName(error.code)},
                                                             {"message", error.message},
                                                             {"where", error.where}}}});
}

Result<FundOutcome> ParseFundOutcomeText(std::string_view text) {
  const Error damaged = Error::Internal("the stored result of this fund is damaged", "fund");
  boost::system::error_code parse_error;
  json::value root = json::parse(text, parse_error);
  if (parse_error || !root.is_object()) return damaged;
  Reader read;
  const json::object& top = root.as_object();
  if (const json::value* stored_error = top.if_contains("error")) {
    const json::object& fields = read.Object(*stored_error);
    const std::string code = read.String(fields, "code");
    Error error{read.ok && CodeNamed(code) ? *CodeNamed(code) : ErrorCode::kInternal,
                read.String(fields, "message"), read.String(fields, "where")};
    if (!read.ok) return damaged;
    return error;
  }
  FundOutcome out;
  for (const json::value& id : read.Array(top, "projects")) {
    if (!id.is_int64()) return damaged;
    out.projects.push_back(id.as_int64());
  }
  const size_t count = out.projects.size();
  out.voters = static_cast<long>(read.Int(top, "voters"));
  out.outcome.selection_order = read.Indices(top, "selection_order", count);
  out.outcome.total_cost = read.Rational(top, "total_cost");
  out.outcome.start_share = read.Rational(top, "start_share");
  for (const json::value& item : read.Array(top, "explanations")) {
    const json::object& fields = read.Object(item);
    const int64_t p = read.Int(fields, "project");
    if (p < 0 || static_cast<size_t>(p) >= count) return damaged;
    budgeting::Explanation e;
    e.funded = read.Bool(fields, "funded");
    e.how = read.String(fields, "how");
    e.round = static_cast<int>(read.Int(fields, "round"));
    e.rho = read.OptionalRational(fields, "rho");
    e.payers = static_cast<long>(read.Int(fields, "payers"));
    e.paid_in_full = read.Rational(fields, "paid_in_full");
    e.reason = read.String(fields, "reason");
    e.supporters_money = read.OptionalRational(fields, "supporters_money");
    e.cost = read.OptionalRational(fields, "cost");
    out.outcome.explanations[static_cast<int>(p)] = std::move(e);
  }
  for (const json::value& item : read.Array(top, "groups")) {
    const json::object& fields = read.Object(item);
    funds::VoterGroup group;
    group.funded = read.Indices(fields, "funded", count);
    group.voters = static_cast<long>(read.Int(fields, "voters"));
    group.paid = read.Rational(fields, "paid");
    group.fair_share = read.Rational(fields, "fair_share");
    out.groups.push_back(std::move(group));
  }
  if (!read.ok) return damaged;
  return out;
}

void ComputeFundResult(Services& services, int64_t fund_id) {
  const std::string& owner = ServerClaimId();
  Result<std::optional<int64_t>> claimed = services.funds.ClaimResult(
      fund_id, owner, kFundResultEngine, services.now(), kFundResultLeaseSeconds);
  if (!claimed) {
    spdlog::warn("fund {}: could not claim its result: {}", fund_id, claimed.error().message);
    return;
  }
  if (!*claimed) return;  // current already, or another server computes it
  store::FundResultValue value;
  value.inputs_version = **claimed;
  value.engine = kFundResultEngine;
  Result<funds::Fund> fund = services.funds.Find(fund_id);
  Result<std::vector<funds::Project>> projects =
      fund ? services.funds.Projects(fund_id) : Result<std::vector<funds::Project>>(fund.error());
  Result<FundOutcome> outcome =
      projects ? ComputeOutcome(services, *fund, *projects) : Result<FundOutcome>(projects.error());
  if (!outcome && outcome.error().code == ErrorCode::kUnavailable) {
    // The database, not the fund: let the next request (or server) try again.
    spdlog::warn("fund {}: result not computed: {}", fund_id, outcome.error().message);
    if (Status released = services.funds.ReleaseResult(fund_id, owner); !released) {
      spdlog::warn("fund {}: claim not released; it lapses", fund_id);
    }
    return;
  }
  if (outcome) {
    value.fingerprint = outcome->fingerprint;
    value.outcome = FundOutcomeText(*outcome);
  } else {
    value.outcome = FundOutcomeErrorText(outcome.error());
  }
  if (Status stored = services.funds.StoreResult(fund_id, owner, value, services.now()); !stored) {
    spdlog::warn("fund {}: result not stored: {}", fund_id, stored.error().message);
    if (Status released = services.funds.ReleaseResult(fund_id, owner); !released) {
      spdlog::warn("fund {}: claim not released; it lapses", fund_id);
    }
  }
}

Submitted RequestFundResult(Services& services, int64_t fund_id) {
  Services* shared = &services;
  return services.compute->Submit("fund-result:" + std::to_string(fund_id),
                                  [shared, fund_id] { ComputeFundResult(*shared, fund_id); });
}

Result<size_t> QueueStaleFundResults(Services& services) {
  Result<std::vector<int64_t>> stale =
      services.funds.DecidedWithoutCurrentResult(kFundResultEngine);
  if (!stale) return stale.error();
  size_t queued = 0;
  for (int64_t fund_id : *stale) {
    if (RequestFundResult(services, fund_id) == Submitted::kQueued) ++queued;
  }
  return queued;
}

Result<std::optional<FundOutcome>> StoredFundResult(Context& ctx, const funds::Fund& fund) {
  Result<std::optional<store::FundResultRow>> row = ctx.services.funds.FindResult(fund.id);
  if (!row) return row.error();
  if (*row && (*row)->IsCurrent(kFundResultEngine)) {
    Result<FundOutcome> outcome = ParseFundOutcomeText((*row)->outcome);
    if (!outcome) return outcome.error();
    outcome->fingerprint = (*row)->fingerprint;
    outcome->computed_at = (*row)->computed_at;
    return std::optional<FundOutcome>(std::move(*outcome));
  }
  if (RequestFundResult(ctx.services, fund.id) == Submitted::kRejected) {
    return Error::Unavailable("the server is busy computing results; please try again shortly",
                              "fund");
  }
  return std::optional<FundOutcome>();
}

Result<int64_t> ImportFundOnPool(Context& ctx, const std::string& text, const std::string& title) {
  static std::atomic<uint64_t> next_import{0};
  auto done = std::make_shared<std::promise<Result<int64_t>>>();
  std::future<Result<int64_t>> imported = done->get_future();
  const Error busy =
      Error::Unavailable("the server is busy computing results; please try again shortly", "file");
  const Submitted submitted = ctx.services.compute->Submit(
      "fund-import:" + std::to_string(++next_import),
      [&ctx, &text, &title, done] { done->set_value(ImportFund(ctx, text, title)); });
  if (submitted != Submitted::kQueued) return busy;
  Result<int64_t> id = busy;
  try {
    id = imported.get();
  } catch (const std::future_error&) {
    return busy;  // the pool stopped before the import ran
  }
  if (id) RequestFundResult(ctx.services, *id);
  return id;
}

}  // namespace andel::web
