// What the SROI pages and the SROI API share: creating an analysis from form fields, and writing
// hundredths (money in minor units, shares in basis points) as decimals.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/impact/sroi_repository.h"
#include "web/context.h"

namespace andel::web {

// "12.5" for 1250: hundredths as a decimal with the places it needs.
std::string HundredthsText(int64_t hundredths);

// The board creates an analysis of the route's community from form fields: title, currency,
// investment, discount_rate, and per outcome row i outcome_i, quantity_i, proxy_i, deadweight_i,
// displacement_i, attribution_i, drop_off_i, duration_i (rows without a name are skipped).
// Returns its id; kInvalidArgument naming the field at fault.
Result<int64_t> CreateSroiAnalysis(Context& ctx, const Form& form);

}  // namespace andel::web
