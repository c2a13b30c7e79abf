// Exercise 1 — the unsynchronized counter. Reference solution: a mutex.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;  // shared by every worker
std::mutex counter_mutex;
// One mutex for the one counter: every worker locks the same object, so only
// one of them at a time is between the read and the write.

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    std::lock_guard<std::mutex> lock(counter_mutex);
    // Held until the end of the loop body: the read, fuzz() and the write form
    // one step that no other worker can split.
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  // No lock needed here: no worker exists yet.
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter;
  // join() makes every worker's writes visible to this thread: reading without
  // the lock is safe once all of them are joined.
}

}  // namespace racelab
