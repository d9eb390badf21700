// The web layer's own view of HTTP: a parsed request and the response a handler returns.
// Free of Boost, so handlers and views compile fast; only http_server.cpp knows Beast.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace andel::web {

class BodyFile;

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOther };

Method ParseMethod(std::string_view text);
std::string_view MethodName(Method method);

struct Request {
  Method method = Method::kGet;
  std::string path;   // percent-decoded path, without the query
  std::string query;  // raw query string, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;  // a body of up to the default limit; larger ones are in `body_file`
  std::shared_ptr<const BodyFile> body_file;
  std::string remote_address;

  // The first header with this (lower-case) name, or empty.
  std::string_view Header(std::string_view name) const;
  // The body, wherever the server kept it; valid while the request lives.
  std::string_view Body() const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// The application's answer to a request's header, before its body is read.
struct Admission {
  size_t body_limit = 0;            // the largest body the route accepts (413 beyond it)
  std::optional<Response> refusal;  // set: answer this, and read none of the body
};

// A 303 See Other to `location` (after a successful form post).
Response Redirect(std::string location);

}  // namespace andel::web
