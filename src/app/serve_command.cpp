// `andel serve`: the server's start, its loop of background work, and its clean stop.
#include "app/serve_command.h"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <optional>
#include <thread>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/demo/data.h"
#include "app/logging.h"
#include "core/text.h"
#include "mail/outbox_relay.h"
#include "store/accounts/account_repository.h"
#include "store/database.h"
#include "web/decisions/actions.h"
#include "web/funds/results.h"
#include "web/security.h"
#include "web/server/compute_pool.h"
#include "web/server/http_server.h"
#include "web/web_app.h"

namespace andel::app {
namespace {

std::atomic<int> stop_signal{0};

void OnSignal(int signal) { stop_signal.store(signal); }

// Loads the demo if the database has no communities yet; says so otherwise.
Status LoadDemoIfEmpty(store::Database& db) {
  Status status = LoadDemo(db, Now());
  if (!status && status.error().code == ErrorCode::kFailedPrecondition) {
    spdlog::info("demo data not loaded: the database already has communities");
    return {};
  }
  return status;
}

// glibc returns freed memory at the top of the heap to the system as soon as enough is free,
// and moves its thresholds as large blocks come and go; under load that means a system call
// for many responses (measured: half the throughput after a burst of uncached searches). Fixed
// thresholds keep up to 64 MiB for reuse and give blocks of 1 MiB or more their own mappings.
void TuneMemoryAllocator() {
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
  mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
}

}  // namespace

int RunServe(const ServeCommand& command) {
  TuneMemoryAllocator();
  app::LogFlusher log_flusher(std::chrono::milliseconds(5));
  if (Status status = web::InitSecurity(); !status) return Fail(status.error());
  // A connection for every thread that serves requests or computes, and one for the ballot
  // writer.
  Result<std::unique_ptr<store::Database>> db = OpenMigrated(
      command.db_url, static_cast<size_t>(command.workers + command.compute_threads) + 2);
  if (!db) return Fail(db.error());
  if (command.demo) {
    if (Status status = LoadDemoIfEmpty(**db); !status) return Fail(status.error());
  }
  web::WebConfig config;
  config.behind_proxy = command.behind_proxy;
  config.compute_threads = static_cast<size_t>(command.compute_threads);
  const std::string shown_host = command.host == "0.0.0.0" ? "127.0.0.1" : command.host;
  config.public_url = command.public_url.empty()
                          ? "http://" + shown_host + ":" + std::to_string(command.port)
                          : command.public_url;
  // Without a relay, links mailed to an address (sign-up, password reset) are written to the log
  // too, so that a server without mail still works; with one, they never are.
  config.log_mailed_links = command.smtp.empty();
  std::optional<mail::OutboxRelay> relay;
  if (!command.smtp.empty()) {
    Result<mail::SmtpSettings> smtp = mail::ParseSmtpRelay(command.smtp, "--smtp");
    if (!smtp) return Fail(smtp.error());
    smtp->from = command.mail_from;
    if (!IsPlausibleEmail(smtp->from)) {
      return Fail(Error::InvalidArgument("not a valid email address", "--mail-from"));
    }
    relay.emplace(store::OutboxRepository(**db), *smtp, Now,
                  smtp->from.substr(smtp->from.find('@') + 1));
    relay->Start(std::chrono::seconds(5));
    spdlog::info("mail goes out through the SMTP relay {}", command.smtp);
  }
  web::WebApp app(**db, config, Now);
  if (Status status = app.Init(); !status) return Fail(status.error());
  // Decided funds without a current result (the demo's; all of them after the rules changed)
  // are computed before the server answers, for up to 10 s; the rest go on in the background.
  if (Result<size_t> queued = web::QueueStaleFundResults(app.services()); !queued) {
    return Fail(queued.error());
  } else if (*queued > 0) {
    const web::ComputePool& pool = *app.services().compute;
    for (int waited_ms = 0; waited_ms < 10000 && pool.waiting() + pool.running() > 0;
         waited_ms += 10) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    spdlog::info("{} fund result(s) computed or under way at start-up", *queued);
  }
  web::ServerOptions options;
  options.host = command.host;
  options.port = static_cast<uint16_t>(command.port);
  options.threads = static_cast<size_t>(command.workers);
  options.max_body_bytes_in_flight =
      static_cast<uint64_t>(command.body_in_flight_mib) * 1024 * 1024;
  web::HttpServer server(
      options, [&app](web::Request& request) { return app.Handle(request); },
      [&app](web::Request& head, std::optional<uint64_t> content_length) {
        return app.Admit(head, content_length);
      },
      [&app](int status, const std::string& message, web::Request& partial) {
        return app.TransportError(status, message, partial);
      });
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Result<uint16_t> bound = server.Start();
  if (!bound) return Fail(bound.error());
  std::cout << "Andel is running at http://" << shown_host << ":" << *bound << "/\n";
  if (command.demo) PrintDemoAccounts();
  std::cout.flush();
  // Decisions close (and reminders go out) on time even when nobody is looking at them.
  for (int tick = 0; stop_signal.load() == 0; ++tick) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (tick % 150 == 0) web::SweepDecisions(app.services());
  }
  spdlog::info("signal {} received: finishing requests in flight", stop_signal.load());
  server.Stop();
  app.services().compute->Stop();  // its running computations end before the database closes
  if (relay) relay->Stop();
  db->reset();
  spdlog::info("stopped; database closed");
  spdlog::default_logger()->flush();
  return 0;
}

void AddServeCommand(CLI::App& cli, int& exit_code) {
  CLI::App* serve = cli.add_subcommand("serve", "Run the web server (applies migrations first)");
  auto command = std::make_shared<ServeCommand>();
  AddDatabaseOption(serve, command->db_url);
  command->compute_threads = static_cast<int>(web::ComputePool::DefaultThreads());
  serve->add_option("--host", command->host, "address to listen on")->capture_default_str();
  serve->add_option("--port", command->port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_flag("--demo", command->demo, "load the demo communities into an empty database");
  serve->add_option("--public-url", command->public_url,
                    "the address people use, for links in mails (default: http://HOST:PORT)");
  serve->add_flag("--behind-proxy", command->behind_proxy,
                  "take the client's address from X-Forwarded-For (set it only behind a proxy)");
  serve->add_option("--smtp", command->smtp,
                    "SMTP relay (host:port) for reset links and invitations; without it they "
                    "stay in the outbox table and the log");
  serve->add_option("--mail-from", command->mail_from, "sender address of the mail Andel sends")
      ->needs(serve->get_option("--smtp"));
  serve->add_option("--workers", command->workers, "threads that serve requests")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--max-body-in-flight", command->body_in_flight_mib,
                   "MiB of request bodies all clients together may be sending at once; beyond "
                   "it a request gets 503 and Retry-After before its body is read")
      ->check(CLI::Range(1, 1024 * 1024))
      ->capture_default_str();
  serve
      ->add_option("--compute-threads", command->compute_threads,
                   "threads for heavy computations (fund results, imports), apart from the "
                   "workers (default: half the cores, at least 1)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve->callback([command, &exit_code] { exit_code = RunServe(*command); });
}

}  // namespace andel::app
