#pragma once
/// \file
/// The I/O-bound workload shared by exercise 7 and the perf harness: the tables
/// of a restaurant, each of which "thinks" about its order for a while before a
/// waiter can write it down. Thinking stands for blocking I/O (a request to a
/// slow server): the waiting costs time but no processor.
///
/// A table can think in two ways, and which one a program uses is the lesson:
/// - `think(n)` blocks the calling thread for the latency (a sleep): fine on a
///   thread of its own, wrong inside a coroutine, where it holds the event loop;
/// - `co_await async_think(n)` waits on an Asio timer of the coroutine's own
///   executor: the loop runs other tables meanwhile.
///
/// For the graders, the tables also count how many of them think at once, on
/// how many threads, and how often each was served. Every counter is a relaxed
/// atomic on purpose: the kit must add no ordering between the student's
/// threads, or it would hide their data races from ThreadSanitizer.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <thread>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace racelab::bench {

/// What a grader can see of one service, once it is over.
struct TablesObservation {
  int most_thinking_at_once = 0;  ///< the largest number of tables thinking at the same moment
  long blocking_thinks = 0;       ///< calls to think()
  long awaited_thinks = 0;        ///< calls to async_think()
  long unknown_tables = 0;        ///< think calls with a number outside 1 … count()
  long thinks_away_from_home = 0;  ///< thinks on a thread other than the one that made the tables
  int threads_used = 0;           ///< distinct threads that made a table think
  bool gave_up_waiting = false;   ///< the tables stopped waiting for each other (see keep_thinking_until)
};

/// The tables of one service, numbered 1 … count(). Make one per service, on
/// the thread that calls the strategy: that thread is the tables' "home".
class Tables {
 public:
  Tables(std::size_t count, std::chrono::microseconds latency)
      : count_(count),
        latency_(latency),
        served_(std::make_unique<std::atomic<int>[]>(count + 1)),
        home_(std::this_thread::get_id()),
        service_id_(next_service_id().fetch_add(1, std::memory_order_relaxed) + 1) {}

  Tables(const Tables&) = delete;
  Tables& operator=(const Tables&) = delete;

  std::size_t count() const { return count_; }
  std::chrono::microseconds latency() const { return latency_; }

  /// Table `number` thinks about its order: the calling thread sleeps for
  /// latency() (longer while a grader holds the tables together). A blocking
  /// call: inside a coroutine it stops the whole event loop.
  void think(int number) {
    arrive(number);
    blocking_thinks_.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::sleep_for(latency_);
    while (!may_stop_thinking()) {
      std::this_thread::sleep_for(poll_interval);
    }
    leave();
  }

