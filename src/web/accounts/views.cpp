// Parts of the account pages shared by more than one of them.
#include "web/accounts/views.h"

#include <string>

#include "core/date.h"
#include "web/i18n.h"

namespace andel::web {

Result<int64_t> ParseTokenDays(const std::string& text, const char* field) {
  if (text.empty()) return kTokenDaysDefault;
  int64_t days = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || days > kTokenDaysMax) {
      return Error::InvalidArgument("a token works for 1 to 730 days", field);
    }
    days = days * 10 + (c - '0');
  }
  if (days < 1 || days > kTokenDaysMax) {
    return Error::InvalidArgument("a token works for 1 to 730 days", field);
  }
  return days;
}

ViewData TokenList(Context& ctx, const std::vector<store::ApiTokenRecord>& tokens) {
  ViewData list = MakeList();
  for (const store::ApiTokenRecord& token : tokens) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(token.id));
    item.set("name", token.name);
    item.set("created", FormatDate(ctx.language, DateFromUnixSeconds(token.created_at)));
    item.set("expires", FormatDate(ctx.language, DateFromUnixSeconds(token.expires_at)));
    if (token.expires_at <= ctx.Now()) item.set("expired", true);
    if (token.last_used_at > 0) {
      item.set("last_used", FormatDate(ctx.language, DateFromUnixSeconds(token.last_used_at)));
    }
    list.push_back(item);
  }
  return list;
}

}  // namespace andel::web
