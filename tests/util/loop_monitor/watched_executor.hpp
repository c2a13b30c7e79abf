// An executor that watches how a task uses its event loop.
//
// A coroutine on an Asio event loop gets the loop's executor from
// `co_await this_coro::executor`, and everything it hands the loop goes
// through that executor: post() (queue this behind the other tasks),
// dispatch() (run it now if we are already on the loop's thread, else queue
// it), and the resumption of the coroutine after each co_await. The grader
// runs the student's coroutine on a WatchedExecutor wrapped around the loop's
// own, which behaves exactly like it and notes two things:
//
// - how deep functions run *inline*, one inside another, on the loop's
//   thread. `co_await dispatch(ex, use_awaitable)` from the loop's thread
//   resumes the coroutine at once, inside the dispatch call: the loop gets no
//   turn, and a coroutine that does it in a loop goes one level deeper each
//   time until the thread's stack overflows — a crash with no explanation.
//   Past `inline_limit` levels the watched executor queues the function
//   instead (so the program goes on and the grader can explain), and counts
//   it. Asio itself nests a level or two; a correct task never comes near.
// - which threads ran the functions: on a loop run by one thread, one.
//
// Everything it records is a relaxed atomic or a thread_local: it adds no
// synchronisation that TSan could mistake for the student's.
#pragma once

#include <boost/asio/execution.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/query.hpp>
#include <boost/asio/require.hpp>

#include <atomic>
#include <thread>
#include <type_traits>
#include <utility>

namespace racelab::testing {

/// Nesting deeper than this is a coroutine resuming itself inline, over and over.
inline constexpr int inline_limit = 16;

/// What a WatchedExecutor saw. Not copyable: executors point to it.
class ExecutorWatch {
 public:
  ExecutorWatch() = default;
  ExecutorWatch(const ExecutorWatch&) = delete;
  ExecutorWatch& operator=(const ExecutorWatch&) = delete;

  /// The deepest functions ran inline, one inside another (at most inline_limit).
  int deepest_inline() const { return deepest_inline_.load(std::memory_order_relaxed); }
  /// Functions queued because running them inline would have gone past inline_limit.
  long deferred() const { return deferred_.load(std::memory_order_relaxed); }
  /// Distinct threads that ran functions given to the executor (counted up to 8).
  int threads() const { return thread_count_.load(std::memory_order_relaxed); }

  // For WatchedExecutor.
  void note_depth(int depth) {
    int deepest = deepest_inline_.load(std::memory_order_relaxed);
    while (depth > deepest && !deepest_inline_.compare_exchange_weak(deepest, depth, std::memory_order_relaxed)) {
    }
  }
  void note_deferred() { deferred_.fetch_add(1, std::memory_order_relaxed); }
  void note_running_thread() {
    const std::thread::id self = std::this_thread::get_id();
    const int count = thread_count_.load(std::memory_order_relaxed);
    for (int i = 0; i < count && i < max_threads; ++i) {
      if (threads_[i].load(std::memory_order_relaxed) == self) return;
    }
    const int slot = thread_count_.fetch_add(1, std::memory_order_relaxed);
    if (slot < max_threads) threads_[slot].store(self, std::memory_order_relaxed);
  }

 private:
  static constexpr int max_threads = 8;
  std::atomic<int> deepest_inline_{0};
  std::atomic<long> deferred_{0};
  std::atomic<int> thread_count_{0};
  std::atomic<std::thread::id> threads_[max_threads];
};

namespace detail {
inline int& inline_depth() {
  thread_local int depth = 0;
  return depth;
}
}  // namespace detail

/// The loop's executor `Inner`, with an ExecutorWatch (see above). Satisfies
/// what boost::asio::any_io_executor asks of an executor, by forwarding every
/// property to Inner.
template <class Inner>
class WatchedExecutor {
 public:
  WatchedExecutor(const Inner& inner, ExecutorWatch* watch) noexcept : inner_(inner), watch_(watch) {}

  template <class Property>
  auto query(const Property& property) const
      noexcept(noexcept(boost::asio::query(std::declval<const Inner&>(), property)))
          -> decltype(boost::asio::query(std::declval<const Inner&>(), property)) {
    return boost::asio::query(inner_, property);
  }

  template <class Property>
  auto require(const Property& property) const
      -> WatchedExecutor<std::decay_t<decltype(boost::asio::require(std::declval<const Inner&>(), property))>> {
    return {boost::asio::require(inner_, property), watch_};
  }

  template <class Property>
  auto prefer(const Property& property) const
      -> WatchedExecutor<std::decay_t<decltype(boost::asio::prefer(std::declval<const Inner&>(), property))>> {
    return {boost::asio::prefer(inner_, property), watch_};
  }

  template <class Function>
  void execute(Function&& function) const {
    namespace execution = boost::asio::execution;
    ExecutorWatch* watch = watch_;
    auto noted = [watch, f = std::forward<Function>(function)]() mutable {
      watch->note_running_thread();
      std::move(f)();
    };
    const bool may_run_inline = boost::asio::query(inner_, execution::blocking) != execution::blocking.never &&
                                inner_.running_in_this_thread();
    if (!may_run_inline) {
      inner_.execute(std::move(noted));
      return;
    }
    int& depth = detail::inline_depth();
    if (depth >= inline_limit) {
      watch->note_deferred();
      boost::asio::require(inner_, execution::blocking.never).execute(std::move(noted));
      return;
    }
    ++depth;
    watch->note_depth(depth);
    struct Leave {
      int& depth;
      ~Leave() { --depth; }
    } leave{depth};
    inner_.execute(std::move(noted));
  }

  friend bool operator==(const WatchedExecutor& a, const WatchedExecutor& b) noexcept {
    return a.inner_ == b.inner_ && a.watch_ == b.watch_;
  }
  friend bool operator!=(const WatchedExecutor& a, const WatchedExecutor& b) noexcept { return !(a == b); }

 private:
  template <class>
  friend class WatchedExecutor;

  Inner inner_;
  ExecutorWatch* watch_;
};

}  // namespace racelab::testing
