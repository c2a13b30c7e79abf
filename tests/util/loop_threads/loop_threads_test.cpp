// Tests of the loop-threads watch: a loop run by two threads is seen to be,
// on every run, and a loop run by one thread is not, quickly. Built with
// BOOST_ASIO_CUSTOM_HANDLER_TRACKING=<racelab_asio_tracking.hpp>, as a grader is.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "loop_threads.hpp"

namespace {

using namespace std::chrono_literals;
using racelab::testing::LoopThreadsWatch;

constexpr int repeats = 20;

// A table that thinks: waits on a timer of its own loop, then counts itself.
boost::asio::awaitable<void> table(std::atomic<int>& served) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, 2ms);
  co_await timer.async_wait(boost::asio::use_awaitable);
  served.fetch_add(1, std::memory_order_relaxed);
}

void spawn_tables(boost::asio::io_context& loop, std::atomic<int>& served, int count) {
  for (int i = 0; i < count; ++i) boost::asio::co_spawn(loop, table(served), boost::asio::detached);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(loop_threads)

BOOST_AUTO_TEST_CASE(a_loop_run_by_one_thread_has_one) {
  for (int run = 0; run < repeats; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const LoopThreadsWatch watch;
    boost::asio::io_context loop;
    std::atomic<int> served{0};
    spawn_tables(loop, served, 5);
    loop.run();
    BOOST_TEST(served.load() == 5);
    BOOST_TEST(watch.loops() == 1);
    BOOST_TEST(watch.most_threads_on_one_loop() == 1);
    BOOST_TEST((std::chrono::steady_clock::now() - start < 5s));
  }
}

BOOST_AUTO_TEST_CASE(a_loop_run_by_two_threads_is_seen_every_time) {
  for (int tables : {5, 1000}) {
    for (int run = 0; run < repeats; ++run) {
      const LoopThreadsWatch watch;
      boost::asio::io_context loop;
      std::atomic<int> served{0};
      spawn_tables(loop, served, tables);
      std::thread helper([&loop] { loop.run(); });
      loop.run();
      helper.join();
      BOOST_TEST(served.load() == tables);
      BOOST_TEST(watch.most_threads_on_one_loop() == 2, tables << " tables, run " << run);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_loop_run_by_another_thread_alone_has_one) {
  const LoopThreadsWatch watch;
  boost::asio::io_context loop;
  std::atomic<int> served{0};
  spawn_tables(loop, served, 5);
  std::thread([&loop] { loop.run(); }).join();
  BOOST_TEST(served.load() == 5);
  BOOST_TEST(watch.most_threads_on_one_loop() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
