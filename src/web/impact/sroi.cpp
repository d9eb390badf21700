// What the SROI pages and the SROI API share (see sroi.h).
#include "web/impact/sroi.h"

#include <algorithm>

#include "core/text.h"
#include "impact/sroi.h"

namespace andel::web {
namespace {

// A decimal with at most two places as hundredths: money in minor units, a share in basis points.
Result<int64_t> Hundredths(const std::string& text, const std::string& field) {
  Result<impact::Quantity> q = impact::ParseQuantity(text, field);
  if (!q || q->thousandths % 10 != 0) {
    return Error::InvalidArgument("not a number with at most two decimals", field);
  }
  return q->thousandths / 10;
}

Result<store::SroiAnalysis> AnalysisFromFields(const Context& ctx, const Form& form) {
  store::SroiAnalysis analysis;
  analysis.community_id = ctx.community->id;
  analysis.title = Trim(form.Get("title"));
  if (analysis.title.empty() || !IsValidUtf8(analysis.title) ||
      CodePointCount(analysis.title) > 160) {
    return Error::InvalidArgument("an analysis needs a title of at most 160 characters", "title");
  }
  analysis.currency = Trim(form.Get("currency"));
  for (char& c : analysis.currency) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (analysis.currency.size() != 3 ||
      analysis.currency.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    return Error::InvalidArgument("a currency is three letters, such as DKK", "currency");
  }
  Result<int64_t> investment = Hundredths(ctx.Number(form, "investment"), "investment");
  if (!investment) return investment.error();
  analysis.input.investment_minor = *investment;
  if (!Trim(form.Get("discount_rate")).empty()) {
    Result<int64_t> rate = Hundredths(ctx.Number(form, "discount_rate"), "discount_rate");
    if (!rate) return rate.error();
    analysis.input.discount_bp = static_cast<int>(*rate);
  }
  for (int i = 0;; ++i) {
    const std::string n = std::to_string(i);
    if (!form.Has("outcome_" + n)) break;
    if (Trim(form.Get("outcome_" + n)).empty()) continue;
    impact::SroiOutcome o;
    o.name = Trim(form.Get("outcome_" + n));
    Result<impact::Quantity> quantity =
        impact::ParseQuantity(ctx.Number(form, "quantity_" + n), "quantity_" + n);
    if (!quantity) return quantity.error();
    o.quantity = *quantity;
    Result<int64_t> proxy = Hundredths(ctx.Number(form, "proxy_" + n), "proxy_" + n);
    if (!proxy) return proxy.error();
    o.proxy_minor = *proxy;
    for (const auto& [name, share] :
         {std::pair{"deadweight_", &o.deadweight_bp},
          std::pair{"displacement_", &o.displacement_bp},
          std::pair{"attribution_", &o.attribution_bp}, std::pair{"drop_off_", &o.drop_off_bp}}) {
      const std::string field = name + n;
      if (Trim(form.Get(field)).empty()) continue;
      Result<int64_t> bp = Hundredths(ctx.Number(form, field), field);
      if (!bp) return bp.error();
      *share = static_cast<int>(std::clamp<int64_t>(*bp, -1, 10001));
    }
    Result<impact::Quantity> duration =
        impact::ParseQuantity(form.Get("duration_" + n), "duration_" + n);
    if (!duration || duration->thousandths % 1000 != 0) {
      return Error::InvalidArgument("a duration is 1 to 50 years", "duration_" + n);
    }
    o.duration_years = static_cast<int>(std::clamp<int64_t>(duration->thousandths / 1000, 0, 51));
    analysis.input.outcomes.push_back(std::move(o));
  }
  if (Status valid = impact::ValidateSroi(analysis.input); !valid) return valid.error();
  return analysis;
}

}  // namespace

std::string HundredthsText(int64_t hundredths) { return impact::QuantityText({hundredths * 10}); }

Result<int64_t> CreateSroiAnalysis(Context& ctx, const Form& form) {
  Result<store::SroiAnalysis> analysis = AnalysisFromFields(ctx, form);
  if (!analysis) return analysis.error();
  return ctx.services.sroi.Create(*analysis, ctx.person->id, ctx.Now());
}

}  // namespace andel::web
