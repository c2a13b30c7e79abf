// Test input for racelab-lock-across-suspend, checked by checker_tests.cpp.
//
// Each expected warning is announced on the line after it:
//   // CHECK-MESSAGES: :[[@LINE-1]]:<col>: warning: <substring of the message> [racelab-lock-across-suspend]
// and each expected note (optional; only the ones listed are checked):
//   // CHECK-NOTES: :[[@LINE-<n>]]:<col>: note: <substring>
// Locking a std::mutex inside a coroutine is also a blocking call
// (racelab-blocking-in-coroutine); that is not what this file tests, so each
// lock line says NOLINT(racelab-blocking-in-coroutine). A NOLINT covers its
// own line only: the warnings tested here are on the co_await lines.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <coroutine>
#include <mutex>
#include <shared_mutex>
#include <utility>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

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

/// A coroutine that co_yields ints (the values are not used here).
struct generator {
  struct promise_type {
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

/// An awaitable that suspends and then yields a bool.
struct check_remote {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  bool await_resume() const noexcept { return true; }
};

void consume(std::unique_lock<std::mutex> lock);
bool busy();

// ============================================================================
// Cases that MUST warn
// ============================================================================

namespace lock_guard_across_await {
std::mutex m;
int value = 0;
task update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  // CHECK-NOTES: :[[@LINE-1]]:31: note: 'm' is locked here, and stays locked until 'guard' goes out of scope
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'guard') when the coroutine suspends at this co_await [racelab-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: to fix: end the lock's scope before the co_await
  ++value;
}
} // namespace lock_guard_across_await

namespace scoped_lock_two_mutexes {
std::mutex a, b;
task transfer() {
  std::scoped_lock both(a, b); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' (and 1 more) is still locked (by 'both') [racelab-lock-across-suspend]
}
} // namespace scoped_lock_two_mutexes

namespace unique_lock_owning {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'lock') [racelab-lock-across-suspend]
}
} // namespace unique_lock_owning

namespace shared_lock_reader {
std::shared_mutex table_mutex;
task read_table() {
  std::shared_lock<std::shared_mutex> reader(table_mutex); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'table_mutex' is still locked (by 'reader') [racelab-lock-across-suspend]
}
} // namespace shared_lock_reader

namespace manual_lock_unlock {
std::mutex m;
task update() {
  m.lock(); // NOLINT(racelab-blocking-in-coroutine)
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'm' is locked here, and not unlocked before the co_await
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by m.lock()) when the coroutine suspends at this co_await [racelab-lock-across-suspend]
  m.unlock();
}
} // namespace manual_lock_unlock

namespace yield_while_locked {
std::mutex m;
generator numbers() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  for (int i = 0; i < 3; ++i)
    co_yield i;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'guard') when the coroutine suspends at this co_yield [racelab-lock-across-suspend]
}
} // namespace yield_while_locked

namespace asio_timer_while_locked {
std::mutex m;
awaitable<void> tick(asio::steady_timer &timer) {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  co_await timer.async_wait(use_awaitable);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
}
} // namespace asio_timer_while_locked

namespace await_in_inner_block {
std::mutex m;
task update(bool again) {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  if (again) {
    co_await std::suspend_always{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
  }
}
} // namespace await_in_inner_block

namespace lock_and_await_in_branch {
std::mutex m;
task update(bool flag) {
  if (flag) {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    co_await std::suspend_always{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
  }
}
} // namespace lock_and_await_in_branch

namespace await_in_loop {
std::mutex m;
task drain(int n) {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  while (n-- > 0) {
    co_await std::suspend_always{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'lock') [racelab-lock-across-suspend]
  }
}
} // namespace await_in_loop

namespace unlocked_on_one_path_only {
std::mutex m;
task update(bool early) {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  if (early)
    lock.unlock();
  co_await std::suspend_always{}; // still locked when early is false
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'lock') [racelab-lock-across-suspend]
}
} // namespace unlocked_on_one_path_only

namespace deferred_then_locked {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  lock.lock(); // NOLINT(racelab-blocking-in-coroutine)
  // CHECK-NOTES: :[[@LINE-1]]:8: note: 'm' is locked here
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'lock') [racelab-lock-across-suspend]
}
} // namespace deferred_then_locked

namespace relocked_before_await {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  lock.unlock();
  co_await std::suspend_always{}; // fine: unlocked
  lock.lock(); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'lock') [racelab-lock-across-suspend]
}
} // namespace relocked_before_await

namespace locked_at_end_of_iteration {
std::mutex m;
task pump(int n) {
  for (int i = 0; i < n; ++i) {
    co_await std::suspend_always{}; // locked here from the second time round
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by m.lock()) [racelab-lock-across-suspend]
    m.unlock();
    m.lock(); // NOLINT(racelab-blocking-in-coroutine)
  }
}
} // namespace locked_at_end_of_iteration

