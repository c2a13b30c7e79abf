// Corpus, exercise 7, correct. Style: one slot per table. The waiter threads
// write table n into slot n - 1 of a list sized before they start (no two
// threads ever write the same slot); the coroutines are lambdas given to
// co_spawn, capturing the list by reference.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <cstddef>
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
  const int count = static_cast<int>(tables.count());
  std::vector<int> slots(tables.count(), 0);
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &slots, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        slots[static_cast<std::size_t>(table - 1)] = table;
      }
    });
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  return slots;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(
        loop,
        [&tables, &served, table]() -> boost::asio::awaitable<void> {
          co_await tables.async_think(table);
          served.push_back(table);
        },
        boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
