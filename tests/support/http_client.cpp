// Test HTTP client on plain POSIX sockets (the server under test is the Beast code).
#include "support/http_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace andel::testing {
namespace {

int Connect(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    throw std::runtime_error("cannot connect to the test server");
  }
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

std::string ReadAll(int fd) {
  std::string data;
  char buffer[65536];
  while (true) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    data.append(buffer, static_cast<size_t>(n));
  }
  return data;
}

void SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

// With ANDEL_API_RECORD=FILE set, every JSON answer of the API is appended to FILE as one JSON line
// {"method","target","status","body"}; tests/e2e/openapi.mjs then checks each against the schema
// docs/openapi.yaml gives for it. The file is emptied when the first answer of the process comes.
void RecordApiAnswer(const std::string& method, const std::string& target, const HttpReply& reply) {
  static const char* const path = std::getenv("ANDEL_API_RECORD");
  if (path == nullptr || target.rfind("/api/", 0) != 0 ||
      reply.Header("content-type").rfind("application/json", 0) != 0) {
    return;
  }
  static std::mutex mutex;
  static std::ofstream out(path, std::ios::trunc);
  const boost::json::object line{
      {"method", method}, {"target", target}, {"status", reply.status}, {"body", reply.body}};
  const std::lock_guard lock(mutex);
  out << boost::json::serialize(line) << '\n' << std::flush;
}

}  // namespace

std::string HttpReply::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

std::string FormEncode(const std::string& text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (isalnum(byte) || c == '-' || c == '_' || c == '.') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kDigits[byte >> 4]);
      out.push_back(kDigits[byte & 15]);
    }
  }
  return out;
}

std::string HttpClient::Raw(const std::string& bytes) {
  const int fd = Connect(port_);
  SendAll(fd, bytes);
  shutdown(fd, SHUT_WR);
  std::string reply = ReadAll(fd);
  close(fd);
  return reply;
}

HttpReply HttpClient::Send(const std::string& method, const std::string& target,
                           const std::string& body,
                           std::vector<std::pair<std::string, std::string>> headers) {
  std::string request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  std::string cookie_header;
  for (const auto& [name, value] : cookies_) {
    if (!cookie_header.empty()) cookie_header += "; ";
    cookie_header += name + "=" + value;
  }
  if (!cookie_header.empty()) request += "Cookie: " + cookie_header + "\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  const int fd = Connect(port_);
  SendAll(fd, request);
  const std::string raw = ReadAll(fd);
  close(fd);
  HttpReply reply;
  const size_t header_end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || header_end == std::string::npos) return reply;
  reply.status = std::stoi(raw.substr(9, 3));
  size_t position = raw.find("\r\n") + 2;
  while (position < header_end) {
    const size_t end = raw.find("\r\n", position);
    const std::string line = raw.substr(position, end - position);
    const size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (name == "set-cookie") {
      const std::string pair = value.substr(0, value.find(';'));
      const size_t equals = pair.find('=');
      const std::string cookie_name = pair.substr(0, equals);
      const std::string cookie_value = pair.substr(equals + 1);
      if (value.find("Max-Age=0") != std::string::npos || cookie_value.empty()) {
        cookies_.erase(cookie_name);
      } else {
        cookies_[cookie_name] = cookie_value;
      }
    }
    reply.headers.emplace_back(std::move(name), std::move(value));
    position = end + 2;
  }
  reply.body = raw.substr(header_end + 4);
  RecordApiAnswer(method, target, reply);
  // Post/Redirect/Get: a form that succeeds answers with a redirect to a page that can be reloaded,
  // bookmarked and switched to another language; one that fails shows the form again (4xx).
  if (method == "POST" && target.rfind("/api/", 0) != 0) {
    EXPECT_NE(reply.status, 200) << "POST " << target
                                 << " answered 200: a form that succeeds answers 303 to a page";
  }
  return reply;
}

HttpReply HttpClient::Get(const std::string& target,
                          std::vector<std::pair<std::string, std::string>> headers) {
  return Send("GET", target, "", std::move(headers));
}

HttpReply HttpClient::Post(const std::string& target, const std::string& body,
                           const std::string& content_type,
                           std::vector<std::pair<std::string, std::string>> headers) {
  headers.emplace_back("Content-Type", content_type);
  return Send("POST", target, body, std::move(headers));
}

std::string HttpClient::CsrfOf(const std::string& html) {
  const std::string marker = "name=\"csrf\" value=\"";
  const size_t at = html.find(marker);
  if (at == std::string::npos) return {};
  const size_t start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

HttpReply HttpClient::PostForm(const std::string& form_page, const std::string& target,
                               const std::string& fields) {
  const HttpReply page = Get(form_page);
  const std::string csrf = CsrfOf(page.body);
  return Post(target, "csrf=" + FormEncode(csrf) + (fields.empty() ? "" : "&" + fields));
}

HttpReply HttpClient::PostFile(const std::string& form_page, const std::string& target,
                               const std::string& field, const std::string& content) {
  const std::string csrf = CsrfOf(Get(form_page).body);
  const std::string body = "--B0UND\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" +
                           csrf + "\r\n--B0UND\r\nContent-Disposition: form-data; name=\"" + field +
                           "\"; filename=\"upload\"\r\nContent-Type: text/plain\r\n\r\n" + content +
                           "\r\n--B0UND--\r\n";
  return Post(target, body, "multipart/form-data; boundary=B0UND");
}

}  // namespace andel::testing
