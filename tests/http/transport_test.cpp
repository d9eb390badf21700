// The HTTP transport under hostile and sloppy clients, on raw sockets: a large body is refused
// from its header (401/403/404/405) before it is read; large bodies go to a file and still
// import; a cap on bodies in flight answers 503; a refused body's client sees the response
// (lingering close); a stalled request is closed without a 408, within the header timeout;
// HTTP/1.1 without Host is a 400; the access log cannot be forged.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "http/server_fixture.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

constexpr size_t kMiB = 1024 * 1024;
constexpr size_t kHugeBody = 120 * kMiB;

struct RawReply {
  int status = 0;  // 0: the connection closed (or timed out) before a whole response
  std::string head;
  std::string body;
};

// One blocking connection with a receive timeout of 10 s (far above the server's 1 s timeouts
// in these tests, so a timeout here means the server did not act).
class RawConnection {
 public:
  explicit RawConnection(uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  // False once the server has closed or reset the connection.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Sends `total` filler bytes a MiB at a time; the bytes the server took.
  size_t SendFiller(size_t total) {
    const std::string chunk(kMiB, 'x');
    size_t sent = 0;
    while (sent < total) {
      const size_t n = std::min(chunk.size(), total - sent);
      if (!Send(std::string_view(chunk).substr(0, n))) break;
      sent += n;
    }
    return sent;
  }

  void ShutdownWrite() { shutdown(fd_, SHUT_WR); }

  // One response (its body by Content-Length), or status 0.
  RawReply ReadResponse() {
    RawReply reply;
    while (true) {
      const size_t end = pending_.find("\r\n\r\n");
      if (end != std::string::npos) {
        reply.head = pending_.substr(0, end + 4);
        size_t length = 0;
        std::string lower = reply.head;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (const size_t at = lower.find("content-length:"); at != std::string::npos) {
          length = std::stoul(lower.substr(at + 15));
        }
        if (pending_.size() >= end + 4 + length) {
          reply.body = pending_.substr(end + 4, length);
          pending_.erase(0, end + 4 + length);
          reply.status = std::stoi(reply.head.substr(9, 3));
          return reply;
        }
      }
      if (!ReceiveMore()) return reply;
    }
  }

  enum class Ending { kClosed, kData, kTimeout };
  // Waits for the server to close; kData if it sends anything first.
  Ending WaitForClose() {
    if (!pending_.empty()) return Ending::kData;
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n > 0) return Ending::kData;
    if (n == 0 || errno == ECONNRESET) return Ending::kClosed;
    return Ending::kTimeout;
  }

 private:
  bool ReceiveMore() {
    char buffer[16384];
    const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    pending_.append(buffer, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string pending_;
};

// The peak resident memory of this process (the server runs in it), in bytes.
size_t PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
}

std::string Head(const std::string& method, const std::string& target,
                 const std::vector<std::string>& fields) {
  std::string head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const std::string& field : fields) head += field + "\r\n";
  return head + "\r\n";
}

// A measurement CSV of about `bytes` (each line padded by its source column).
std::string MeasurementCsv(size_t bytes) {
  std::string csv = "indicator,period_start,period_end,value,source\n";
  const std::string line = "participants,2026-01-01,2026-01-31,10," + std::string(200, 's') + "\n";
  while (csv.size() + line.size() <= bytes) csv += line;
  return csv;
}

constexpr const char* kMeasurements = "/api/v1/communities/open-coop/measurements";

class TransportTest : public ServerTest {
 protected:
  void AdjustOptions(web::ServerOptions& options) override {
    options.header_timeout = std::chrono::seconds(1);
    options.body_timeout = std::chrono::seconds(1);
    // Much longer than the header timeout: a header phase timed by it would outlast the
    // client's 10 s wait.
    options.idle_timeout = std::chrono::seconds(30);
    options.linger_time = std::chrono::seconds(5);
    options.linger_timeout = std::chrono::seconds(1);
    options.max_body_bytes_in_flight = 6 * kMiB;
  }

  // The catalogue indicator "participants" in open-coop.
  void CreateParticipants(const std::string& token) {
    HttpReply created = Client().Send("POST", "/api/v1/communities/open-coop/indicators",
                                      R"({"catalogue":"participants","baseline":"0",)"
                                      R"("baseline_date":"2026-01-01","target":"100",)"
                                      R"("target_due":"2026-12-31"})",
                                      {{"authorization", "Bearer " + token}});
    ASSERT_EQ(created.status, 201) << created.body;
  }
};