namespace coroutine_lambda {
std::mutex m;
void start() {
  auto job = []() -> task {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    co_await std::suspend_always{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
  };
  job();
}
} // namespace coroutine_lambda

namespace await_in_condition {
std::mutex m;
task update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  if (co_await check_remote{}) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
  }
}
} // namespace await_in_condition

namespace await_in_co_return {
std::mutex m;
awaitable<int> answer();
awaitable<int> update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  co_return co_await answer();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
}
} // namespace await_in_co_return

namespace moved_to_another_lock {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> first(m); // NOLINT(racelab-blocking-in-coroutine)
  std::unique_lock<std::mutex> second(std::move(first));
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'second') [racelab-lock-across-suspend]
}
} // namespace moved_to_another_lock

namespace adopted_lock {
std::mutex m;
task update() {
  m.lock(); // NOLINT(racelab-blocking-in-coroutine)
  std::lock_guard<std::mutex> guard(m, std::adopt_lock);
  co_await std::suspend_always{}; // one finding: guard owns the lock now
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
}
} // namespace adopted_lock

namespace two_suspensions {
std::mutex m;
task update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
  co_await std::suspend_always{};
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
}
} // namespace two_suspensions

namespace switch_case {
std::mutex m;
task handle(int command) {
  switch (command) {
  case 1: {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    co_await std::suspend_always{};
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'm' is still locked (by 'guard') [racelab-lock-across-suspend]
    break;
  }
  default:
    break;
  }
}
} // namespace switch_case

// ============================================================================
// Cases that must NOT warn
// ============================================================================

namespace scope_ends_first {
std::mutex m;
int value = 0;
task update() {
  {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    ++value;
  }
  co_await std::suspend_always{};
}
} // namespace scope_ends_first

namespace unlocked_first {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  lock.unlock();
  co_await std::suspend_always{};
}
} // namespace unlocked_first

namespace manual_unlock_first {
std::mutex m;
task update() {
  m.lock(); // NOLINT(racelab-blocking-in-coroutine)
  m.unlock();
  co_await std::suspend_always{};
}
} // namespace manual_unlock_first

namespace deferred_never_locked {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await std::suspend_always{};
}
} // namespace deferred_never_locked

namespace lock_in_branch_block {
std::mutex m;
task update(bool flag) {
  if (flag) {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  }
  co_await std::suspend_always{};
}
} // namespace lock_in_branch_block

namespace lock_in_loop_body {
std::mutex m;
task update(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  }
  co_await std::suspend_always{};
}
} // namespace lock_in_loop_body

namespace asio_queries_do_not_suspend {
std::mutex m;
awaitable<void> tick() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  auto executor = co_await asio::this_coro::executor; // returns at once
  (void)executor;
}
} // namespace asio_queries_do_not_suspend

namespace suspend_never {
std::mutex m;
task update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_never{};
}
} // namespace suspend_never

namespace plain_function {
std::mutex m;
int value = 0;
void update() {
  std::lock_guard<std::mutex> guard(m);
  ++value;
}
} // namespace plain_function

namespace lambda_inside_coroutine {
std::mutex m;
int value = 0;
task update() {
  auto bump = [] {
    std::lock_guard<std::mutex> guard(m);
    ++value;
  };
  co_await std::suspend_always{};
  (void)bump;
}
} // namespace lambda_inside_coroutine

namespace handed_over_by_move {
std::mutex m;
task update() {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  consume(std::move(lock));
  co_await std::suspend_always{};
}
} // namespace handed_over_by_move

namespace locked_branch_returns {
std::mutex m;
task update(bool quick) {
  if (quick) {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    co_return;
  }
  co_await std::suspend_always{};
}
} // namespace locked_branch_returns

namespace silenced {
std::mutex m;
task update() {
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  co_await std::suspend_always{}; // NOLINT(racelab-lock-across-suspend)
}
} // namespace silenced

namespace lock_inside_try {
std::mutex m;
task update() {
  try {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
  } catch (...) {
    throw;
  }
  co_await std::suspend_always{};
}
} // namespace lock_inside_try

namespace await_before_lock {
std::mutex m;
task update() {
  co_await std::suspend_always{};
  std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
}
} // namespace await_before_lock

namespace switch_with_scoped_case {
std::mutex m;
task handle(int command) {
  switch (command) {
  case 1: {
    std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    break;
  }
  default:
    break;
  }
  co_await std::suspend_always{};
}
} // namespace switch_with_scoped_case

namespace unlocked_on_both_paths {
std::mutex m;
task update(bool flag) {
  std::unique_lock<std::mutex> lock(m); // NOLINT(racelab-blocking-in-coroutine)
  if (flag)
    lock.unlock();
  else
    lock.unlock();
  co_await std::suspend_always{};
}
} // namespace unlocked_on_both_paths

namespace while_condition_lock {
std::mutex m;
task poll() {
  while (busy()) {
    {
      std::lock_guard<std::mutex> guard(m); // NOLINT(racelab-blocking-in-coroutine)
    }
    co_await std::suspend_always{};
  }
}
} // namespace while_condition_lock
