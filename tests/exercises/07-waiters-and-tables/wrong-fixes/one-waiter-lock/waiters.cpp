// Exercise 7 — wrong fix "one-waiter-lock": the lock that protects the list
// is taken before the table thinks, so it is held across think(): one waiter
// at a time serves a table while the others queue for the lock. No race left,
// and no concurrency either: the threads serve the tables one by one.
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
    // Waiter w serves tables w + 1, w + 1 + waiters, w + 1 + 2 * waiters, ...
    crew.emplace_back([&tables, &served, &served_mutex, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        std::lock_guard<std::mutex> lock(served_mutex);  // taken too early: held while the table thinks
        tables.think(table);
        served.push_back(table);
      }
    });
  }
  for (auto& thread : crew) {
    thread.join();
  }
  return served;
}

boost::asio::awaitable<void> serve_table(Tables& tables, int table, std::vector<int>& served) {
  // Suspends this coroutine only: the loop starts the other tables meanwhile.
  co_await tables.async_think(table);
  served.push_back(table);  // one thread runs every coroutine: no lock needed
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table, served), boost::asio::detached);
  }
  loop.run();  // returns when every table has been served
  return served;
}

}  // namespace racelab
