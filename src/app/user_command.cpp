// `andel user create` and `andel user remove-second-factor`.
#include "app/user_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/command_support.h"
#include "app/commands.h"
#include "communities/community.h"
#include "core/text.h"
#include "store/accounts/account_repository.h"
#include "store/accounts/second_factor_repository.h"
#include "store/mail/outbox_repository.h"
#include "web/accounts/second_factor.h"
#include "web/locales.h"
#include "web/security.h"

namespace andel::app {

int CreateUser(const std::string& db_url, const std::string& email_text, const std::string& name,
               bool admin) {
  if (Status status = web::InitSecurity(); !status) return Fail(status.error());
  const std::string email = ToLowerAscii(Trim(email_text));
  if (!IsPlausibleEmail(email)) {
    return Fail(Error::InvalidArgument("not a valid email address", "--email"));
  }
  Result<std::string> valid_name = communities::ValidateName(name, "--name");
  if (!valid_name) return Fail(valid_name.error());
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (Status status = web::ValidatePassword(password, "stdin"); !status) {
    return Fail(status.error());
  }
  Result<std::string> hash = web::HashPassword(password);
  if (!hash) return Fail(hash.error());
  Result<std::unique_ptr<store::Database>> db = OpenMigrated(db_url);
  if (!db) return Fail(db.error());
  store::AccountRepository accounts(**db);
  communities::Person person;
  person.email = email;
  person.name = *valid_name;
  person.is_admin = admin;
  person.verified = true;  // the operator vouches for the address
  Result<int64_t> id = accounts.CreatePerson(person, *hash, Now());
  if (!id) return Fail(id.error());
  std::cout << "{\"id\":" << *id << ",\"email\":\"" << email
            << "\",\"admin\":" << (admin ? "true" : "false") << "}\n";
  return 0;
}

int RemoveSecondFactor(const std::string& db_url, const std::string& email_text) {
  const std::string email = ToLowerAscii(Trim(email_text));
  Result<std::unique_ptr<store::Database>> db = OpenMigrated(db_url);
  if (!db) return Fail(db.error());
  store::AccountRepository accounts(**db);
  Result<store::Account> account = accounts.FindByEmail(email);
  if (!account) return Fail(Error::NotFound("no account has this address", "--email"));
  if (!account->person.second_factor) {
    return Fail(Error::FailedPrecondition("this account does not use two-step sign-in", "--email"));
  }
  if (Status status = store::SecondFactorRepository(**db).Remove(account->person.id); !status) {
    return Fail(status.error());
  }
  Result<web::Catalog> catalog = web::LoadCatalog();
  if (!catalog) return Fail(catalog.error());
  store::OutboxRepository outbox(**db);
  if (Status status = web::MailSecondFactorRemoved(outbox, *catalog, account->person, Now());
      !status) {
    return Fail(status.error());
  }
  std::cout << "{\"id\":" << account->person.id << ",\"email\":\"" << email
            << "\",\"second_factor\":false}\n";
  return 0;
}

void AddUserCommand(CLI::App& cli, int& exit_code) {
  CLI::App* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  struct Options {
    std::string db_url = "sqlite:andel.db";
    std::string email, name;
    bool admin = false;
  };
  auto create = std::make_shared<Options>();
  CLI::App* create_command =
      user->add_subcommand("create", "Create an account; the password is read from stdin");
  AddDatabaseOption(create_command, create->db_url);
  create_command->add_option("--email", create->email, "email address")->required();
  create_command->add_option("--name", create->name, "display name")->required();
  create_command->add_flag("--admin", create->admin,
                           "may administer every community on this server");
  create_command->callback([create, &exit_code] {
    exit_code = CreateUser(create->db_url, create->email, create->name, create->admin);
  });
  auto remove = std::make_shared<Options>();
  CLI::App* remove_command = user->add_subcommand(
      "remove-second-factor",
      "Turn off two-step sign-in of an account whose owner lost the authenticator and the "
      "recovery codes (check who asks first)");
  AddDatabaseOption(remove_command, remove->db_url);
  remove_command->add_option("--email", remove->email, "email address")->required();
  remove_command->callback(
      [remove, &exit_code] { exit_code = RemoveSecondFactor(remove->db_url, remove->email); });
}

}  // namespace andel::app
