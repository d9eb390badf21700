// A server test with proposals put to a vote by API: opening a decision, casting ballots as the
// test accounts, reading JSON replies. Shared by the decision and export tests.
#pragma once

#include <soci/soci.h>

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http/server_fixture.h"

namespace andel::testing {

namespace json = boost::json;

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline json::object Json(const HttpReply& reply) {
  json::error_code ec;
  json::value value = json::parse(reply.body, ec);
  EXPECT_FALSE(ec) << reply.body;
  return !ec && value.is_object() ? value.as_object() : json::object();
}

class DecisionTest : public ServerTest {
 protected:
  std::vector<std::pair<std::string, std::string>> Bearer(const std::string& email) {
    return {{"authorization", "Bearer " + TokenFor(email)}};
  }

  // A proposal by the member, put to a vote by the board with `decision` (JSON members).
  int64_t Decision(const std::string& decision) {
    HttpClient client = Client();
    HttpReply created = client.Send("POST", "/api/v1/communities/open-coop/proposals",
                                    R"({"title":"Buy a cargo bike","body":"We **share** it."})",
                                    Bearer(Accounts::kMember));
    EXPECT_EQ(created.status, 201) << created.body;
    proposal_ = Json(created)["id"].as_int64();
    HttpReply opened = client.Send(
        "POST",
        "/api/v1/communities/open-coop/proposals/" + std::to_string(proposal_) + "/decision",
        decision, Bearer(Accounts::kBoard));
    EXPECT_EQ(opened.status, 201) << opened.body;
    return Json(opened)["id"].as_int64();
  }

  std::string Closes(int64_t seconds) const { return std::to_string(now_ + seconds); }

  HttpReply Cast(int64_t decision, const std::string& ballot, const std::string& email) {
    return Client().Send("POST", "/api/v1/decisions/" + std::to_string(decision) + "/ballots",
                         ballot, Bearer(email));
  }

  int64_t Count(const std::string& sql) {
    int64_t count = -1;
    EXPECT_TRUE(database_.db
                    ->Run([&](soci::session& session) -> Status {
                      session << sql, soci::into(count);
                      return {};
                    })
                    .has_value());
    return count;
  }

  int64_t proposal_ = 0;
};

}  // namespace andel::testing
