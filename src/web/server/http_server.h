// The HTTP/1.1 server: asynchronous I/O on Boost.Beast, strict limits on header and body size,
// an admission step that refuses a request from its header before its body is read, large
// bodies kept in temporary files, a cap on body bytes in flight, timeouts for idle and slow
// clients, lingering close, an escaped access log, and a graceful stop that finishes requests in
// flight.
//
// Threads: a pool of `threads` runs both the I/O and the handlers (each connection on its own
// strand). A handler waiting for the database holds one thread while the others serve on. This
// departs from DESIGN's separate worker pool: handing every request to another pool and back
// cost two thread switches per request, about 40% of the throughput on two cores.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"
#include "web/server/http.h"

namespace andel::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port
  size_t threads = 4;    // run I/O and handlers
  size_t max_header_bytes = 16 * 1024;
  // A body larger than this is written to an unlinked temporary file as it arrives (in
  // `body_directory`; empty: $TMPDIR or /tmp) and handed to the handler as a mapped file.
  size_t memory_body_bytes = 1024 * 1024;
  std::string body_directory;
  // The body bytes all requests together may be sending at once: each request counts its
  // Content-Length (a chunked one, its route's limit) from its header until its handler is done.
  // A request beyond the cap gets 503 with Retry-After before its body is read; a request is let
  // in whatever its size when no other body is in flight.
  uint64_t max_body_bytes_in_flight = 256 * 1024 * 1024;
  // A request's header must be complete this long after the connection opened, or after the
  // first byte of the request on a kept-alive connection.
  std::chrono::seconds header_timeout{15};
  std::chrono::seconds body_timeout{15};   // the longest silence while a body arrives
  std::chrono::seconds idle_timeout{60};   // between requests on a kept-alive connection
  std::chrono::seconds write_timeout{60};  // to send a whole response
  // After a response that ends the connection (an error, a refused or too large body) the
  // client may still be sending: what it sends is read and thrown away for up to
  // `linger_time`, until it closes or is silent for `linger_timeout`, so that it reads the
  // response instead of a connection reset (nginx's lingering close).
  std::chrono::seconds linger_time{30};
  std::chrono::seconds linger_timeout{5};
  // A stalled request is closed without a response (a 408 would only reach a client that no
  // longer listens, and tells a slow attacker how long it may wait).
};

// Turns a request into a response. Must not throw; the server answers 500 if it does anyway.
using RequestHandler = std::function<Response(Request&)>;
// Called when a request's header is complete, before any of its body is read: `head` has the
// method, path, query, headers and address; `content_length` is the declared length (none for
// a chunked body). Returns the route's body limit (413 beyond it) and, to refuse the request
// without reading its body, the response to send.
using AdmitRequest =
    std::function<Admission(Request& head, std::optional<uint64_t> content_length)>;
// The response to a request refused before it reached a handler (malformed, too large, too
// many bodies in flight): `status` and an English `message`; `partial` holds what was read of
// the request (its path and some headers once the header was complete). Null: plain JSON.
using TransportError =
    std::function<Response(int status, const std::string& message, Request& partial)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler, AdmitRequest admit,
             TransportError transport_error = nullptr);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and starts serving in background threads. Returns the bound port.
  Result<uint16_t> Start();
  // Stops accepting, waits up to `grace` for requests in flight, then stops. Idempotent.
  void Stop(std::chrono::milliseconds grace = std::chrono::milliseconds(10000));

  struct Impl;  // defined in the .cpp only

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace andel::web
