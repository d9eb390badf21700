// The casting benchmark's helper: prepares a database with N voters and an open vote, drives
// N concurrent voters against a running server (one keep-alive connection each, every ballot
// sent only after the previous one was answered), and checks the database after a crash.
//
//   cast_load prepare DB_URL VOTERS OUT_DIR     writes OUT_DIR/tokens and OUT_DIR/decision
//   cast_load run PORT OUT_DIR SECONDS          writes OUT_DIR/acks; prints ballots/s
//   cast_load check DB_URL OUT_DIR              every acknowledged ballot present, none doubled
//
// A voter alternates yes and no, so each acknowledged ballot differs from the one before: after
// a crash the stored ballot must be the last acknowledged one, or the one in flight.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <soci/soci.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "communities/member_csv.h"
#include "store/accounts/account_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"
#include "store/decisions/decision_repository.h"
#include "web/security.h"

namespace {

using namespace andel;

int Prepare(const std::string& url, int voters, const std::string& dir) {
  Result<std::unique_ptr<store::Database>> db = store::Database::Open(url, 4);
  if (!db || !(*db)->Migrate()) {
    std::cerr << "cannot open or migrate the database\n";
    return 1;
  }
  const int64_t now = std::time(nullptr);
  store::CommunityRepository communities((**db));
  store::MembershipRepository memberships((**db));
  communities::Community community;
  community.slug = "bench";
  community.name = "Bench";
  Result<int64_t> community_id = communities.CreateCommunity(community, 0, "citizen", now);
  if (!community_id) return 1;
  std::vector<communities::MemberRow> rows;
  for (int i = 0; i < voters; ++i) {
    communities::MemberRow row;
    row.email = "voter" + std::to_string(i) + "@bench.example";
    row.name = "Voter " + std::to_string(i);
    row.category = "citizen";
    rows.push_back(row);
  }
  // Members since before the vote opens, so that they are on its roll.
  if (!memberships.ImportMembers(*community_id, rows, now - 3600)) return 1;
  store::AccountRepository accounts((**db));
  std::ofstream tokens(dir + "/tokens");
  store::MemberQuery query;
  query.limit = voters + 10;
  Result<store::MemberPage> members = memberships.ListMembers(*community_id, query);
  if (!members) return 1;
  for (const store::MemberView& member : members->members) {
    const std::string token = web::RandomToken();
    // The voters' addresses count as proved: a bench has no mailbox to follow links from.
    if (!accounts.MarkVerified(member.membership.person_id, now) ||
        !accounts.CreateApiToken(member.membership.person_id, "bench", web::HashToken(token), now,
                                 now + 86400)) {
      return 1;
    }
    tokens << member.membership.person_id << ' ' << token << '\n';
  }
  store::DecisionRepository decisions((**db));
  decisions::Proposal proposal;
  proposal.community_id = *community_id;
  proposal.author_person_id = members->members.front().membership.person_id;
  proposal.title = "Bench";
  proposal.body = "Bench";
  Result<int64_t> proposal_id = decisions.CreateProposal(proposal);
  if (!proposal_id) return 1;
  decisions::Decision decision;
  decision.proposal_id = *proposal_id;
  decision.community_id = *community_id;
  decision.opens_at = now - 60;
  decision.closes_at = now + 24 * 3600;
  decision.created_by = proposal.author_person_id;
  Result<int64_t> decision_id = decisions.CreateDecision(decision);
  if (!decision_id) return 1;
  std::ofstream(dir + "/decision") << *decision_id << '\n';
  return 0;
}

// One keep-alive connection; Post returns the status, or 0 if the connection failed.
class Connection {
 public:
  explicit Connection(int port) : port_(port) {}
  ~Connection() {
    if (fd_ >= 0) close(fd_);
  }
  int Post(const std::string& target, const std::string& token, const std::string& body) {
    if (fd_ < 0 && !Connect()) return 0;
    const std::string request =
        "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body;
    if (send(fd_, request.data(), request.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(request.size())) {
      return Fail();
    }
    std::string reply;
    char buffer[4096];
    size_t header_end = std::string::npos;
    size_t length = 0;
    for (;;) {
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return Fail();
      reply.append(buffer, static_cast<size_t>(n));
      if (header_end == std::string::npos) {
        header_end = reply.find("\r\n\r\n");
        if (header_end == std::string::npos) continue;
        const size_t at = reply.find("Content-Length: ");
        if (at != std::string::npos) length = std::stoul(reply.substr(at + 16));
      }
      if (reply.size() >= header_end + 4 + length) break;
    }
    return std::stoi(reply.substr(9, 3));
  }

 private:
  bool Connect() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return Fail();
    const int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return true;
  }
  int Fail() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    return 0;
  }
  int port_;
  int fd_ = -1;
};

