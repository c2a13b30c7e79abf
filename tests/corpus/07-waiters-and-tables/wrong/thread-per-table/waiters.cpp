// Corpus, exercise 7, wrong. Style: "a thread per table is simplest": one
// std::jthread per table, the list under a mutex held for the append only.
// Bug: the number of waiters is ignored: with 1000 tables and 16 waiters it
// starts 1000 threads, where the contract allows at most one per waiter.
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
  (void)waiters;  // one waiter per table instead
  std::vector<int> served;
  std::mutex served_mutex;
  const int count = static_cast<int>(tables.count());
  {
    std::vector<std::jthread> crew;
    for (int table = 1; table <= count; ++table) {
      crew.emplace_back([&tables, &served, &served_mutex, table] {
        tables.think(table);
        std::lock_guard<std::mutex> lock(served_mutex);
        served.push_back(table);
      });
    }
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