  /// The same thinking for a coroutine: waits latency() on a steady_timer of
  /// the coroutine's own executor, so the event loop serves other tables
  /// meanwhile. Use it as `co_await tables.async_think(number);`.
  boost::asio::awaitable<void> async_think(int number) {
    arrive(number);
    awaited_thinks_.fetch_add(1, std::memory_order_relaxed);
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, latency_);
    co_await timer.async_wait(boost::asio::use_awaitable);
    while (!may_stop_thinking()) {
      timer.expires_after(poll_interval);
      co_await timer.async_wait(boost::asio::use_awaitable);
    }
    leave();
  }

  /// For graders, before the service starts: a table that has thought its
  /// latency keeps thinking until `tables` tables think at the same time, so
  /// that a program that serves them concurrently is seen to, however slowly
  /// its threads happen to start. If no new table starts thinking for
  /// `patience`, the tables stop waiting for the rest of the service (and the
  /// observation says so): a program that serves one table at a time costs
  /// one `patience`, not one per table. Waiting for each other is done by
  /// polling relaxed atomics, which orders nothing between threads.
  void keep_thinking_until(int tables, std::chrono::milliseconds patience) {
    together_ = tables;
    patience_ = patience;
  }

  /// How many times table `number` thought (0 for a number outside 1 … count()).
  int times_served(int number) const {
    return is_known(number) ? served_[static_cast<std::size_t>(number)].load(std::memory_order_relaxed) : 0;
  }

  TablesObservation observe() const {
    TablesObservation seen;
    seen.most_thinking_at_once = most_thinking_.load(std::memory_order_relaxed);
    seen.blocking_thinks = blocking_thinks_.load(std::memory_order_relaxed);
    seen.awaited_thinks = awaited_thinks_.load(std::memory_order_relaxed);
    seen.unknown_tables = unknown_tables_.load(std::memory_order_relaxed);
    seen.thinks_away_from_home = away_from_home_.load(std::memory_order_relaxed);
    seen.threads_used = threads_used_.load(std::memory_order_relaxed);
    seen.gave_up_waiting = gave_up_.load(std::memory_order_relaxed);
    return seen;
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds poll_interval{1};

  // Unique per Tables object, so a thread that served an earlier service is
  // counted again in the next one.
  static std::atomic<std::uint64_t>& next_service_id() {
    static std::atomic<std::uint64_t> id{0};
    return id;
  }

  bool is_known(int number) const { return number >= 1 && static_cast<std::size_t>(number) <= count_; }

  void arrive(int number) {
    if (is_known(number)) {
      served_[static_cast<std::size_t>(number)].fetch_add(1, std::memory_order_relaxed);
    } else {
      unknown_tables_.fetch_add(1, std::memory_order_relaxed);
    }
    count_this_thread();
    const int now_thinking = thinking_.fetch_add(1, std::memory_order_relaxed) + 1;
    int most = most_thinking_.load(std::memory_order_relaxed);
    while (now_thinking > most &&
           !most_thinking_.compare_exchange_weak(most, now_thinking, std::memory_order_relaxed)) {
    }
    if (together_ > 0) {
      last_arrival_ns_.store(now_ns(), std::memory_order_relaxed);
    }
  }

  void leave() { thinking_.fetch_sub(1, std::memory_order_relaxed); }

  void count_this_thread() {
    // The last service this thread thought for: a thread counts once per service.
    thread_local std::uint64_t last_service = 0;
    if (last_service != service_id_) {
      last_service = service_id_;
      threads_used_.fetch_add(1, std::memory_order_relaxed);
    }
    if (std::this_thread::get_id() != home_) {
      away_from_home_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  // True once enough tables have thought together, or once waiting for more
  // looks hopeless; then true for the rest of the service.
  bool may_stop_thinking() {
    if (together_ <= 0 || released_.load(std::memory_order_relaxed)) {
      return true;
    }
    if (most_thinking_.load(std::memory_order_relaxed) >= together_) {
      released_.store(true, std::memory_order_relaxed);
      return true;
    }
    const auto idle = std::chrono::nanoseconds(now_ns() - last_arrival_ns_.load(std::memory_order_relaxed));
    if (idle >= patience_) {
      gave_up_.store(true, std::memory_order_relaxed);
      released_.store(true, std::memory_order_relaxed);
      return true;
    }
    return false;
  }

  static std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
  }

  const std::size_t count_;
  const std::chrono::microseconds latency_;
  std::unique_ptr<std::atomic<int>[]> served_;  // by table number; [0] unused
  const std::thread::id home_;
  const std::uint64_t service_id_;
  // Set before the service starts (see keep_thinking_until), read-only during it.
  int together_ = 0;
  std::chrono::milliseconds patience_{0};

  std::atomic<int> thinking_{0};
  std::atomic<int> most_thinking_{0};
  std::atomic<long> blocking_thinks_{0};
  std::atomic<long> awaited_thinks_{0};
  std::atomic<long> unknown_tables_{0};
  std::atomic<long> away_from_home_{0};
  std::atomic<int> threads_used_{0};
  std::atomic<std::int64_t> last_arrival_ns_{0};
  std::atomic<bool> released_{false};
  std::atomic<bool> gave_up_{false};
};

}  // namespace racelab::bench
