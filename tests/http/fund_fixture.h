// A server test with a fund in its vote, API calls with a bearer token, and the compute pool the
// fund results are computed on: shared by the fund and fund result tests.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http/server_fixture.h"

namespace andel::testing {

class FundServerTest : public ServerTest {
 protected:
  web::ComputePool& Pool() { return *app_->services().compute; }

  // Waits until the compute pool has nothing waiting or running (a wait, not an assertion).
  void Settle() {
    while (Pool().waiting() + Pool().running() > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  std::vector<std::pair<std::string, std::string>> Bearer(const std::string& email) {
    std::string& token = tokens_[email];  // one sign-in per account: hashing takes a while
    if (token.empty()) token = TokenFor(email);
    return {{"authorization", "Bearer " + token}};
  }

  HttpReply Api(const std::string& method, const std::string& path, const std::string& body,
                const std::string& email) {
    return Client().Send(method, "/api/v1/communities/open-coop" + path, body, Bearer(email));
  }

  // A fund of 1000 DKK with projects a (600), b (500), c (400) found feasible, d (300) not, in
  // its vote. `projects` gets their ids in that order.
  int64_t VotingFund(std::vector<int64_t>& projects) {
    namespace json = boost::json;
    HttpReply created =
        Api("POST", "/funds", R"({"title":"Kick-start","amount":"1000","currency":"DKK"})",
            Accounts::kBoard);
    EXPECT_EQ(created.status, 201) << created.body;
    const int64_t fund = json::parse(created.body).at("id").as_int64();
    const std::string base = "/funds/" + std::to_string(fund);
    for (const auto& [title, cost] : {std::pair{"a", "600"}, std::pair{"b", "500"},
                                      std::pair{"c", "400"}, std::pair{"d", "300"}}) {
      HttpReply p = Api("POST", base + "/projects",
                        std::string(R"({"title":")") + title + R"(","cost":")" + cost + R"("})",
                        Accounts::kMember);
      EXPECT_EQ(p.status, 201) << p.body;
      projects.push_back(json::parse(p.body).at("id").as_int64());
    }
    EXPECT_EQ(Api("POST", base + "/phase", R"({"phase":"reviewing"})", Accounts::kBoard).status,
              200);
    for (size_t i = 0; i < projects.size(); ++i) {
      const std::string review = i < 3 ? R"({"status":"feasible"})"
                                       : R"({"status":"infeasible","reason":"Needs a permit"})";
      EXPECT_EQ(Api("POST", base + "/projects/" + std::to_string(projects[i]) + "/review", review,
                    Accounts::kBoard)
                    .status,
                200);
    }
    EXPECT_EQ(Api("POST", base + "/phase", R"({"phase":"voting"})", Accounts::kBoard).status, 200);
    return fund;
  }

  // Keeps one worker of the compute pool busy from construction until Release() (or the end
  // of its scope), so that what waits behind it can be seen.
  class PoolHold {
   public:
    explicit PoolHold(web::ComputePool& pool) : released_(release_.get_future().share()) {
      std::promise<void> started;
      std::future<void> running = started.get_future();
      const bool queued = pool.Submit("hold", [&started, released = released_] {
        started.set_value();
        released.wait();
      }) == web::Submitted::kQueued;
      EXPECT_TRUE(queued);
      if (queued) running.wait();
    }
    ~PoolHold() { Release(); }
    void Release() {
      if (!done_) release_.set_value();
      done_ = true;
    }

   private:
    std::promise<void> release_;
    std::shared_future<void> released_;
    bool done_ = false;
  };

 private:
  std::map<std::string, std::string> tokens_;
};

}  // namespace andel::testing
