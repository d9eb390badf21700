// `andel serve`: applies the migrations, loads the demo if asked, and runs the web server with
// its background work (fund results, closing decisions, mail) until SIGINT or SIGTERM.
#pragma once

#include <string>

namespace andel::app {

struct ServeCommand {
  std::string db_url = "sqlite:andel.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  bool demo = false;             // load the demo communities into an empty database
  std::string public_url;        // for links in mails; empty: http://HOST:PORT
  bool behind_proxy = false;     // take the client's address from X-Forwarded-For
  std::string smtp;              // host:port; empty: mail stays in the outbox and the log
  std::string mail_from;         // the sender of the mail Andel sends (with smtp)
  int workers = 4;               // threads that serve requests
  int compute_threads = 1;       // threads for heavy computations
  int body_in_flight_mib = 256;  // request bodies all clients may be sending at once
};

// Returns 0 after a clean stop; 1 if the server cannot start; 2 for bad options.
int RunServe(const ServeCommand& command);

}  // namespace andel::app
