// The compute pool: keyed tasks, each key waiting at most once and running on one thread at a
// time; a full queue refuses rather than grows.
#include "web/server/compute_pool.h"

#include <spdlog/spdlog.h>

#include <exception>

namespace andel::web {

size_t ComputePool::DefaultThreads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores >= 4 ? cores / 2 : 1;
}

ComputePool::ComputePool(Options options) : options_(options) {
  const size_t count = options_.threads == 0 ? 1 : options_.threads;
  threads_.reserve(count);
  for (size_t i = 0; i < count; ++i) threads_.emplace_back([this] { Work(); });
}

ComputePool::~ComputePool() { Stop(); }

Submitted ComputePool::Submit(const std::string& key, std::function<void()> task) {
  std::lock_guard lock(mutex_);
  if (stopping_) return Submitted::kStopped;
  if (waiting_.count(key) || again_.count(key)) return Submitted::kDuplicate;
  if (waiting_.size() + again_.size() >= options_.queue_limit) {
    ++rejected_;
    return Submitted::kRejected;
  }
  if (running_.count(key)) {
    again_.emplace(key, std::move(task));
    return Submitted::kDuplicate;
  }
  waiting_.emplace(key, std::move(task));
  order_.push_back(key);
  wake_.notify_one();
  return Submitted::kQueued;
}

void ComputePool::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    order_.clear();
    waiting_.clear();
    again_.clear();
  }
  wake_.notify_all();
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

size_t ComputePool::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_.size() + again_.size();
}

size_t ComputePool::running() const {
  std::lock_guard lock(mutex_);
  return running_.size();
}

uint64_t ComputePool::completed() const {
  std::lock_guard lock(mutex_);
  return completed_;
}

uint64_t ComputePool::rejected() const {
  std::lock_guard lock(mutex_);
  return rejected_;
}

void ComputePool::Work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !order_.empty(); });
    if (stopping_) return;
    const std::string key = order_.front();
    order_.pop_front();
    std::function<void()> task = std::move(waiting_.at(key));
    waiting_.erase(key);
    ++running_[key];
    lock.unlock();
    try {
      task();
    } catch (const std::exception& error) {
      // A task reports its failures itself; this is the last resort that keeps the thread.
      spdlog::error("computation {} failed: {}", key, error.what());
    }
    task = nullptr;  // its captures are released outside the lock
    lock.lock();
    ++completed_;
    if (--running_[key] == 0) running_.erase(key);
    const auto again = again_.find(key);
    if (again != again_.end() && !stopping_) {
      waiting_.emplace(key, std::move(again->second));
      order_.push_back(key);
      again_.erase(again);
      wake_.notify_one();
    }
  }
}

}  // namespace andel::web
