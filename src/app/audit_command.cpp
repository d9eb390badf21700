// `andel audit verify`: recomputes the audit log's hash chain and says whether it is intact
// (exit 0) or where it first breaks (exit 1).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/command_support.h"
#include "app/commands.h"
#include "store/audit_log.h"

namespace andel::app {

void AddAuditCommand(CLI::App& cli, int& exit_code) {
  CLI::App* audit = cli.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  CLI::App* verify =
      audit->add_subcommand("verify", "Check the audit log's hash chain; exit 1 if it is broken");
  auto db_url = std::make_shared<std::string>("sqlite:andel.db");
  AddDatabaseOption(verify, *db_url);
  verify->callback([db_url, &exit_code] {
    Result<std::unique_ptr<store::Database>> db = OpenMigrated(*db_url);
    if (!db) {
      exit_code = Fail(db.error());
      return;
    }
    Result<store::AuditCheck> check = store::AuditLog(**db).Verify();
    if (!check) {
      exit_code = Fail(check.error());
      return;
    }
    std::cout << "{\"entries\":" << check->entries
              << ",\"intact\":" << (check->first_broken_seq ? "false" : "true");
    if (check->first_broken_seq) std::cout << ",\"first_broken_seq\":" << *check->first_broken_seq;
    std::cout << "}\n";
    exit_code = check->first_broken_seq ? 1 : 0;
  });
}

}  // namespace andel::app
