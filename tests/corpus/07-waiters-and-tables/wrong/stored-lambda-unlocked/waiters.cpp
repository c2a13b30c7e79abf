// Corpus, exercise 7, wrong. Style: the note-taking is a lambda stored in a
// variable and called by every waiter thread; a mutex is declared next to it.
// Bug: the stored lambda appends without the mutex, which is only taken to
// read the list at the end: the waiters' appends race, through the lambda.
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
  const auto write_down = [&served](int table) { served.push_back(table); };
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &write_down, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        write_down(table);
      }
    });
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  std::lock_guard<std::mutex> lock(served_mutex);
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
