// Counts failures per key (an address, an account) in a sliding window, so that password
// guessing is slowed down: either a hard cap (Allowed) or growing delays (Wait). In memory: each
// server process limits on its own.
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
  // Seconds `key` must wait before its next attempt: none while it has fewer than
  // `max_failures` failures in the window; then 1, 2, 4, … seconds after its last failure,
  // doubling with each further failure, up to the window.
  int64_t Wait(const std::string& key, int64_t now);
  // Records a failure; returns the failures of `key` in the window, this one included.
  int RecordFailure(const std::string& key, int64_t now);
  void Reset(const std::string& key);
  int max_failures() const { return max_failures_; }

 private:
  void Expire(std::deque<int64_t>& times, int64_t now) const;

  int max_failures_;
  int64_t window_seconds_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace andel::web
