// Corpus, exercise 7, correct. Style: the waiters are std::async tasks that
// return the tables they served, collected from the futures; each coroutine
// returns its table number, and a completion handler given to co_spawn
// writes it down (on the loop's thread).
#include "waiters.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <future>

namespace racelab {
namespace {

std::vector<int> one_waiter(Tables& tables, int first, int stride) {
  std::vector<int> mine;
  const int count = static_cast<int>(tables.count());
  for (int table = first; table <= count; table += stride) {
    tables.think(table);
    mine.push_back(table);
  }
  return mine;
}

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
  std::vector<std::future<std::vector<int>>> crew;
  for (int waiter = 0; waiter < waiters; ++waiter) {
    crew.push_back(std::async(std::launch::async, one_waiter, std::ref(tables), waiter + 1, waiters));
  }
  std::vector<int> served;
  for (auto& waiter : crew) {
    const std::vector<int> mine = waiter.get();
    served.insert(served.end(), mine.begin(), mine.end());
  }
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  std::vector<int> served;
  std::exception_ptr failure;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(loop, serve_table(tables, table), [&served, &failure](std::exception_ptr error, int done) {
      if (error) {
        failure = error;
      } else {
        served.push_back(done);
      }
    });
  }
  loop.run();
  if (failure) {
    std::rethrow_exception(failure);
  }
  return served;
}

}  // namespace racelab
