// Tests of the event-loop monitor: it must see a loop held by one step, and
// must not see one on a loop that stays free. Times are compared with wide
// margins (a held step of 300 ms against thresholds of 100–200 ms) so the
// verdicts hold on a busy machine.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "loop_monitor.hpp"

namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using boost::asio::use_awaitable;
using racelab::testing::format_duration;
using racelab::testing::LoopClock;
using racelab::testing::LoopReport;
using racelab::testing::run_monitored;

awaitable<void> wait_for(LoopClock::duration duration) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, duration);
  co_await timer.async_wait(use_awaitable);
}

// Keeps the processor busy for `duration`, handing the loop back every millisecond.
awaitable<void> work_in_small_steps(LoopClock::duration duration) {
  const auto end = LoopClock::now() + duration;
  while (LoopClock::now() < end) {
    const auto step_end = LoopClock::now() + 1ms;
    while (LoopClock::now() < step_end) {
    }
    co_await boost::asio::post(co_await boost::asio::this_coro::executor, use_awaitable);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(loop_monitor_tests)

BOOST_AUTO_TEST_CASE(a_free_loop_ticks_on_time) {
  auto run = run_monitored([] { return wait_for(300ms); });
  BOOST_TEST(!run.error);
  BOOST_TEST(run.loop.elapsed >= 290ms);
  BOOST_TEST(run.loop.longest_stall < 100ms, run.loop.summary());
  BOOST_TEST(run.loop.tick_ratio() >= 0.5, run.loop.summary());
  BOOST_TEST(run.loop.tick_ratio() <= 1.1, run.loop.summary());  // a tick may land just past the end
}

BOOST_AUTO_TEST_CASE(a_sleep_inside_a_coroutine_is_a_stall) {
  auto run = run_monitored([]() -> awaitable<int> {
    co_await wait_for(50ms);
    std::this_thread::sleep_for(300ms);  // holds the loop: nothing else runs
    co_await wait_for(50ms);
    co_return 7;
  });
  BOOST_TEST(run.value == 7);
  BOOST_TEST(run.loop.longest_stall >= 250ms, run.loop.summary());
  BOOST_TEST(run.loop.tick_ratio() < 0.5, run.loop.summary());
}

BOOST_AUTO_TEST_CASE(a_long_computation_without_co_await_is_a_stall) {
  auto run = run_monitored([]() -> awaitable<void> {
    const auto end = LoopClock::now() + 300ms;
    while (LoopClock::now() < end) {
    }
    co_return;
  });
  // Measured in the thread's own time: on a busy machine the wall-clock
  // stall is longer, never shorter.
  BOOST_TEST(run.loop.longest_late >= 250ms, run.loop.summary());
  BOOST_TEST(run.loop.longest_stall + run.loop.system_wait >= 250ms, run.loop.summary());
  BOOST_TEST(run.loop.ticks <= 1, run.loop.summary());
}

BOOST_AUTO_TEST_CASE(a_task_that_blocks_from_its_first_step_is_measured) {
  // The task ends while the loop is still held: the stall is closed by stop().
  auto run = run_monitored([]() -> awaitable<bool> {
    std::this_thread::sleep_for(300ms);
    co_return true;
  });
  BOOST_TEST(run.value);
  BOOST_TEST(run.loop.longest_stall >= 250ms, run.loop.summary());
  BOOST_TEST(run.loop.ticks <= 1, run.loop.summary());
}

BOOST_AUTO_TEST_CASE(busy_work_in_small_steps_keeps_the_loop_free) {
  auto run = run_monitored([] { return work_in_small_steps(300ms); });
  BOOST_TEST(run.loop.longest_stall < 100ms, run.loop.summary());
  BOOST_TEST(run.loop.tick_ratio() >= 0.5, run.loop.summary());
}

BOOST_AUTO_TEST_CASE(an_exception_from_the_task_is_kept_and_the_loop_ends) {
  auto run = run_monitored([]() -> awaitable<int> {
    co_await wait_for(20ms);
    throw std::runtime_error("broken task");
  });
  BOOST_REQUIRE(run.error);
  BOOST_CHECK_THROW(std::rethrow_exception(run.error), std::runtime_error);
  BOOST_TEST(run.loop.elapsed < 5s);
}

// How the task uses the loop (watched_executor.hpp).

BOOST_AUTO_TEST_CASE(a_coroutine_that_resumes_itself_with_dispatch_is_seen_and_does_not_overflow_the_stack) {
  // Without the watch, 200000 inline resumptions, one inside the other,
  // overflow the loop thread's stack.
  auto run = run_monitored([]() -> awaitable<long> {
    long steps = 0;
    for (int i = 0; i < 200000; ++i) {
      co_await boost::asio::dispatch(co_await boost::asio::this_coro::executor, use_awaitable);
      ++steps;
    }
    co_return steps;
  });
  BOOST_TEST(run.value == 200000);
  BOOST_TEST(run.loop.inline_deferred > 0);
  BOOST_TEST(run.loop.deepest_inline == racelab::testing::inline_limit);
  BOOST_TEST(run.loop.task_threads == 1);
}

BOOST_AUTO_TEST_CASE(a_coroutine_that_yields_with_post_runs_nothing_inline_for_long) {
  auto run = run_monitored([]() -> awaitable<long> {
    long steps = 0;
    for (int i = 0; i < 20000; ++i) {
      co_await boost::asio::post(co_await boost::asio::this_coro::executor, use_awaitable);
      ++steps;
    }
    co_return steps;
  });
  BOOST_TEST(run.value == 20000);
  BOOST_TEST(run.loop.inline_deferred == 0);
  BOOST_TEST(run.loop.deepest_inline <= 4);
}

BOOST_AUTO_TEST_CASE(work_offloaded_to_a_pool_comes_back_to_the_loops_thread) {
  boost::asio::thread_pool pool(2);
  auto run = run_monitored([&pool]() -> awaitable<int> {
    int total = 0;
    for (int i = 0; i < 50; ++i) {
      total += co_await boost::asio::co_spawn(pool, []() -> awaitable<int> { co_return 1; }, use_awaitable);
    }
    co_return total;
  });
  pool.join();
  BOOST_TEST(run.value == 50);
  BOOST_TEST(run.loop.task_threads == 1);
  BOOST_TEST(run.loop.inline_deferred == 0);
}

BOOST_AUTO_TEST_CASE(the_report_counts_expected_ticks_in_whole_periods) {
  LoopReport report;
  report.period = 10ms;
  report.elapsed = 1005ms;
  report.ticks = 25;
  report.longest_stall = 700ms;
  BOOST_TEST(report.expected_ticks() == 100);
  BOOST_TEST(report.tick_ratio() == 0.25);
  BOOST_TEST(report.summary() == "ticked 25 times of 100 expected (25%) in 1.00 s; longest stall 700 ms");
  report.elapsed = 5ms;
  BOOST_TEST(report.tick_ratio() == 1.0);
}

BOOST_AUTO_TEST_CASE(time_spent_waiting_for_a_processor_is_not_expected_to_tick) {
  LoopReport report;
  report.period = 10ms;
  report.elapsed = 3s;
  report.system_wait = 2s;
  report.excused_ticks = 200;
  report.ticks = 90;
  BOOST_TEST(report.expected_ticks() == 100);
  BOOST_TEST(report.summary() ==
             "ticked 90 times of 100 expected (90%) in 3.00 s; longest stall 0.0 ms; "
             "the system kept the loop waiting for a processor for 2.00 s");
}

BOOST_AUTO_TEST_CASE(durations_read_like_a_person_would_write_them) {
  BOOST_TEST(format_duration(1020ms) == "1.02 s");
  BOOST_TEST(format_duration(37ms) == "37 ms");
  BOOST_TEST(format_duration(400us) == "0.4 ms");
}

BOOST_AUTO_TEST_SUITE_END()
