// Rewrites the rendered HTML of a form shown again. The pages are Andel's own templates, so a
// small tag scanner suffices: tags are found by '<' and a name, attributes may be quoted with
// either quote or bare, and the text of a textarea runs to its end tag.
#include "web/render/form_state.h"

#include <cctype>
#include <map>
#include <vector>

namespace andel::web {
namespace {

struct Attribute {
  std::string name;   // lower-cased
  std::string value;  // decoded
  std::string raw;    // as written, for copying it unchanged
};

struct Tag {
  size_t begin = 0;  // at '<'
  size_t end = 0;    // after '>'
  std::string name;  // lower-cased; "/form" for an end tag
  std::vector<Attribute> attributes;
  bool self_closing = false;

  const Attribute* Find(std::string_view wanted) const {
    for (const Attribute& attribute : attributes) {
      if (attribute.name == wanted) return &attribute;
    }
    return nullptr;
  }
  std::string Get(std::string_view wanted) const {
    const Attribute* attribute = Find(wanted);
    return attribute ? attribute->value : std::string();
  }
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string DecodeEntities(std::string_view text) {
  static const std::pair<std::string_view, char> kEntities[] = {{"&amp;", '&'},  {"&lt;", '<'},
                                                                {"&gt;", '>'},   {"&quot;", '"'},
                                                                {"&#39;", '\''}, {"&#x27;", '\''}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (text[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (text.substr(i, entity.size()) == entity) {
          out.push_back(c);
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':';
}

// The tag starting at `at` ('<'), or nothing if `at` does not start one (text, a comment).
std::optional<Tag> ReadTag(std::string_view html, size_t at) {
  Tag tag;
  tag.begin = at;
  size_t i = at + 1;
  const bool closing = i < html.size() && html[i] == '/';
  if (closing) ++i;
  const size_t name_start = i;
  while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) ++i;
  if (i == name_start) return std::nullopt;
  tag.name = (closing ? "/" : "") + Lower(html.substr(name_start, i - name_start));
  while (i < html.size()) {
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
    if (i >= html.size()) return std::nullopt;
    if (html[i] == '>') {
      tag.end = i + 1;
      return tag;
    }
    if (html[i] == '/') {
      tag.self_closing = true;
      ++i;
      continue;
    }
    const size_t attribute_start = i;
    while (i < html.size() && IsNameChar(html[i])) ++i;
    if (i == attribute_start) {
      ++i;  // a stray character: skip it
      continue;
    }
    Attribute attribute;
    attribute.name = Lower(html.substr(attribute_start, i - attribute_start));
    if (i < html.size() && html[i] == '=') {
      ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const char quote = html[i];
        const size_t close = html.find(quote, i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        attribute.value = DecodeEntities(html.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        const size_t value_start = i;
        while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
               html[i] != '>') {
          ++i;
        }
        attribute.value = DecodeEntities(html.substr(value_start, i - value_start));
      }
    }
    attribute.raw = std::string(html.substr(attribute_start, i - attribute_start));
    tag.attributes.push_back(std::move(attribute));
  }
  return std::nullopt;
}

// The next tag at or after `from`.
std::optional<Tag> NextTag(std::string_view html, size_t from) {
  for (size_t at = html.find('<', from); at != std::string_view::npos;
       at = html.find('<', at + 1)) {
    if (std::optional<Tag> tag = ReadTag(html, at)) return tag;
  }
  return std::nullopt;
}

// The tag written again: its attributes but `drop`, then `add` (name, unescaped value).
std::string WriteTag(const Tag& tag, const std::vector<std::string>& drop,
                     const std::vector<std::pair<std::string, std::string>>& add) {
  std::string out = "<" + tag.name;
  for (const Attribute& attribute : tag.attributes) {
    bool dropped = false;
    for (const std::string& name : drop) dropped = dropped || attribute.name == name;
    if (!dropped) out += " " + attribute.raw;
  }
  for (const auto& [name, value] : add) {
    out += " " + name;
    if (!value.empty() || name == "value") out += "=\"" + HtmlEscape(value) + "\"";
  }
  out += tag.self_closing ? " />" : ">";
  return out;
}

std::string PathOf(std::string_view action) {
  const size_t end = action.find_first_of("?#");
  return std::string(action.substr(0, end));
}

// An id for a control that has none: "field-" and its name, kept to safe characters.
std::string IdFor(std::string_view name) {
  std::string id = "field-";
  for (char c : name) id.push_back(IsNameChar(c) && c != ':' ? c : '-');
  return id;
}

bool IsSkippedInput(std::string_view type) {
  return type == "hidden" || type == "password" || type == "file" || type == "submit" ||
         type == "button" || type == "reset" || type == "image";
}

std::string SummaryHtml(const FieldError& error, const std::string& target_id,
                        const FormStateTexts& texts) {
  std::string item = HtmlEscape(error.message);
  if (!target_id.empty()) item = "<a href=\"#" + target_id + "\">" + item + "</a>";
  return "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" "
         "tabindex=\"-1\" id=\"error-summary\"><h2 id=\"error-summary-title\">" +
         HtmlEscape(texts.summary_heading) + "</h2><ul><li>" + item + "</li></ul></div>";
}

std::string MessageHtml(const FieldError& error, const std::string& id,
                        const FormStateTexts& texts) {
  return "<p class=\"field-error\" id=\"" + id + "\"><span class=\"visually-hidden\">" +
         HtmlEscape(texts.error_prefix) + "</span> " + HtmlEscape(error.message) + "</p>";
}

}  // namespace

std::string ShowFormAgain(std::string_view html, std::string_view action, const Form& posted,
                          const std::optional<FieldError>& error, const FormStateTexts& texts) {
  const std::string wanted = PathOf(action);
  std::string out;
  out.reserve(html.size() + 512);
  size_t copied = 0;
  std::string target_id;
  bool form_done = false;
  // Inside the form being shown again: from the end of its start tag to its end tag.
  bool inside = false;
  size_t form_content_at = std::string::npos;  // in `out`, for a message no control takes
  std::string select_name;
  bool select_posted = false;
  std::map<std::string, size_t> seen;  // text fields of one name: the how-manieth
  size_t at = 0;
  while (std::optional<Tag> tag = NextTag(html, at)) {
    at = tag->end;
    if (!inside) {
      if (tag->name == "form" && PathOf(tag->Get("action")) == wanted && !form_done) {
        inside = true;
        out.append(html.substr(copied, tag->end - copied));
        copied = tag->end;
        form_content_at = out.size();
      }
      continue;
    }
    if (tag->name == "/form") {
      inside = false;
      form_done = true;  // only the first form of the action
      continue;
    }
    const std::string name = tag->Get("name");
    std::vector<std::string> drop;
    std::vector<std::pair<std::string, std::string>> add;
    bool is_control = false;
    std::string replaced_text;  // a textarea's new text
    bool replace_text = false;
    if (tag->name == "input") {
      const std::string type = Lower(tag->Get("type"));
      if (name.empty() || IsSkippedInput(type)) continue;
      is_control = true;
      if (type == "checkbox" || type == "radio") {
        const std::string value = tag->Find("value") ? tag->Get("value") : "on";
        bool checked = false;
        for (const std::string& sent : posted.GetAll(name)) checked = checked || sent == value;
        drop.push_back("checked");
        if (checked) add.emplace_back("checked", "");
      } else if (posted.Has(name)) {
        const std::vector<std::string> values = posted.GetAll(name);
        const size_t index = seen[name]++;
        if (index < values.size()) {
          drop.push_back("value");
          add.emplace_back("value", values[index]);
        }
      }
    } else if (tag->name == "select") {
      if (name.empty()) continue;
      is_control = true;
      select_name = name;
      select_posted = posted.Has(name);
    } else if (tag->name == "/select") {
      select_name.clear();
      continue;
    } else if (tag->name == "option") {
      if (select_name.empty() || !select_posted) continue;
      const std::string value = tag->Get("value");
      bool selected = false;
      for (const std::string& sent : posted.GetAll(select_name))
        selected = selected || sent == value;
      drop.push_back("selected");
      if (selected) add.emplace_back("selected", "");
    } else if (tag->name == "textarea") {
      if (name.empty()) continue;
      is_control = true;
      if (posted.Has(name)) {
        replace_text = true;
        const std::string& value = posted.Get(name);
        // A browser drops one newline right after the start tag.
        replaced_text = (value.starts_with('\n') ? "\n" : "") + HtmlEscape(value);
      }
    } else {
      continue;
    }
    std::string message;
    if (is_control && error && target_id.empty() && name == error->field) {
      target_id = tag->Find("id") ? tag->Get("id") : IdFor(name);
      if (!tag->Find("id")) add.emplace_back("id", target_id);
      const std::string message_id = target_id + "-error";
      if (!tag->Find("aria-invalid")) add.emplace_back("aria-invalid", "true");
      const std::string described = tag->Get("aria-describedby");
      drop.push_back("aria-describedby");
      add.emplace_back("aria-describedby",
                       described.empty() ? message_id : described + " " + message_id);
      message = MessageHtml(*error, message_id, texts);
    }
    if (drop.empty() && add.empty() && !replace_text) continue;
    out.append(html.substr(copied, tag->begin - copied));
    out += message;
    out += WriteTag(*tag, drop, add);
    copied = tag->end;
    if (replace_text) {
      const size_t close = html.find("</textarea", tag->end);
      if (close != std::string_view::npos) {
        out += replaced_text;
        copied = close;
        at = close;
      }
    }
  }
  out.append(html.substr(copied));
  if (!error) return out;
  // A message that no control of the form takes opens the form.
  if (target_id.empty() && form_content_at != std::string::npos) {
    out.insert(form_content_at, MessageHtml(*error, "form-error", texts));
    target_id = "form-error";
  }
  const std::string summary = SummaryHtml(*error, target_id, texts);
  const size_t heading_end = out.find("</h1>");
  if (heading_end == std::string::npos) return summary + out;
  out.insert(heading_end + 5, summary);
  return out;
}

}  // namespace andel::web