int Run(int port, const std::string& dir, double seconds) {
  std::ifstream tokens_in(dir + "/tokens");
  std::vector<std::pair<int64_t, std::string>> voters;
  int64_t person = 0;
  std::string token;
  while (tokens_in >> person >> token) voters.emplace_back(person, token);
  int64_t decision = 0;
  std::ifstream(dir + "/decision") >> decision;
  const std::string target = "/api/v1/decisions/" + std::to_string(decision) + "/ballots";
  // Per voter: how many ballots were acknowledged, and whether one was in flight at the end.
  std::vector<int64_t> acknowledged(voters.size(), 0);
  std::vector<int> in_flight(voters.size(), 0);
  std::atomic<int64_t> refused{0};
  const auto start = std::chrono::steady_clock::now();
  const auto end = start + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (size_t v = 0; v < voters.size(); ++v) {
    threads.emplace_back([&, v] {
      Connection connection(port);
      while (std::chrono::steady_clock::now() < end) {
        const bool yes = acknowledged[v] % 2 == 0;
        in_flight[v] = 1;
        const int status = connection.Post(target, voters[v].second,
                                           yes ? R"({"choice":"yes"})" : R"({"choice":"no"})");
        if (status == 200 || status == 201) {
          ++acknowledged[v];
          in_flight[v] = 0;
        } else if (status == 0) {
          return;  // the server is gone: this ballot may or may not have been written
        } else {
          in_flight[v] = 0;
          ++refused;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int64_t total = 0;
  std::ofstream acks(dir + "/acks");
  for (size_t v = 0; v < voters.size(); ++v) {
    total += acknowledged[v];
    acks << voters[v].first << ' ' << acknowledged[v] << ' ' << in_flight[v] << '\n';
  }
  std::printf(
      "{\"voters\":%zu,\"acknowledged\":%lld,\"refused\":%lld,\"seconds\":%.2f,"
      "\"ballots_per_second\":%.0f}\n",
      voters.size(), static_cast<long long>(total), static_cast<long long>(refused.load()), elapsed,
      static_cast<double>(total) / elapsed);
  return refused.load() == 0 ? 0 : 1;
}

int Check(const std::string& url, const std::string& dir) {
  Result<std::unique_ptr<store::Database>> db = store::Database::Open(url, 1);
  if (!db) return 1;
  int64_t decision = 0;
  std::ifstream(dir + "/decision") >> decision;
  std::map<int64_t, std::pair<int64_t, std::string>> stored;  // person → (rows, content)
  int64_t voter_rows = 0;
  Status read = (*db)->Run([&](soci::session& sql) -> Status {
    int64_t person = 0, rows = 0;
    std::string content;
    soci::statement select =
        (sql.prepare << "SELECT person_id, COUNT(*), MAX(content) FROM ballots WHERE "
                        "decision_id = :d GROUP BY person_id",
         soci::use(decision), soci::into(person), soci::into(rows), soci::into(content));
    select.execute();
    while (select.fetch()) stored[person] = {rows, content};
    sql << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d", soci::use(decision),
        soci::into(voter_rows);
    return {};
  });
  if (!read) return 1;
  std::ifstream acks(dir + "/acks");
  int64_t person = 0, acknowledged = 0, in_flight = 0, lost = 0, doubled = 0, voters = 0, total = 0;
  while (acks >> person >> acknowledged >> in_flight) {
    total += acknowledged;
    const auto it = stored.find(person);
    if (it != stored.end() && it->second.first != 1) ++doubled;
    if (acknowledged == 0) {
      if (it != stored.end() && !in_flight) ++lost;  // a ballot nobody sent
      if (it != stored.end()) ++voters;
      continue;
    }
    ++voters;
    if (it == stored.end()) {
      ++lost;
      continue;
    }
    // The last acknowledged ballot, or the one sent after it if that was written before the crash.
    const std::string last = (acknowledged - 1) % 2 == 0 ? "yes" : "no";
    const std::string next = acknowledged % 2 == 0 ? "yes" : "no";
    if (it->second.second != last && !(in_flight && it->second.second == next)) ++lost;
  }
  const bool ok = lost == 0 && doubled == 0 && voter_rows == static_cast<int64_t>(stored.size());
  std::printf(
      "{\"acknowledged\":%lld,\"voters\":%lld,\"stored_voters\":%lld,\"lost\":%lld,"
      "\"doubled\":%lld,\"ok\":%s}\n",
      static_cast<long long>(total), static_cast<long long>(voters),
      static_cast<long long>(voter_rows), static_cast<long long>(lost),
      static_cast<long long>(doubled), ok ? "true" : "false");
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 4 && args[0] == "prepare")
    return Prepare(args[1], std::stoi(args[2]), args[3]);
  if (args.size() == 4 && args[0] == "run")
    return Run(std::stoi(args[1]), args[2], std::stod(args[3]));
  if (args.size() == 3 && args[0] == "check") return Check(args[1], args[2]);
  std::cerr
      << "usage: cast_load prepare DB_URL VOTERS DIR | run PORT DIR SECONDS | check DB_URL DIR\n";
  return 2;
}
