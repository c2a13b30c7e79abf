// A wrong fix for exercise 7: everything as in the reference, but the event
// loop is run by two threads "to go faster". Handlers then run on both, two
// coroutines at the same moment, and both write on the one list with no lock.
// The second thread only gets handlers when it happens to be waiting as they
// become ready, so on a quiet machine a run may look fine.
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
        tables.think(table);  // no lock held here: the other waiters' tables think meanwhile
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
  // Suspends this coroutine only: the loop starts the other tables meanwhile.
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
