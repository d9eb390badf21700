// The listening side of the HTTP server: the acceptor, the threads, the cap on body bytes in
// flight, and the graceful stop. Each accepted socket is served by http_connection.cpp.
#include "web/server/http_server.h"

#include <spdlog/spdlog.h>

#include <boost/beast/core.hpp>

#include "web/server/http_connection.h"

namespace andel::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

bool HttpServer::Impl::ReserveBody(uint64_t bytes) {
  uint64_t current = body_bytes_in_flight.load();
  do {
    if (current > 0 && current + bytes > options.max_body_bytes_in_flight) return false;
  } while (!body_bytes_in_flight.compare_exchange_weak(current, current + bytes));
  return true;
}

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (stopping.load()) return;
    if (!ec) {
      ServeConnection(std::move(socket), *this);
    } else if (ec != asio::error::operation_aborted) {
      spdlog::warn("accept failed: {}", ec.message());
    }
    if (acceptor.is_open()) Accept();
  });
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler, AdmitRequest admit,
                       TransportError transport_error)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(admit),
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
