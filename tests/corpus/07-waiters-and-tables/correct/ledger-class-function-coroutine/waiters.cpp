// Corpus, exercise 7, correct. Style: classes and std::function. The waiters
// write in a Ledger whose mutex is private (held for the append only, never
// across think()); the coroutine that serves a table is a lambda kept in a
// std::function that outlives the loop.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace racelab {
namespace {

class Ledger {
 public:
  void write_down(int table) {
    std::lock_guard<std::mutex> lock(mutex_);
    tables_.push_back(table);
  }

  std::vector<int> close() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(tables_);
  }

 private:
  std::mutex mutex_;
  std::vector<int> tables_;
};

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
  Ledger ledger;
  const int count = static_cast<int>(tables.count());
  {
    std::vector<std::jthread> crew;
    for (int waiter = 0; waiter < waiters; ++waiter) {
      crew.emplace_back([&tables, &ledger, waiter, waiters, count] {
        for (int table = waiter + 1; table <= count; table += waiters) {
          tables.think(table);
          ledger.write_down(table);
        }
      });
    }
  }  // the jthreads join here
  return ledger.close();
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  std::vector<int> served;
  const std::function<boost::asio::awaitable<void>(int)> serve =
      [&tables, &served](int table) -> boost::asio::awaitable<void> {
    co_await tables.async_think(table);
    served.push_back(table);
  };
  boost::asio::io_context loop;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve(table), boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
