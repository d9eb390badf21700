// andel: the command line. Each subcommand registers itself from its own file (see commands.h).
#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/logging.h"

int main(int argc, char** argv) {
  CLI::App cli{"Andel: an open platform for the cooperative economy"};
  cli.require_subcommand(1);
  int exit_code = 0;
  for (void (*add)(CLI::App&, int&) :
       {andel::app::AddServeCommand, andel::app::AddMigrateCommand, andel::app::AddDemoCommand,
        andel::app::AddTallyCommand, andel::app::AddBudgetCommand, andel::app::AddMatchCommand,
        andel::app::AddAuditCommand, andel::app::AddUserCommand}) {
    add(cli, exit_code);
  }
  // Before the parse: a command runs from its callback, at the end of it.
  andel::app::SetUpLogging();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help exits 0; any mistake on the command line exits 2, like other bad input.
    return cli.exit(error) == 0 ? 0 : 2;
  }
  return exit_code;
}
