// The subcommands of andel. Each is registered from the file that runs it: its options, and a
// callback that runs it and sets `exit_code` (0 done, 1 failed, 2 bad input). main() adds them
// all; a new command is one line there and one here.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace andel::app {

void AddServeCommand(CLI::App& cli, int& exit_code);    // serve_command.cpp
void AddMigrateCommand(CLI::App& cli, int& exit_code);  // database_commands.cpp
void AddDemoCommand(CLI::App& cli, int& exit_code);     // database_commands.cpp
void AddTallyCommand(CLI::App& cli, int& exit_code);    // tally_command.cpp
void AddBudgetCommand(CLI::App& cli, int& exit_code);   // budget_command.cpp
void AddMatchCommand(CLI::App& cli, int& exit_code);    // match_command.cpp
void AddAuditCommand(CLI::App& cli, int& exit_code);    // audit_command.cpp
void AddUserCommand(CLI::App& cli, int& exit_code);     // user_command.cpp

// The --db option every command on a database has, into `url` (default sqlite:andel.db).
void AddDatabaseOption(CLI::App* command, std::string& url);

}  // namespace andel::app
