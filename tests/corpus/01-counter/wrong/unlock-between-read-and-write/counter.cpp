// Corpus, exercise 1, wrong. Style: manual lock()/unlock() around every
// access of the counter.
// Bug: the lock is released between the read and the write-back. Each access
// is locked, but another worker can write in between, and its increment is
// then overwritten with old + 1: lost updates without a data race.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    counter_mutex.lock();
    long old_value = counter;
    counter_mutex.unlock();
    fuzz();
    counter_mutex.lock();
    counter = old_value + 1;
    counter_mutex.unlock();
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