TEST_F(TransportTest, AnonymousHugeImportIsRefusedBeforeItsBodyIsRead) {
  const size_t peak_before = PeakResidentBytes();
  RawConnection connection(port_);
  ASSERT_TRUE(connection.connected());
  ASSERT_TRUE(connection.Send(
      Head("POST", kMeasurements,
           {"Content-Type: text/csv", "Content-Length: " + std::to_string(kHugeBody)})));
  // The answer comes before a byte of the body was sent.
  RawReply reply = connection.ReadResponse();
  EXPECT_EQ(reply.status, 401) << reply.head << reply.body;
  // A client that sends its body anyway has it read and thrown away, not kept.
  connection.SendFiller(kHugeBody);
  connection.ShutdownWrite();
  EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
  EXPECT_LT(PeakResidentBytes() - peak_before, 32 * kMiB);
}

TEST_F(TransportTest, LargeBodyOfACallerWithoutTheRouteRoleIsRefusedFromItsHeader) {
  const std::string member = TokenFor(Accounts::kMember);
  const auto refused = [&](const std::string& method, const std::string& target,
                           const std::string& token) {
    RawConnection connection(port_);
    std::vector<std::string> fields = {"Content-Type: text/csv",
                                       "Content-Length: " + std::to_string(kHugeBody)};
    if (!token.empty()) fields.push_back("Authorization: Bearer " + token);
    EXPECT_TRUE(connection.Send(Head(method, target, fields)));
    return connection.ReadResponse().status;
  };
  EXPECT_EQ(refused("POST", kMeasurements, member), 403);  // a member, not the board
  EXPECT_EQ(refused("POST", "/c/open-coop/impact/import", member), 403);
  EXPECT_EQ(refused("POST", "/api/v1/communities/closed-club/measurements", ""), 401);
  EXPECT_EQ(refused("POST", "/api/v1/no-such-route", member), 404);
  EXPECT_EQ(refused("PUT", kMeasurements, member), 405);
  EXPECT_EQ(refused("POST", kMeasurements, "not-a-token"), 401);
}

TEST_F(TransportTest, LargeAuthorisedImportsStillWork) {
  const std::string board = TokenFor(Accounts::kBoard);
  CreateParticipants(board);
  // Through the API, as a file of 3 MiB (kept in a temporary file, not in memory).
  const std::string csv = MeasurementCsv(3 * kMiB);
  const size_t rows = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  HttpReply imported =
      Client().Send("POST", kMeasurements, csv,
                    {{"authorization", "Bearer " + board}, {"content-type", "text/csv"}});
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(json::parse(imported.body).at("imported").as_int64(), static_cast<int64_t>(rows));
  // Through the page, as a multipart upload read from the file.
  HttpClient browser = SignedIn(Accounts::kBoard);
  HttpReply page =
      browser.PostFile("/c/open-coop/impact", "/c/open-coop/impact/import", "file", csv);
  EXPECT_EQ(page.status, 303) << page.body.substr(0, 400);
}

TEST_F(TransportTest, BodiesBeyondTheCapInFlightGet503) {
  const std::string board = TokenFor(Accounts::kBoard);
  CreateParticipants(board);
  const std::string csv = MeasurementCsv(4 * kMiB);
  const std::string head = Head("POST", kMeasurements,
                                {"Authorization: Bearer " + board, "Content-Type: text/csv",
                                 "Content-Length: " + std::to_string(csv.size())});
  // The first upload is admitted (its 4 MiB count against the cap of 6 MiB) and stays open.
  RawConnection first(port_);
  ASSERT_TRUE(first.Send(head.substr(0, head.size() - 2) + "Expect: 100-continue\r\n\r\n"));
  EXPECT_EQ(first.ReadResponse().status, 100);
  ASSERT_TRUE(first.Send(std::string_view(csv).substr(0, csv.size() / 2)));
  // Every other one meanwhile gets 503 with Retry-After, before its body.
  for (int i = 0; i < 4; ++i) {
    RawConnection other(port_);
    ASSERT_TRUE(other.Send(head));
    RawReply busy = other.ReadResponse();
    EXPECT_EQ(busy.status, 503) << busy.head;
    EXPECT_NE(busy.head.find("Retry-After: "), std::string::npos) << busy.head;
  }
  ASSERT_TRUE(first.Send(std::string_view(csv).substr(csv.size() / 2)));
  RawReply done = first.ReadResponse();
  EXPECT_EQ(done.status, 201) << done.body;
  // Once it is done, the next upload gets in.
  RawConnection next(port_);
  ASSERT_TRUE(next.Send(head + csv));
  EXPECT_EQ(next.ReadResponse().status, 201);
}

