// A small blocking SMTP client on POSIX sockets, with a timeout on every step.
#include "mail/smtp_client.h"

#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>

#include "mail/mail_message.h"

namespace andel::mail {
namespace {

class Connection {
 public:
  ~Connection() {
    if (fd_ >= 0) close(fd_);
  }

  Status Open(const SmtpSettings& settings) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(settings.port);
    if (getaddrinfo(settings.host.c_str(), port.c_str(), &hints, &found) != 0 || !found) {
      return Error::Unavailable("the mail relay cannot be reached", "resolve " + settings.host);
    }
    timeval timeout{settings.timeout_seconds, 0};
    for (addrinfo* address = found; address; address = address->ai_next) {
      fd_ = socket(address->ai_family, address->ai_socktype, address->ai_protocol);
      if (fd_ < 0) continue;
      setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
      if (connect(fd_, address->ai_addr, address->ai_addrlen) == 0) break;
      close(fd_);
      fd_ = -1;
    }
    freeaddrinfo(found);
    if (fd_ < 0) {
      return Error::Unavailable("the mail relay cannot be reached",
                                "connect " + settings.host + ":" + port);
    }
    return {};
  }

  Status Send(std::string_view bytes, const std::string& step) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return Error::Unavailable("the mail relay closed the connection", step);
      sent += static_cast<size_t>(n);
    }
    return {};
  }

  // Reads one (possibly multi-line) reply and checks its code is `expected` (or `also`).
  Status Expect(int expected, const std::string& step, int also = 0) {
    std::string reply;
    while (true) {
      const size_t end = buffer_.find("\r\n");
      if (end == std::string::npos) {
        char chunk[1024];
        const ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return Error::Unavailable("the mail relay did not answer", step);
        buffer_.append(chunk, static_cast<size_t>(n));
        if (buffer_.size() > 64 * 1024) {
          return Error::Unavailable("the mail relay answered too much", step);
        }
        continue;
      }
      const std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      reply += line;
      if (line.size() < 4 || line[3] != '-') break;
      reply += " ";
    }
    int code = 0;
    std::from_chars(reply.data(), reply.data() + std::min<size_t>(3, reply.size()), code);
    if (code != expected && (also == 0 || code != also)) {
      return Error::Unavailable("the mail relay refused the message", step + ": " + reply);
    }
    return {};
  }

 private:
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace

Result<SmtpSettings> ParseSmtpRelay(std::string_view text, std::string_view field) {
  const Error bad =
      Error::InvalidArgument("an SMTP relay is written as host or host:port", std::string(field));
  SmtpSettings settings;
  const size_t colon = text.rfind(':');
  settings.host = std::string(text.substr(0, colon));
  if (colon != std::string_view::npos) {
    const std::string_view port = text.substr(colon + 1);
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), settings.port);
    if (ec != std::errc() || ptr != port.data() + port.size() || settings.port == 0) return bad;
  }
  if (settings.host.empty() || settings.host.find_first_of(" \r\n/") != std::string::npos) {
    return bad;
  }
  return settings;
}

Status SendMail(const SmtpSettings& settings, const std::string& recipient,
                const std::string& message_text) {
  Connection connection;
  if (Status status = connection.Open(settings); !status) return status;
  const std::pair<std::string, int> kSteps[] = {
      {"EHLO " + settings.helo_name + "\r\n", 250},
      {"MAIL FROM:<" + settings.from + ">\r\n", 250},
      {"RCPT TO:<" + recipient + ">\r\n", 250},
      {"DATA\r\n", 354},
  };
  if (Status status = connection.Expect(220, "greeting"); !status) return status;
  for (const auto& [command, code] : kSteps) {
    const std::string step = command.substr(0, command.find_first_of(":\r "));
    if (Status status = connection.Send(command, step); !status) return status;
    if (Status status = connection.Expect(code, step, code == 250 ? 251 : 0); !status) {
      return status;
    }
  }
  std::string data = DotStuff(message_text);
  if (!data.ends_with("\r\n")) data += "\r\n";
  data += ".\r\n";
  if (Status status = connection.Send(data, "DATA"); !status) return status;
  if (Status status = connection.Expect(250, "end of DATA"); !status) return status;
  if (Status status = connection.Send("QUIT\r\n", "QUIT"); !status) return status;
  return connection.Expect(221, "QUIT");
}

}  // namespace andel::mail
