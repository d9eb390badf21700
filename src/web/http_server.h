// The HTTP/1.1 server: asynchronous I/O on Boost.Beast, strict limits on header and body size,
// timeouts for idle and slow clients, a structured access log, and a graceful stop that finishes
// requests in flight.
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
#include <string>

#include "core/result.h"
#include "web/http.h"

namespace andel::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port
  size_t threads = 4;    // run I/O and handlers
  size_t max_header_bytes = 16 * 1024;
  std::chrono::seconds read_timeout{15};  // to receive a whole request once it has begun
  std::chrono::seconds idle_timeout{60};  // between requests on a kept-alive connection
};

// Turns a request into a response. Must not throw; the server answers 500 if it does anyway.
using RequestHandler = std::function<Response(Request&)>;
// The largest body the route for this method and path accepts (413 beyond it).
using BodyLimit = std::function<size_t(Method method, const std::string& path)>;
// The response to a request refused before it reached a handler (malformed, too large, too
// slow): `status` and an English `message`; `partial` holds what was read of the request (its
// path and headers once the header was complete). Null: a plain JSON error.
using TransportError =
    std::function<Response(int status, const std::string& message, Request& partial)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler, BodyLimit body_limit,
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
