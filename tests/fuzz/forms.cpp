// Feeds any bytes to the form readers of src/web/forms.*: as a URL-encoded form or query
// (ParseUrlEncoded); as a multipart body whose first line is the Content-Type header
// (ParseMultipart); as a Cookie header (CookieValue); as a number typed in a field (FormInt).
// Checks: every field read is valid UTF-8, a value written with UrlEncode reads back the same,
// and FormInt keeps its bounds.
#include "web/forms.h"

#include <cstddef>
#include <cstdint>

#include "core/text.h"
#include "fuzz_support.h"

using andel::fuzz::Check;
namespace web = andel::web;

namespace {

void CheckForm(const web::Form& form) {
  for (const auto& [name, value] : form.fields()) {
    Check(andel::IsValidUtf8(name) && andel::IsValidUtf8(value), "form fields are valid UTF-8");
    andel::Result<web::Form> again =
        web::ParseUrlEncoded(web::UrlEncode(name) + "=" + web::UrlEncode(value));
    Check(again.has_value() && again->fields().size() == 1 && again->fields()[0].first == name &&
              again->fields()[0].second == value,
          "an encoded field reads back the same");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = andel::fuzz::Text(data, size);
  if (andel::Result<web::Form> form = web::ParseUrlEncoded(text)) CheckForm(*form);

  const size_t line_end = text.find('\n');
  if (line_end != std::string_view::npos) {
    std::vector<web::UploadedFile> files;
    andel::Result<web::Form> form =
        web::ParseMultipart(text.substr(line_end + 1), text.substr(0, line_end), files);
    if (form) CheckForm(*form);
  }

  (void)web::CookieValue(text, "andel_session");
  andel::Result<int> number = web::FormInt(text, "number", 7, -100, 100);
  if (number) Check(*number >= -100 && *number <= 100, "FormInt keeps its bounds");
  (void)web::HtmlEscape(text);
  (void)web::JsonEscape(text);
  return 0;
}
