// A bounded pool for heavy computations (fund results, Pabulib imports), apart from the threads
// that answer requests: a fixed number of threads and a bounded queue of keyed tasks, so that
// whatever visitors ask for, a health check and ordinary pages never wait behind a computation.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace andel::web {

// What Submit did with a task.
enum class Submitted {
  kQueued,     // it will run
  kDuplicate,  // a task with the same key is waiting or running: that one does the work
  kRejected,   // the queue is full (answer 503 with Retry-After)
  kStopped,    // the pool is shutting down
};

class ComputePool {
 public:
  struct Options {
    size_t threads = 1;       // at least 1
    size_t queue_limit = 64;  // tasks waiting (running ones not counted)
  };
  // The default number of threads: half the machine's cores, at least one (one on two cores,
  // so that the other core keeps answering requests).
  static size_t DefaultThreads();

  explicit ComputePool(Options options);
  // Stop(): the waiting tasks are dropped, the running ones finish.
  ~ComputePool();
  ComputePool(const ComputePool&) = delete;
  ComputePool& operator=(const ComputePool&) = delete;

  // Queues `task` under `key`. A key already waiting is not queued twice (kDuplicate). A key
  // that is running is queued once more after it ends (also kDuplicate), so a change made
  // during a computation is seen by a second run. `task` must not throw (a thrown exception is
  // logged and dropped).
  Submitted Submit(const std::string& key, std::function<void()> task);

  // Stops taking tasks, drops the waiting ones (they are computed again when next asked for)
  // and waits for the running ones to finish. Idempotent.
  void Stop();

  size_t waiting() const;
  size_t running() const;
  uint64_t completed() const;  // tasks run to their end since the start
  uint64_t rejected() const;   // Submit calls answered kRejected

 private:
  void Work();

  const Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> order_;  // waiting keys, oldest first
  std::unordered_map<std::string, std::function<void()>> waiting_;
  std::unordered_map<std::string, std::function<void()>> again_;  // running keys asked for anew
  std::unordered_map<std::string, int> running_;
  bool stopping_ = false;
  uint64_t completed_ = 0;
  uint64_t rejected_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace andel::web
