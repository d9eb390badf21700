// andel: the command line. Wires the store, the web layer and the domains together.

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "app/budget_command.h"
#include "app/command_support.h"
#include "app/demo_data.h"
#include "app/logging.h"
#include "app/match_command.h"
#include "app/serve_command.h"
#include "app/tally_command.h"
#include "app/tally_verify.h"
#include "app/user_command.h"
#include "communities/community.h"
#include "core/text.h"
#include "store/account_repository.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "web/compute_pool.h"
#include "web/security.h"

namespace {

using andel::Error;
using andel::Result;
using andel::Status;
using andel::app::Fail;
using andel::app::Now;
using andel::app::OpenMigrated;
using andel::app::PrintDemoAccounts;

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Andel: an open platform for the cooperative economy"};
  cli.require_subcommand(1);
  std::string db_url = "sqlite:andel.db";
  const auto add_db = [&db_url](CLI::App* command) {
    command
        ->add_option("--db", db_url,
                     "database URL: sqlite:PATH or postgresql://user@host:port/dbname")
        ->capture_default_str();
  };

  CLI::App* serve = cli.add_subcommand("serve", "Run the web server (applies migrations first)");
  add_db(serve);
  andel::app::ServeCommand serve_command;
  serve_command.compute_threads = static_cast<int>(andel::web::ComputePool::DefaultThreads());
  serve->add_option("--host", serve_command.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", serve_command.port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve->add_flag("--demo", serve_command.demo, "load the demo communities into an empty database");
  serve->add_option("--public-url", serve_command.public_url,
                    "the address people use, for links in mails (default: http://HOST:PORT)");
  serve->add_flag("--behind-proxy", serve_command.behind_proxy,
                  "take the client's address from X-Forwarded-For (set it only behind a proxy)");
  serve->add_option("--smtp", serve_command.smtp,
                    "SMTP relay (host:port) for reset links and invitations; without it they "
                    "stay in the outbox table and the log");
  serve
      ->add_option("--mail-from", serve_command.mail_from, "sender address of the mail Andel sends")
      ->needs(serve->get_option("--smtp"));
  serve->add_option("--workers", serve_command.workers, "threads that serve requests")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--max-body-in-flight", serve_command.body_in_flight_mib,
                   "MiB of request bodies all clients together may be sending at once; beyond "
                   "it a request gets 503 and Retry-After before its body is read")
      ->check(CLI::Range(1, 1024 * 1024))
      ->capture_default_str();
  serve
      ->add_option("--compute-threads", serve_command.compute_threads,
                   "threads for heavy computations (fund results, imports), apart from the "
                   "workers (default: half the cores, at least 1)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();

  CLI::App* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  add_db(migrate);
  CLI::App* demo_command =
      cli.add_subcommand("demo", "Load the demo communities into an empty database");
  add_db(demo_command);

  CLI::App* tally = cli.add_subcommand(
      "tally", "Count an election file (PrefLib) with one method and print the result as JSON");
  andel::app::TallyCommand tally_command;
  tally->add_option("--method", tally_command.method,
                    "plurality, borda, irv, schulze, schulze_wv, ranked_pairs, copeland, "
                    "condorcet, stv, approval (csv) or score (csv)");
  tally->add_option("--seats", tally_command.seats, "seats to fill (stv)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  tally->add_option("--max-score", tally_command.max_score, "highest score (score ballots)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  tally->add_option("--format", tally_command.format, "file format: preflib or csv")
      ->capture_default_str();
  tally->add_option("--seed", tally_command.seed, "seed of the lot that breaks remaining ties")
      ->capture_default_str();
  tally->add_flag("--pairwise", tally_command.pairwise, "include the pairwise support matrix");
  std::string verify_path;
  tally->add_option("--verify", verify_path,
                    "recount an exported decision and check its result and receipts");
  tally->add_option("file", tally_command.file, "the election file");

  CLI::App* budget = cli.add_subcommand(
      "budget", "Share out the budget of a Pabulib file (.pb) with a rule; JSON with explanations");
  andel::app::BudgetCommand budget_command;
  budget->add_option("--rule", budget_command.rule, "greedy or mes")->capture_default_str();
  budget->add_option("--utility", budget_command.utility, "cost, card or points")
      ->capture_default_str();
  budget
      ->add_option("--completion", budget_command.completion,
                   "for mes: none, add1, greedy, add1+greedy or budget+1%")
      ->capture_default_str();
  budget->add_option("--explain", budget_command.explain, "print one project's explanation");
  budget->add_option("file", budget_command.file, "the Pabulib file")->required();

  CLI::App* match = cli.add_subcommand(
      "match", "Partnerships on a profile file (JSON lines): recommendations, circles, consortia");
  match->require_subcommand(1);
  andel::app::MatchCommand match_command;
  CLI::App* match_recommend =
      match->add_subcommand("recommend", "The best cross-category matches of every member");
  match_recommend->add_option("--top", match_command.top, "matches per member")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  CLI::App* match_circles =
      match->add_subcommand("circles", "Mixed partner circles with the most matches inside");
  match_circles->add_option("--size", match_command.size, "members per circle")
      ->check(CLI::Range(2, 1000))
      ->capture_default_str();
  match_circles->add_option("--seed", match_command.seed, "seed of the random starts")
      ->capture_default_str();
  match_circles->add_option("--restarts", match_command.restarts, "random starts")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  CLI::App* match_consortium =
      match->add_subcommand("consortium", "The smallest team that covers a task's competences");
  match_consortium->add_option("--needs", match_command.needs, "competences, comma-separated")
      ->required();
  match_consortium
      ->add_option("--min-categories", match_command.min_categories,
                   "members of at least this many categories")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  for (CLI::App* action : {match_recommend, match_circles, match_consortium}) {
    action->add_option("file", match_command.file, "the profile file (JSON lines)")->required();
  }

  CLI::App* audit = cli.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  CLI::App* audit_verify =
      audit->add_subcommand("verify", "Check the audit log's hash chain; exit 1 if it is broken");
  add_db(audit_verify);

  CLI::App* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  CLI::App* user_create =
      user->add_subcommand("create", "Create an account; the password is read from stdin");
  add_db(user_create);
  std::string email, name;
  bool admin = false;
  user_create->add_option("--email", email, "email address")->required();
  user_create->add_option("--name", name, "display name")->required();
  user_create->add_flag("--admin", admin, "may administer every community on this server");
  CLI::App* user_reset_factor = user->add_subcommand(
      "remove-second-factor",
      "Turn off two-step sign-in of an account whose owner lost the authenticator and the "
      "recovery codes (check who asks first)");
  add_db(user_reset_factor);
  std::string factor_email;
  user_reset_factor->add_option("--email", factor_email, "email address")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help exits 0; any mistake on the command line exits 2, like other bad input.
    return cli.exit(error) == 0 ? 0 : 2;
  }
  andel::app::SetUpLogging();

  if (serve->parsed()) {
    serve_command.db_url = db_url;
    return andel::app::RunServe(serve_command);
  }
  if (migrate->parsed()) {
    Result<std::unique_ptr<andel::store::Database>> db = OpenMigrated(db_url);
    if (!db) return Fail(db.error());
    std::cout << "{\"migrated\":true}\n";
    return 0;
  }
  if (demo_command->parsed()) {
    if (Status status = andel::web::InitSecurity(); !status) return Fail(status.error());
    Result<std::unique_ptr<andel::store::Database>> db = OpenMigrated(db_url);
    if (!db) return Fail(db.error());
    if (Status status = andel::app::LoadDemo(**db, Now()); !status) return Fail(status.error());
    PrintDemoAccounts();
    return 0;
  }
  if (user_create->parsed()) return andel::app::CreateUser(db_url, email, name, admin);
  if (user_reset_factor->parsed()) return andel::app::RemoveSecondFactor(db_url, factor_email);
  if (audit_verify->parsed()) {
    Result<std::unique_ptr<andel::store::Database>> db = OpenMigrated(db_url);
    if (!db) return Fail(db.error());
    Result<andel::store::AuditCheck> check = andel::store::AuditLog(**db).Verify();
    if (!check) return Fail(check.error());
    std::cout << "{\"entries\":" << check->entries
              << ",\"intact\":" << (check->first_broken_seq ? "false" : "true");
    if (check->first_broken_seq) std::cout << ",\"first_broken_seq\":" << *check->first_broken_seq;
    std::cout << "}\n";
    return check->first_broken_seq ? 1 : 0;
  }
  if (budget->parsed()) return andel::app::RunBudget(budget_command);
  if (match->parsed()) {
    match_command.action = match_recommend->parsed() ? "recommend"
                           : match_circles->parsed() ? "circles"
                                                     : "consortium";
    return andel::app::RunMatch(match_command);
  }
  if (tally->parsed()) {
    if (!verify_path.empty()) return andel::app::VerifyExport(verify_path);
    if (tally_command.method.empty() || tally_command.file.empty()) {
      std::cerr << "andel tally: give --method and a file, or --verify EXPORT.json\n";
      return 2;
    }
    return andel::app::RunTally(tally_command);
  }
  return 0;
}
