// The compute pool: a bounded queue that refuses when full, one run for a key asked for twice,
// a second run for a key asked for while it runs, and a stop that lets running tasks finish
// and drops the waiting ones. Synchronised by promises, never by sleeps.
#include "web/server/compute_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <memory>

namespace andel::web {
namespace {

// A task that says when it has started and then waits until it is let go.
struct Gate {
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();

  std::function<void()> Task() {
    return [this] {
      started.set_value();
      released.wait();
    };
  }
  void WaitStarted() { started.get_future().wait(); }
};

TEST(ComputePool, RefusesWhenTheQueueIsFull) {
  ComputePool pool({1, 2});
  Gate gate;
  ASSERT_EQ(pool.Submit("gate", gate.Task()), Submitted::kQueued);
  gate.WaitStarted();  // the only thread is busy: what follows waits
  std::atomic<int> runs{0};
  EXPECT_EQ(pool.Submit("a", [&] { ++runs; }), Submitted::kQueued);
  EXPECT_EQ(pool.Submit("b", [&] { ++runs; }), Submitted::kQueued);
  EXPECT_EQ(pool.Submit("c", [&] { ++runs; }), Submitted::kRejected);
  EXPECT_EQ(pool.waiting(), 2u);
  EXPECT_EQ(pool.running(), 1u);
  EXPECT_EQ(pool.rejected(), 1u);
  std::promise<void> last;
  // Full: a task with a new key is refused until the queue drains.
  EXPECT_EQ(pool.Submit("d", [&] { last.set_value(); }), Submitted::kRejected);
  gate.release.set_value();
  while (pool.Submit("d", [&] { last.set_value(); }) == Submitted::kRejected) {
    std::this_thread::yield();
  }
  last.get_future().wait();
  EXPECT_EQ(runs.load(), 2);
}

TEST(ComputePool, RunsAKeyAskedForTwiceOnce) {
  ComputePool pool({1, 8});
  Gate gate;
  ASSERT_EQ(pool.Submit("gate", gate.Task()), Submitted::kQueued);
  gate.WaitStarted();
  std::atomic<int> runs{0};
  std::promise<void> done;
  EXPECT_EQ(pool.Submit("fund:7", [&] { ++runs; }), Submitted::kQueued);
  EXPECT_EQ(pool.Submit("fund:7", [&] { ++runs; }), Submitted::kDuplicate);
  EXPECT_EQ(pool.Submit("fund:7", [&] { ++runs; }), Submitted::kDuplicate);
  EXPECT_EQ(pool.waiting(), 1u);
  EXPECT_EQ(pool.Submit("after", [&] { done.set_value(); }), Submitted::kQueued);
  gate.release.set_value();
  done.get_future().wait();  // one thread, first in first out: fund:7 has run
  EXPECT_EQ(runs.load(), 1);
}

TEST(ComputePool, RunsAKeyAgainWhenAskedForWhileItRuns) {
  // Inputs may change while their result is computed: a second run sees them.
  ComputePool pool({2, 8});
  Gate gate;
  ASSERT_EQ(pool.Submit("fund:7", gate.Task()), Submitted::kQueued);
  gate.WaitStarted();
  std::promise<void> again;
  EXPECT_EQ(pool.Submit("fund:7", [&] { again.set_value(); }), Submitted::kDuplicate);
  EXPECT_EQ(pool.Submit("fund:7", [&] { again.set_value(); }), Submitted::kDuplicate);
  // The second thread is free, yet the key does not run twice at once.
  EXPECT_EQ(pool.running(), 1u);
  EXPECT_EQ(pool.waiting(), 1u);
  gate.release.set_value();
  again.get_future().wait();
  pool.Stop();
  EXPECT_EQ(pool.completed(), 2u);
}

TEST(ComputePool, StopFinishesRunningTasksAndDropsWaitingOnes) {
  ComputePool pool({1, 8});
  Gate gate;
  std::atomic<bool> finished{false};
  ASSERT_EQ(pool.Submit("running",
                        [&] {
                          gate.started.set_value();
                          gate.released.wait();
                          finished = true;
                        }),
            Submitted::kQueued);
  gate.WaitStarted();
  std::atomic<int> dropped_runs{0};
  auto owned = std::make_shared<int>(1);  // the dropped task's captures are released
  EXPECT_EQ(pool.Submit("waiting", [&, owned] { ++dropped_runs; }), Submitted::kQueued);
  std::thread stopper([&] { pool.Stop(); });
  // Stop waits for the running task; let it go once Stop refuses new work.
  while (pool.Submit("late", [] {}) != Submitted::kStopped) std::this_thread::yield();
  gate.release.set_value();
  stopper.join();
  EXPECT_TRUE(finished.load());
  EXPECT_EQ(dropped_runs.load(), 0);
  EXPECT_EQ(owned.use_count(), 1);
  EXPECT_EQ(pool.waiting(), 0u);
  pool.Stop();  // idempotent
  EXPECT_EQ(pool.Submit("after", [] {}), Submitted::kStopped);
}

TEST(ComputePool, AThrowingTaskDoesNotStopThePool) {
  ComputePool pool({1, 8});
  std::promise<void> next;
  EXPECT_EQ(pool.Submit("throws", [] { throw std::runtime_error("broken"); }), Submitted::kQueued);
  EXPECT_EQ(pool.Submit("next", [&] { next.set_value(); }), Submitted::kQueued);
  next.get_future().wait();
  pool.Stop();
  EXPECT_EQ(pool.completed(), 2u);
}

}  // namespace
}  // namespace andel::web
