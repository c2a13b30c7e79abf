// Corpus, exercise 7, correct. Style: POSIX threads for the waiters, each
// given a struct by pointer; one pthread_mutex_t guards the list, held for
// the append only. The coroutines are spawned on a strand of the loop.
#include "waiters.hpp"

#include <pthread.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>

#include <cstddef>

namespace racelab {
namespace {

struct WaiterJob {
  Tables* tables;
  int first;
  int stride;
  pthread_mutex_t* lock;
  std::vector<int>* served;
};

void* wait_on_tables(void* raw) {
  const WaiterJob* job = static_cast<const WaiterJob*>(raw);
  const int count = static_cast<int>(job->tables->count());
  for (int table = job->first; table <= count; table += job->stride) {
    job->tables->think(table);
    pthread_mutex_lock(job->lock);
    job->served->push_back(table);
    pthread_mutex_unlock(job->lock);
  }
  return nullptr;
}

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
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  std::vector<int> served;
  std::vector<WaiterJob> jobs;
  jobs.reserve(static_cast<std::size_t>(waiters));  // the threads keep pointers into it
  for (int waiter = 0; waiter < waiters; ++waiter) {
    jobs.push_back(WaiterJob{&tables, waiter + 1, waiters, &lock, &served});
  }
  std::vector<pthread_t> crew;
  for (WaiterJob& job : jobs) {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, wait_on_tables, &job) == 0) {
      crew.push_back(thread);
    }
  }
  for (pthread_t thread : crew) {
    pthread_join(thread, nullptr);
  }
  pthread_mutex_destroy(&lock);
  return served;
}

std::vector<int> serve_with_coroutines(Tables& tables) {
  boost::asio::io_context loop;
  auto strand = boost::asio::make_strand(loop);
  std::vector<int> served;
  const int count = static_cast<int>(tables.count());
  for (int table = 1; table <= count; ++table) {
    boost::asio::co_spawn(strand, serve_table(tables, table, served), boost::asio::detached);
  }
  loop.run();
  return served;
}

}  // namespace racelab
