// A small blocking HTTP/1.1 client for tests against a live server on loopback, with a cookie
// jar, so that tests can act as a browser (sign in, post forms with their CSRF token).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace andel::testing {

struct HttpReply {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port) : port_(port) {}

  HttpReply Get(const std::string& target,
                std::vector<std::pair<std::string, std::string>> headers = {});
  HttpReply Post(const std::string& target, const std::string& body,
                 const std::string& content_type = "application/x-www-form-urlencoded",
                 std::vector<std::pair<std::string, std::string>> headers = {});
  HttpReply Send(const std::string& method, const std::string& target, const std::string& body,
                 std::vector<std::pair<std::string, std::string>> headers);
  // Posts a form with the CSRF token of the page at `form_page` added.
  HttpReply PostForm(const std::string& form_page, const std::string& target,
                     const std::string& fields);
  // Uploads `content` as the file field `field` of a multipart form, with the CSRF token of the
  // page at `form_page`.
  HttpReply PostFile(const std::string& form_page, const std::string& target,
                     const std::string& field, const std::string& content);
  // The CSRF token in a page's first form.
  static std::string CsrfOf(const std::string& html);
  // Raw bytes to the server; returns everything it answers until it closes (for bad input).
  std::string Raw(const std::string& bytes);

  std::map<std::string, std::string>& cookies() { return cookies_; }

 private:
  uint16_t port_;
  std::map<std::string, std::string> cookies_;
};

std::string FormEncode(const std::string& text);

}  // namespace andel::testing
