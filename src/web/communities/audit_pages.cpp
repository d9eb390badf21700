// The community's audit log for its board: every entry of its part of the hash chain as a
// sentence in the reader's language, newest first, a hundred to a page.
#include "store/audit_event.h"
#include "web/communities/audit_sentences.h"
#include "web/communities/handlers.h"
#include "web/communities/views.h"
#include "web/i18n.h"
#include "web/responses.h"

namespace andel::web {

Result<Response> ShowAuditLog(Context& ctx) {
  constexpr int kPerPage = 100;
  const int page_number = PageNumber(ctx);
  store::AuditLog audit(ctx.services.db);
  Result<std::vector<store::AuditRecord>> records =
      audit.ListForCommunity(ctx.community->id, (page_number - 1) * kPerPage, kPerPage);
  if (!records) return records.error();
  Result<int64_t> total = audit.CountForCommunity(ctx.community->id);
  if (!total) return total.error();
  std::vector<store::AuditEvent> events;
  std::vector<store::AuditRef> refs;
  for (const store::AuditRecord& record : *records) {
    events.push_back(store::ReadAuditEvent(record.entry));
    refs.insert(refs.end(), events.back().refs.begin(), events.back().refs.end());
  }
  Result<std::map<store::AuditRef, store::AuditName>> names =
      store::AuditNames(ctx.services.db, ctx.community->id, refs);
  if (!names) return names.error();
  ViewData page = BasePage(ctx, ctx.T("Audit log") + " · " + ctx.community->name);
  ViewData list = MakeList();
  for (size_t i = 0; i < records->size(); ++i) {
    const store::AuditRecord& record = (*records)[i];
    ViewData item = MakeObject();
    item.set("seq", FormatInteger(ctx.language, record.seq));
    item.set("at", FormatDateTime(ctx.language, record.at));
    item.set("actor", record.entry.actor_person_id == 0 ? ctx.T("the system") : record.actor_name);
    item.set("sentence", AuditSentenceHtml(ctx, events[i], *names));
    item.set("hash", record.hash.substr(0, 12));
    list.push_back(item);
  }
  page.set("entries", list);
  page.set("total", ctx.N("{n} entry", "{n} entries", *total));
  const std::string base = AdminPath(ctx, "/audit?page=");
  if (page_number > 1) page.set("previous", base + std::to_string(page_number - 1));
  if (static_cast<int64_t>(page_number) * kPerPage < *total) {
    page.set("next", base + std::to_string(page_number + 1));
  }
  return HtmlPage(ctx, "communities/admin_audit", page);
}

}  // namespace andel::web
