// A bounded, thread-safe map of rendered text.
#include "web/render/render_cache.h"

namespace andel::web {

std::shared_ptr<const std::string> RenderCache::Find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

void RenderCache::Put(const std::string& key, std::string value) {
  if (value.size() > max_bytes_) return;
  auto entry = std::make_shared<const std::string>(std::move(value));
  std::lock_guard lock(mutex_);
  auto [it, fresh] = entries_.try_emplace(key, entry);
  if (!fresh) {
    bytes_ -= it->second->size();
    it->second = entry;
  } else {
    order_.push_back(key);
  }
  bytes_ += entry->size();
  while (!order_.empty() && (entries_.size() > max_entries_ || bytes_ > max_bytes_)) {
    auto oldest = entries_.find(order_.front());
    if (oldest != entries_.end()) {
      bytes_ -= oldest->second->size();
      entries_.erase(oldest);
    }
    order_.pop_front();
  }
}

}  // namespace andel::web
