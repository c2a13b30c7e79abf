// Test input for racelab-blocking-in-coroutine, checked by checker_tests.cpp.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring of the message> [racelab-blocking-in-coroutine]
// and each expected note (optional; only the ones listed are checked):
//   // CHECK-NOTES: :[[@LINE-<n>]]:<col>: note: <substring>
// The runner fails on a missing warning, on a warning nobody announced, and
// on a missing note. Coroutines are of two kinds: Boost.Asio awaitables, and
// `task`, a minimal hand-written C++20 coroutine type.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <chrono>
#include <condition_variable>
#include <coroutine>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <mutex>
#include <atomic>
#include <vector>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using namespace std::chrono_literals;

/// The smallest coroutine type: starts at once, never suspends at the ends.
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

asio::thread_pool &pool();
long crunch_numbers(long n);

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace direct_sleep {
awaitable<int> slow(std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine: while it sleeps, no other coroutine on the event loop can run [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: to fix: co_await a timer (steady_timer::async_wait) instead, or offload the blocking work to a thread pool
  co_return 42;
}
} // namespace direct_sleep

namespace sleep_until_in_task {
task tick() {
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 10ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the thread [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace sleep_until_in_task

namespace posix_sleeps {
task nap() {
  ::sleep(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sleep' blocks the thread that runs this coroutine: while it sleeps [racelab-blocking-in-coroutine]
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' blocks [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace posix_sleeps

namespace long_critical_section {
// The lock is held while something waits: whoever else wants it — another
// coroutine of the same loop among them — waits that long.
std::mutex m;
int shared_value = 0;
awaitable<void> bump() {
  m.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::mutex::lock' blocks the thread that runs this coroutine: while it waits for the mutex [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE+3]]:3: note: the critical section is long: 'std::this_thread::sleep_for' runs here while 'm' is held
  // CHECK-NOTES: :[[@LINE-3]]:5: note: to fix: do not wait for a mutex on the event loop
  ++shared_value;
  std::this_thread::sleep_for(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine [racelab-blocking-in-coroutine]
  m.unlock();
  co_return;
}
} // namespace long_critical_section

namespace contended_mutex {
// Short here, but a thread holds the same mutex across a sleep: taking it on
// the event loop can wait that long.
std::mutex m;
int shared_value = 0;
void slow_writer() {
  std::lock_guard<std::mutex> guard(m);
  std::this_thread::sleep_for(10ms);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'm' is also held here while 'std::this_thread::sleep_for' blocks, so taking it can wait that long
  ++shared_value;
}
awaitable<void> bump_guarded() {
  std::lock_guard<std::mutex> guard(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'std::lock_guard' blocks the thread that runs this coroutine: while it waits for the mutex [racelab-blocking-in-coroutine]
  ++shared_value;
  co_return;
}
void start() {
  std::thread writer(slow_writer);
  writer.join();
}
} // namespace contended_mutex

namespace lock_held_across_co_await {
// The critical section stays open while the coroutine is suspended.
std::mutex m;
int shared_value = 0;
task bump_unique() {
  std::unique_lock<std::mutex> lock(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'std::unique_lock' blocks [racelab-blocking-in-coroutine]
  ++shared_value;
  co_await std::suspend_always{}; // NOLINT(racelab-lock-across-suspend)
}
} // namespace lock_held_across_co_await

namespace condition_wait {
std::mutex m;
std::condition_variable ready_cv;
bool ready = false;
task wait_for_ready() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock); // does not lock: fine
  lock.lock();
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'std::unique_lock::lock' blocks [racelab-blocking-in-coroutine]
  ready_cv.wait(lock, [] { return ready; });
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::condition_variable::wait' blocks the thread that runs this coroutine: while it waits for another thread [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace condition_wait

namespace future_get {
awaitable<long> compute(long n) {
  std::future<long> result = std::async(std::launch::async, crunch_numbers, n);
  co_return result.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'std::future::get' blocks the thread that runs this coroutine: while it waits for another thread [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:20: note: to fix: co_await the result instead
}
} // namespace future_get

namespace future_wait_then_get {
// The wait blocks; once it returned, get() has nothing left to wait for.
awaitable<long> compute(long n) {
  std::future<long> result = std::async(std::launch::async, crunch_numbers, n);
  result.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::future::wait' blocks [racelab-blocking-in-coroutine]
  co_return result.get();
}
} // namespace future_wait_then_get

namespace thread_join {
awaitable<long> compute(long n) {
  long result = 0;
  std::thread worker([n, &result] { result = crunch_numbers(n); });
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::thread::join' blocks the thread that runs this coroutine: while it waits for the other thread to finish [racelab-blocking-in-coroutine]
  co_return result;
}
} // namespace thread_join

namespace posix_io {
task copy(int from, int to) {
  char buffer[256];
  long n = read(from, buffer, sizeof buffer);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'read' blocks the thread that runs this coroutine: while it waits for the input or output [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: to fix: co_await the asynchronous operation (async_read
  write(to, buffer, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'write' blocks [racelab-blocking-in-coroutine]
  co_return;
}
task first_line(std::FILE *file) {
  char line[80];
  std::fgets(line, sizeof line, file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fgets' blocks [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace posix_io

namespace console {
awaitable<std::string> ask_name() {
  std::string name;
  std::getline(std::cin, name);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::getline' blocks the thread that runs this coroutine: while it waits for the user to type [racelab-blocking-in-coroutine]
  co_return name;
}
awaitable<int> ask_number() {
  int n = 0;
  std::cin >> n;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'std::cin >>' blocks [racelab-blocking-in-coroutine]
  co_return n;
}
} // namespace console

namespace synchronous_asio {
awaitable<std::size_t> fetch(asio::ip::tcp::socket &socket) {
  char data[128];
  std::size_t n = asio::read(socket, asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'boost::asio::read' blocks the thread that runs this coroutine: while it waits for the operation to complete [racelab-blocking-in-coroutine]
  n += socket.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'boost::asio::basic_stream_socket::read_some' blocks [racelab-blocking-in-coroutine]
  co_return n;
}
awaitable<void> pause(asio::steady_timer &timer) {
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::asio::basic_waitable_timer::wait' blocks [racelab-blocking-in-coroutine]
  co_return;
}
awaitable<void> nested_loop(asio::io_context &other) {
  other.run();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'boost::asio::io_context::run' blocks the thread that runs this coroutine: while it runs that event loop to the end [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace synchronous_asio

namespace other_programs {
task build() {
  std::system("make");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' blocks the thread that runs this coroutine: while the other program runs [racelab-blocking-in-coroutine]
  int status = 0;
  waitpid(-1, &status, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'waitpid' blocks [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace other_programs

namespace chain_three_deep {
void wait_a_bit() { std::this_thread::sleep_for(5ms); }
void prepare() { wait_a_bit(); }
void crunch() { prepare(); }
awaitable<int> slow() {
  crunch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' (called through 'crunch') blocks the thread that runs this coroutine [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 'slow' calls 'crunch' here
  // CHECK-NOTES: :[[@LINE-5]]:17: note: 'crunch' calls 'prepare' here
  // CHECK-NOTES: :[[@LINE-7]]:18: note: 'prepare' calls 'wait_a_bit' here
  // CHECK-NOTES: :[[@LINE-9]]:21: note: 'wait_a_bit' calls 'std::this_thread::sleep_for', which blocks here
  co_return 42;
}
} // namespace chain_three_deep

namespace recursion {
void nap() { std::this_thread::sleep_for(1ms); }
void countdown(int n) {
  if (n > 0)
    countdown(n - 1); // recursion: followed once, not forever
  else
    nap();
}
task launch() {
  countdown(10);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' (called through 'countdown') blocks [racelab-blocking-in-coroutine]
  // CHECK-NOTES: :[[@LINE-5]]:5: note: 'countdown' calls 'nap' here
  co_return;
}
} // namespace recursion

namespace lambda_called_here {
task run() {
  auto pause = [] { std::this_thread::sleep_for(1ms); };
  pause(); // runs on this thread, in the coroutine
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' (called through the lambda at line  [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace lambda_called_here

namespace generic_lambda_called_here {
// A generic lambda runs the specialization the call instantiates.
task run() {
  auto pause = [](auto how_long) { std::this_thread::sleep_for(how_long); };
  pause(1ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' (called through the lambda at line  [racelab-blocking-in-coroutine]
  co_return;
}
} // namespace generic_lambda_called_here

namespace coroutine_lambda_on_the_loop {
void start(asio::io_context &loop) {
  asio::co_spawn(
      loop,
      []() -> awaitable<void> {
        std::this_thread::sleep_for(10ms);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::this_thread::sleep_for' blocks the thread that runs this coroutine [racelab-blocking-in-coroutine]
        co_return;
      },
      asio::detached);
}
} // namespace coroutine_lambda_on_the_loop

namespace member_coroutine {
class Server {
public:
  awaitable<void> handle() {
    load_config();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'fread' (called through 'Server::load_config') blocks [racelab-blocking-in-coroutine]
    co_return;
  }

private:
  void load_config() {
    char buffer[64];
    std::fread(buffer, 1, sizeof buffer, stdin);
  }
};
} // namespace member_coroutine

namespace blocking_argument_of_co_await {
awaitable<void> consume(long value);
long produce() {
  std::this_thread::sleep_for(1ms);
  return 1;
}
awaitable<void> run() {
  co_await consume(produce()); // produce() runs before the coroutine suspends
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'std::this_thread::sleep_for' (called through 'produce') blocks [racelab-blocking-in-coroutine]
}
} // namespace blocking_argument_of_co_await

namespace cpu_loop {
// A loop whose number of rounds is a runtime number, computing, never
// suspending: the loop's other coroutines wait until it is done.
awaitable<long> sum(long n) {
  long total = 0;
  for (long i = 0; i < n; ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this loop blocks the thread that runs this coroutine: it runs every round without suspending [racelab-blocking-in-coroutine]
    // CHECK-NOTES: :[[@LINE-2]]:3: note: to fix: hand the event loop back now and then inside the loop
    total += i;
  co_return total;
}
} // namespace cpu_loop

namespace trial_division_through_a_helper {
bool divides_by_none(unsigned long n) {
  for (unsigned long d = 3; d * d <= n; d += 2)
    // CHECK-NOTES: :[[@LINE-1]]:3: note: 'divides_by_none' loops here without suspending
    if (n % d == 0)
      return false;
  return true;
}
awaitable<bool> is_prime(unsigned long n) {
  co_return n > 2 && divides_by_none(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: a loop (called through 'divides_by_none') blocks the thread that runs this coroutine [racelab-blocking-in-coroutine]
}
} // namespace trial_division_through_a_helper

namespace busy_wait_on_the_clock {
awaitable<int> slow(std::chrono::milliseconds delay) {
  const auto until = std::chrono::steady_clock::now() + delay;
  while (std::chrono::steady_clock::now() < until) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this loop blocks the thread that runs this coroutine: it keeps the thread busy waiting instead of suspending [racelab-blocking-in-coroutine]
  }
  co_return 42;
}
} // namespace busy_wait_on_the_clock

namespace spin_on_a_flag {
std::atomic<bool> ready{false};
task wait_ready() {
  while (!ready.load(std::memory_order_acquire)) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this loop blocks the thread that runs this coroutine: it keeps the thread busy waiting [racelab-blocking-in-coroutine]
  }
  co_return;
}
} // namespace spin_on_a_flag

namespace await_that_never_suspends {
// Asking for the executor completes at once: the loop never hands the event
// loop back.
awaitable<bool> is_prime(unsigned long n) {
  for (unsigned long d = 3; d * d <= n; d += 2) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: this loop blocks the thread that runs this coroutine: it runs every round without suspending [racelab-blocking-in-coroutine]
    if (n % d == 0)
      co_return false;
    auto executor = co_await asio::this_coro::executor;
    (void)executor;
  }
  co_return true;
}
} // namespace await_that_never_suspends

namespace future_polled_with_a_timeout {
awaitable<long> compute(long n) {
  std::future<long> result = std::async(std::launch::async, crunch_numbers, n);
  while (result.wait_for(5ms) != std::future_status::ready) {
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::future::wait_for' blocks the thread that runs this coroutine [racelab-blocking-in-coroutine]
  }
  co_return result.get();
}
} // namespace future_polled_with_a_timeout

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace timer_await {
awaitable<int> slow(std::chrono::milliseconds delay) {
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  co_await timer.async_wait(use_awaitable);
  co_return 42;
}
} // namespace timer_await

namespace periodic_yield {
awaitable<bool> is_prime(unsigned long n) {
  unsigned steps = 0;
  for (unsigned long d = 3; d * d <= n; d += 2) {
    if (n % d == 0)
      co_return false;
    if (++steps % 20000 == 0)
      co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
  }
  co_return true;
}
} // namespace periodic_yield

namespace thread_pool_offload {
awaitable<long> compute(long n) {
  long result = co_await asio::co_spawn(
      pool(), [n]() -> awaitable<long> {
        std::this_thread::sleep_for(1ms); // on a pool thread: the loop stays free
        co_return crunch_numbers(n);
      },
      use_awaitable);
  co_return result;
}
} // namespace thread_pool_offload

namespace named_coroutine_on_the_pool {
awaitable<long> crunch_on_pool(long n) {
  std::this_thread::sleep_for(1ms); // only ever spawned on the pool
  co_return n;
}
awaitable<long> compute(long n) {
  co_return co_await asio::co_spawn(pool(), crunch_on_pool(n), use_awaitable);
}
} // namespace named_coroutine_on_the_pool

namespace lambda_handed_to_pool {
awaitable<void> schedule() {
  auto job = [] { std::this_thread::sleep_for(10ms); }; // defined here, runs on the pool
  asio::post(pool(), job);
  asio::post(pool(), [] { std::this_thread::sleep_for(10ms); });
  co_return;
}
} // namespace lambda_handed_to_pool

namespace lambda_handed_to_thread {
task start() {
  std::thread([] { std::this_thread::sleep_for(10ms); }).detach();
  auto unused = [] { ::sleep(1); }; // defined, never called
  (void)unused;
  co_return;
}
} // namespace lambda_handed_to_thread

namespace generic_lambda_that_does_not_block {
// The same shape as above, but the generic lambda only computes.
task run() {
  auto twice = [](auto n) { return n * 2; };
  long total = twice(21L);
  (void)total;
  co_return;
}
} // namespace generic_lambda_that_does_not_block

namespace async_operations {
awaitable<std::size_t> echo(asio::ip::tcp::socket &socket) {
  char data[128];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  co_return n;
}
awaitable<void> dial(asio::ip::tcp::socket &socket, asio::ip::tcp::endpoint where) {
  co_await socket.async_connect(where, use_awaitable);
}
} // namespace async_operations

namespace not_a_coroutine {
void worker() {
  std::this_thread::sleep_for(10ms); // a plain function on its own thread
  std::mutex m;
  std::lock_guard<std::mutex> lock(m);
}
void main_thread() {
  std::thread t(worker);
  t.join();
}
} // namespace not_a_coroutine

namespace same_names_not_the_library {
namespace mylib {
int write(int value) { return value * 2; } // not POSIX write
} // namespace mylib
task run() {
  mylib::write(3);
  co_return;
}
} // namespace same_names_not_the_library

namespace locks_that_do_not_wait {
std::mutex m;
task run() {
  std::unique_lock<std::mutex> maybe(m, std::try_to_lock);
  std::unique_lock<std::mutex> later(m, std::defer_lock);
  if (m.try_lock())
    m.unlock();
  co_return;
}
} // namespace locks_that_do_not_wait

namespace string_streams {
task parse(const std::string &text) {
  std::istringstream in(text);
  int n = 0;
  in >> n;
  std::string rest;
  std::getline(in, rest);
  std::cout << n << rest << '\n';
  co_return;
}
} // namespace string_streams

namespace recursion_without_blocking {
long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
task run() {
  long f = fib(20);
  (void)f;
  co_return;
}
} // namespace recursion_without_blocking

namespace short_critical_section {
// Held briefly, released before the next co_await, never held by anyone
// across a wait: the lock is free, taking it does not block.
std::mutex m;
int shared_value = 0;
awaitable<void> bump() {
  m.lock();
  ++shared_value;
  m.unlock();
  co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
}
awaitable<void> bump_guarded() {
  {
    std::lock_guard<std::mutex> guard(m);
    ++shared_value;
  }
  co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
}
void from_a_thread() {
  std::scoped_lock lock(m);
  ++shared_value;
}
void start() {
  std::thread t(from_a_thread);
  t.join();
}
} // namespace short_critical_section

namespace loops_that_do_not_block {
awaitable<long> total(const std::vector<long> &values, int rounds) {
  long sum = 0;
  for (long v : values) // as long as the data: not a computation of its own
    sum += v;
  for (std::size_t i = 0; i < values.size(); ++i)
    sum += values[i];
  for (int i = 0; i < 10; ++i) // a fixed number of rounds
    sum *= 2;
  for (int i = 0; i < rounds; ++i) { // suspends every round
    sum += i;
    co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
  }
  co_return sum;
}
awaitable<void> spawn_all(int n) {
  auto executor = co_await asio::this_coro::executor;
  for (int i = 0; i < n; ++i) // starts work for later: each round is short
    asio::co_spawn(executor, total({}, i), asio::detached);
}
} // namespace loops_that_do_not_block

namespace compare_exchange_maximum {
// Retries only while others update: a lock-free update, not a wait.
std::atomic<int> most{0};
awaitable<void> record(int now) {
  int seen = most.load();
  while (now > seen && !most.compare_exchange_weak(seen, now)) {
  }
  co_return;
}
} // namespace compare_exchange_maximum

namespace awaiting_other_coroutines {
awaitable<int> answer() { co_return 42; }
awaitable<int> ask() {
  int a = co_await answer();
  co_return a + co_await answer();
}
} // namespace awaiting_other_coroutines

namespace silenced {
awaitable<void> legacy() {
  std::this_thread::sleep_for(1ms); // NOLINT(racelab-blocking-in-coroutine)
  // NOLINTNEXTLINE(racelab-*)
  std::this_thread::sleep_for(1ms);
  std::this_thread::sleep_for(1ms); // NOLINT
  co_return;
}
} // namespace silenced

namespace blocking_in_main_after_loop {
int main_like() {
  asio::io_context loop;
  asio::co_spawn(loop, timer_await::slow(10ms), asio::detached);
  loop.run(); // not in a coroutine
  std::this_thread::sleep_for(1ms);
  return 0;
}
} // namespace blocking_in_main_after_loop

namespace future_polled_until_ready {
// wait_for(0s) only asks; get() runs once the future said it is ready.
awaitable<long> compute(long n) {
  std::future<long> result = std::async(std::launch::async, crunch_numbers, n);
  asio::steady_timer tick(co_await asio::this_coro::executor);
  while (result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    tick.expires_after(1ms);
    co_await tick.async_wait(use_awaitable);
  }
  co_return result.get();
}
awaitable<long> compute_zero_literal(long n) {
  std::future<long> result = std::async(std::launch::async, crunch_numbers, n);
  asio::steady_timer tick(co_await asio::this_coro::executor);
  for (;;) {
    if (result.wait_for(0ms) == std::future_status::ready)
      co_return result.get();
    tick.expires_after(1ms);
    co_await tick.async_wait(use_awaitable);
  }
}
} // namespace future_polled_until_ready
