// Rendered page parts and JSON bodies, kept in memory under a key that names everything they
// depend on, including the community's version: a change to the community raises its version in
// the database, so a stale entry is never found again (also with several servers on one
// PostgreSQL). Bounded in entries and bytes; the oldest entries go first.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace andel::web {

class RenderCache {
 public:
  RenderCache(size_t max_entries, size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // The entry, or null.
  std::shared_ptr<const std::string> Find(const std::string& key) const;
  void Put(const std::string& key, std::string value);

 private:
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;
  std::deque<std::string> order_;  // keys, oldest first
};

}  // namespace andel::web
