// Exercise 7 — reference solution "list-per-waiter": nothing is shared while
// the waiters work. Each waiter thread writes on a list of its own, and the
// lists are put together after every waiter has been joined. The coroutines
// write into one slot each of a list made before they start.
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
  // One list per waiter, made before any thread starts: waiter w touches
  // pads[w] only, so no two threads ever write the same list.
  std::vector<std::vector<int>> pads(static_cast<std::size_t>(waiters));
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &pad = pads[static_cast<std::size_t>(waiter)], waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        pad.push_back(table);
      }
    });
  }
  for (auto& thread : crew) {
    thread.join();
  }
  // Every waiter has finished: their lists can be read now.
  std::vector<int> served;
  for (const auto& pad : pads) {
    served.insert(served.end(), pad.begin(), pad.end());
  }
  return served;
}

boost::asio::awaitable<void> serve_table(Tables& tables, int table, int& slot) {
  co_await tables.async_think(table);
  slot = table;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served(tables.count());  // slot n - 1 for table n, sized before any coroutine starts
  for (std::size_t i = 0; i < served.size(); ++i) {
    boost::asio::co_spawn(loop, serve_table(tables, static_cast<int>(i + 1), served[i]), boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
