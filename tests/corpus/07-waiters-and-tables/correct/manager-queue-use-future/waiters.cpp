// Corpus, exercise 7, correct. Style: a manager. The waiter threads report
// each table they served to the calling thread through a queue (mutex and
// condition variable); only the caller writes the list. Each coroutine
// returns its table through a std::future (co_spawn with use_future), read
// once the loop has run them all.
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <condition_variable>
#include <cstddef>
#include <future>
#include <mutex>
#include <queue>
#include <thread>

namespace racelab {
namespace {

class Reports {
 public:
  void send(int table) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      tables_.push(table);
    }
    arrived_.notify_one();
  }

  int receive() {
    std::unique_lock<std::mutex> lock(mutex_);
    arrived_.wait(lock, [this] { return !tables_.empty(); });
    const int table = tables_.front();
    tables_.pop();
    return table;
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::queue<int> tables_;
};

boost::asio::awaitable<int> serve_table(Tables& tables, int table) {
  co_await tables.async_think(table);
  co_return table;
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
  Reports reports;
  const int count = static_cast<int>(tables.count());
  std::vector<std::thread> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.emplace_back([&tables, &reports, waiter, waiters, count] {
      for (int table = waiter + 1; table <= count; table += waiters) {
        tables.think(table);
        reports.send(table);
      }
    });
  }
  std::vector<int> served;
  for (std::size_t i = 0; i < tables.count(); ++i) {
    served.push_back(reports.receive());
  }
  for (std::thread& thread : crew) {
    thread.join();
  }
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<std::future<int>> tickets;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    tickets.push_back(boost::asio::co_spawn(loop, serve_table(tables, table), boost::asio::use_future));
  }
  loop.run();  // every coroutine has finished: every future is ready
  std::vector<int> served;
  for (std::future<int>& ticket : tickets) {
    served.push_back(ticket.get());
  }
  return served;
}

}  // namespace racelab
