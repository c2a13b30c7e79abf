// Corpus, exercise 1, correct. Style: C-like control flow: try_lock() and a
// goto back to the top when the lock is busy or after each increment.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

static long counter = 0;
static std::mutex counter_mutex;

static void worker(long increments) {
  long i = 0;
again:
  if (i == increments) {
    return;
  }
  if (!counter_mutex.try_lock()) {
    std::this_thread::yield();
    goto again;
  }
  {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
  }
  counter_mutex.unlock();
  ++i;
  fuzz();
  goto again;
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
