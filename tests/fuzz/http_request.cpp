// Feeds any bytes as a request arriving on a connection: Boost.Beast's request parser as the
// server configures it (16 KiB of header, then the body limit of the route the header names,
// 1 MiB by default), then what the application does before a handler runs: the route
// (MatchRoute) for the path as the server decodes it (PercentDecodePath) and for any byte string
// as a decoded path could be, the query (ParseUrlEncoded) and the form body (ParseUrlEncoded or
// ParseMultipart by Content-Type).
// Checks: a matched route has the method asked for (HEAD as GET) and fills every {parameter}
// of its pattern with a non-empty segment; decoding never makes a path longer.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "core/text.h"
#include "fuzz_support.h"
#include "web/forms.h"
#include "web/routes.h"
#include "web/web_app.h"

using andel::fuzz::Check;
namespace bhttp = boost::beast::http;
namespace web = andel::web;

namespace {

constexpr size_t kMaxHeaderBytes = 16 * 1024;      // ServerOptions::max_header_bytes
constexpr size_t kDefaultBodyBytes = 1024 * 1024;  // WebConfig::max_body_bytes

const web::Route* Route(web::Method method, const std::string& path) {
  std::map<std::string, std::string> params;
  bool known = false;
  const web::Route* route = web::MatchRoute(method, path, params, known);
  if (!route) return nullptr;
  Check(known, "a matched path is a known path");
  const web::Method wanted = method == web::Method::kHead ? web::Method::kGet : method;
  Check(route->method == wanted, "a route answers the method asked for");
  size_t placeholders = 0;
  for (char c : route->pattern) placeholders += c == '{';
  Check(params.size() == placeholders, "every parameter of the pattern is filled");
  for (const auto& [name, value] : params) Check(!value.empty(), "a parameter is not empty");
  return route;
}

void ReadBody(const web::Request& request) {
  std::string_view type;
  for (const auto& [name, value] : request.headers) {
    if (name == "content-type") {
      type = value;
      break;
    }
  }
  if (type.starts_with("application/x-www-form-urlencoded")) {
    (void)web::ParseUrlEncoded(request.body);
  } else if (type.starts_with("multipart/form-data")) {
    std::vector<web::UploadedFile> files;
    (void)web::ParseMultipart(request.body, type, files);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = andel::fuzz::Text(data, size);
  // Any bytes as a decoded path, with each method.
  const std::string decoded = "/" + std::string(text.substr(text.find('\n') + 1, 512));
  for (web::Method method :
       {web::Method::kGet, web::Method::kHead, web::Method::kPost, web::Method::kDelete}) {
    (void)Route(method, decoded);
  }

  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(kMaxHeaderBytes));
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  parser.eager(false);
  boost::beast::error_code ec;
  const size_t header_bytes = parser.put(boost::asio::buffer(text.data(), text.size()), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& header = parser.get();
  const web::Method method = web::ParseMethod(std::string_view(header.method_string()));
  const std::string target(header.target());  // a copy: release() below moves the header
  const std::string raw_path(target.substr(0, target.find('?')));
  const std::optional<std::string> decoded_path = web::PercentDecodePath(raw_path);
  if (!decoded_path || !raw_path.starts_with('/')) return 0;  // 400
  Check(decoded_path->size() <= raw_path.size(), "decoding never makes a path longer");
  const std::string& path = *decoded_path;
  const web::Route* route = Route(method, path);
  const size_t limit = route && route->body_limit ? route->body_limit : kDefaultBodyBytes;
  parser.body_limit(limit);
  if (parser.content_length() && *parser.content_length() > limit) return 0;  // 413
  parser.eager(true);
  std::string_view rest = text.substr(header_bytes);
  while (!rest.empty() && !parser.is_done()) {
    const size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
    if (ec) return 0;
    if (used == 0) break;
    rest.remove_prefix(used);
  }
  if (!parser.is_done()) {
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }
  bhttp::request<bhttp::string_body> raw = parser.release();
  web::Request request;
  request.method = method;
  request.path = path;
  const size_t question = target.find('?');
  if (question != std::string::npos) request.query = target.substr(question + 1);
  for (const auto& field : raw) {
    request.headers.emplace_back(andel::ToLowerAscii(std::string_view(field.name_string())),
                                 std::string(field.value()));
  }
  request.body = std::move(raw.body());
  Check(request.body.size() <= limit, "the body keeps the route's limit");
  (void)web::ParseUrlEncoded(request.query);
  ReadBody(request);
  return 0;
}
