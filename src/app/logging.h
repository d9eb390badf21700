// The server's log: one line per event on standard output, flushed every few milliseconds by a
// thread of its own, so that a kill -9 loses at most the lines of the last interval while
// requests never wait for a write.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace andel::app {

// Makes spdlog's default logger write to standard output with Andel's line format.
void SetUpLogging();

// Flushes the default logger every `interval` while it lives (and once when it ends).
class LogFlusher {
 public:
  explicit LogFlusher(std::chrono::milliseconds interval);
  ~LogFlusher();
  LogFlusher(const LogFlusher&) = delete;
  LogFlusher& operator=(const LogFlusher&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace andel::app
