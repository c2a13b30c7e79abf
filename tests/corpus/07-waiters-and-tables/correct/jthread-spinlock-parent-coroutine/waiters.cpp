// Corpus, exercise 7, correct. Style: std::jthread waiters and a spinlock of
// our own (std::atomic_flag, acquire/release) around the append; one parent
// coroutine spawns a child coroutine per table on its own executor and
// returns at once, and the loop runs them all.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>

#include <atomic>
#include <thread>

namespace racelab {
namespace {

std::atomic_flag list_busy;  // C++20: starts clear

void append_locked(std::vector<int>& served, int table) {
  while (list_busy.test_and_set(std::memory_order_acquire)) {
    std::this_thread::yield();
  }
  served.push_back(table);
  list_busy.clear(std::memory_order_release);
}

boost::asio::awaitable<void> serve_table(Tables& tables, int table, std::vector<int>& served) {
  co_await tables.async_think(table);
  served.push_back(table);
}

boost::asio::awaitable<void> open_restaurant(Tables& tables, std::vector<int>& served) {
  const auto executor = co_await boost::asio::this_coro::executor;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(executor, serve_table(tables, table, served), boost::asio::detached);
  }
}

}  // namespace

std::vector<int> serve_sequential(Tables& tables) {
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    tables.think(table);
    served.push_back(table);
  }
  return served;
}

std::vector<int> serve_with_threads(Tables& tables, int waiters) {
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  {
    std::vector<std::jthread> crew;
    for (int waiter = 0; waiter < waiters; ++waiter) {
      crew.emplace_back([&tables, &served, waiter, waiters, count] {
        for (int table = waiter + 1; table <= count; table += waiters) {
          tables.think(table);
          append_locked(served, table);
        }
      });
    }
  }
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  boost::asio::co_spawn(loop, open_restaurant(tables, served), boost::asio::detached);
  loop.run();
  return served;
}

}  // namespace racelab
