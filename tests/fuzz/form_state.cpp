// Feeds any bytes, read as a posted form (application/x-www-form-urlencoded), to ShowFormAgain on
// a page with every kind of field, with the first field named as the one at fault.
// Checks: whatever was posted, the page keeps exactly its own tags (posted text is escaped, never
// markup) plus the summary and the one message it adds.
#include "web/render/form_state.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "web/forms.h"

using andel::fuzz::Check;
namespace web = andel::web;

namespace {

const char kPage[] =
    "<h1>T</h1><form method=\"post\" action=\"/f\"><input type=\"hidden\" name=\"csrf\" "
    "value=\"c\"><input id=\"a\" name=\"a\"><textarea name=\"b\">x</textarea><select name=\"c\">"
    "<option value=\"1\">1</option><option value=\"2\" selected>2</option></select>"
    "<input type=\"checkbox\" name=\"d\" value=\"x\"><input type=\"radio\" name=\"e\" "
    "value=\"y\" checked><input name=\"a\"></form>";

size_t Count(const std::string& text, char c) {
  size_t n = 0;
  for (char t : text) n += t == c;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(andel::fuzz::Text(data, size));
  andel::Result<web::Form> form = web::ParseUrlEncoded(text);
  if (!form) return 0;
  std::optional<web::FieldError> error;
  if (!form->fields().empty()) {
    error = web::FieldError{.field = form->fields().front().first, .message = "wrong"};
  }
  const std::string shown = web::ShowFormAgain(kPage, "/f", *form, error, {});
  // The summary adds 10 tags, the message 4; a control's tag is written again whole.
  const size_t added = error ? 14 : 0;
  Check(Count(shown, '<') == Count(kPage, '<') + added, "posted text never becomes markup");
  return 0;
}
