// POLICY-EXERCISE: 07-waiters-and-tables
// Exercise 7 with a work-stealing index for the waiters and awaitable
// operators for the tables.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <mutex>
#include <thread>

namespace racelab {

std::vector<int> serve_sequential(Tables &tables) {
  std::vector<int> served;
  for (int table = 1; table <= static_cast<int>(tables.count()); ++table) {
    tables.think(table);
    served.push_back(table);
  }
  return served;
}

std::vector<int> serve_with_threads(Tables &tables, int waiters) {
  const int count = static_cast<int>(tables.count());
  std::atomic<int> next{1};
  std::mutex served_mutex;
  std::vector<int> served;
  std::vector<std::jthread> crew;
  for (int w = 0; w < std::min(waiters, count); ++w) {
    crew.emplace_back([&] {
      for (int table = next++; table <= count; table = next++) {
        tables.think(table);
        std::scoped_lock lock(served_mutex);
        served.push_back(table);
      }
    });
  }
  crew.clear();
  return served;
}

namespace {

using namespace boost::asio::experimental::awaitable_operators;

boost::asio::awaitable<void> serve_pair(Tables &tables, int first, int second, std::vector<int> &served) {
  if (second <= static_cast<int>(tables.count())) {
    co_await (tables.async_think(first) && tables.async_think(second));
    served.push_back(first);
    served.push_back(second);
  } else {
    co_await tables.async_think(first);
    served.push_back(first);
  }
}

}  // namespace

std::vector<int> serve_with_coroutines(Tables &tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  for (int table = 1; table <= static_cast<int>(tables.count()); table += 2) {
    boost::asio::co_spawn(loop, serve_pair(tables, table, table + 1, served), boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
