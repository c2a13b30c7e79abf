// Corpus, exercise 1, correct. Style: manual lock()/unlock() on a std::mutex,
// an endless loop left by an early return from inside the critical section
// (unlocking first).
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

void worker(long increments) {
  long done_here = 0;
  while (true) {
    counter_mutex.lock();
    if (done_here == increments) {
      counter_mutex.unlock();
      return;
    }
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    counter_mutex.unlock();
    ++done_here;
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
