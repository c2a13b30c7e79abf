// Exercise 7 — wrong fix "await-one-by-one": the blocking think() in the
// coroutine is replaced by co_await tables.async_think(), which is right, but
// one coroutine awaits the tables one after another. co_await waits for the
// table it is given before the loop even asks the next one: nothing blocks,
// nothing races, and still only one table thinks at a time.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <mutex>
#include <thread>

namespace racelab {

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
  std::mutex served_mutex;
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &served, &served_mutex, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        std::lock_guard<std::mutex> lock(served_mutex);
        served.push_back(table);
      }
    });
  }
  for (auto& thread : crew) {
    thread.join();
  }
  return served;
}

boost::asio::awaitable<void> serve_all_tables(Tables& tables, std::vector<int>& served) {
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    co_await tables.async_think(table);
    served.push_back(table);
  }
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  boost::asio::co_spawn(loop, serve_all_tables(tables, served), boost::asio::detached);
  loop.run();
  return served;
}

}  // namespace racelab
