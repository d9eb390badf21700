// The community's funds as a page: the list, and the board's forms to create a fund and to
// import one from a Pabulib file.
#include "core/text.h"
#include "web/funds/actions.h"
#include "web/funds/handlers.h"
#include "web/funds/results.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Response> FundsPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Funds") + " · " + ctx.community->name);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  Result<std::vector<funds::Fund>> all = ctx.services.funds.List(ctx.community->id);
  if (!all) return all.error();
  ViewData list = MakeList();
  for (const funds::Fund& fund : *all) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(fund.id));
    item.set("title", fund.title);
    item.set("amount", Money(ctx, fund, fund.amount));
    item.set("phase", PhaseLabel(ctx, fund.phase));
    list.push_back(item);
  }
  page.set("funds", list);
  if (!all->empty()) page.set("has_funds", true);
  if (ctx.IsBoard()) {
    page.set("can_create", true);
    for (const char* field : {"title", "description", "amount", "currency", "points"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
    if (!ctx.form.Has("currency")) page.set("form_currency", "DKK");
    if (!ctx.form.Has("points")) page.set("form_points", "10");
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "funds/fund_list", page, status);
}

}  // namespace

Result<Response> ShowFunds(Context& ctx) { return FundsPage(ctx, 200, std::nullopt); }

Result<Response> SubmitFund(Context& ctx) {
  Result<funds::Fund> fund = FundFromFields(ctx, ctx.form);
  if (!fund) return FundsPage(ctx, 400, fund.error());
  Result<int64_t> id = ctx.services.funds.Create(*fund, ctx.Now());
  if (!id) return id.error();
  return Redirect(FundPath(ctx, *id));
}

Result<Response> SubmitFundImport(Context& ctx) {
  std::string text;
  for (const UploadedFile& file : ctx.files) {
    if (file.field == "file") text = file.content;
  }
  if (text.empty()) {
    return FundsPage(ctx, 400, Error::InvalidArgument("choose a Pabulib file", "file"));
  }
  Result<int64_t> id = ImportFundOnPool(ctx, text, ctx.form.Get("title"));
  if (!id && id.error().code == ErrorCode::kUnavailable) return id.error();
  if (!id) return FundsPage(ctx, 400, id.error());
  return Redirect(FundPath(ctx, *id));
}

}  // namespace andel::web
