// The event-loop monitor: how responsive was an Asio event loop while a task ran?
//
// An event loop runs one step at a time: a handler, or a coroutine up to its
// next co_await. A step that blocks (sleeps, waits for a thread, computes for
// a long time without co_await) holds the loop, and every other task on it
// freezes. LoopMonitor measures that from the outside, the way a spinner on a
// terminal shows it to a user: it is a coroutine that asks to tick every
// `period` on a steady_timer, and records
//   - how many ticks ran, against how many a free loop would have run, and
//   - the longest time one tick ran late: the longest the loop was held by one
//     step (like asyncio's debug mode reporting "slow callbacks").
//
// A busy machine also delays ticks: the system may keep the loop's thread
// waiting for a processor while other programs run. That is not the code on
// the loop holding it, so the monitor subtracts it: on Linux it reads how
// long the thread waited in the run queue (/proc/thread-self/schedstat) and
// counts only the rest as a stall. A sleep or a long computation on the loop
// is measured in full; a program that was merely kept off the processor is not
// blamed for it. Where that file is missing, stalls are wall-clock time.
//
// Typical use, in a grader:
//
//   auto run = racelab::testing::run_monitored([] { return student_task(); });
//   BOOST_TEST(run.loop.longest_stall < 150ms, "the spinner froze for "
//              + racelab::testing::format_duration(run.loop.longest_stall));
//
// In CMake, link the grader with racelab::loop_monitor (tests/util): its
// source is compiled into each grader with the grader's own flags, so a TSan
// build gets an instrumented monitor.
//
// Everything here runs on the loop's own thread: start(), stop() and the
// ticks. The monitor is not thread-safe and needs no lock.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <exception>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "watched_executor.hpp"

namespace racelab::testing {

using LoopClock = std::chrono::steady_clock;

/// How often the monitor ticks unless told otherwise: often enough to see a
/// stall of a few tens of milliseconds, rarely enough to cost nothing.
inline constexpr LoopClock::duration default_tick_period = std::chrono::milliseconds(10);

/// What a LoopMonitor saw between its start and stop().
struct LoopReport {
  LoopClock::duration period{};         ///< how often the monitor asked to tick
  LoopClock::duration elapsed{};        ///< from the first step of the monitor to stop()
  long ticks = 0;                       ///< ticks that ran (a tick that ran late counts once)
  LoopClock::duration longest_stall{};  ///< the longest any tick ran past its time (including one still due at
                                        ///< stop()), less the time the system kept the loop's thread waiting
                                        ///< for a processor meanwhile: the longest the loop was held by one step
  LoopClock::duration longest_late{};   ///< the same in wall-clock time, system waits included
  LoopClock::duration system_wait{};    ///< total time the loop's thread waited for a processor (0 if unknown)
  long excused_ticks = 0;               ///< ticks missed only because the system kept the thread waiting
  // How the task used the loop (run_monitored() only; see watched_executor.hpp):
  int deepest_inline = 0;               ///< the deepest the task's steps ran inline, one inside another
  long inline_deferred = 0;             ///< steps queued because running them inline went past inline_limit:
                                        ///< the task kept resuming itself with dispatch() on the loop's thread
  int task_threads = 0;                 ///< distinct threads that ran the task's steps (1 on this loop)

  /// The ticks a free loop would have run: elapsed / period in whole ticks,
  /// less the ticks missed only because the system kept the thread waiting.
  long expected_ticks() const;
  /// ticks / expected_ticks(); 1 when no tick was expected yet. About 1 on a
  /// responsive loop, near 0 on a loop that was held most of the time.
  double tick_ratio() const;
  /// One line for messages: "ticked 3 times of 101 expected (3%) in 1.01 s; longest stall 1.00 s",
  /// followed by "; the system kept the loop waiting for a processor for 0.52 s" when that was 50 ms or more.
  std::string summary() const;
};

/// A spinner that measures: ticks every `period` on the loop it is given.
/// Not copyable or movable: its ticking coroutine refers to it.
class LoopMonitor {
 public:
  explicit LoopMonitor(boost::asio::any_io_executor executor, LoopClock::duration period = default_tick_period);
  LoopMonitor(const LoopMonitor&) = delete;
  LoopMonitor& operator=(const LoopMonitor&) = delete;

  /// Spawns the ticking coroutine on the executor. Call once, from the loop's
  /// thread or before the loop runs. Measuring starts when the coroutine first
  /// runs.
  void start();

  /// Stops ticking and closes the report: a tick that is due and has not run
  /// yet counts as a stall up to now. Call on the loop's thread (from a
  /// handler or a coroutine running on the loop). Safe to call twice.
  void stop();

  /// True between start() and stop().
  bool running() const { return started_ && !stopped_; }

  /// The measurements so far; final once stop() has been called.
  const LoopReport& report() const { return report_; }

 private:
  boost::asio::awaitable<void> tick();
  void begin(LoopClock::time_point now);
  void note_tick(LoopClock::time_point now);

  boost::asio::any_io_executor executor_;
  boost::asio::steady_timer timer_;
  LoopReport report_;
  LoopClock::time_point begun_{};
  LoopClock::time_point deadline_{};  // when the next tick is due
  LoopClock::duration last_wait_{};   // the thread's run-queue wait at the last tick
  bool started_ = false;
  bool begun_measuring_ = false;
  bool stopped_ = false;
};

/// "1.02 s" from one second up, "37 ms" below, "0.4 ms" below a millisecond.
std::string format_duration(LoopClock::duration duration);

/// The outcome of run_monitored(): the task's value or exception, and the report.
/// `Value` is std::monostate for a task returning void.
template <class Value>
struct Monitored {
  Value value{};
  std::exception_ptr error;
  LoopReport loop;
};

/// Runs the coroutine returned by `make_task()` on a new single-threaded
/// io_context next to a LoopMonitor, on a WatchedExecutor of the loop (the
/// report says how the task used it), stops the monitor the moment the task
/// ends (returns or throws), and returns when the io_context has nothing
/// left to do. `make_task` is called on the loop, inside a coroutine, so a
/// task that blocks before its first co_await is measured too.
template <class MakeTask>
auto run_monitored(MakeTask make_task, LoopClock::duration period = default_tick_period) {
  using Task = std::invoke_result_t<MakeTask&>;
  using Result = typename Task::value_type;
  using Value = std::conditional_t<std::is_void_v<Result>, std::monostate, Result>;

  boost::asio::io_context loop;
  LoopMonitor monitor(loop.get_executor(), period);
  ExecutorWatch watch;
  Monitored<Value> outcome;
  monitor.start();
  boost::asio::co_spawn(
      WatchedExecutor<boost::asio::io_context::executor_type>(loop.get_executor(), &watch),
      [&]() -> boost::asio::awaitable<void> {
        try {
          if constexpr (std::is_void_v<Result>) {
            co_await make_task();
          } else {
            outcome.value = co_await make_task();
          }
        } catch (...) {
          outcome.error = std::current_exception();
        }
        monitor.stop();
      },
      boost::asio::detached);
  loop.run();
  outcome.loop = monitor.report();
  outcome.loop.deepest_inline = watch.deepest_inline();
  outcome.loop.inline_deferred = watch.deferred();
  outcome.loop.task_threads = watch.threads();
  return outcome;
}

}  // namespace racelab::testing
