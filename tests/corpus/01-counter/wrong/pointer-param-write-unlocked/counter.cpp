// Corpus, exercise 1, wrong. Style: the counter and its mutex live in a
// struct, a local of count_in_parallel(), handed to a named worker function
// by pointer.
// Bug: the worker locks around the read only; the write-back through the
// pointer is unlocked: a data race on shared->total, and lost updates.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

struct Shared {
  std::mutex mutex;
  long total = 0;
};

void add_to(Shared* shared, long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value;
    {
      std::lock_guard<std::mutex> lock(shared->mutex);
      old_value = shared->total;
    }
    fuzz();
    shared->total = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  Shared shared;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(add_to, &shared, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return shared.total;
}

}  // namespace racelab
