// Counts failed sign-in attempts per key (an address, an account) in a sliding window, so that
// password guessing is slowed down. In memory: each server process limits on its own.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace andel::web {

class RateLimiter {
 public:
  RateLimiter(int max_failures, int64_t window_seconds)
      : max_failures_(max_failures), window_seconds_(window_seconds) {}

  // False while `key` has `max_failures` failures in the last window.
  bool Allowed(const std::string& key, int64_t now);
  void RecordFailure(const std::string& key, int64_t now);
  void Reset(const std::string& key);

 private:
  void Expire(std::deque<int64_t>& times, int64_t now) const;

  int max_failures_;
  int64_t window_seconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace andel::web
