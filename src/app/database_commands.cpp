// `andel migrate` (apply the migrations and exit) and `andel demo` (load the demo communities
// into an empty database).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/command_support.h"
#include "app/commands.h"
#include "app/demo/data.h"
#include "web/security.h"

namespace andel::app {

void AddMigrateCommand(CLI::App& cli, int& exit_code) {
  CLI::App* migrate = cli.add_subcommand("migrate", "Apply database migrations and exit");
  auto db_url = std::make_shared<std::string>("sqlite:andel.db");
  AddDatabaseOption(migrate, *db_url);
  migrate->callback([db_url, &exit_code] {
    Result<std::unique_ptr<store::Database>> db = OpenMigrated(*db_url);
    if (!db) {
      exit_code = Fail(db.error());
      return;
    }
    std::cout << "{\"migrated\":true}\n";
    exit_code = 0;
  });
}

void AddDemoCommand(CLI::App& cli, int& exit_code) {
  CLI::App* demo = cli.add_subcommand("demo", "Load the demo communities into an empty database");
  auto db_url = std::make_shared<std::string>("sqlite:andel.db");
  AddDatabaseOption(demo, *db_url);
  demo->callback([db_url, &exit_code] {
    if (Status status = web::InitSecurity(); !status) {
      exit_code = Fail(status.error());
      return;
    }
    Result<std::unique_ptr<store::Database>> db = OpenMigrated(*db_url);
    if (!db) {
      exit_code = Fail(db.error());
      return;
    }
    if (Status status = LoadDemo(**db, Now()); !status) {
      exit_code = Fail(status.error());
      return;
    }
    PrintDemoAccounts();
    exit_code = 0;
  });
}

}  // namespace andel::app
