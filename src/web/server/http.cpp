// Small helpers on the web layer's request and response types.
#include "web/server/http.h"

#include "web/server/body_file.h"

namespace andel::web {

Method ParseMethod(std::string_view text) {
  if (text == "GET") return Method::kGet;
  if (text == "HEAD") return Method::kHead;
  if (text == "POST") return Method::kPost;
  if (text == "PUT") return Method::kPut;
  if (text == "PATCH") return Method::kPatch;
  if (text == "DELETE") return Method::kDelete;
  return Method::kOther;
}

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

std::string_view Request::Body() const { return body_file ? body_file->Text() : body; }

Response Redirect(std::string location) {
  Response response;
  response.status = 303;
  response.AddHeader("Location", std::move(location));
  return response;
}

}  // namespace andel::web
