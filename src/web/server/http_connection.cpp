// One connection of the HTTP server. A request goes through these phases:
//   wait    on a kept-alive connection, up to idle_timeout for the first byte of a request;
//   header  the header, complete within header_timeout (431 beyond max_header_bytes);
//   admit   the application judges the header (route, caller, access, body limit); a refusal,
//           a body over the limit (413) or over the cap on bodies in flight (503) is answered
//           without reading the body;
//   body    read with at most body_timeout of silence, into memory or a temporary file;
//   handle  the handler runs on this thread;
//   write   the response, within write_timeout; then the next request, or a lingering close.
// A request that stalls in any phase has its socket closed without a response.
#include "web/server/http_connection.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <limits>
#include <memory>

#include "core/log_text.h"
#include "core/text.h"
#include "web/forms.h"
#include "web/server/body_file.h"

namespace andel::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr size_t kReadBytes = 16 * 1024;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  ~Connection() { ReleaseBody(); }

  // The first request's header is due header_timeout after the connection opened.
  void Start() { ReadHeader(); }

 private:
  void WaitForRequest() {
    if (buffer_.size() > 0) return ReadHeader();  // the client sent its next request already
    stream_.expires_after(server_.options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadBytes),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              if (ec) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    head_ = Request{};
    head_ready_ = false;
    method_text_.clear();
    path_.clear();
    file_parser_.reset();
    string_parser_.reset();
    header_parser_.emplace();
    header_parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    // The route's limit is set once the header is known; a limit here would refuse a large
    // upload to a route that accepts it before its header could be read.
    header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(server_.options.header_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *header_parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return HandleReadError(ec);
    started_ = Clock::now();
    const auto& header = header_parser_->get();
    method_text_ = std::string(header.method_string());
    version_ = header.version();
    keep_alive_ = header_parser_->keep_alive();
    const std::string_view target(header.target());
    const size_t question = target.find('?');
    const std::optional<std::string> decoded = PercentDecodePath(target.substr(0, question));
    head_.method = ParseMethod(method_text_);
    head_.path = decoded.value_or(std::string());
    if (question != std::string_view::npos) head_.query = std::string(target.substr(question + 1));
    for (const auto& field : header) {
      head_.headers.emplace_back(ToLowerAscii(std::string_view(field.name_string())),
                                 std::string(field.value()));
    }
    head_.remote_address = remote_;
    head_ready_ = true;
    if (!decoded || target.empty() || target[0] != '/') {
      return WriteError(400, "the request target is not valid");
    }
    path_ = head_.path;
    // RFC 9112 section 3.2: a server must answer 400 to an HTTP/1.1 request without exactly one
    // Host header (and to any request with more than one).
    const size_t hosts = header.count(bhttp::field::host);
    if (hosts > 1 || (hosts == 0 && version_ >= 11)) {
      return WriteError(400, "the request must name its host in exactly one Host header");
    }
    std::optional<uint64_t> content_length;
    if (header_parser_->content_length()) content_length = *header_parser_->content_length();
    Admission admission;
    try {
      admission = server_.admit(head_, content_length);
    } catch (const std::exception& error) {
      spdlog::error("admitting {} failed: {}", LogField(path_), LogText(error.what()));
      return WriteError(500, "something went wrong on our side");
    }
    if (admission.refusal) return Respond(std::move(*admission.refusal), false);
    if (content_length && *content_length > admission.body_limit) {
      return WriteError(413, "the request body is too large");
    }
    if (header_parser_->is_done()) {
      string_parser_.emplace(std::move(*header_parser_));
      return Dispatch();
    }
    // A chunked body may bring up to the route's limit.
    const uint64_t expected = content_length ? *content_length : admission.body_limit;
    if (!server_.ReserveBody(expected)) {
      return WriteError(503, "the server is receiving too much at once; please try again shortly");
    }
    reserved_ = expected;
    if (expected > server_.options.memory_body_bytes) {
      Result<std::unique_ptr<BodyFile>> file = BodyFile::Create(server_.options.body_directory);
      if (!file) {
        spdlog::error("cannot store a request body: {}", file.error().message);
        return WriteError(503,
                          "the server is receiving too much at once; please try again shortly");
      }
      body_file_ = std::move(*file);
      file_parser_.emplace(std::move(*header_parser_));
      file_parser_->body_limit(admission.body_limit);
      beast::file writer_file;
      writer_file.native_handle(dup(body_file_->descriptor()));
      file_parser_->get().body().reset(std::move(writer_file), ec);
      if (ec) {
        spdlog::error("cannot store a request body: {}", ec.message());
        return WriteError(503,
                          "the server is receiving too much at once; please try again shortly");
      }
    } else {
      string_parser_.emplace(std::move(*header_parser_));
      string_parser_->body_limit(admission.body_limit);
    }
    header_parser_.reset();
    if (beast::iequals(head_.Header("expect"), "100-continue")) {
      auto cont =
          std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, version_);
      stream_.expires_after(server_.options.write_timeout);
      bhttp::async_write(stream_, *cont,
                         [self = shared_from_this(), cont](beast::error_code wec, size_t) {
                           if (wec) return self->Close();
                           self->ReadBody();
                         });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (file_parser_) return ReadBodyInto(*file_parser_);
    ReadBodyInto(*string_parser_);
  }

  // One read at a time, so that the body timeout is a limit on silence, not on the whole body.
  template <class Parser>
  void ReadBodyInto(Parser& parser) {
    if (parser.is_done()) return Dispatch();
    stream_.expires_after(server_.options.body_timeout);
    bhttp::async_read_some(stream_, buffer_, parser,
                           [self = shared_from_this()](beast::error_code ec, size_t) {
                             if (ec) return self->HandleReadError(ec);
                             self->ReadBody();
                           });
  }

  void HandleReadError(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) {
      return WriteError(431, "the request headers are too large");
    }
    if (ec == bhttp::error::body_limit) return WriteError(413, "the request body is too large");
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == bhttp::error::partial_message) {
      return Close();
    }
    WriteError(400, "the request is not valid HTTP");
  }

  void Dispatch() {
    if (file_parser_) {
      file_parser_.reset();  // closes the writer's descriptor; the body is complete
      if (Status mapped = body_file_->Map(); !mapped) {
        spdlog::error("cannot read a stored request body: {}", mapped.error().message);
        return WriteError(503,
                          "the server is receiving too much at once; please try again shortly");
      }
      head_.body_file = std::move(body_file_);
    } else {
      head_.body = std::move(string_parser_->get().body());
      string_parser_.reset();
    }
    ++server_.in_flight;
    // The handler runs here, on one of the server's threads; a handler that waits for the
    // database holds only this thread while the others go on serving.
    Response response;
    try {
      response = server_.handler(head_);
    } catch (const std::exception& error) {
      spdlog::error("unhandled exception in handler for {}: {}", LogField(path_),
                    LogText(error.what()));
      response = Response{};
      response.status = 500;
      response.body = "Internal Server Error";
      response.content_type = "text/plain; charset=utf-8";
    }
    // HEAD: the headers GET would send, Content-Length included, and no body.
    head_length_.reset();
    if (head_.method == Method::kHead) {
      head_length_ = response.body.size();
      response.body.clear();
    }
    --server_.in_flight;
    Respond(std::move(response), keep_alive_);
  }

  void WriteError(int status, std::string_view message) {
    Request partial;
    partial.remote_address = remote_;
    if (head_ready_) {
      partial.method = head_.method;
      partial.path = head_.path;
      for (const auto& [name, value] : head_.headers) {
        if (name == "accept-language" || name == "cookie" || name == "accept") {
          partial.headers.emplace_back(name, value);
        }
      }
    }
    Response response;
    if (server_.transport_error) {
      try {
        response = server_.transport_error(status, std::string(message), partial);
      } catch (const std::exception& error) {
        spdlog::error("error page for status {} failed: {}", status, LogText(error.what()));
      }
    }
    if (response.body.empty()) {
      response.content_type = "application/json";
      const char* code = status == 413 || status == 431 ? "too_large"
                         : status == 503                ? "unavailable"
                         : status == 500                ? "internal"
                                                        : "invalid_argument";
      response.body = std::string(R"({"error":{"code":")") + code + R"(","message":")" +
                      std::string(message) + "\"}}";
    }
    response.status = status;
    // The error page may already carry Retry-After (the application adds it to every 503); a
    // body that waits for room in the in-flight cap is worth retrying a little later.
    const bool has_retry = std::any_of(response.headers.begin(), response.headers.end(),
                                       [](const auto& h) { return h.first == "Retry-After"; });
    if (status == 503 && !has_retry) response.AddHeader("Retry-After", "5");
    Respond(std::move(response), false);
  }

  // Sends `response`; then the next request if `keep`, otherwise a lingering close.
  void Respond(Response response, bool keep) {
    ReleaseBody();
    head_.body.clear();
    head_.body_file.reset();
    keep = keep && !server_.stopping.load();
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(response.status), version_ ? version_ : 11);
    // A 204 has no body, so no type of one.
    if (response.status != 204) message->set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) message->insert(name, value);
    message->body() = std::move(response.body);
    message->keep_alive(keep);
    message->prepare_payload();
    if (head_length_) {
      message->content_length(*head_length_);
      head_length_.reset();
    }
    const auto elapsed = Clock::now() - started_;
    spdlog::info("access method={} path={} status={} duration_us={} remote={}",
                 LogField(method_text_), LogField(path_), response.status,
                 std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count(),
                 LogField(remote_));
    stream_.expires_after(server_.options.write_timeout);
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep](beast::error_code ec, size_t) {
                         if (ec) return self->Close();
                         if (!keep) return self->LingeringClose();
                         self->started_ = Clock::now();
                         self->WaitForRequest();
                       });
  }

  // Tells the client we are done (FIN), then reads and discards what it still sends until it
  // closes, falls silent, or the linger time is over; closing with unread data would make the
  // kernel send a reset, which can destroy the response before the client has read it.
  void LingeringClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    linger_until_ = Clock::now() + server_.options.linger_time;
    drain_ = std::make_unique<char[]>(kReadBytes);
    Drain();
  }

  void Drain() {
    const auto left = linger_until_ - Clock::now();
    if (left <= Clock::duration::zero()) return Close();
    stream_.expires_after(std::min<Clock::duration>(left, server_.options.linger_timeout));
    stream_.async_read_some(asio::buffer(drain_.get(), kReadBytes),
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              if (ec) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  void ReleaseBody() {
    if (reserved_ == 0) return;
    server_.ReleaseBody(reserved_);
    reserved_ = 0;
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::empty_body>> header_parser_;
  std::optional<bhttp::request_parser<bhttp::string_body>> string_parser_;
  std::optional<bhttp::request_parser<bhttp::file_body>> file_parser_;
  std::unique_ptr<BodyFile> body_file_;  // while file_parser_ fills it
  HttpServer::Impl& server_;
  Request head_;
  bool head_ready_ = false;
  std::string remote_;
  std::string method_text_;  // for the access log
  std::string path_;
  bool keep_alive_ = false;
  uint64_t reserved_ = 0;              // body bytes counted in the server's cap
  std::optional<size_t> head_length_;  // set while answering a HEAD request
  unsigned version_ = 11;
  Clock::time_point started_ = Clock::now();
  Clock::time_point linger_until_;
  std::unique_ptr<char[]> drain_;
};

}  // namespace

void ServeConnection(tcp::socket socket, HttpServer::Impl& server) {
  std::make_shared<Connection>(std::move(socket), server)->Start();
}

}  // namespace andel::web
