// `andel user create` and `andel user remove-second-factor`.
#include "app/user_command.h"

#include <iostream>

#include "app/command_support.h"
#include "communities/community.h"
#include "core/text.h"
#include "store/account_repository.h"
#include "store/second_factor_repository.h"
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
  if (Status status = web::MailSecondFactorRemoved(accounts, *catalog, account->person, Now());
      !status) {
    return Fail(status.error());
  }
  std::cout << "{\"id\":" << account->person.id << ",\"email\":\"" << email
            << "\",\"second_factor\":false}\n";
  return 0;
}

}  // namespace andel::app
