// Beast-based HTTP server. One connection object per socket reads the header first, so that the
// route's body limit is known before the body arrives, then hands the request to a worker.
#include "web/http_server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <optional>
#include <thread>
#include <vector>

namespace andel::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

std::string PercentDecodePath(std::string_view text, bool& ok) {
  std::string out;
  out.reserve(text.size());
  ok = true;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    const auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (i + 2 >= text.size()) {
      ok = false;
      return out;
    }
    const int high = hex(text[i + 1]);
    const int low = hex(text[i + 2]);
    if (high < 0 || low < 0) {
      ok = false;
      return out;
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  RequestHandler handler;
  BodyLimit body_limit;
  TransportError transport_error;
  asio::io_context io;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
  bool stopped = false;

  Impl(ServerOptions o, RequestHandler h, BodyLimit b, TransportError t)
      : options(std::move(o)),
        handler(std::move(h)),
        body_limit(std::move(b)),
        transport_error(std::move(t)) {}

  void Accept();
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
  }

  void Start() { ReadHeader(); }

 private:
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
    // No body limit until the route is known (OnHeader sets it): a limit here would refuse a
    // large upload to a route that accepts it, before its header could be read.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(server_.options.idle_timeout);
    bhttp::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) {
      HandleReadError(ec);
      return;
    }
    started_ = std::chrono::steady_clock::now();
    const auto& header = parser_->get();
    const Method method = ParseMethod(std::string_view(header.method_string()));
    const std::string_view target(header.target());
    const std::string path(target.substr(0, target.find('?')));
    const size_t limit = server_.body_limit(method, path);
    parser_->body_limit(limit);
    if (parser_->content_length() && *parser_->content_length() > limit) {
      WriteError(413, "the request body is too large");
      return;
    }
    if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_,
                                                                       header.version());
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
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec) return self->HandleReadError(ec);
                        self->Dispatch();
                      });
  }

  void HandleReadError(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted) {
      return Close();
    }
    if (ec == beast::error::timeout) {
      if (parser_ && parser_->got_some()) return WriteError(408, "the request took too long");
      return Close();
    }
    if (ec == bhttp::error::header_limit)
      return WriteError(431, "the request headers are too large");
    if (ec == bhttp::error::body_limit) return WriteError(413, "the request body is too large");
    WriteError(400, "the request is not valid HTTP");
  }

  void Dispatch() {
    auto raw = parser_->release();
    auto request = std::make_shared<Request>();
    request->method = ParseMethod(std::string_view(raw.method_string()));
    const std::string_view target(raw.target());
    const size_t question = target.find('?');
    bool decoded = true;
    request->path = PercentDecodePath(target.substr(0, question), decoded);
    if (question != std::string_view::npos)
      request->query = std::string(target.substr(question + 1));
    for (const auto& field : raw) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request->headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request->body = std::move(raw.body());
    request->remote_address = remote_;
    keep_alive_ = raw.keep_alive();
    version_ = raw.version();
    if (!decoded || target.empty() || target[0] != '/') {
      return WriteError(400, "the request target is not valid");
    }
    method_text_ = std::string(raw.method_string());
    path_ = request->path;
    ++server_.in_flight;
    // The handler runs here, on one of the server's threads; a handler that waits for the
    // database holds only this thread while the others go on serving.
    Response response;
    try {
      response = server_.handler(*request);
    } catch (const std::exception& error) {
      spdlog::error("unhandled exception in handler for {}: {}", request->path, error.what());
      response = Response{};
      response.status = 500;
      response.body = "Internal Server Error";
      response.content_type = "text/plain; charset=utf-8";
    }
    // HEAD: the headers GET would send, Content-Length included, and no body.
    head_length_.reset();
    if (request->method == Method::kHead) {
      head_length_ = response.body.size();
      response.body.clear();
    }
    --server_.in_flight;
    Write(std::move(response));
  }

  void WriteError(int status, std::string_view message) {
    keep_alive_ = false;
    if (path_.empty()) path_ = "-";
    Request partial;
    partial.remote_address = remote_;
    if (parser_ && parser_->is_header_done()) {
      const auto& header = parser_->get();
      const std::string_view target(header.target());
      partial.method = ParseMethod(std::string_view(header.method_string()));
      partial.path = std::string(target.substr(0, target.find('?')));
      for (const auto& field : header) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (name == "accept-language" || name == "cookie" || name == "accept") {
          partial.headers.emplace_back(std::move(name), std::string(field.value()));
        }
      }
    }
    Response response;
    if (server_.transport_error) {
      try {
        response = server_.transport_error(status, std::string(message), partial);
      } catch (const std::exception& error) {
        spdlog::error("error page for status {} failed: {}", status, error.what());
      }
    }
    if (response.body.empty()) {
      response.content_type = "application/json";
      response.body = std::string(R"({"error":{"code":")") +
                      (status == 413 || status == 431 ? "too_large" : "invalid_argument") +
                      R"(","message":")" + std::string(message) + "\"}}";
    }
    response.status = status;
    Write(std::move(response));
  }

  void Write(Response response) {
    auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
        static_cast<bhttp::status>(response.status), version_ ? version_ : 11);
    message->set(bhttp::field::content_type, response.content_type);
    for (auto& [name, value] : response.headers) message->insert(name, value);
    message->body() = std::move(response.body);
    const bool keep = keep_alive_ && !server_.stopping.load();
    message->keep_alive(keep);
    message->prepare_payload();
    if (head_length_) {
      message->content_length(*head_length_);
      head_length_.reset();
    }
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    spdlog::info("access method={} path={} status={} duration_us={} remote={}",
                 method_text_.empty() ? "-" : method_text_, path_, response.status,
                 std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count(), remote_);
    stream_.expires_after(server_.options.read_timeout);
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep](beast::error_code ec, size_t) {
                         if (ec || !keep) return self->Close();
                         self->method_text_.clear();
                         self->path_.clear();
                         self->ReadHeader();
                       });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  HttpServer::Impl& server_;
  std::string remote_;
  std::string method_text_;
  std::string path_;
  bool keep_alive_ = false;
  std::optional<size_t> head_length_;  // set while answering a HEAD request
  unsigned version_ = 11;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping.load()) return;
    if (!ec) {
      std::make_shared<Connection>(std::move(socket), *this)->Start();
    } else if (ec != asio::error::operation_aborted) {
      spdlog::warn("accept failed: {}", ec.message());
    }
    if (acceptor.is_open()) Accept();
  });
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler, BodyLimit body_limit,
                       TransportError transport_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(body_limit),
                                   std::move(transport_error))) {}

HttpServer::~HttpServer() { Stop(std::chrono::milliseconds(1000)); }

Result<uint16_t> HttpServer::Start() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Error::InvalidArgument("not an IP address", "host");
  const tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    spdlog::error("cannot listen on {}:{}: {}", impl_->options.host, impl_->options.port,
                  ec.message());
    return Error::Unavailable("cannot listen on this address and port", "port");
  }
  const uint16_t port = impl_->acceptor.local_endpoint().port();
  impl_->work.emplace(impl_->io.get_executor());
  impl_->Accept();
  for (size_t i = 0; i < std::max<size_t>(1, impl_->options.threads); ++i) {
    impl_->threads.emplace_back([this] { impl_->io.run(); });
  }
  return port;
}

void HttpServer::Stop(std::chrono::milliseconds grace) {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->stopping.store(true);
  asio::post(impl_->io, [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (impl_->in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Let the last responses reach their sockets before the loop stops.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  impl_->work.reset();
  impl_->io.stop();
  for (std::thread& thread : impl_->threads) {
    if (thread.joinable()) thread.join();
  }
}

}  // namespace andel::web
