// Test input for racelab-missing-lock on Boost.Asio work handed to a
// thread_pool (post / dispatch / defer / co_spawn), run by checker_tests.cpp
// (every_other_annotated_file). Same annotations as missing-lock.cpp:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring of the message> [racelab-missing-lock]
//   // CHECK-NOTES: :[[@LINE-1]]:<col>: note: <substring>
// Every case has its own variables and handlers.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/defer.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <mutex>

namespace asio = boost::asio;

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace post_in_loop {
long counter = 0;
void run() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 8; ++i)
    asio::post(pool, [] { ++counter; });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'counter' is written by several threads with no lock held; updates can be lost [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: the lambda at line 30 is started here inside a loop, so several threads run it at the same time
  pool.join();
}
} // namespace post_in_loop

namespace executor_posted_twice {
long total = 0;
void add_one() { total = total + 1; }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'total' is written by several threads with no lock held [racelab-missing-lock]
void run() {
  asio::thread_pool pool(2);
  asio::post(pool.get_executor(), add_one);
  asio::post(pool.get_executor(), add_one);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'add_one' is started again here, so several threads run it at the same time
  pool.join();
}
} // namespace executor_posted_twice

namespace dispatch_and_defer {
int latest = 0;
void run() {
  asio::thread_pool pool(2);
  asio::dispatch(pool, [] { latest = 42; });
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'latest' is written by one thread and read by another with no lock held [racelab-missing-lock]
  int seen = 0;
  asio::defer(pool, [&seen] { seen = latest; });
  // CHECK-NOTES: :[[@LINE-1]]:38: note: 'latest' is also read here by the thread running the lambda at line 57, with no lock held
  pool.wait();
}
} // namespace dispatch_and_defer

namespace poster_reads_before_join {
bool done = false;
void run() {
  asio::thread_pool pool(1);
  asio::post(pool, [] { done = true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'done' is written by one thread and read by another with no lock held [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the lambda at line 67 is started here and runs at the same time as 'run' until it is joined on line 72
  bool early = done;
  (void)early;
  pool.join();
}
} // namespace poster_reads_before_join

namespace co_spawn_lambda_in_loop {
int hits = 0;
void run() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(
        pool, []() -> asio::awaitable<void> { hits += 1; co_return; }, asio::detached);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'hits' is written by several threads with no lock held [racelab-missing-lock]
  // CHECK-NOTES: :[[@LINE-3]]:5: note: the lambda at line 82 is started here inside a loop
  pool.join();
}
} // namespace co_spawn_lambda_in_loop

namespace co_spawn_coroutine_function {
long bumps = 0;
asio::awaitable<void> bump(int by) {
  bumps += by;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'bumps' is written by several threads with no lock held [racelab-missing-lock]
  co_return;
}
void run() {
  asio::thread_pool pool(2);
  asio::co_spawn(pool, bump(1), asio::detached);
  asio::co_spawn(pool.get_executor(), bump(2), asio::detached);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'bump' is started again here, so several threads run it at the same time
  pool.join();
}
} // namespace co_spawn_coroutine_function

namespace a_new_strand_each_time {
long jobs = 0;
void run() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 4; ++i)
    asio::post(asio::make_strand(pool), [] { ++jobs; });
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'jobs' is written by several threads with no lock held [racelab-missing-lock]
  pool.join();
}
} // namespace a_new_strand_each_time

namespace strand_and_plain_pool {
long items = 0;
void run() {
  asio::thread_pool pool(4);
  auto strand = asio::make_strand(pool);
  asio::post(strand, [] { ++items; });
  // CHECK-NOTES: :[[@LINE-1]]:29: note: 'items' is also written here by the thread running the lambda at line 121, holding 'strand'
  asio::post(pool, [] { --items; });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'items' is written by several threads with no common lock held [racelab-missing-lock]
  pool.join();
}
} // namespace strand_and_plain_pool

namespace pool_destroyed_at_end_of_block {
int progress = 0;
void run() {
  {
    asio::thread_pool pool(2);
    asio::post(pool, [] { progress = 1; });
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'progress' is written by one thread and read by another with no lock held [racelab-missing-lock]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the lambda at line 134 is started here and runs at the same time as 'run' until it is joined on line 139
    int now = progress;
    (void)now;
  }
}
} // namespace pool_destroyed_at_end_of_block

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace with_a_mutex {
long counter = 0;
std::mutex counter_mutex;
void run() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 8; ++i)
    asio::post(pool, [] {
      std::lock_guard<std::mutex> lock(counter_mutex);
      ++counter;
    });
  pool.join();
}
} // namespace with_a_mutex

namespace with_an_atomic {
std::atomic<long> counter{0};
void run() {
  asio::thread_pool pool(4);
  for (int i = 0; i < 8; ++i)
    asio::post(pool.get_executor(), [] { counter.fetch_add(1); });
  pool.join();
}
} // namespace with_an_atomic

namespace read_after_join {
long result = 0;
long run() {
  asio::thread_pool pool(1);
  asio::post(pool, [] { result = 42; });
  pool.join();
  return result;
}
} // namespace read_after_join

namespace read_after_wait {
int answer = 0;
int run() {
  asio::thread_pool pool(1);
  asio::dispatch(pool, [] { answer = 7; });
  pool.wait();
  return answer;
}
} // namespace read_after_wait

namespace one_strand {
long counter = 0;
void run() {
  asio::thread_pool pool(4);
  auto strand = asio::make_strand(pool);
  for (int i = 0; i < 8; ++i)
    asio::post(strand, [] { ++counter; });
  asio::post(strand, [] { counter = 0; });
  pool.join();
  long final_count = counter;
  (void)final_count;
}
} // namespace one_strand

namespace strand_over_executor {
long counter = 0;
void run() {
  asio::thread_pool pool(4);
  asio::strand<asio::thread_pool::executor_type> strand(pool.get_executor());
  for (int i = 0; i < 8; ++i)
    asio::co_spawn(strand, []() -> asio::awaitable<void> { ++counter; co_return; }, asio::detached);
  pool.join();
}
} // namespace strand_over_executor

namespace single_threaded_io_context {
long counter = 0;
void run() {
  asio::io_context io;
  for (int i = 0; i < 8; ++i)
    asio::post(io, [] { ++counter; });
  asio::co_spawn(io, []() -> asio::awaitable<void> { ++counter; co_return; }, asio::detached);
  io.run(); // the handlers run here, on this thread, one at a time
  ++counter;
}
} // namespace single_threaded_io_context

namespace read_after_the_pool_is_gone {
int progress = 0;
int run() {
  {
    asio::thread_pool pool(2);
    asio::post(pool, [] { progress = 1; });
  } // ~thread_pool joins
  return progress;
}
} // namespace read_after_the_pool_is_gone

namespace posted_once_by_value {
void run(long seed) {
  asio::thread_pool pool(2);
  asio::post(pool, [seed] {
    long local = seed;
    local = local * 2;
    (void)local;
  });
  ++seed;
  pool.join();
}
} // namespace posted_once_by_value

namespace co_spawn_once_then_join {
long bumps = 0;
asio::awaitable<void> bump(int by) {
  bumps += by;
  co_return;
}
long run() {
  asio::thread_pool pool(2);
  asio::co_spawn(pool, bump(1), asio::detached);
  pool.join();
  return bumps;
}
} // namespace co_spawn_once_then_join
