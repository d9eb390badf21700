// Inside the HTTP server: the state the server shares with its connections, and the function
// that serves one accepted socket. Only http_server.cpp and http_connection.cpp include this
// (it brings in Asio).
#pragma once

#include <atomic>
#include <boost/asio.hpp>
#include <cstdint>
#include <optional>
#include <thread>
#include <vector>

#include "web/server/http_server.h"

namespace andel::web {

struct HttpServer::Impl {
  ServerOptions options;
  RequestHandler handler;
  AdmitRequest admit;
  TransportError transport_error;
  boost::asio::io_context io;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  boost::asio::ip::tcp::acceptor acceptor{io};
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};  // handlers running
  std::atomic<uint64_t> body_bytes_in_flight{0};
  std::atomic<bool> stopping{false};
  bool stopped = false;

  Impl(ServerOptions o, RequestHandler h, AdmitRequest a, TransportError t)
      : options(std::move(o)),
        handler(std::move(h)),
        admit(std::move(a)),
        transport_error(std::move(t)) {}

  void Accept();
  // Counts `bytes` of body in flight if the cap allows (or nothing else is in flight).
  bool ReserveBody(uint64_t bytes);
  void ReleaseBody(uint64_t bytes) { body_bytes_in_flight.fetch_sub(bytes); }
};

// Serves requests on `socket` until the client or a timeout ends the connection.
void ServeConnection(boost::asio::ip::tcp::socket socket, HttpServer::Impl& server);

}  // namespace andel::web
