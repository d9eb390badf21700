// Sliding-window failure counter.
#include "web/rate_limiter.h"

#include <algorithm>

namespace andel::web {

void RateLimiter::Expire(std::deque<int64_t>& times, int64_t now) const {
  while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
}

bool RateLimiter::Allowed(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return true;
  Expire(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_failures_;
}

int64_t RateLimiter::Wait(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Expire(it->second, now);
  const int failures = static_cast<int>(it->second.size());
  if (failures < max_failures_) return 0;
  const int doublings = std::min(failures - max_failures_, 30);
  const int64_t delay = std::min<int64_t>(int64_t{1} << doublings, window_seconds_);
  return std::max<int64_t>(0, it->second.back() + delay - now);
}

int RateLimiter::RecordFailure(const std::string& key, int64_t now) {
  std::lock_guard lock(mutex_);
  std::deque<int64_t>& times = failures_[key];
  Expire(times, now);
  times.push_back(now);
  const int count = static_cast<int>(times.size());
  if (failures_.size() > 100000) {
    // Bound memory under a flood of distinct keys: drop keys with nothing recent.
    for (auto entry = failures_.begin(); entry != failures_.end();) {
      Expire(entry->second, now);
      entry = entry->second.empty() ? failures_.erase(entry) : std::next(entry);
    }
  }
  return count;
}

void RateLimiter::Reset(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

}  // namespace andel::web
