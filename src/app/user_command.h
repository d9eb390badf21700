// `andel user`: accounts the operator makes or mends from the command line.
#pragma once

#include <string>

namespace andel::app {

// Creates a verified account; the password is read from standard input. Prints its id as JSON.
int CreateUser(const std::string& db_url, const std::string& email, const std::string& name,
               bool admin);

// Turns off two-step sign-in of the account with `email` (its owner lost both the authenticator
// and the recovery codes) and mails the owner that it happened. Prints the account as JSON.
int RemoveSecondFactor(const std::string& db_url, const std::string& email);

}  // namespace andel::app
