// Form and cookie parsing.
#include "web/forms.h"

#include <charconv>

#include "core/text.h"

namespace andel::web {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes `text`; '+' is a space only in forms (`plus_is_space`). Empty when a '%' is
// not followed by two hex digits.
std::optional<std::string> DecodePercents(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::string> PercentDecode(std::string_view text, std::string_view field) {
  std::optional<std::string> out = DecodePercents(text, /*plus_is_space=*/true);
  if (!out) return Error::InvalidArgument("badly percent-encoded value", std::string(field));
  if (!IsValidUtf8(*out)) {
    return Error::InvalidArgument("the text is not valid UTF-8", std::string(field));
  }
  return std::move(*out);
}

std::string_view HeaderParameter(std::string_view header, std::string_view name) {
  for (std::string_view part : Split(header, ';')) {
    part = Trim(part);
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      std::string_view value = part.substr(name.size() + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return value;
    }
  }
  return {};
}

}  // namespace

const std::string& Form::Get(std::string_view name) const {
  static const std::string kEmpty;
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return kEmpty;
}

std::vector<std::string> Form::GetAll(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : fields_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

bool Form::Has(std::string_view name) const {
  for (const auto& field : fields_) {
    if (field.first == name) return true;
  }
  return false;
}

Result<Form> ParseUrlEncoded(std::string_view text) {
  Form form;
  if (text.empty()) return form;
  for (std::string_view pair : Split(text, '&')) {
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    Result<std::string> name = PercentDecode(pair.substr(0, equals), "form");
    if (!name) return name.error();
    const std::string_view raw_value =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    Result<std::string> value = PercentDecode(raw_value, *name);
    if (!value) return value.error();
    form.Add(std::move(*name), std::move(*value));
  }
  return form;
}

Result<Form> ParseMultipart(std::string_view body, std::string_view content_type,
                            std::vector<UploadedFile>& files) {
  const std::string_view boundary_value = HeaderParameter(content_type, "boundary");
  if (boundary_value.empty() || boundary_value.size() > 200) {
    return Error::InvalidArgument("the upload has no multipart boundary", "file");
  }
  const std::string boundary = "--" + std::string(boundary_value);
  Form form;
  size_t position = body.find(boundary);
  if (position == std::string_view::npos) {
    return Error::InvalidArgument("the upload is not a valid multipart body", "file");
  }
  while (true) {
    position += boundary.size();
    if (body.substr(position, 2) == "--") return form;
    if (body.substr(position, 2) != "\r\n") {
      return Error::InvalidArgument("the upload is not a valid multipart body", "file");
    }
    position += 2;
    const size_t headers_end = body.find("\r\n\r\n", position);
    if (headers_end == std::string_view::npos) {
      return Error::InvalidArgument("the upload is not a valid multipart body", "file");
    }
    const std::string_view headers = body.substr(position, headers_end - position);
    const size_t content_start = headers_end + 4;
    const size_t next = body.find("\r\n" + boundary, content_start);
    if (next == std::string_view::npos) {
      return Error::InvalidArgument("the upload is not a valid multipart body", "file");
    }
    const std::string_view content = body.substr(content_start, next - content_start);
    std::string_view disposition;
    for (std::string_view line : Split(headers, '\n')) {
      line = Trim(line);
      if (ToLowerAscii(line.substr(0, 20)) == "content-disposition:") disposition = line.substr(20);
    }
    const std::string name(HeaderParameter(disposition, "name"));
    const std::string_view filename = HeaderParameter(disposition, "filename");
    if (!IsValidUtf8(name) || !IsValidUtf8(filename)) {
      return Error::InvalidArgument("the text is not valid UTF-8", "file");
    }
    if (disposition.find("filename=") != std::string_view::npos) {
      files.push_back({name, std::string(filename), content});
    } else {
      if (!IsValidUtf8(content)) return Error::InvalidArgument("the text is not valid UTF-8", name);
      form.Add(name, std::string(content));
    }
    position = next + 2;
  }
}

std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name) {
  for (std::string_view part : Split(cookie_header, ';')) {
    part = Trim(part);
    const size_t equals = part.find('=');
    if (equals != std::string_view::npos && part.substr(0, equals) == name) {
      return std::string(part.substr(equals + 1));
    }
  }
  return std::nullopt;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kDigits[byte >> 4]);
      out.push_back(kDigits[byte & 0xF]);
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string JsonEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      static constexpr char kDigits[] = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kDigits[byte >> 4]);
      out.push_back(kDigits[byte & 0xF]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<int> FormInt(std::string_view text, std::string_view field, int fallback, int low,
                    int high) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), value);
  if (ec != std::errc() || ptr != trimmed.data() + trimmed.size()) {
    return Error::InvalidArgument("this must be a whole number", std::string(field));
  }
  if (value < low || value > high) {
    return Error::InvalidArgument("this number is out of range", std::string(field));
  }
  return value;
}

std::optional<std::string> PercentDecodePath(std::string_view path) {
  return DecodePercents(path, /*plus_is_space=*/false);
}

}  // namespace andel::web
