// Corpus, exercise 7, correct. Style: the waiters take the next table from a
// shared std::atomic cursor (fetch_add) and note it on a pad of their own;
// the pads are put together after the join. The coroutines' loop is driven
// by hand with run_one() until every table is served.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstddef>
#include <thread>

namespace racelab {
namespace {

boost::asio::awaitable<void> serve_table(Tables& tables, int table, std::vector<int>& served) {
  co_await tables.async_think(table);
  served.push_back(table);
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
  const int count = static_cast<int>(tables.count());
  std::atomic<int> next_table{1};
  std::vector<std::vector<int>> pads(static_cast<std::size_t>(waiters));
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &next_table, &pads, waiter, count] {
      std::vector<int>& pad = pads[static_cast<std::size_t>(waiter)];
      for (int table = next_table.fetch_add(1); table <= count; table = next_table.fetch_add(1)) {
        tables.think(table);
        pad.push_back(table);
      }
    });
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  std::vector<int> served;
  for (const std::vector<int>& pad : pads) {
    served.insert(served.end(), pad.begin(), pad.end());
  }
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table, served), boost::asio::detached);
  }
  while (served.size() < tables.count() && loop.run_one() > 0) {
    // this thread runs the loop, one handler at a time
  }
  return served;
}

}  // namespace racelab
