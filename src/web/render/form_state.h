// A form shown again after its POST failed: every field keeps what was typed, the field at fault
// carries its message (tied to it with aria-describedby), and an error summary at the top of the
// page links to it, as GOV.UK's and Decidim's forms do. Done once, on the rendered page, for every
// form: templates need not repeat the values and the messages field by field.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/forms.h"

namespace andel::web {

struct FieldError {
  std::string field;    // the control's name ("title"); may name no control of the form
  std::string message;  // translated
};

// The texts the rewrite adds around the message, translated.
struct FormStateTexts {
  std::string summary_heading = "There is a problem";
  std::string error_prefix = "Error:";
};

// In `html` (a page's content), the form whose action is `action` (a path; its query is ignored):
// - text fields, text areas, selects, checkboxes and radio buttons are set to `posted` (fields
//   the post did not carry keep what the page gave them; hidden, password and file fields are
//   left alone);
// - the first control named `error->field` gets aria-invalid and aria-describedby, with the
//   message in a paragraph before it;
// - a summary with the message (a link to the control, if there is one) opens the content, after
//   its first heading.
// Without a form of that action, only the summary is added.
std::string ShowFormAgain(std::string_view html, std::string_view action, const Form& posted,
                          const std::optional<FieldError>& error, const FormStateTexts& texts);

}  // namespace andel::web