TEST_F(TransportTest, ClientSendingAWholeOversizedBodySeesThe413) {
  // Like Python's urllib or a browser on a slow link: the whole body first, then the answer.
  // The body is larger than what the sockets' buffers hold, so the server must read it.
  const size_t size = 32 * kMiB;
  RawConnection connection(port_);
  ASSERT_TRUE(connection.Send(Head("POST", "/login",
                                   {"Content-Type: application/x-www-form-urlencoded",
                                    "Content-Length: " + std::to_string(size)})));
  // Closing at once would reset the connection: the send fails and the answer is lost.
  EXPECT_EQ(connection.SendFiller(size), size);
  RawReply reply = connection.ReadResponse();
  EXPECT_EQ(reply.status, 413) << reply.head;
  connection.ShutdownWrite();
  EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
}

TEST_F(TransportTest, StalledRequestsAreClosedWithoutA408) {
  {
    RawConnection connection(port_);  // half a header, then nothing
    ASSERT_TRUE(connection.Send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
  }
  {
    RawConnection connection(port_);  // a header, and a tenth of the body it announced
    ASSERT_TRUE(connection.Send(
        Head("POST", "/login",
             {"Content-Type: application/x-www-form-urlencoded", "Content-Length: 100"}) +
        "email=abc&"));
    EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
  }
  {
    RawConnection connection(port_);  // a connection that never says anything
    EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
  }
}

TEST_F(TransportTest, HeaderTimeoutHoldsOnAKeptAliveConnection) {
  // The next request's header must be complete within the header timeout of its first byte,
  // not within the (much longer) idle timeout.
  RawConnection connection(port_);
  ASSERT_TRUE(connection.Send(Head("GET", "/api/v1/health", {})));
  EXPECT_EQ(connection.ReadResponse().status, 200);
  ASSERT_TRUE(connection.Send("GET /api/v1/health HTTP/1.1\r\n"));
  EXPECT_EQ(connection.WaitForClose(), RawConnection::Ending::kClosed);
}

TEST_F(TransportTest, Http11WithoutHostIsABadRequest) {
  RawConnection without(port_);
  ASSERT_TRUE(without.Send("GET /api/v1/health HTTP/1.1\r\n\r\n"));
  EXPECT_EQ(without.ReadResponse().status, 400);
  RawConnection twice(port_);
  ASSERT_TRUE(twice.Send("GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
  EXPECT_EQ(twice.ReadResponse().status, 400);
  RawConnection old(port_);  // HTTP/1.0 has no Host requirement
  ASSERT_TRUE(old.Send("GET /api/v1/health HTTP/1.0\r\n\r\n"));
  EXPECT_EQ(old.ReadResponse().status, 200);
}

TEST_F(TransportTest, AccessLogLinesCannotBeForged) {
  auto captured = std::make_shared<std::ostringstream>();
  auto previous = spdlog::default_logger();
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*captured, true);
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  spdlog::set_pattern("%l %v");
  {
    RawConnection connection(port_);
    ASSERT_TRUE(connection.Send(Head("GET", "/%0aforged%1b[31m", {})));
    EXPECT_EQ(connection.ReadResponse().status, 404);
  }
  {
    RawConnection connection(port_);  // not UTF-8, so refused, and logged all the same
    ASSERT_TRUE(connection.Send(Head("GET", "/%07%0d%00%ff%e2%80%ae", {})));
    EXPECT_EQ(connection.ReadResponse().status, 400);
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured->str();
  std::vector<std::string> access;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_EQ(line.rfind("forged", 0), std::string::npos) << line;
    if (line.find("access ") != std::string::npos) access.push_back(line);
  }
  ASSERT_EQ(access.size(), 2u) << log;
  EXPECT_NE(access[0].find(R"(path=/\x0aforged\x1b[31m status=404 )"), std::string::npos)
      << access[0];
  EXPECT_NE(access[1].find(R"(path=/\x07\x0d\x00\xff\xe2\x80\xae status=400 )"), std::string::npos)
      << access[1];
  for (char c : log) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte == '\n' || (byte >= 0x20 && byte < 0x7f)) << "raw byte " << int(byte);
  }
}

}  // namespace
}  // namespace andel::testing
