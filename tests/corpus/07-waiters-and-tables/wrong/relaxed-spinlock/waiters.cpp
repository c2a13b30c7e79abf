// Corpus, exercise 7, wrong. Style: a spinlock of our own on
// std::atomic<bool> (exchange), held for the append only.
// Bug: memory_order_relaxed on the lock and on the unlock: the flag is
// exclusive, but nothing orders one waiter's append before the next waiter's:
// a data race on the list.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
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
  std::atomic<bool> pen_taken{false};
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&, waiter] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        while (pen_taken.exchange(true, std::memory_order_relaxed)) {
          std::this_thread::yield();
        }
        served.push_back(table);
        pen_taken.store(false, std::memory_order_relaxed);
      }
    });
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  return served;
}

boost::asio::awaitable<void> serve_table(Tables& tables, int table, std::vector<int>& served) {
  co_await tables.async_think(table);
  served.push_back(table);
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table, served), boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
