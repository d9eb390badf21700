// Reading what browsers send: query strings, url-encoded and multipart forms, cookies; and
// writing URL-encoded text. Every value is checked to be valid UTF-8.
#pragma once

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace andel::web {

class Form {
 public:
  void Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
  }
  // The first value of `name`, or empty.
  const std::string& Get(std::string_view name) const;
  bool Has(std::string_view name) const;
  // Every value of `name`, in order (checkboxes of one name).
  std::vector<std::string> GetAll(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct UploadedFile {
  std::string field;
  std::string filename;
  // Points into the request body (which may be a mapped file of 100 MB): valid while the
  // request lives, and never copied.
  std::string_view content;
};

// application/x-www-form-urlencoded (also a query string). kInvalidArgument naming the field
// whose value is not valid UTF-8 or badly percent-encoded.
Result<Form> ParseUrlEncoded(std::string_view text);

// multipart/form-data with the boundary from `content_type`: text fields into the Form, file
// parts into `files` (as views into `body`, which must outlive them). kInvalidArgument for a
// malformed body.
Result<Form> ParseMultipart(std::string_view body, std::string_view content_type,
                            std::vector<UploadedFile>& files);

// A request path with its %XX escapes decoded ('+' stays '+'); empty when a '%' is not followed
// by two hex digits. The bytes are not checked to be UTF-8.
std::optional<std::string> PercentDecodePath(std::string_view path);

// The value of cookie `name` in a Cookie header, if present.
std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name);

// Percent-encodes everything but unreserved characters.
std::string UrlEncode(std::string_view text);

// A whole number typed in a form field (trimmed); `fallback` when empty. kInvalidArgument
// naming `field` for anything else, or for a number outside [low, high].
Result<int> FormInt(std::string_view text, std::string_view field, int fallback, int low = INT_MIN,
                    int high = INT_MAX);

// Escapes & < > " ' for HTML text and attributes.
std::string HtmlEscape(std::string_view text);

// Escapes a string for a JSON string literal (without the quotes).
std::string JsonEscape(std::string_view text);

}  // namespace andel::web
