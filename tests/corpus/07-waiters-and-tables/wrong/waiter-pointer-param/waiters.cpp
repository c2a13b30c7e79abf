// Corpus, exercise 7, wrong. Style: a named waiter function that receives the
// tables and the list by pointer.
// Bug: every waiter appends to the same list through its pointer with no
// lock: a data race on the list (entries lost or the vector corrupted).
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

void wait_on(Tables* tables, std::vector<int>* served, int first, int stride) {
  const int count = static_cast<int>(tables->count());
  for (int table = first; table <= count; table += stride) {
    tables->think(table);
    served->push_back(table);
  }
}

std::vector<int> serve_with_threads(Tables& tables, int waiters) {
  std::vector<int> served;
  served.reserve(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back(wait_on, &tables, &served, waiter + 1, waiters);
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
