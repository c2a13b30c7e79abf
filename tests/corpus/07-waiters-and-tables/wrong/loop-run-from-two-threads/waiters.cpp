// Corpus, exercise 7, wrong. Style: the reference's threads; the coroutines
// wait with async_think(), and a helper thread runs the loop too, "so the
// tables are served twice as fast".
// Bug: two threads run one io_context: coroutines resume on either, their
// appends to the shared list race, and tables think on a thread that is not
// the caller's.
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
  std::thread helper([&loop] { loop.run(); });
  loop.run();
  helper.join();
  return served;
}

}  // namespace racelab
