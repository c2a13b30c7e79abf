// Corpus, exercise 1, wrong. Style: a spinlock of our own on
// std::atomic<bool>::exchange(), lock()/unlock() helpers.
// Bug: both the lock and the unlock use memory_order_relaxed. The flag itself
// is exclusive, but relaxed operations order nothing else: the counter's read
// and write are not ordered between workers (a data race; the compiler and the
// processor may move them out of the "critical section").
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::atomic<bool> locked{false};

void spin_lock() {
  while (locked.exchange(true, std::memory_order_relaxed)) {
    std::this_thread::yield();
  }
}

void spin_unlock() { locked.store(false, std::memory_order_relaxed); }

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    spin_lock();
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    spin_unlock();
    fuzz();
  }
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
