// Exercise 7 — waiters and tables.
//
// Every table thinks about its order for a while; a waiter can write the order
// down only when the table has made up its mind. Three ways to serve them: one
// waiter for all, a waiter thread per table (or per few tables), coroutines on
// one event loop. Run `ctest -L exercise7` and read what the judges say, then
// read README.md in this folder.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

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
  served.reserve(tables.count());  // room for every table: the list never grows
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    // Waiter w serves tables w + 1, w + 1 + waiters, w + 1 + 2 * waiters, ...
    crew.emplace_back([&tables, &served, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        // TODO: every waiter writes on the same list.
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
  // TODO: all the tables should be thinking at the same time.
  tables.think(table);
  served.push_back(table);
  co_return;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table, served), boost::asio::detached);
  }
  loop.run();  // runs every coroutine to its end, on this thread
  return served;
}

}  // namespace racelab
