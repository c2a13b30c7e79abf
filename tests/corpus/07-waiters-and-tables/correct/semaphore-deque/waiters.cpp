// Corpus, exercise 7, correct. Style: a std::binary_semaphore as the lock
// around the waiters' shared list (acquire/release by hand, after think());
// the coroutines note their tables in a std::deque, converted at the end.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <deque>
#include <semaphore>
#include <thread>

namespace racelab {
namespace {

boost::asio::awaitable<void> serve_table(Tables& tables, int table, std::deque<int>& notes) {
  co_await tables.async_think(table);
  notes.push_back(table);
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
  std::binary_semaphore pen{1};  // whoever holds the pen writes on the list
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&, waiter] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        pen.acquire();
        served.push_back(table);
        pen.release();
      }
    });
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::deque<int> notes;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table, notes), boost::asio::detached);
  }
  loop.run();
  return std::vector<int>(notes.begin(), notes.end());
}

}  // namespace racelab
